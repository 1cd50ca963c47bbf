/** 风险标记 risk_flags: the detectors' stored findings (main/services/risk). */
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface RiskFlagRow {
  id: number;
  detector_id: string;
  subject_key: string;
  severity: string;
  evidence_json: string;
  evidence_hash: string;
  status: 'open' | 'closed';
  closed_by: string | null;
  close_reason: string | null;
  closed_at: string | null;
  first_seen_at: string;
  updated_at: string;
}

/** The flags of a detector for these subjects, by subject (one query). */
export function flagsOfSubjects(db: Db, detectorId: string, subjects: readonly string[]): Map<string, RiskFlagRow> {
  const rows = prepared<[string, string], RiskFlagRow>(
    db,
    'SELECT * FROM risk_flags WHERE detector_id = ? AND subject_key IN (SELECT value FROM json_each(?))',
  ).all(detectorId, JSON.stringify(subjects));
  return new Map(rows.map((row) => [row.subject_key, row]));
}

export function flagById(db: Db, id: number): RiskFlagRow | undefined {
  return prepared<[number], RiskFlagRow>(db, 'SELECT * FROM risk_flags WHERE id = ?').get(id);
}

/**
 * Subjects of a detector's flags that name one of the applications (their flags must be re-evaluated). The
 * applications' links drive the join (CROSS JOIN keeps that order): left to itself, SQLite walked every flag of
 * the detector (35 901 RISK-ACC-02 flags at 1,000,000 applications: 37 ms per changed application).
 */
export function flaggedSubjectsOf(db: Db, detectorId: string, applicationIds: readonly number[]): string[] {
  return prepared<[string, string], { subject_key: string }>(
    db,
    `SELECT DISTINCT f.subject_key FROM risk_flag_applications l CROSS JOIN risk_flags f ON f.id = l.flag_id
     WHERE f.detector_id = ? AND l.application_id IN (SELECT value FROM json_each(?))`,
  )
    .all(detectorId, JSON.stringify(applicationIds))
    .map((row) => row.subject_key);
}

export function subjectsOfDetector(db: Db, detectorId: string): string[] {
  return prepared<[string], { subject_key: string }>(db, 'SELECT subject_key FROM risk_flags WHERE detector_id = ?')
    .all(detectorId)
    .map((row) => row.subject_key);
}

export interface FlagWrite {
  detectorId: string;
  subject: string;
  severity: string;
  evidenceJson: string;
  evidenceHash: string;
  applicationIds: readonly number[];
  at: string;
}

export function insertFlag(db: Db, flag: FlagWrite): void {
  const { id } = prepared<unknown[], { id: number }>(
    db,
    `INSERT INTO risk_flags (detector_id, subject_key, severity, evidence_json, evidence_hash, status, first_seen_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id`,
  ).get(flag.detectorId, flag.subject, flag.severity, flag.evidenceJson, flag.evidenceHash, flag.at, flag.at)!;
  linkApplications(db, id, flag.applicationIds);
}

/** New evidence: the flag is open again (a closed flag reopens), its links replaced. */
export function replaceEvidence(db: Db, id: number, flag: FlagWrite): void {
  prepared(
    db,
    `UPDATE risk_flags SET severity = ?, evidence_json = ?, evidence_hash = ?, status = 'open',
       closed_by = NULL, close_reason = NULL, closed_at = NULL, updated_at = ? WHERE id = ?`,
  ).run(flag.severity, flag.evidenceJson, flag.evidenceHash, flag.at, id);
  // Only the links that changed: a company's flag names tens of thousands of applications (RISK-PRC-01 at
  // 1,000,000), and a day moves only a few of them in or out of its period.
  const linked = new Set(
    prepared<[number], { id: number }>(db, 'SELECT application_id AS id FROM risk_flag_applications WHERE flag_id = ?')
      .all(id)
      .map((row) => row.id),
  );
  const wanted = new Set(flag.applicationIds);
  const unlink = prepared(db, 'DELETE FROM risk_flag_applications WHERE flag_id = ? AND application_id = ?');
  for (const applicationId of linked) if (!wanted.has(applicationId)) unlink.run(id, applicationId);
  linkApplications(
    db,
    id,
    [...wanted].filter((applicationId) => !linked.has(applicationId)),
  );
}

function linkApplications(db: Db, id: number, applicationIds: readonly number[]): void {
  const link = prepared(db, 'INSERT OR IGNORE INTO risk_flag_applications (flag_id, application_id) VALUES (?, ?)');
  for (const applicationId of applicationIds) link.run(id, applicationId);
}

