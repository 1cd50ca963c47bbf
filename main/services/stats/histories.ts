import type { StatsFilter } from '../../../shared/api/stats';
import type { BusinessType, Stage, TimeLimitClass } from '../../../shared/domain/codes';
import type { ApplicationHistory, StageEventInput } from '../../../shared/stats/history';
import type { Db } from '../../db/connection';
import { historyRows, type HistoryRow } from '../../db/repositories/statsRepo';
import { shanghaiDate } from '../clock';

const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

/** One stage event as process analysis reads it: its instant as an Asia/Shanghai date. */
export function eventInput(row: Omit<HistoryRow, 'application_id' | 'business_type' | 'time_limit_class'>) {
  return {
    action: row.action,
    from: row.from_stage as Stage | null,
    to: row.to_stage as Stage | null,
    reasonCode: row.reason_code,
    date: shanghaiDate(new Date(row.at)),
  } satisfies StageEventInput;
}

/**
 * Event rows of applications, in application and event order, as histories; the creating user is the clerk who
 * accepted it.
 */
export function historiesOf(rows: Iterable<HistoryRow>): ApplicationHistory[] {
  const histories: ApplicationHistory[] = [];
  let current = null as { id: number; events: StageEventInput[] } | null;
  for (const row of rows) {
    if (current?.id !== row.application_id) {
      current = { id: row.application_id, events: [] };
      histories.push({
        id: row.application_id,
        businessType: row.business_type as BusinessType,
        timeLimitClass: row.time_limit_class as TimeLimitClass,
        events: current.events,
      });
    }
    if (row.action === 'create') (histories.at(-1) as ApplicationHistory).acceptedBy = row.user_id;
    current.events.push(eventInput(row));
  }
  return histories;
}

/** The stage-event log of the filtered applications (accepted in [from, to], of the types and classes). */
export function loadHistories(db: Db, filter: StatsFilter): ApplicationHistory[] {
  const types = filter.businessTypes?.length ? new Set<string>(filter.businessTypes) : null;
  const classes = filter.timeLimitClasses?.length ? new Set<string>(filter.timeLimitClasses) : null;
  return historiesOf(
    historyRows(db, filter.from ?? EARLIEST, filter.to ?? LATEST).filter(
      (row) => (!types || types.has(row.business_type)) && (!classes || classes.has(row.time_limit_class)),
    ),
  );
}
