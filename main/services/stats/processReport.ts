import type { ProcessReport, StatsFilter } from '../../../shared/api/stats';
import { analyseTally } from '../../../shared/stats/processAnalysis';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { processTally, tallyRecalculating } from './processTallyStore';

/** 流程分析 over the hall's stage-event log, in the working days of the calendar in force. */
export function processReport(ctx: HandlerContext, filter: StatsFilter): ProcessReport {
  const clock = clockOf(ctx);
  return {
    filter: { from: filter.from ?? null, to: filter.to ?? null },
    ...analyseTally(processTally(ctx.db, filter, clock.calendar), clock.limits),
    recalculating: tallyRecalculating(ctx.db, clock.calendar),
  };
}
