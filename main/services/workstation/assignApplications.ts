/** 分派: a supervisor names the clerk in charge (经办人) of each selected application; one transaction each. */
import type { BatchOutcome } from '../../../shared/api/batch';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/codes';
import { setAssignee } from '../../db/repositories/assignmentRepo';
import { getUser } from '../../db/repositories/userRepo';
import type { HandlerContext } from '../../ipc/context';
import { loadApplication } from '../applications/loadApplication';
import { summaryOf } from '../applications/rowMapping';
import { AppError } from '../errors';
import { mutate } from '../mutation';
import { eachApplication } from './batchOutcome';

const CLOSED: ReadonlySet<string> = new Set<ApplicationStatus>(['CANCELLED', 'ARCHIVED']);

export function assignApplications(ctx: HandlerContext, numbers: string[], assignee: string | null): BatchOutcome[] {
  if (assignee !== null && assignee !== ctx.session.userId) {
    const user = getUser(ctx.db, assignee);
    if (!user || user.active !== 1) {
      throw new AppError('BAD_INPUT', `经办人：工号 ${assignee} 不存在或已停用，请从用户列表中选择。`);
    }
  }
  return eachApplication(numbers, (number) =>
    mutate(ctx, ({ db, changeSeq, clock }) => {
      const row = loadApplication(db, number);
      if (CLOSED.has(row.status)) {
        const label = APPLICATION_STATUS_LABELS[row.status as ApplicationStatus];
        throw new AppError('ILLEGAL_STATE', `申请 ${number} 当前状态为「${label}」，已办结，不能再分派经办人。`);
      }
      if (!setAssignee(db, row, { assignee, updatedAt: clock.at, changeSeq })) {
        throw new AppError('CONFLICT', `申请 ${number} 刚被其他窗口修改，未分派：请刷新后重试。`);
      }
      return {
        result: summaryOf({ ...row, assignee }, clock.today),
        audit: {
          action: 'application.assign',
          entity: 'application',
          entityId: number,
          diff: { assignee: { before: row.assignee, after: assignee } },
        },
      };
    }),
  );
}
