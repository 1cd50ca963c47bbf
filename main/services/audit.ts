/**
 * 审计日志: one hash-chained entry per mutation. hash = sha256(prev_hash ‖ canonical JSON of the entry), so
 * changing, removing or reordering any entry breaks the chain from that entry on; `verifyAudit` names the first.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerifyResult } from '../../shared/api/audit';
import type { Db } from '../db/connection';
import { auditHead, auditOfEntity, insertAudit, iterateAudit, type AuditRow } from '../db/repositories/auditRepo';
import { canonicalDiffJson, canonicalJson, type FieldChange } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: string;
  userId: string;
  userName: string;
  action: string;
  entity: string;
  entityId: string;
  changeSeq: number;
  diff: Record<string, FieldChange>;
}

type AuditHeader = Omit<AuditInput, 'diff'>;

/**
 * sha256(prev_hash ‖ canonical JSON of the entry). The entry's canonical JSON is assembled around the stored
 * diff text (keys in sorted order: diff sits between changeSeq and entity), so verify hashes exactly the bytes
 * in the file and the diff is serialised once per write.
 */
function entryHash(prevHash: string, id: number, header: AuditHeader, diffJson: string): string {
  const head = canonicalJson({ action: header.action, at: header.at, changeSeq: header.changeSeq });
  const tail = canonicalJson({
    entity: header.entity,
    entityId: header.entityId,
    id,
    userId: header.userId,
    userName: header.userName,
  });
  const payload = `${head.slice(0, -1)},"diff":${diffJson},${tail.slice(1)}`;
  return createHash('sha256').update(prevHash).update(payload).digest('hex');
}

/** Appends one entry; call inside the mutation's transaction. */
export function appendAudit(db: Db, entry: AuditInput): void {
  const head = auditHead(db);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const id = (head?.id ?? 0) + 1;
  const diffJson = canonicalDiffJson(entry.diff);
  insertAudit(db, {
    id,
    at: entry.at,
    user_id: entry.userId,
    user_name: entry.userName,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    change_seq: entry.changeSeq,
    diff_json: diffJson,
    prev_hash: prevHash,
    hash: entryHash(prevHash, id, entry, diffJson),
  });
}

function headerOf(row: AuditRow): AuditHeader {
  return {
    at: row.at,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    changeSeq: row.change_seq,
  };
}

function problemOf(row: AuditRow, expectedId: number, prevHash: string): string | null {
  if (row.id !== expectedId) return `缺少第 ${expectedId} 条记录（可能被删除）`;
  if (row.prev_hash !== prevHash) return '前一条的哈希不符（记录被删除、插入或调换）';
  if (entryHash(prevHash, row.id, headerOf(row), row.diff_json) !== row.hash) return '内容与哈希不符（数据被改动）';
  return null;
}

/** Walks the whole chain. A damaged database file is reported as a failure, not thrown. */
export function verifyAudit(db: Db): AuditVerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  try {
    for (const row of iterateAudit(db)) {
      const problem = problemOf(row, expectedId, prevHash);
      if (problem) {
        return {
          ok: false,
          checked,
          firstBad: {
            id: row.id,
            at: row.at,
            action: row.action,
            entity: row.entity,
            entityId: row.entity_id,
            problem,
          },
        };
      }
      prevHash = row.hash;
      expectedId++;
      checked++;
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      checked,
      firstBad: {
        id: expectedId,
        at: '',
        action: '',
        entity: '',
        entityId: '',
        problem: `数据库文件损坏，无法读取：${detail}`,
      },
    };
  }
  return { ok: true, checked };
}

export function auditEntriesOf(db: Db, entity: string, entityId: string): AuditEntry[] {
  return auditOfEntity(db, entity, entityId).map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.user_id,
    userName: row.user_name,
    action: row.action,
    changeSeq: row.change_seq,
    diff: JSON.parse(row.diff_json) as AuditEntry['diff'],
    hash: row.hash,
  }));
}
