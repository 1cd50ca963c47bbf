/** 工作台 counts: every figure exact, each the row count of the list a clerk would open for it. */
import {
  HALL_STAGES,
  QUEUE_FILTERS,
  type DeadlineCounts,
  type WorkbenchCounts,
  type WorkbenchQueue,
} from '../../../shared/api/workbench';
import { roleAtLeast, STAGES, type Stage } from '../../../shared/domain/codes';
import { SUPERVISOR_EXIT_STAGES } from '../../../shared/workflow/moves';
import { activeByStageAndState, countMatching, type StageStateCount } from '../../db/repositories/workbenchRepo';
import type { HandlerContext } from '../../ipc/context';
import { repositoryFilter } from '../applications/readApplications';
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
        ...sum(mineRows.filter((r) => HALL_STAGES.includes(r.stage as Stage))),
        kind: 'mine-hall-stages' as const,
      };
  // The list filters themselves, so a queue's count and its list in 申请查询 cannot drift apart.
  const queue = (key: WorkbenchQueue) => countMatching(db, repositoryFilter(ctx, QUEUE_FILTERS[key]));
  return {
    today,
    queues: {
      overdue: queue('overdue'),
      dueSoon: queue('dueSoon'),
      approval: approval.total,
      suspended: queue('suspended'),
      active: queue('active'),
    },
    mine: sum(mineRows),
    mineByStage,
    waiting,
  };
}
