import type { Command } from 'commander';
import { systemInfo } from '../../services/systemInfo';
import { openContext, type GlobalOptions } from '../runtime';

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('显示版本、数据库版本与数据目录 / show version, schema version and data folder')
    .action(() => {
      const ctx = openContext(program.opts<GlobalOptions>());
      try {
        process.stdout.write(`${JSON.stringify(systemInfo(ctx), null, 2)}\n`);
      } finally {
        ctx.db.close();
      }
    });
}
