import type { Command } from 'commander';
import { applicationInputs } from '../../../shared/api/applications';
import { createApplication } from '../../services/applications/createApplication';
import { moveApplication, type MoveRequest } from '../../services/applications/moveApplication';
import { getApplication, listApplications } from '../../services/applications/readApplications';
import { updateApplicationRecord } from '../../services/applications/updateApplication';
import { list, parseOptions, printJson, readJsonFile } from '../cliInput';
import { detailText, pageText, summaryLine } from '../format';
import { requireInitialised } from '../runtime';
import { withContext } from '../withContext';
import { addFilterOptions, filterFrom, type FilterOptions } from './filterOptions';

export function registerApp(program: Command): void {
  const app = program.command('app').description('业扩申请 / applications');

  app
    .command('create <file>')
    .description(
      '从 JSON 文件受理一件申请（格式见 docs/application-format.md）/ accept an application from a JSON file',
    )
    .action((file: string) =>
      withContext(program, 'applications.create', (ctx, json) => {
        requireInitialised(ctx);
        const record = readJsonFile(file);
        const created = createApplication(ctx, record);
        if (json) printJson(created);
        else process.stdout.write(`已受理：${summaryLine(created)}\n`);
      }),
    );

  app
    .command('update <number> <file>')
    .description('以 JSON 文件替换办理中申请的内容 / replace the record of an open application')
    .option('--reason <text>', '更正理由（供电方案审批后或更改客户身份时必填）/ reason for the correction')
    .action((number: string, file: string, options: { reason?: string }) =>
      withContext(program, 'applications.update', (ctx, json) => {
        const updated = updateApplicationRecord(ctx, number, readJsonFile(file), options.reason);
        if (json) printJson(updated);
        else process.stdout.write(`已更新：${summaryLine(updated)}\n`);
      }),
    );

  app
    .command('show <number>')
    .description('显示申请详情（完整证件号与电话）/ show one application in full')
    .action((number: string) =>
      withContext(program, 'applications.get', (ctx, json) => {
        const detail = getApplication(ctx, number);
        if (json) printJson(detail);
        else process.stdout.write(detailText(detail));
      }),
    );

  addFilterOptions(
    app.command('list').description('按条件列出申请（默认最新在前）/ list applications (newest first unless --order)'),
  ).action((options: FilterOptions) =>
    withContext(program, 'applications.list', (ctx, json) => {
      const page = listApplications(ctx, parseOptions(applicationInputs.list, filterFrom(options)));
      if (json) printJson(page);
      else process.stdout.write(pageText(page));
    }),
  );

  const move =
    (
      channel: `applications.${MoveRequest['move']}`,
      request: (number: string, options: Record<string, string | undefined>) => MoveRequest,
    ) =>
    (number: string, options: Record<string, string | undefined>) =>
      withContext(program, channel, (ctx, json) => {
        const moved = moveApplication(ctx, number, request(number, options));
        if (json) printJson(moved);
        else process.stdout.write(`${summaryLine(moved)}\n`);
      });

  app
    .command('advance <number>')
    .description('推进到下一环节 / move to the next stage')
    .option('--skip <stages>', '跳过的可选环节，逗号分隔 / optional stages to skip, comma-separated')
    .option('--reason <text>', '跳过理由 / reason for skipping')
    .action(
      move('applications.advance', (number, o) => {
        const input = parseOptions(applicationInputs.advance, {
          number,
          ...(o.skip ? { skip: { stages: list(o.skip), reason: o.reason ?? '' } } : {}),
        });
        return { move: 'advance', ...(input.skip ? { skip: input.skip } : {}) };
      }),
    );

  app
    .command('return <number>')
    .description('退回到之前的环节（需班长权限，须填理由）/ return to an earlier stage')
    .requiredOption('--to <stage>', '退回到的环节代码 / stage code')
    .requiredOption('--reason <text>', '退回理由 / reason')
    .action(
      move('applications.return', (number, o) => {
        const input = parseOptions(applicationInputs.return, { number, to: o.to, reason: o.reason });
        return { move: 'return', to: input.to, reason: input.reason };
      }),
    );

  app
    .command('suspend <number>')
    .description('因客户原因挂起，时限停止计算 / suspend for a customer-caused reason (clock stops)')
    .requiredOption('--reason-code <code>', '挂起原因代码 / pause reason code')
    .option('--note <text>', '说明 / note')
    .action(
      move('applications.suspend', (number, o) => {
        const input = parseOptions(applicationInputs.suspend, { number, reasonCode: o.reasonCode, note: o.note });
        return { move: 'suspend', reasonCode: input.reasonCode, ...(input.note ? { note: input.note } : {}) };
      }),
    );

  app
    .command('resume <number>')
    .description('恢复办理，重新计算时限 / resume; deadlines are recomputed')
    .action(move('applications.resume', () => ({ move: 'resume' })));

  app
    .command('cancel <number>')
    .description('终止申请（须填理由），编号不再复用 / cancel; the number is never reused')
    .requiredOption('--reason <text>', '终止理由 / reason')
    .action(
      move('applications.cancel', (number, o) => ({
        move: 'cancel',
        reason: parseOptions(applicationInputs.cancel, { number, reason: o.reason }).reason,
      })),
    );

  app
    .command('archive <number>')
    .description('归档（须已到归档环节）/ archive an application at the ARCHIVE stage')
    .action(move('applications.archive', () => ({ move: 'archive' })));
}