/** The numbers of a flag's applications by id, a page of them (the covering index of migration 0036 gives each). */
export function flagApplicationNumbers(db: Db, id: number, offset: number, limit: number): string[] {
  return prepared<[number, number, number], string>(
    db,
    `SELECT a.number FROM risk_flag_applications l
       CROSS JOIN applications a INDEXED BY applications_number_by_id ON a.id = l.application_id
     WHERE l.flag_id = ? ORDER BY l.application_id LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(id, limit, offset);
}

export function flagApplicationCount(db: Db, id: number): number {
  return prepared<[number], number>(db, 'SELECT count(*) FROM risk_flag_applications WHERE flag_id = ?')
    .pluck()
    .get(id)!;
}

export function deleteFlag(db: Db, id: number): void {
  prepared(db, 'DELETE FROM risk_flags WHERE id = ?').run(id);
}

export function closeFlagRow(db: Db, id: number, by: string, reason: string, at: string): void {
  prepared(
    db,
    `UPDATE risk_flags SET status = 'closed', closed_by = ?, close_reason = ?, closed_at = ? WHERE id = ?`,
  ).run(by, reason, at, id);
}

export interface FlagQuery {
  detectorId?: string | undefined;
  status?: 'open' | 'closed' | undefined;
  applicationId?: number | undefined;
  offset: number;
  limit: number;
}

const WHERE = `WHERE (@detector IS NULL OR detector_id = @detector) AND (@status IS NULL OR status = @status)
  AND (@application IS NULL OR id IN (SELECT flag_id FROM risk_flag_applications WHERE application_id = @application))`;

/** The flags in list order: open first, then by severity and latest change (index risk_flags_list, 0026). */
export const FIRST_FLAGS = `SELECT * FROM risk_flags ${WHERE}
  ORDER BY status DESC, CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, updated_at DESC, id DESC`;

/** Flags matching the query, open first, then by severity and most recent change. */
export function queryFlags(db: Db, query: FlagQuery): { rows: RiskFlagRow[]; total: number } {
  const params = {
    detector: query.detectorId ?? null,
    status: query.status ?? null,
    application: query.applicationId ?? null,
  };
  const rows = prepared<unknown[], RiskFlagRow>(db, `${FIRST_FLAGS} LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: query.limit,
    offset: query.offset,
  });
  const total = prepared<unknown[], { n: number }>(db, `SELECT count(*) AS n FROM risk_flags ${WHERE}`).get(params)!.n;
  return { rows, total };
}

export function openCountsByDetector(db: Db): Record<string, number> {
  const rows = prepared<[], { detector_id: string; n: number }>(
    db,
    "SELECT detector_id, count(*) AS n FROM risk_flags WHERE status = 'open' GROUP BY detector_id",
  ).all();
  return Object.fromEntries(rows.map((row) => [row.detector_id, row.n]));
}

export function fullRecomputeAt(db: Db): string | null {
  return prepared<[], { full_recompute_at: string | null }>(
    db,
    'SELECT full_recompute_at FROM risk_state WHERE id = 1',
  ).get()!.full_recompute_at;
}

export function setFullRecomputeAt(db: Db, at: string): void {
  prepared(db, 'UPDATE risk_state SET full_recompute_at = ? WHERE id = 1').run(at);
}

/** When the hall detectors were last scanned: at which change and on which day (and the daily ones' day). */
export interface HallScanState {
  seq: number | null;
  day: string | null;
  dailyDay: string | null;
}

export function hallScanState(db: Db): HallScanState {
  return prepared<[], HallScanState>(
    db,
    'SELECT scanned_seq AS seq, scanned_day AS day, daily_scanned_day AS dailyDay FROM risk_state WHERE id = 1',
  ).get()!;
}

export function setHallScanState(db: Db, state: HallScanState): void {
  prepared(db, 'UPDATE risk_state SET scanned_seq = ?, scanned_day = ?, daily_scanned_day = ? WHERE id = 1').run(
    state.seq,
    state.day,
    state.dailyDay,
  );
}

/** The configuration fingerprint the record detectors' flags were computed with (migration 0020); null: never. */
export function recordsConfig(db: Db): string | null {
  return prepared<[], { records_config: string | null }>(
    db,
    'SELECT records_config FROM risk_state WHERE id = 1',
  ).get()!.records_config;
}

export function setRecordsConfig(db: Db, fingerprint: string): void {
  prepared(db, 'UPDATE risk_state SET records_config = ? WHERE id = 1').run(fingerprint);
}
