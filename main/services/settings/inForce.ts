/**
 * The province profile, time limits and holiday calendar IN FORCE for a data folder: the defaults overlaid
 * with what an administrator loaded (系统设置, or `yekuo calendar load`). Rule checks and deadlines of the main
 * process read them here. Built once per connection and configuration: a cheap stamp query (the highest
 * change_seq of the configuration rows) tells when another load, from this process or another, replaced them.
 */
import { createHash } from 'node:crypto';
import { holidayCalendar, type HolidayCalendar } from '../../../shared/calendar/holidayCalendar';
import type { WorkdayCalendar } from '../../../shared/calendar/calendar';
import { DEFAULT_PROFILE, type RuleProfile } from '../../../shared/rules';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from '../../../shared/workflow/timeLimits';
import type { Db } from '../../db/connection';
import { configStamp } from '../../db/repositories/configRepo';
import { canonicalJson } from '../canonicalJson';
import { defaultCalendar, memoizedCalendar } from '../clock';
import { storedHolidayTables, storedProfile } from './storedConfig';

export interface Configuration {
  profile: RuleProfile;
  timeLimits: TimeLimits;
  /** For views: day kinds, names and coverage. */
  holidays: HolidayCalendar;
  /** For counting: the same calendar with its answers remembered. */
  calendar: WorkdayCalendar;
  /** A hash of the profile and holiday tables: equal fingerprints, equal configuration (derived data keeps it). */
  fingerprint: string;
}

const cache = new WeakMap<Db, { stamp: number; config: Configuration }>();

function build(db: Db): Configuration {
  const profile = storedProfile(db)?.load.profile ?? DEFAULT_PROFILE;
  const tables = storedHolidayTables(db).map((s) => s.table);
  const holidays = holidayCalendar(tables);
  return {
    profile,
    // The profile's 临期 thresholds apply to the workflow's deadline states too, so the two never disagree.
    timeLimits: { ...DEFAULT_TIME_LIMITS, ...profile.deadlines },
    holidays,
    calendar: tables.length === 0 ? defaultCalendar : memoizedCalendar(holidays),
    fingerprint: createHash('sha256').update(canonicalJson({ profile, tables })).digest('hex'),
  };
}

export function configurationInForce(db: Db): Configuration {
  const stamp = configStamp(db);
  const hit = cache.get(db);
  if (hit?.stamp === stamp) return hit.config;
  const config = build(db);
  cache.set(db, { stamp, config });
  return config;
}
