/** Audit-log types crossing the API. */

export interface AuditEntry {
  id: number;
  at: string;
  userId: string;
  userName: string;
  action: string;
  changeSeq: number;
  /** Field path → before/after (null = absent). */
  diff: Record<string, { before: unknown; after: unknown }>;
  hash: string;
}

export interface AuditBadEntry {
  id: number;
  at: string;
  action: string;
  entity: string;
  entityId: string;
  /** Chinese description of what is wrong. */
  problem: string;
}

/** A current row that disagrees with the state its latest audit entry names (changed outside the app). */
export interface AuditRowProblem {
  table: string;
  key: string;
  /** The application or contract number, when the row has one. */
  label?: string;
  /** The entry it disagrees with; null when no entry names the row at all. */
  entryId: number | null;
  /** Chinese description of what is wrong. */
  problem: string;
}

export interface AuditRowCheck {
  /** Rows of the audited tables compared with their latest recorded state. */
  checked: number;
  /** Rows written before state recording began (migration 0008) and not changed since: nothing to compare. */
  notYetCovered: number;
  /** The first problems (at most AUDIT_PROBLEM_CAP); problemCount says how many there are in all. */
  problems: AuditRowProblem[];
  problemCount: number;
}

/** A signed chain head the chain no longer reaches. */
export interface AuditAnchorProblem {
  anchorId: number;
  entryId: number;
  kind: 'TAIL_MISSING' | 'REWRITTEN' | 'BAD_SIGNATURE';
  /** Chinese description of what is wrong. */
  problem: string;
}

export interface AuditAnchorCheck {
  /** Signed heads compared with the chain. */
  checked: number;
  /** False when the hall's public key was not available, so signatures were not checked. */
  signaturesChecked: boolean;
  latest?: { entryId: number; at: string; reason: string };
  problems: AuditAnchorProblem[];
}

/** At most this many row problems are listed; the count covers all. */
export const AUDIT_PROBLEM_CAP = 200;

export interface AuditVerifyResult {
  /** True only when the chain, every audited row and every signed head check out. */
  ok: boolean;
  /** Entries verified before the first bad one (all of them when the chain is intact). */
  checked: number;
  firstBad?: AuditBadEntry;
  /** Absent only when the file could not be read. */
  rows?: AuditRowCheck;
  anchors?: AuditAnchorCheck;
}
