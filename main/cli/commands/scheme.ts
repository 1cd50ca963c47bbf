import type { Command } from 'commander';
import { schemeInputs } from '../../../shared/api/schemes';
import { AppError } from '../../services/errors';
import { extendScheme } from '../../services/schemeExtension';
import { approveScheme, listSchemes, saveSchemeDraft } from '../../services/schemes';
import { parseOptions, printJson, readJsonFile } from '../cliInput';
import { withContext } from '../withContext';

/** 供电方案 commands; each one calls the service its IPC channel calls, with the channel's schema and role. */
export function registerScheme(program: Command): void {
  const scheme = program.command('scheme').description('供电方案 / supply schemes');
  scheme
    .command('draft <number> <file>')
    .description(
      '保存供电方案草稿（JSON 文件，内容同方案表单；已有审批版本时须班长并写明变更理由）/ save a scheme draft from a JSON file',
    )
    .option('--reason <text>', '变更理由（修改已审批的方案时必填）/ why an approved scheme changes')
    .action((number: string, file: string, o: { reason?: string }) =>
      withContext(program, 'schemes.saveDraft', (ctx, json) => {
        const input = parseOptions(schemeInputs.saveDraft, { number, content: readJsonFile(file), reason: o.reason });
        const draft = saveSchemeDraft(ctx, input.number, input.content, input.reason || undefined);
        if (json) printJson(draft);
        else process.stdout.write(`已保存申请 ${input.number} 供电方案草稿第 ${draft.version} 版\n`);
      }),
    );
  scheme
    .command('approve <number>')
    .description('审批供电方案草稿（班长）/ approve the scheme draft (supervisor)')
    .option('--version <n>', '方案版本，默认为当前草稿 / version, the current draft by default')
    .action((number: string, o: { version?: string }) =>
      withContext(program, 'schemes.approve', (ctx, json) => {
        const named = parseOptions(schemeInputs.list, { number }).number;
        const version = o.version === undefined ? draftVersion(ctx, named) : Number(o.version);
        const input = parseOptions(schemeInputs.approve, { number: named, version });
        const approved = approveScheme(ctx, input.number, input.version);
        if (json) printJson(approved);
        else process.stdout.write(`已审批申请 ${input.number} 供电方案第 ${approved.version} 版\n`);
      }),
    );
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

/** The version `scheme approve` approves when none is named: the one draft (there is at most one at a time). */
function draftVersion(ctx: Parameters<typeof listSchemes>[0], number: string): number {
  const draft = listSchemes(ctx, number).find((v) => v.status === 'draft');
  if (!draft)
    throw new AppError('ILLEGAL_STATE', `申请 ${number} 没有待审批的供电方案草稿：请先执行 yekuo scheme draft。`);
  return draft.version;
}
