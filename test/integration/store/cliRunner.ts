import { execFile } from 'node:child_process';
import path from 'node:path';
import type { HandlerContext } from '../../../main/ipc/context';
import { addUserWithPassword } from '../../../main/services/auth/passwords';
import { actingAs } from '../../../main/services/auth/storeContext';

const bin = path.resolve(import.meta.dirname, '../../../bin/yekuo.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The administrator `yekuo init … ${...CLI_ADMIN_ARGS}` creates; `yekuo()` acts as this user. */
export const CLI_ADMIN = { id: 'A001', name: '测试管理员', password: 'cli-admin-password' } as const;
export const CLI_ADMIN_ARGS = ['--admin', CLI_ADMIN.id, '--admin-name', CLI_ADMIN.name];

/** The environment of a CLI process acting as CLI_ADMIN. */
export const cliAdminEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  YEKUO_USER: CLI_ADMIN.id,
  YEKUO_PASSWORD: CLI_ADMIN.password,
});

/** Adds CLI_ADMIN to a store that a test set up in-process (storeFixture), so `yekuo()` can sign in. */
export async function addCliAdmin(ctx: HandlerContext): Promise<void> {
  const admin = { ...CLI_ADMIN, role: 'admin' as const };
  await addUserWithPassword(actingAs(ctx, admin), admin, false);
}

/**
 * Runs `node bin/yekuo.mjs --data <dir> …args` as CLI_ADMIN (YEKUO_USER / YEKUO_PASSWORD; `env` overrides or,
 * with undefined values, removes them) and resolves with its exit code and output.
 */
export function yekuoAs(dir: string, env: Record<string, string | undefined>, ...args: string[]): Promise<CliRun> {
  const merged = cliAdminEnv();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, '--data', dir, ...args],
      { timeout: 120_000, env: merged },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export const yekuo = (dir: string, ...args: string[]): Promise<CliRun> => yekuoAs(dir, {}, ...args);
