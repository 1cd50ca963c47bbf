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

export interface AuditVerifyResult {
  ok: boolean;
  /** Entries verified before the first bad one (all of them when ok). */
  checked: number;
  firstBad?: AuditBadEntry;
}
