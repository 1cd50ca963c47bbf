import type { Command } from 'commander';
import type { HandlerContext } from '../ipc/context';
import { openContext, type GlobalOptions } from './runtime';

/** Opens the data folder for one command, runs it and always closes the database. */
export async function withContext<T>(
  program: Command,
  run: (ctx: HandlerContext, json: boolean) => T | Promise<T>,
): Promise<T> {
  const options = program.opts<GlobalOptions>();
  const ctx = openContext(options);
  try {
    return await run(ctx, Boolean(options.json));
  } finally {
    ctx.db.close();
  }
}
