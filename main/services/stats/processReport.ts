import type { ProcessReport, StatsFilter } from '../../../shared/api/stats';
import { analyseProcess } from '../../../shared/stats/processAnalysis';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { loadHistories } from './histories';

/** 流程分析 over the hall's stage-event log, in the working days of the calendar in force. */
export function processReport(ctx: HandlerContext, filter: StatsFilter): ProcessReport {
  const clock = clockOf(ctx);
  const { histories } = loadHistories(ctx.db, filter);
  return {
    filter: { from: filter.from ?? null, to: filter.to ?? null },
    ...analyseProcess(histories, clock.calendar, clock.limits),
  };
}
