/**
 * 审计日志: one hash-chained entry per mutation. hash = sha256(prev_hash ‖ canonical JSON of the entry), so
 * changing, removing or reordering any entry breaks the chain from that entry on; `verifyAudit` names the first.
 * An entry also states the rows it left behind (`state`: a hash per row, main/db/rowStates.ts), so a row changed
 * outside the app no longer matches its latest entry; signed chain heads (auditAnchors.ts) catch a deleted tail
 * and a chain rewritten with recomputed hashes. docs/store.md describes the format.
 */
import { createHash } from 'node:crypto';
import type { AuditBadEntry, AuditEntry, AuditVerifyResult } from '../../shared/api/audit';
import type { Db } from '../db/connection';
import { auditHead, auditOfEntity, insertAudit, iterateAudit, type AuditRow } from '../db/repositories/auditRepo';
import { checkAnchors, hallKeyStoreOfContext } from './auditAnchors';
import { checkAuditedRows, LatestRowStates } from './auditRowCheck';
import { canonicalDiffJson, canonicalJson, type FieldChange } from './canonicalJson';
import { readHallKeys, type HallKeys } from './keys/hallKeys';
import type { HandlerContext } from '../ipc/context';

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
  /** Canonical JSON {"table:key": row hash | null} of the rows the mutation wrote; absent when it wrote none. */
  stateJson?: string;
}

type AuditHeader = Omit<AuditInput, 'diff' | 'stateJson'>;

/**
 * sha256(prev_hash ‖ canonical JSON of the entry). The entry's canonical JSON is assembled around the stored
 * diff and state texts (keys in sorted order: diff sits between changeSeq and entity, state between id and
 * userId), so verify hashes exactly the bytes in the file and each is serialised once per write. An entry
 * without state (written before migration 0008) hashes as it always did.
 */
function entryHash(
  prevHash: string,
  id: number,
  header: AuditHeader,
  diffJson: string,
  stateJson: string | null,
): string {
  const head = canonicalJson({ action: header.action, at: header.at, changeSeq: header.changeSeq });
  const middle = canonicalJson({ entity: header.entity, entityId: header.entityId, id });
  const tail = canonicalJson({ userId: header.userId, userName: header.userName });
  const state = stateJson === null ? '' : `,"state":${stateJson}`;
  const payload = `${head.slice(0, -1)},"diff":${diffJson},${middle.slice(1, -1)}${state},${tail.slice(1)}`;
  return createHash('sha256').update(prevHash).update(payload).digest('hex');
}

/** Appends one entry; call inside the mutation's transaction. */
export function appendAudit(db: Db, entry: AuditInput): void {
  const head = auditHead(db);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const id = (head?.id ?? 0) + 1;
  const diffJson = canonicalDiffJson(entry.diff);
  const stateJson = entry.stateJson ?? null;
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
    hash: entryHash(prevHash, id, entry, diffJson, stateJson),
    state_json: stateJson,
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

/** The hash a stored entry must carry after `prevHash`. */
export function storedEntryHash(row: AuditRow, prevHash: string): string {
  return entryHash(prevHash, row.id, headerOf(row), row.diff_json, row.state_json);
}

function problemOf(row: AuditRow, expectedId: number, prevHash: string): string | null {
  if (row.id !== expectedId) return `缺少第 ${expectedId} 条记录（可能被删除）`;
  if (row.prev_hash !== prevHash) return '前一条的哈希不符（记录被删除、插入或调换）';
  if (storedEntryHash(row, prevHash) !== row.hash) return '内容与哈希不符（数据被改动）';
  return null;
}

interface ChainWalk {
  checked: number;
  firstBad?: AuditBadEntry;
  /** The last entry's id (the chain's length when intact). */
  lastId: number;
}

/**
 * Walks the whole chain, naming the first bad entry, and feeds every entry's recorded state to `states`
 * (also after a break: the row check still says which rows disagree with what the file claims).
 */
function walkChain(db: Db, states: LatestRowStates, walk: ChainWalk): void {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  for (const row of iterateAudit(db)) {
    if (!walk.firstBad) {
      const problem = problemOf(row, expectedId, prevHash);
      if (problem) {
        walk.firstBad = {
          id: row.id,
          at: row.at,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          problem,
        };
      } else {
        walk.checked++;
      }
    }
    states.add(row);
    prevHash = row.hash;
    expectedId = row.id + 1;
    walk.lastId = row.id;
  }
}

/**
 * `audit verify`: the hash chain, every audited row against its latest recorded state, and every signed chain
 * head (signatures checked when `keys` is given). A damaged database file is reported as a failure, not thrown.
 */
export function verifyAudit(db: Db, keys?: HallKeys): AuditVerifyResult {
  const chain: ChainWalk = { checked: 0, lastId: 0 };
  try {
    const states = new LatestRowStates();
    walkChain(db, states, chain);
    const rows = checkAuditedRows(db, states);
    const anchors = checkAnchors(db, chain.lastId, keys);
    const ok = !chain.firstBad && rows.problemCount === 0 && anchors.problems.length === 0;
    return { ok, checked: chain.checked, ...(chain.firstBad ? { firstBad: chain.firstBad } : {}), rows, anchors };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      checked: chain.checked,
      firstBad: {
        id: chain.lastId + 1,
        at: '',
        action: '',
        entity: '',
        entityId: '',
        problem: `数据库文件损坏，无法读取：${detail}`,
      },
    };
  }
}

/** `audit verify` of a data folder: signatures checked with the hall's keys when they exist (never created). */
export function verifyAuditOf(ctx: HandlerContext): AuditVerifyResult {
  return verifyAudit(ctx.db, readHallKeys(hallKeyStoreOfContext(ctx)));
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
