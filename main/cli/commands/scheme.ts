import type { Command } from 'commander';
import { schemeInputs } from '../../../shared/api/schemes';
import { extendScheme } from '../../services/schemeExtension';
import { parseOptions, printJson } from '../cliInput';
import { withContext } from '../withContext';

/** 供电方案 commands; each one calls the service its IPC channel calls, with the channel's schema and role. */
export function registerScheme(program: Command): void {
  const scheme = program.command('scheme').description('供电方案 / supply schemes');
  scheme
    .command('extend <number> <version>')
    .description(
      '延长已审批供电方案的有效期（班长；客户须在到期前至少 10 天书面申请，只能延期一次）/ extend an approved scheme',
    )
    .requiredOption('--until <date>', '延期至 YYYY-MM-DD / new last valid day')
    .requiredOption('--requested-on <date>', '客户申请日期 YYYY-MM-DD / date of the customer’s request')
    .requiredOption('--reason <text>', '延期理由 / reason')
    .action((number: string, version: string, o: { until: string; requestedOn: string; reason: string }) =>
      withContext(program, 'schemes.extend', (ctx, json) => {
        const input = parseOptions(schemeInputs.extend, { number, version: Number(version), ...o });
        const extended = extendScheme(ctx, input.number, input.version, input);
        if (json) printJson(extended);
        else
          process.stdout.write(
            `已延长申请 ${input.number} 供电方案第 ${extended.version} 版：有效期至 ${extended.validUntil}\n`,
          );
      }),
    );
}
