/** 工作台 counts: every figure exact, each the row count of the list a clerk would open for it. */
import type { DeadlineCounts, WorkbenchCounts } from '../../../shared/api/workbench';
import { roleAtLeast, STAGES, type Stage } from '../../../shared/domain/codes';
import { SUPERVISOR_EXIT_STAGES } from '../../../shared/workflow/moves';
import { CUSTOMER_TIME_STAGES } from '../../../shared/workflow/timeLimits';
import { activeByStageAndState, countMatching, type StageStateCount } from '../../db/repositories/workbenchRepo';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';

const zero = (): DeadlineCounts => ({ NONE: 0, NORMAL: 0, DUE_SOON: 0, OVERDUE: 0, total: 0 });

function sum(rows: readonly StageStateCount[]): DeadlineCounts {
  const counts = zero();
  for (const row of rows) {
    counts[row.state] += row.n;
    counts.total += row.n;
  }
  return counts;
}

export function workbenchCounts(ctx: HandlerContext): WorkbenchCounts {
  const { db } = ctx;
  const { today } = clockOf(ctx);
  const mineRows = activeByStageAndState(db, today, { assignee: ctx.session.userId });
  const approvalRows = activeByStageAndState(db, today, { stages: [...SUPERVISOR_EXIT_STAGES] });
  const mineByStage = STAGES.flatMap((stage) => {
    const rows = mineRows.filter((r) => r.stage === stage);
    return rows.length ? [{ stage, counts: sum(rows) }] : [];
  });
  const approval = sum(approvalRows);
  const waiting = roleAtLeast(ctx.session.role, 'supervisor')
    ? { ...approval, kind: 'approval' as const }
    : {
        ...sum(mineRows.filter((r) => !CUSTOMER_TIME_STAGES.has(r.stage as Stage))),
        kind: 'mine-hall-stages' as const,
      };
  return {
    today,
    queues: {
      overdue: countMatching(db, { deadline: { state: 'OVERDUE', today } }),
      dueSoon: countMatching(db, { deadline: { state: 'DUE_SOON', today } }),
      approval: approval.total,
      suspended: countMatching(db, { statuses: ['SUSPENDED'] }),
      active: countMatching(db, { statuses: ['ACTIVE'] }),
    },
    mine: sum(mineRows),
    mineByStage,
    waiting,
  };
}
