import type { Command } from 'commander';
import { hallInitSchema } from '../../../shared/api/hall';
import { initHall } from '../../services/hall';
import { parseOptions, printJson } from '../cliInput';
import { withContext } from '../withContext';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('初始化数据目录与营业厅 / initialise the data folder for a hall')
    .requiredOption('--hall-code <code>', '营业厅编码（2–12 位大写字母或数字）/ hall code')
    .requiredOption('--hall-name <name>', '营业厅名称 / hall name')
    .action((options: { hallCode: string; hallName: string }) =>
      withContext(
        program,
        (ctx, json) => {
          const input = parseOptions(hallInitSchema, { code: options.hallCode, name: options.hallName });
          const hall = initHall(ctx, input);
          if (json) printJson(hall);
          else process.stdout.write(`已初始化营业厅 ${hall.code}（${hall.name}），数据目录：${ctx.dataDir}\n`);
        },
        { createDataDir: true },
      ),
    );
}
