import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Harness {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `main/web/serve.ts` on a free port with a fresh data folder (one per test file), exactly as
 * `npm run dev:web` does, and waits until it listens. The renderer must have been built (npm run test:e2e does).
 */
export async function startHarness(options: { role?: string; name?: string; dataDir?: string } = {}): Promise<Harness> {
  // A second harness may share the first one's folder (two users on one hall database).
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/web/serve.ts',
      '--port',
      '0',
      '--data',
      dataDir,
      '--role',
      options.role ?? 'clerk',
      '--name',
      options.name ?? '测试营业员',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await waitForUrl(child);
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
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
