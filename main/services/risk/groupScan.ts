/**
 * Hall scans over per-group counts (migration 0023): a clerk, a clerk and rule, a company. Which groups fire is
 * decided from the small count tables on every scan (a hall-wide share moves with every change); the evidence of
 * a firing group (its applications) is read only when the group is not yet flagged or its members changed since
 * the last scan (the triggers note such groups in risk_dirty_groups, cleared after each hall scan; a clerk's groups
 * are noted too when the clerk's user row is created, renamed or deleted, migration 0033). A flagged group whose
 * members and clerk's name did not change keeps its stored flag: its evidence would hash the same.
 */
import type { Db } from '../../db/connection';
import { hallScanState, subjectsOfDetector } from '../../db/repositories/riskFlagRepo';
import { prepared } from '../../db/statements';
import { appOfSubject, appSubject, type DetectorInput, type HallScan, type RiskFinding } from './detector';

/** A group the counts say fires, and how to read its evidence. */
export interface FiringGroup {
  subject: string;
  finding: () => RiskFinding;
}

/** Subjects whose members changed since the last hall scan, as the triggers noted them. */
export function dirtySubjects(db: Db, detectorId: string): Set<string> {
  return new Set(
    prepared<[string], { subject_key: string }>(db, 'SELECT subject_key FROM risk_dirty_groups WHERE detector_id = ?')
      .all(detectorId)
      .map((row) => row.subject_key),
  );
}

/**
 * Judges the firing groups: `rescan` reads every one's evidence (a full recompute, a changed configuration or
 * period); otherwise a flagged group not noted dirty is left unchanged. `subjectOfDirty` maps a noted key to the
 * subject (a company's name as written to the name the flags group by).
 */
export function judgeGroups(
  input: DetectorInput,
  detectorId: string,
  firing: readonly FiringGroup[],
  rescan = input.rescan,
  subjectOfDirty: (key: string) => string = (key) => key,
): HallScan {
  const stored = new Set(subjectsOfDetector(input.db, detectorId));
  const dirty = new Set([...dirtySubjects(input.db, detectorId)].map(subjectOfDirty));
  const unchanged = new Set(
    rescan
      ? []
      : firing.filter((group) => stored.has(group.subject) && !dirty.has(group.subject)).map((group) => group.subject),
  );
  const findings = firing.filter((group) => !unchanged.has(group.subject)).map((group) => group.finding());
  return { findings, unchanged };
}

/**
 * For a scan over applications that depends on the date: the applications written since the last hall scan when
 * that scan was today (migration 0024); undefined when every application must be judged (a new day, a rescan).
 */
export function applicationsChangedToday(input: DetectorInput): number[] | undefined {
  if (input.rescan || hallScanState(input.db).day !== input.today) return undefined;
  return applicationsChanged(input.db);
}

/**
 * For a scan whose findings do not move with the date once found (a record stamped ahead stays so until written):
 * the applications written since the last hall scan, whatever its day; undefined when every application must be
 * judged (a rescan, no scan yet).
 */
export function applicationsChangedSinceScan(input: DetectorInput): number[] | undefined {
  if (input.rescan || hallScanState(input.db).day === null) return undefined;
  return applicationsChanged(input.db);
}

/** The applications written since the last hall scan (migrations 0024, 0030). */
export function applicationsChanged(db: Db): number[] {
  return [...dirtySubjects(db, 'applications')].map(appOfSubject);
}

/**
 * The scan of a date-driven detector over the changed applications only: the other stored flags stand (their
 * application and the date did not change).
 */
export function changedOnly(
  input: DetectorInput,
  detectorId: string,
  changed: readonly number[],
  findings: RiskFinding[],
): HallScan {
  const judged = new Set(changed.map(appSubject));
  return {
    findings,
    unchanged: new Set(subjectsOfDetector(input.db, detectorId).filter((subject) => !judged.has(subject))),
  };
}

/** After a hall scan: every group is judged on what it holds now. */
export function clearDirtyGroups(db: Db): void {
  prepared(db, 'DELETE FROM risk_dirty_groups').run();
}
