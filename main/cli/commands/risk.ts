/**
 * `yekuo risk list [--detector ID] [--status open|closed] [--application NO] [--json]` and
 * `yekuo risk close ID --reason R`: the stored risk flags (main/services/risk, docs/risk.md), parsed with the
 * 风险 tab's own channel schemas. `yekuo risk recompute` (administrators) recomputes every flag from scratch.
 */
import type { Command } from 'commander';
import { RISK_FLAG_STATUS_LABELS, RISK_SEVERITY_LABELS, riskInputs, type RiskFlagPage } from '../../../shared/api/risk';
import { clockOf } from '../../services/clock';
import { runDueDailyRiskScan } from '../../services/risk/dailyRiskScan';
import { closeRiskFlag, listRiskFlags, recomputeRiskFlags } from '../../services/risk/flags';
import { parseOptions, printJson } from '../cliInput';
import { withContext } from '../withContext';

interface ListOptions {
  detector?: string;
  status?: string;
  application?: string;
  limit?: string;
}

function flagsText(page: RiskFlagPage): string {
  const lines = page.items.map((f) =>
    [
      f.id,
      f.detectorId,
      f.detectorName,
      RISK_SEVERITY_LABELS[f.severity],
      RISK_FLAG_STATUS_LABELS[f.status],
      // A flag naming more applications than its evidence lists says how many (risk.applications lists them all).
      `${f.applications.join(',') || '—'}${f.applicationCount > f.applications.length ? ` 等 ${f.applicationCount} 项` : ''}`,
      f.summary,
    ].join('\t'),
  );
  return `${[...lines, `共 ${page.total} 条`].join('\n')}\n`;
}

export function registerRisk(program: Command): void {
  const risk = program.command('risk').description('风险识别 / risk flags');
  risk
    .command('list')
    .description('列出风险标记 / list risk flags')
    .option('--detector <id>', '检测项编号，如 RISK-ACC-02 / detector id')
    .option('--status <status>', 'open 或 closed / open or closed')
    .option('--application <number>', '申请编号 / application number')
    .option('--limit <n>', '最多条数（1–200，默认 50）/ at most this many')
    .action((options: ListOptions) =>
      withContext(program, 'risk.list', (ctx, json) => {
        const input = parseOptions(riskInputs.list, {
          detector: options.detector,
          status: options.status,
          application: options.application,
          ...(options.limit === undefined ? {} : { limit: Number(options.limit) }),
        });
        // A CLI process has no daily schedule (dailyRiskScan.ts): it runs the day's scan itself when due.
        if (!ctx.db.readonly) runDueDailyRiskScan(ctx, clockOf(ctx).at);
        const page = listRiskFlags(ctx, input);
        if (json) printJson(page);
        else process.stdout.write(flagsText(page));
      }),
    );
  risk
    .command('close <id>')
    .description('关闭一条风险标记并记录理由（记入审计日志）/ close a flag with a reason (audited)')
    .requiredOption('--reason <reason>', '关闭理由 / reason')
    .action((id: string, options: { reason: string }) =>
      withContext(program, 'risk.close', (ctx, json) => {
        const flag = closeRiskFlag(ctx, parseOptions(riskInputs.close, { id: Number(id), reason: options.reason }));
        if (json) printJson(flag);
        else process.stdout.write(`已关闭风险标记 ${flag.id}（${flag.detectorName}）：${flag.closeReason}\n`);
      }),
    );
  risk
    .command('recompute')
    .description(
      '从头重新计算全部风险标记（记入审计日志；用于修复派生数据，修改阈值后无需运行）/ recompute every flag from scratch (admin)',
    )
    .action(() =>
      withContext(program, 'admin', (ctx, json) => {
        const result = recomputeRiskFlags(ctx);
        if (json) printJson(result);
        else {
          process.stdout.write(
            `已重新计算全部风险标记：待处理 ${result.openAfter} 条（此前 ${result.openBefore} 条），已关闭 ${result.closed} 条。\n`,
          );
        }
      }),
    );
}
