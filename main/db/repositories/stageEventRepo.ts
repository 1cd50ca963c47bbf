import type { Db } from '../connection';
import { prepared } from '../statements';

export interface StageEventRow {
  id: number;
  application_id: number;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  reason_code: string | null;
  reason: string | null;
  user_id: string;
  at: string;
  change_seq: number;
}

export function insertStageEvent(db: Db, event: Omit<StageEventRow, 'id'>): void {
  prepared(
    db,
    `INSERT INTO stage_events (application_id, action, from_stage, to_stage, reason_code, reason, user_id, at, change_seq)
     VALUES (@application_id, @action, @from_stage, @to_stage, @reason_code, @reason, @user_id, @at, @change_seq)`,
  ).run(event);
}

export function stageEventsOf(db: Db, applicationId: number): StageEventRow[] {
  return prepared<[number], StageEventRow>(db, 'SELECT * FROM stage_events WHERE application_id = ? ORDER BY id').all(
    applicationId,
  );
}
