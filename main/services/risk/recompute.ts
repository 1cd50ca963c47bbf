/**
 * The risk engine: findings → stored flags. Record detectors are recomputed incrementally for the applications
 * a mutation touched, inside its transaction (mutation.ts calls `noteTouchedApplications`); hall detectors are
 * scanned when flags are read (`refreshHallFlags`), at most once per change and day, the per-group and date-driven
 * ones judging only what changed (groupScan.ts); a 'daily' one once a day off the request path
 * (`refreshDailyRiskFlags`). A flag that stops firing is dropped while open; a closed one is kept (the supervisor's decision stands)
 * and reopens when its evidence hash changes.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import { REBUILD_RISK_FACTS } from '../../db/migrations/0019_risk_application_facts';
import { REBUILD_RISK_GROUPS } from '../../db/migrations/0023_risk_group_counts';
import { currentChangeSeq } from '../../db/repositories/changeCounter';
import {
  deleteFlag,
  flaggedSubjectsOf,
  flagsOfSubjects,
  fullRecomputeAt,
  hallScanState,
  insertFlag,
  recordsConfig,
  replaceEvidence,
  setFullRecomputeAt,
  setHallScanState,
  setRecordsConfig,
  subjectsOfDetector,
} from '../../db/repositories/riskFlagRepo';
import { prepared } from '../../db/statements';
import { canonicalJson } from '../canonicalJson';
import { shanghaiDate } from '../clock';
import { configurationInForce } from '../settings/inForce';
import type { Detector, DetectorInput, HallDetector, RecordDetector, RiskFinding } from './detector';
import { clearDirtyGroups } from './groupScan';
import { numbersById } from './queries';
import { DETECTORS } from './registry';

const RECORD_DETECTORS = DETECTORS.filter((d): d is RecordDetector => d.scope === 'records');
const HALL_DETECTORS = DETECTORS.filter((d): d is HallDetector => d.scope === 'hall');

export function detectorInput(db: Db, at: string, rescan = false): DetectorInput {
  const { profile, calendar } = configurationInForce(db);
  return { db, thresholds: profile.risk, today: shanghaiDate(new Date(at)), at, calendar, rescan };
}

/** Every record detector over every record, under the configuration in force (noted with the flags). */
function recomputeAllRecords(input: DetectorInput): void {
  recomputeRecords(input, 'all');
  setRecordsConfig(input.db, configurationInForce(input.db).fingerprint);
}

/**
 * Application numbers a flag's evidence lists: beyond them the evidence gives the count, and the flag's links (all
 * its applications) are paged by `risk.applications`. A company's flag names tens of thousands of applications
 * (RISK-PRC-01 at 1,000,000: 35,958, judged again every day as its period moves): listing them all meant reading
 * each number and rewriting 1 MB of evidence per day, and sending it with every list page that showed the flag.
 */
export const LISTED_APPLICATIONS = 20;

/**
 * What the evidence hash covers: the values and the applications, by number while the evidence lists them all (the
 * hash of flags stored before the cap), by id beyond (their numbers are not read).
 */
function evidenceHashOf(finding: RiskFinding, listed: readonly string[]): string {
  const applications =
    finding.applicationIds.length > listed.length
      ? { applicationIds: finding.applicationIds }
      : { applications: listed };
  return createHash('sha256')
    .update(canonicalJson({ ...applications, values: finding.values }))
    .digest('hex');
}

/** Stores the findings of the evaluated subjects: new ones open, changed ones (re)open, gone ones dropped if open. */
function store(input: DetectorInput, detector: Detector, subjects: Iterable<string>, findings: RiskFinding[]): void {
  const found = new Map(findings.map((f) => [f.subject, f]));
  const evaluated = [...new Set([...subjects, ...found.keys()])];
  // One read of the stored flags and one of the listed application numbers, whatever the number of subjects.
  const rows = flagsOfSubjects(input.db, detector.id, evaluated);
  const numbers = numbersById(
    input.db,
    findings.flatMap((f) => f.applicationIds.slice(0, LISTED_APPLICATIONS)),
  );
  for (const subject of evaluated) {
    const finding = found.get(subject);
    const row = rows.get(subject);
    if (!finding) {
      if (row?.status === 'open') deleteFlag(input.db, row.id);
      continue;
    }
    const { applicationIds } = finding;
    const applications = applicationIds.slice(0, LISTED_APPLICATIONS).map((id) => numbers.get(id) ?? `#${id}`);
    const evidenceHash = evidenceHashOf(finding, applications);
    if (row?.evidence_hash === evidenceHash) continue;
    const evidence = { summary: finding.summary, applications, values: finding.values };
    const write = {
      detectorId: detector.id,
      subject,
      severity: detector.severity,
      // The count only when the list stops short of it: a flag listing all its applications is stored as before.
      evidenceJson: canonicalJson(
        applicationIds.length > applications.length
          ? { ...evidence, applicationCount: applicationIds.length }
          : evidence,
      ),
      evidenceHash,
      applicationIds,
      at: input.at,
    };
    if (row) replaceEvidence(input.db, row.id, write);
    else insertFlag(input.db, write);
  }
}

