/**
 * `yekuo stats`, `process`, `simulate SCENARIO` and `forecast`: 统计与风险's process analysis, what-if simulation
 * and forecast, the same services the page calls; options are parsed with the channels' own schemas.
 */
import type { Command } from 'commander';
import { statsInputs } from '../../../shared/api/stats';
import { forecastReport } from '../../services/stats/forecastReport';
import { processReport } from '../../services/stats/processReport';
import { runSimulation } from '../../services/stats/runSimulation';
import { list, parseOptions, printJson } from '../cliInput';
import { requireInitialised } from '../runtime';
import { forecastText, processText, simulationText, statsText } from '../statsFormat';
import { withContext } from '../withContext';

interface StatsOptions {
  from?: string;
  to?: string;
  type?: string;
  class?: string;
}

const withStatsFilter = (command: Command) =>
  command
    .option('--from <date>', '受理日期起 YYYY-MM-DD / accepted from')
    .option('--to <date>', '受理日期止 YYYY-MM-DD / accepted to')
    .option('--type <codes>', '业务类型代码，逗号分隔 / business type codes')
    .option('--class <codes>', '时限分类 LVR,LVN,HV_SINGLE,HV_DUAL / time-limit classes');

function filterOf(o: StatsOptions): Record<string, unknown> {
  const filter = { from: o.from, to: o.to, businessTypes: list(o.type), timeLimitClasses: list(o.class) };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}

const intOption = (value: string | undefined) => (value === undefined ? undefined : Number(value));

export function registerStats(program: Command): void {
  withStatsFilter(
    program.command('stats').description('各环节时长、退回与获得电力指标 / stage durations and connection indicators'),
  ).action((options: StatsOptions) =>
    withContext(program, 'stats.process', (ctx, json) => {
      requireInitialised(ctx);
      const report = processReport(ctx, parseOptions(statsInputs.process, filterOf(options)));
      if (json) printJson(report);
      else process.stdout.write(statsText(report));
    }),
  );

  withStatsFilter(program.command('process').description('流程图与常见路径 / process map and path variants')).action(
    (options: StatsOptions) =>
      withContext(program, 'stats.process', (ctx, json) => {
        requireInitialised(ctx);
        const report = processReport(ctx, parseOptions(statsInputs.process, filterOf(options)));
        if (json) printJson({ filter: report.filter, map: report.map, variants: report.variants });
        else process.stdout.write(processText(report));
      }),
  );

  withStatsFilter(
    program
      .command('simulate <scenario>')
      .description(
        '模拟分析：none | merge-survey | defer-paperwork | skip-design-review | extra-clerk / what-if simulation',
      )
      .option('--runs <n>', '模拟次数（默认 10000）/ runs')
      .option('--seed <n>', '随机种子（默认 1）/ seed'),
  ).action((scenario: string, options: StatsOptions & { runs?: string; seed?: string }) =>
    withContext(program, 'stats.simulate', (ctx, json) => {
      requireInitialised(ctx);
      const input = parseOptions(statsInputs.simulate, {
        scenario,
        filter: filterOf(options),
        ...(options.runs !== undefined ? { runs: intOption(options.runs) } : {}),
        ...(options.seed !== undefined ? { seed: intOption(options.seed) } : {}),
      });
      const result = runSimulation(ctx, input);
      if (json) printJson(result);
      else process.stdout.write(simulationText(result));
    }),
  );

  program
    .command('forecast')
    .description('未来 3 个月各业务组申请量预测与回测误差 / 3-month forecast with back-test MAPE')
    .action(() =>
      withContext(program, 'stats.forecast', (ctx, json) => {
        requireInitialised(ctx);
        const report = forecastReport(ctx);
        if (json) printJson(report);
        else process.stdout.write(forecastText(report));
      }),
    );
}
