import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../../shared/domain/codes';
import { E2E_PASSWORD, cookieOf, postRpc, signInBrowser, signInHttp, type Credentials } from './session';

export interface HarnessUser extends Credentials {
  name: string;
  role: Role;
}

export interface Harness {
  url: string;
  dataDir: string;
  /** The user this harness's `rpc` calls and `signIn` act as: staff number `web-<role>`, password E2E_PASSWORD. */
  user: HarnessUser;
  /** Signs a page's browser context in as `user` (or as `as`), so the page opens signed in. */
  signIn(target: Page | BrowserContext, as?: Credentials): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  role?: Role;
  name?: string;
  /** A second harness may share the first one's folder (two users on one hall database). */
  dataDir?: string;
  /** Seed no user at all: the folder opens the first-run wizard. */
  firstRun?: boolean;
  /** How often the harness looks whether the process tally counts in the calendar in force (serve.ts default 5 s). */
  tallyCheckMs?: number;
}

/** Seeded beside a clerk or supervisor, so a second harness on the same folder can add its own user. */
export const SUPPORT_ADMIN_ID = 'web-admin';
const SUPPORT_ADMIN: HarnessUser = { id: SUPPORT_ADMIN_ID, name: '测试管理员', role: 'admin', password: E2E_PASSWORD };

/**
 * Starts `main/web/serve.ts` on a free port with a fresh data folder (one per test file), exactly as
 * `npm run dev:web` does, and waits until it listens. A new folder is seeded (`--seed-users`, tests only) with
 * the user `web-<role>` (and `web-admin`); on a shared folder that user is added by `web-admin` if missing.
 * Node-side `rpc(harness.url, …)` is signed in as that user; pages sign in with `harness.signIn(page)`.
 * The renderer must have been built (npm run test:e2e does).
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-'));
  const role = options.role ?? 'clerk';
  const user: HarnessUser = { id: `web-${role}`, name: options.name ?? '测试营业员', role, password: E2E_PASSWORD };
  const isNew = !fs.existsSync(path.join(dataDir, 'yekuo.sqlite'));
  const args = ['--import', 'tsx', 'main/web/serve.ts', '--port', '0', '--data', dataDir];
  if (options.tallyCheckMs !== undefined) args.push('--tally-check-ms', String(options.tallyCheckMs));
  let seedFile: string | undefined;
  if (isNew && !options.firstRun) {
    seedFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-seed-')), 'users.json');
    fs.writeFileSync(seedFile, JSON.stringify(role === 'admin' ? [user] : [user, SUPPORT_ADMIN]));
    args.push('--seed-users', seedFile);
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = outputOf(child);
  const stop = async () => {
    await stopServer(child, output);
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (seedFile) fs.rmSync(path.dirname(seedFile), { recursive: true, force: true });
  };
  const { url, recovery } = await waitForUrl(child);
  try {
    // A refused database shows the recovery page: nobody can sign in there.
    if (!options.firstRun && !recovery) {
      if (!isNew) await ensureUser(url, user);
      await signInHttp(url, user);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    dataDir,
    user,
    signIn: (target, as = user) => signInBrowser(target, url, as),
    stop,
  };
}

/** On a shared folder: `web-admin` adds the user with a temporary password, which the user then changes. */
async function ensureUser(url: string, user: HarnessUser): Promise<void> {
  try {
    await signInHttp(url, user);
    return;
  } catch {
    // Not there yet: add it below.
  }
  const temporary = 'e2e-temporary';
  await signInHttp(url, SUPPORT_ADMIN);
  const created = await postRpc(url, cookieOf(url), 'users.create', { ...user, password: temporary });
  if (!created.result.ok) throw new Error(`users.create ${user.id}: ${created.result.error.message}`);
  await signInHttp(url, { id: user.id, password: temporary });
  const changed = await postRpc(url, cookieOf(url), 'auth.changePassword', { current: temporary, next: user.password });
  if (!changed.result.ok) throw new Error(`auth.changePassword ${user.id}: ${changed.result.error.message}`);
}

/** Resolves with the URL once a started `serve.ts` prints its `listening` line. */
/** What a server child prints on stdout and stderr, its last 20,000 characters. */
export function outputOf(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

/**
 * Stops a server child with SIGTERM and waits for it to exit. One that has exited already is not waited for
 * (its exit event has passed); one still running after 30 s is killed, and the test fails with its output instead
 * of hanging until the test's own timeout.
 */
export async function stopServer(child: ChildProcess, output: () => string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, 30_000);
  await exited;
  clearTimeout(timer);
  if (hung) throw new Error(`server did not stop within 30 s of SIGTERM:\n${output()}`);
}

export function waitForUrl(child: ChildProcess): Promise<{ url: string; recovery: boolean }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (http:\/\/127\.0\.0\.1:\d+\/)( \(recovery page)?/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], recovery: Boolean(match[2]) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${output}`));
    });
  });
}
