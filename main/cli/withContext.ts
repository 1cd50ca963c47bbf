import type { Command } from 'commander';
import type { HandlerContext } from '../ipc/context';
import { openContext, type GlobalOptions } from './runtime';

/**
 * Opens the data folder for one command, runs it and always closes the database. The folder must exist unless
 * `createDataDir` (only `init`).
 */
export async function withContext<T>(
  program: Command,
  run: (ctx: HandlerContext, json: boolean) => T | Promise<T>,
  { createDataDir = false }: { createDataDir?: boolean } = {},
): Promise<T> {
  const options = program.opts<GlobalOptions>();
  const ctx = openContext({ ...options, createDataDir });
  try {
    return await run(ctx, Boolean(options.json));
  } finally {
    ctx.db.close();
  }
}
