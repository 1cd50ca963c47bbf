/**
 * Signed chain heads (anchors). The hall signs the current head of its audit chain (entry number and hash) with
 * its Ed25519 key at `init`, at every backup and at every export, and keeps the signed head in `audit_anchors`;
 * exports carry the heads to headquarters. A tail deleted after a signed head, or a chain rewritten with every
 * later hash recomputed, no longer reaches that head, and `audit verify` says so.
 */
import type { AuditAnchorCheck, AuditAnchorProblem } from '../../shared/api/audit';
import type { Db } from '../db/connection';
import { auditEntryById, auditHead } from '../db/repositories/auditRepo';
import { getHall } from '../db/repositories/hallRepo';
import { prepared } from '../db/statements';
import type { HandlerContext } from '../ipc/context';
import { GENESIS_HASH } from './audit';
import { canonicalJson } from './canonicalJson';
import { clockOf } from './clock';
import { hallKeyStoreOf } from './keys/fileKeyStore';
import { loadOrCreateHallKeys, verifyHallSignature, type HallKeys, type PrivateKeyStore } from './keys/hallKeys';

/** Why a head was signed: 'init', 'backup', 'export' (or another short word naming the occasion). */
export type AnchorReason = 'init' | 'backup' | 'export' | (string & {});

/** One signed chain head, as stored and as exported. */
export interface SignedHead {
  id: number;
  /** The chain's last entry when signed (0 for an empty chain). */
  entryId: number;
  /** That entry's hash (GENESIS_HASH for an empty chain). */
  entryHash: string;
  reason: AnchorReason;
  /** ISO instant of the signature. */
  at: string;
  hallCode: string;
  /** sha256 of the signing public key's DER (hallKeys.publicKeyFingerprint). */
  keyFingerprint: string;
  /** Ed25519 signature of signedHeadPayload(head), base64. */
  signature: string;
}

type SignedFields = Pick<SignedHead, 'entryId' | 'entryHash' | 'reason' | 'at' | 'hallCode'>;

/** The exact bytes signed: canonical JSON of the head's five fields. Headquarters verifies the same bytes. */
export function signedHeadPayload(head: SignedFields): Buffer {
  return Buffer.from(
    canonicalJson({
      at: head.at,
      entryHash: head.entryHash,
      entryId: head.entryId,
      hallCode: head.hallCode,
      reason: head.reason,
    }),
    'utf8',
  );
}

interface AnchorRow {
  id: number;
  entry_id: number;
  entry_hash: string;
  reason: string;
  at: string;
  hall_code: string;
  key_fingerprint: string;
  signature: string;
}

function headOf(row: AnchorRow): SignedHead {
  return {
    id: row.id,
    entryId: row.entry_id,
    entryHash: row.entry_hash,
    reason: row.reason,
    at: row.at,
    hallCode: row.hall_code,
    keyFingerprint: row.key_fingerprint,
    signature: row.signature,
  };
}

/** The context's hall key store: the desktop's safeStorage-backed one, else the data folder's key file. */
export function hallKeyStoreOfContext(ctx: HandlerContext): PrivateKeyStore {
  return ctx.hallKeyStore ?? hallKeyStoreOf(ctx.dataDir);
}

/**
 * Signs the current chain head and stores it: THE one function to call at init, at every backup (before the
 * copy is taken, so the copy holds its own anchor) and at every export. The hall key is created on first use.
 * The key comes from `ctx.hallKeyStore` (the desktop's safeStorage-backed store) or the data folder's key file.
 */
export function signAuditHead(ctx: HandlerContext, reason: AnchorReason): SignedHead {
  const keys: HallKeys = loadOrCreateHallKeys(hallKeyStoreOfContext(ctx));
  const at = clockOf(ctx).at;
  return ctx.db
    .transaction(() => {
      const head = auditHead(ctx.db);
      const fields: SignedFields = {
        entryId: head?.id ?? 0,
        entryHash: head?.hash ?? GENESIS_HASH,
        reason,
        at,
        hallCode: getHall(ctx.db)?.code ?? '',
      };
      const signature = keys.sign(signedHeadPayload(fields)).toString('base64');
      const id = Number(
        prepared(
          ctx.db,
          `INSERT INTO audit_anchors (entry_id, entry_hash, reason, at, hall_code, key_fingerprint, signature)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(fields.entryId, fields.entryHash, reason, at, fields.hallCode, keys.fingerprint, signature)
          .lastInsertRowid,
      );
      return { id, ...fields, keyFingerprint: keys.fingerprint, signature };
    })
    .immediate();
}

/** Every signed head, oldest first (export sends those after its last batch; HQ keeps them). */
export function listSignedHeads(db: Db): SignedHead[] {
  return prepared<[], AnchorRow>(db, 'SELECT * FROM audit_anchors ORDER BY id').all().map(headOf);
}

export function latestSignedHead(db: Db): SignedHead | undefined {
  const row = prepared<[], AnchorRow>(db, 'SELECT * FROM audit_anchors ORDER BY id DESC LIMIT 1').get();
  return row ? headOf(row) : undefined;
}

function anchorProblem(head: SignedHead, lastEntryId: number, db: Db, keys?: HallKeys): AuditAnchorProblem | null {
  const base = { anchorId: head.id, entryId: head.entryId };
  if (keys) {
    const signedByHall =
      head.keyFingerprint === keys.fingerprint &&
      verifyHallSignature(keys.publicKeyPem, signedHeadPayload(head), Buffer.from(head.signature, 'base64'));
    if (!signedByHall) {
      return {
        ...base,
        kind: 'BAD_SIGNATURE',
        problem: `签名链头 #${head.id}（${head.at}，${head.reason}）的签名无效：它不是本营业厅密钥所签，或已被改动`,
      };
    }
  }
  if (head.entryId === 0) return null;
  if (lastEntryId < head.entryId) {
    return {
      ...base,
      kind: 'TAIL_MISSING',
      problem:
        `审计日志末尾缺少记录：${head.at} 签名（${head.reason}）时链头为第 ${head.entryId} 条，` +
        `现在最后一条是第 ${lastEntryId} 条，第 ${lastEntryId + 1}–${head.entryId} 条已被删除`,
    };
  }
  const entry = auditEntryById(db, head.entryId);
  if (!entry || entry.hash !== head.entryHash) {
    return {
      ...base,
      kind: 'REWRITTEN',
      problem:
        `审计日志已被改写：${head.at} 签名（${head.reason}）的链头第 ${head.entryId} 条的哈希与现在的不同，` +
        '哈希链已无法到达签名时的链头（记录被改写后重新计算了哈希）',
    };
  }
  return null;
}

/**
 * Compares every signed head with the chain whose last entry is `lastEntryId`. Signatures are checked when the
 * hall's keys are given (they are read from the data folder, never created, by `audit verify`).
 */
export function checkAnchors(db: Db, lastEntryId: number, keys?: HallKeys): AuditAnchorCheck {
  const heads = listSignedHeads(db);
  const problems: AuditAnchorProblem[] = [];
  for (const head of heads) {
    const problem = anchorProblem(head, lastEntryId, db, keys);
    if (problem) problems.push(problem);
  }
  const latest = heads.at(-1);
  return {
    checked: heads.length,
    signaturesChecked: keys !== undefined,
    ...(latest ? { latest: { entryId: latest.entryId, at: latest.at, reason: latest.reason } } : {}),
    problems,
  };
}
