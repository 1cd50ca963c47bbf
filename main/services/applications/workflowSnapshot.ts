/** The workflow's view of an application: its record, stage and status, and the approved scheme in force. */
import type { ApplicationStatus, Stage } from '../../../shared/domain/codes';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import type { WorkflowSnapshot } from '../../../shared/workflow';
import type { Db } from '../../db/connection';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import { schemeVersionsOf } from '../../db/repositories/schemeRepo';
import { recordOf } from './rowMapping';

/** The newest approved scheme version's content, or null before a scheme is approved. */
export function approvedSchemeOf(db: Db, applicationId: number): SupplyScheme | null {
  const row = schemeVersionsOf(db, applicationId)
    .filter((v) => v.status === 'approved')
    .at(-1);
  return row ? (JSON.parse(row.content_json) as SupplyScheme) : null;
}

export function workflowSnapshotOf(db: Db, row: ApplicationRow): WorkflowSnapshot {
  return {
    app: recordOf(row),
    approvedScheme: approvedSchemeOf(db, row.id),
    stage: row.stage as Stage,
    status: row.status as ApplicationStatus,
  };
}