function recomputeRecords(input: DetectorInput, applicationIds: readonly number[] | 'all'): void {
  for (const detector of RECORD_DETECTORS) {
    const subjects = new Set(detector.subjectsOf(input, applicationIds));
    // Flags naming these applications may have lost them (an address corrected): look at those subjects too.
    const stored =
      applicationIds === 'all'
        ? subjectsOfDetector(input.db, detector.id)
        : flaggedSubjectsOf(input.db, detector.id, applicationIds);
    for (const subject of stored) subjects.add(subject);
    const findings = [...subjects].flatMap((subject) => detector.evaluate(input, subject) ?? []);
    store(input, detector, subjects, findings);
  }
}

function refreshHall(input: DetectorInput, detectors: readonly HallDetector[] = HALL_DETECTORS): void {
  for (const detector of detectors) {
    const scan = detector.scan(input);
    const { findings, unchanged } = Array.isArray(scan) ? { findings: scan, unchanged: new Set<string>() } : scan;
    const judged = subjectsOfDetector(input.db, detector.id).filter((subject) => !unchanged.has(subject));
    store(input, detector, judged, findings);
  }
}

const PER_CHANGE_HALL_DETECTORS = HALL_DETECTORS.filter((d) => d.cadence !== 'daily');
const DAILY_HALL_DETECTORS = HALL_DETECTORS.filter((d) => d.cadence === 'daily');

/** Recomputes the record detectors for these applications (inside the caller's transaction). */
export function recomputeApplications(db: Db, applicationIds: readonly number[], at: string): void {
  if (applicationIds.length > 0) recomputeRecords(detectorInput(db, at), applicationIds);
}

/**
 * Every detector from scratch (an upgraded hall's first read, `yekuo risk recompute`, the property test), after
 * refilling the record fields and per-group counts the hall scans read (migrations 0019 and 0023, otherwise kept by
 * triggers).
 */
export function recomputeAll(db: Db, at: string): void {
  db.transaction(() => {
    db.exec(REBUILD_RISK_FACTS);
    db.exec(REBUILD_RISK_GROUPS);
    const input = detectorInput(db, at, true);
    recomputeAllRecords(input);
    refreshHall(input);
    clearDirtyGroups(db);
    setFullRecomputeAt(db, at);
    setHallScanState(db, { seq: currentChangeSeq(db), day: input.today, dailyDay: input.today });
  })();
}

/**
 * Brings the hall detectors up to date before flags are read: when anything changed since the last scan, or the
 * date moved on. The state is kept in the store, so another process (the CLI) does not rescan an unchanged hall.
 * A hall whose flags were never computed (upgraded from before the risk tables) gets a full recompute first. When
 * the configuration (a threshold, a holiday table) is no longer the one the record detectors' flags were computed
 * with, they are recomputed over every record first: a threshold change is a change like any other, in force at
 * the next read. The daily detectors are not run here (`refreshDailyRiskFlags`).
 */
export function refreshHallFlags(db: Db, at: string): void {
  if (fullRecomputeAt(db) === null) return recomputeAll(db, at);
  const today = shanghaiDate(new Date(at));
  const seq = currentChangeSeq(db);
  const last = hallScanState(db);
  const recordsStale = recordsConfig(db) !== configurationInForce(db).fingerprint;
  if (!recordsStale && last.seq === seq && last.day === today) return;
  db.transaction(() => {
    const input = detectorInput(db, at, recordsStale);
    if (recordsStale) recomputeAllRecords(input);
    refreshHall(input, PER_CHANGE_HALL_DETECTORS);
    clearDirtyGroups(db);
    setHallScanState(db, { ...last, seq, day: today });
  })();
}

/**
 * The daily detectors (RISK-INT-05 walks the whole audit chain and every audited row: minutes at 1,000,000
 * applications), once a day, off the request path: the services worker and the web harness run this at start
 * and every hour (dailyRiskScan.ts); a full recompute runs them too.
 */
export function refreshDailyRiskFlags(db: Db, at: string): void {
  if (fullRecomputeAt(db) === null) return recomputeAll(db, at);
  const today = shanghaiDate(new Date(at));
  const last = hallScanState(db);
  if (last.dailyDay === today) return;
  db.transaction(() => {
    refreshHall(detectorInput(db, at), DAILY_HALL_DETECTORS);
    setHallScanState(db, { ...last, dailyDay: today });
  })();
}

/**
 * The applications a mutation wrote (its application, scheme, contract and document rows, and the application
 * or contract its audit entry names). Call inside the mutation, before the written rows are taken.
 */
export function touchedApplications(db: Db, audit: { entity: string; entityId: string }): number[] {
  return prepared<[{ entity: string; entityId: string }], { id: number }>(
    db,
    `SELECT key AS id FROM temp.written_rows WHERE tbl = 'applications'
     UNION SELECT application_id FROM supply_scheme_versions
       WHERE id IN (SELECT key FROM temp.written_rows WHERE tbl = 'supply_scheme_versions')
     UNION SELECT application_id FROM contracts WHERE id IN (SELECT key FROM temp.written_rows WHERE tbl = 'contracts')
     UNION SELECT application_id FROM documents
       WHERE application_id IS NOT NULL AND id IN (SELECT key FROM temp.written_rows WHERE tbl = 'documents')
     UNION SELECT id FROM applications WHERE @entity = 'application' AND number = @entityId
     UNION SELECT application_id FROM contracts WHERE @entity = 'contract' AND number = @entityId`,
  )
    .all({ entity: audit.entity, entityId: audit.entityId })
    .map((row) => row.id);
}
