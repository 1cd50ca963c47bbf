import type { Command } from 'commander';
import type { HandlerContext } from '../ipc/context';
import type { StoreContext } from '../services/auth/storeContext';
import { signInCli, type CliAccess } from './cliSession';
import { openStore, type GlobalOptions } from './runtime';

/**
 * Opens the data folder for one command, runs it and always closes the database. The folder must exist unless
 * `createDataDir` (only `init`).
 */
export async function withStore<T>(
  program: Command,
  run: (store: StoreContext, json: boolean) => T | Promise<T>,
  { createDataDir = false }: { createDataDir?: boolean } = {},
): Promise<T> {
  const options = program.opts<GlobalOptions>();
  const store = openStore({ ...options, createDataDir });
  try {
    return await run(store, Boolean(options.json));
  } finally {
    store.db.close();
  }
}

/**
 * Like withStore, acting as the signed-in CLI user (--user / YEKUO_USER) after the role check of `access`: the
 * audit entries of the command name that user.
 */
export function withContext<T>(
  program: Command,
  access: CliAccess,
  run: (ctx: HandlerContext, json: boolean) => T | Promise<T>,
): Promise<T> {
  return withStore(program, async (store, json) =>
    run(await signInCli(store, program.opts<GlobalOptions>(), access), json),
  );
}
