/**
 * The CLI's password prompt at a real terminal (issue 10): `yekuo --user A001 …` without YEKUO_PASSWORD asks
 * on the terminal with echo off, so the typed password never shows; a wrong one exits 1 with 工号或密码不正确.
 * The terminal is a pseudo-terminal from util-linux `script` (no native module); the password is typed only
 * once the prompt is on screen, as a person would. A control run shows that this harness does see typed text
 * when a program leaves echo on, so the check can fail.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCliAdmin, CLI_ADMIN } from './cliRunner';
import { openStore, type Store } from './storeFixture';

const bin = path.resolve(import.meta.dirname, '../../../bin/yekuo.mjs');
const PROMPT = `用户 ${CLI_ADMIN.id} 的密码 / password：`;

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `command` in a pseudo-terminal; types `typed` and Enter once `prompt` has appeared. Resolves with the
 * exit code and everything the terminal showed (the program's output and any echo of the typing).
 */
function atTerminal(command: string[], prompt: string, typed: string): Promise<{ code: number; screen: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'dumb' };
  delete env.YEKUO_PASSWORD;
  delete env.YEKUO_USER;
  const child = spawn('script', ['-qec', command.map(quote).join(' '), '/dev/null'], { env });
  let screen = '';
  let answered = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    screen += chunk;
    if (!answered && screen.includes(prompt)) {
      answered = true;
      child.stdin.write(`${typed}\r`);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, screen })));
}

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

describe('the CLI password prompt at a terminal', () => {
  it('control: a program that leaves echo on shows the typed text on this terminal', async () => {
    const run = await atTerminal(['sh', '-c', 'printf "ask:"; read line; echo "read ok"'], 'ask:', 'visible-typing');
    expect(run.code).toBe(0);
    expect(run.screen).toContain('visible-typing');
    expect(run.screen).toContain('read ok');
  });

  it('asks with echo off: the right password signs in, a wrong one exits 1 with 工号或密码不正确', async () => {
    store = openStore();
    await addCliAdmin(store.ctx('admin'));
    store.closeDatabase();
    const list = [process.execPath, bin, '--data', store.dir, '--user', CLI_ADMIN.id, 'app', 'list'];

    const right = await atTerminal(list, PROMPT, CLI_ADMIN.password);
    expect(right.screen).toContain(PROMPT);
    expect(right.screen).not.toContain(CLI_ADMIN.password);
    expect(right.code).toBe(0);

    const wrong = await atTerminal(list, PROMPT, 'wrong-password-typed');
    expect(wrong.screen).toContain(PROMPT);
    expect(wrong.screen).not.toContain('wrong-password-typed');
    expect(wrong.screen).toContain('工号或密码不正确');
    expect(wrong.code).toBe(1);
  }, 120_000);
});
