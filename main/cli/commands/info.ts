import type { Command } from 'commander';
import { systemInfo } from '../../services/systemInfo';
import { withContext } from '../withContext';

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('显示版本、数据库版本与数据目录 / show version, schema version and data folder')
    .action(() =>
      withContext(program, 'system.info', (ctx) => {
        process.stdout.write(`${JSON.stringify(systemInfo(ctx), null, 2)}\n`);
      }),
    );
}
