import type { StatsFilter } from '../../../shared/api/stats';
import type { BusinessType, Stage, TimeLimitClass } from '../../../shared/domain/codes';
import type { ApplicationHistory, StageEventInput } from '../../../shared/stats/history';
import type { Db } from '../../db/connection';
import { historyRows } from '../../db/repositories/statsRepo';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

export interface LoadedHistories {
  histories: ApplicationHistory[];
  /** Distinct users who accepted (created) the applications: the clerks at 受理. */
  acceptClerks: number;
}

/** The stage-event log of the filtered applications, with event instants as Asia/Shanghai dates. */
export function loadHistories(db: Db, filter: StatsFilter): LoadedHistories {
  const types = filter.businessTypes?.length ? new Set<string>(filter.businessTypes) : null;
  const classes = filter.timeLimitClasses?.length ? new Set<string>(filter.timeLimitClasses) : null;
  const histories: ApplicationHistory[] = [];
  const clerks = new Set<string>();
  let current = null as { id: number; events: StageEventInput[] } | null;
  for (const row of historyRows(db, filter.from ?? EARLIEST, filter.to ?? LATEST)) {
    if (types && !types.has(row.business_type)) continue;
    if (classes && !classes.has(row.time_limit_class)) continue;
    if (current?.id !== row.application_id) {
      current = { id: row.application_id, events: [] };
      histories.push({
        id: row.application_id,
        businessType: row.business_type as BusinessType,
        timeLimitClass: row.time_limit_class as TimeLimitClass,
        events: current.events,
      });
    }
    if (row.action === 'create') clerks.add(row.user_id);
    current.events.push({
      action: row.action,
      from: row.from_stage as Stage | null,
      to: row.to_stage as Stage | null,
      reasonCode: row.reason_code,
      date: new Date(Date.parse(row.at) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10),
    });
  }
  return { histories, acceptClerks: clerks.size };
}
