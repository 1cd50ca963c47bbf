/**
 * What HQ checks about a bundle's place in its hall's history before its rows count: not a duplicate, a
 * change_seq range that fits its neighbours, and an audit chain that continues from the stored head (and into
 * the next batch, when it fills a gap). A hall whose history was rewritten or truncated cannot pass.
 */
import type { Manifest } from '../export/format';
import { GENESIS_HASH } from '../services/audit';
import { BundleRefused } from './readBundle';

export interface StoredBatch {
  batch_no: number;
  from_seq: number;
  to_seq: number;
  bundle_sha256: string;
  audit_first_id: number | null;
  audit_first_prev: string | null;
  audit_head_id: number;
  audit_head_hash: string;
  imported_at: string;
}

export type Placement = { kind: 'duplicate'; importedAt: string } | { kind: 'new'; gaps: number[]; fillsGap: boolean };

export function placeBatch(
  manifest: Manifest,
  bundleSha: string,
  batches: ReadonlyMap<number, StoredBatch>,
  name: string,
): Placement {
  const hall = manifest.hall.code;
  const n = manifest.batch;
  const same = batches.get(n);
  if (same) {
    if (same.bundle_sha256 === bundleSha) return { kind: 'duplicate', importedAt: same.imported_at };
    throw new BundleRefused(
      name,
      `营业厅 ${hall} 的第 ${n} 批已于 ${same.imported_at} 导入过另一份内容不同的数据包（疑似重复生成或伪造），已拒绝：请营业厅用 yekuo export --resend ${n} 重新发送原批次。`,
    );
  }
  const previous = batches.get(n - 1);
  const next = batches.get(n + 1);
  if (previous && manifest.changeSeq.from !== previous.to_seq + 1) {
    throw new BundleRefused(
      name,
      `营业厅 ${hall} 第 ${n} 批的变更序号从 ${manifest.changeSeq.from} 开始，未接续第 ${n - 1} 批的 ${previous.to_seq}（批次顺序不符），已拒绝。`,
    );
  }
  if (next && next.from_seq !== manifest.changeSeq.to + 1) {
    throw new BundleRefused(
      name,
      `营业厅 ${hall} 第 ${n} 批的变更序号止于 ${manifest.changeSeq.to}，与已导入的第 ${n + 1} 批不衔接（批次顺序不符），已拒绝。`,
    );
  }
  checkAnchor(manifest, previous, n === 1, name);
  if (next && next.audit_first_prev !== null && next.audit_first_prev !== manifest.audit.head.hash) {
    throw new BundleRefused(
      name,
      `营业厅 ${hall} 第 ${n} 批的审计链头（第 ${manifest.audit.head.id} 条）与已导入的第 ${n + 1} 批不衔接（营业厅的审计历史被改写），已拒绝。`,
    );
  }
  const newest = Math.max(0, ...batches.keys());
  const gaps: number[] = [];
  for (let missing = newest + 1; missing < n; missing++) gaps.push(missing);
  return { kind: 'new', gaps, fillsGap: n < newest };
}

/** The batch's first audit entry must chain to the previous batch's head (or to genesis for batch 1). */
function checkAnchor(manifest: Manifest, previous: StoredBatch | undefined, isFirst: boolean, name: string): void {
  const anchor = isFirst
    ? { id: 0, hash: GENESIS_HASH }
    : previous && { id: previous.audit_head_id, hash: previous.audit_head_hash };
  if (!anchor) return; // the previous batch is missing: checked when it arrives (see the `next` check)
  const first = manifest.audit.first;
  const hall = manifest.hall.code;
  if (first === null) {
    if (manifest.audit.head.id !== anchor.id || manifest.audit.head.hash !== anchor.hash) {
      throw new BundleRefused(
        name,
        `营业厅 ${hall} 第 ${manifest.batch} 批没有审计记录，但链头与总部保存的不同（审计历史被改写），已拒绝。`,
      );
    }
    return;
  }
  if (first.id !== anchor.id + 1 || first.prevHash !== anchor.hash) {
    throw new BundleRefused(
      name,
      `营业厅 ${hall} 的审计链未接续：第 ${first.id} 条的前一哈希与总部保存的链头（第 ${anchor.id} 条）不符（营业厅的审计历史被改写或截断），已拒绝。`,
    );
  }
}
