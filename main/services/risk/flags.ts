/** 风险标记 as the 统计与风险 page, the application detail and the CLI read them; closing one with a reason. */
import {
  type RiskApplicationsInput,
  type RiskFlag,
  type RiskFlagApplications,
  type RiskFlagPage,
  type RiskFlagStatus,
  type RiskListInput,
  type RiskSeverity,
} from '../../../shared/api/risk';
import {
  closeFlagRow,
  flagApplicationCount,
  flagApplicationNumbers,
  flagById,
  openCountsByDetector,
  queryFlags,
  type RiskFlagRow,
} from '../../db/repositories/riskFlagRepo';
import type { HandlerContext } from '../../ipc/context';
import { loadApplication } from '../applications/loadApplication';
import { clockOf } from '../clock';
import { AppError } from '../errors';
import { mutate } from '../mutation';
import { recomputeAll, refreshHallFlags } from './recompute';
import { DETECTORS, DETECTORS_BY_ID, detectorInfo } from './registry';

export function toFlag(row: RiskFlagRow): RiskFlag {
  const detector = DETECTORS_BY_ID.get(row.detector_id);
  const evidence = JSON.parse(row.evidence_json) as Pick<RiskFlag, 'summary' | 'applications' | 'values'> & {
    applicationCount?: number;
  };
  return {
    id: row.id,
    detectorId: row.detector_id,
    detectorName: detector?.name ?? row.detector_id,
    stage: detector?.stage ?? 'INTEGRITY',
    severity: row.severity as RiskSeverity,
    action: detector?.action ?? '',
    subject: row.subject_key,
    summary: evidence.summary,
    applications: evidence.applications,
    // Stored only when the evidence lists fewer applications than the flag names (recompute.ts LISTED_APPLICATIONS).
    applicationCount: evidence.applicationCount ?? evidence.applications.length,
    values: evidence.values,
    status: row.status as RiskFlagStatus,
    closedBy: row.closed_by,
    closeReason: row.close_reason,
    closedAt: row.closed_at,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
  };
}

/** Flags matching the filters (hall detectors brought up to date first), with the open count per detector. */
export function listRiskFlags(ctx: HandlerContext, input: RiskListInput): RiskFlagPage {
  if (input.detector && !DETECTORS_BY_ID.has(input.detector)) {
    throw new AppError('NOT_FOUND', `没有编号为 ${input.detector} 的风险检测项：可用的检测项见 docs/risk.md。`);
  }
  refreshHallFlags(ctx.db, clockOf(ctx).at);
  const applicationId = input.application ? loadApplication(ctx.db, input.application).id : undefined;
  const { rows, total } = queryFlags(ctx.db, {
    detectorId: input.detector,
    status: input.status,
    applicationId,
    offset: input.offset,
    limit: input.limit,
  });
  return {
    items: rows.map(toFlag),
    total,
    openByDetector: openCountsByDetector(ctx.db),
    detectors: DETECTORS.map(detectorInfo),
  };
}

/** A page of all the applications behind a flag, by id (its evidence lists the first ones only). */
export function flagApplications(ctx: HandlerContext, input: RiskApplicationsInput): RiskFlagApplications {
  if (!flagById(ctx.db, input.id)) {
    throw new AppError('NOT_FOUND', `找不到编号为 ${input.id} 的风险记录：请刷新列表后重试。`);
  }
  return {
    numbers: flagApplicationNumbers(ctx.db, input.id, input.offset, input.limit),
    total: flagApplicationCount(ctx.db, input.id),
  };
}

/** A supervisor closes a flag with a reason (audited); it reopens by itself when its evidence changes. */
export function closeRiskFlag(ctx: HandlerContext, input: { id: number; reason: string }): RiskFlag {
  return mutate(ctx, ({ db, clock, session }) => {
    const row = flagById(db, input.id);
    if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${input.id} 的风险记录：请刷新列表后重试。`);
    if (row.status === 'closed') {
      throw new AppError('ILLEGAL_STATE', `风险记录 ${input.id} 已于 ${row.closed_at} 由 ${row.closed_by} 关闭。`);
    }
    closeFlagRow(db, row.id, session.name, input.reason, clock.at);
    return {
      result: toFlag(flagById(db, row.id)!),
      audit: {
        action: 'risk.close',
        entity: 'risk_flag',
        entityId: String(row.id),
        diff: {
          status: { before: 'open', after: 'closed' },
          closeReason: { before: null, after: input.reason },
          detector: { before: null, after: row.detector_id },
          evidenceHash: { before: null, after: row.evidence_hash },
        },
      },
    };
  });
}

/** What `yekuo risk recompute` reports: open flags per detector before and after, and the closed ones kept. */
export interface RiskRecomputeResult {
  openBefore: number;
  openAfter: number;
  closed: number;
  openByDetector: Record<string, number>;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/**
 * Every detector over every record from scratch (after a change of the profile's risk thresholds, or to repair
 * derived rows), audited as `risk.recompute`. Closed flags whose evidence is unchanged stay closed.
 */
export function recomputeRiskFlags(ctx: HandlerContext): RiskRecomputeResult {
  return mutate(ctx, ({ db, clock }) => {
    const before = openCountsByDetector(db);
    recomputeAll(db, clock.at);
    const after = openCountsByDetector(db);
    const closed = queryFlags(db, { status: 'closed', offset: 0, limit: 1 }).total;
    return {
      result: { openBefore: total(before), openAfter: total(after), closed, openByDetector: after },
      audit: {
        action: 'risk.recompute',
        entity: 'risk_flag',
        entityId: '*',
        diff: { openFlags: { before: total(before), after: total(after) } },
      },
    };
  });
}
