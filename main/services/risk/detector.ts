/**
 * 风险识别 detectors (issue 15; REFERENCE.md §8 maps each stage's risks to a detector). A detector is data —
 * id, Chinese name and explanation, stage, the paper's section, severity, suggested action — plus a pure read
 * of the database that yields findings with their evidence. The engine (recompute.ts) stores findings as flags.
 */
import type { WorkdayCalendar } from '../../../shared/calendar/calendar';
import type { RiskDetectorInfo } from '../../../shared/api/risk';
import type { RiskThresholds } from '../../../shared/rules';
import type { Db } from '../../db/connection';

/** What a detector reads besides the database. */
export interface DetectorInput {
  db: Db;
  thresholds: RiskThresholds;
  /** Asia/Shanghai date the time-dependent detectors judge on. */
  today: string;
  /** ISO instant of the recompute (for "in the future"). */
  at: string;
  calendar: WorkdayCalendar;
  /**
   * Judge every group again (a full recompute, a changed configuration): otherwise the hall scans over per-group
   * counts re-read the evidence only of the groups whose members changed since the last scan (groupScan.ts).
   */
  rescan: boolean;
}

/** One flagged pattern: its subject (the key it is stored under), the records and the values behind it. */
export interface RiskFinding {
  /** Stable key within the detector, e.g. `app:12`, `addr:…`, `clerk:u1:R-CAP-01`. */
  subject: string;
  /** One Chinese sentence naming the records and the values, with figures that drift (shares, days waited). */
  summary: string;
  /** The applications behind the finding (ids; the engine stores their numbers in the evidence). */
  applicationIds: number[];
  /**
   * The evidence proper: with the applications, it is what the evidence hash covers, so a change reopens a
   * closed flag. Figures that drift by themselves (a share of the hall, days waited) belong in the summary.
   */
  values: Record<string, string | number | boolean | null>;
}

/** What the UI and docs show of a detector; its id is `RISK-<STAGE>-<NN>`, stable once released. */
type DetectorInfo = RiskDetectorInfo;

/**
 * A detector whose findings depend only on the records of some applications: recomputed incrementally in the
 * transaction of every change, for the subjects the changed applications belong to.
 */
export interface RecordDetector extends DetectorInfo {
  scope: 'records';
  /** Subjects the applications belong to; 'all' = every subject that could be flagged (full recompute). */
  subjectsOf(input: DetectorInput, applicationIds: readonly number[] | 'all'): string[];
  evaluate(input: DetectorInput, subject: string): RiskFinding | undefined;
}

/**
 * A detector over the whole hall (rates, shares, z-scores) or over the date (deadlines, idle time): its findings
 * change without a change to the records, so it is scanned whole when flags are read, with cheap queries.
 */
export interface HallDetector extends DetectorInfo {
  scope: 'hall';
  /**
   * 'change' (default): rescanned when anything changed or the date moved on. 'daily': once a day per process
   * and on a full recompute, for a scan too heavy to repeat after every change whose findings do not come from
   * the app's own changes (the audit chain: tampering happens outside the app).
   */
  cadence?: 'daily';
  scan(input: DetectorInput): RiskFinding[] | HallScan;
}

/** A scan that judged only some groups: the stored flags of the `unchanged` subjects stand as they are. */
export interface HallScan {
  findings: RiskFinding[];
  unchanged: ReadonlySet<string>;
}

export type Detector = RecordDetector | HallDetector;

/** The subject key of one application. */
export const appSubject = (id: number): string => `app:${id}`;

/** The application id of an `app:` subject. */
export const appOfSubject = (subject: string): number => Number(subject.slice('app:'.length));

type Info = Omit<RecordDetector, 'scope' | 'subjectsOf' | 'evaluate'>;

/**
 * A record detector whose subject is one application: `candidates` lists the applications a full recompute
 * needs to look at (a cheap prefilter), `evaluate` judges one.
 */
export function applicationDetector(
  info: Info,
  candidates: (input: DetectorInput) => number[],
  evaluate: (input: DetectorInput, applicationId: number) => Omit<RiskFinding, 'subject'> | undefined,
): RecordDetector {
  return {
    ...info,
    scope: 'records',
    subjectsOf: (input, ids) => (ids === 'all' ? candidates(input) : ids).map(appSubject),
    evaluate: (input, subject) => {
      const finding = evaluate(input, appOfSubject(subject));
      return finding && { subject, ...finding };
    },
  };
}
