/**
 * 生成导出批次: every row changed since the last batch (change_seq > watermark), read in one snapshot, written as
 * deflated JSON Lines while it is read, zipped deterministically with a signed manifest, fsynced and renamed into
 * the outbox (<data>/exports). Only then does one transaction record the batch, which is what advances the watermark:
 * a crash or a full disk at any earlier point leaves no batch and no bundle under a valid name, and the next
 * run exports the same changes again.
 */
import { supportLog } from '../log/supportLog';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportBatchInfo, ExportProgress } from '../../shared/api/export';
import type { Db } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrations';
import { currentChangeSeq } from '../db/repositories/changeCounter';
import {
  auditHeadAt,
  exportBatch,
  firstAuditAfter,
  insertExportBatch,
  iterateChangedLines,
  iterateChangedRows,
  lastExportBatch,
} from '../db/repositories/exportRepo';
import type { HandlerContext } from '../ipc/context';
import { GENESIS_HASH } from '../services/audit';
import { signAuditHead, type SignedHead } from '../services/auditAnchors';
import { canonicalJson } from '../services/canonicalJson';
import { shanghaiDate } from '../services/clock';
import { AppError } from '../services/errors';
import { requireHall } from '../services/hall';
import type { HallKeys } from '../services/keys/hallKeys';
import { batchInfoOf } from './batchInfo';
import { LazyDeflateThread } from './deflateThread';
import { writeBatchSummary } from './batchSummary';
import { fsyncFolder, writeFileAtomically } from '../services/durableFiles';
import { sha256OfFile } from '../services/sha256OfFile';
import { fsyncFile, nodeIo, type ExportIo } from './exportIo';
import { readExportSettings } from './exportSettings';
import {
  bundleFileName,
  DEFLATE_LEVEL,
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  publicKeyFileName,
  SIGNATURE_ENTRY,
  summaryFileName,
  type Manifest,
  type ManifestEntry,
} from './format';
import { JsonLinesFile } from './jsonLinesFile';
import { rowJsonOf } from './rowJson';
import { EXPORT_TABLES, tableEntryName } from './tables';
import { writeZip, type ZipSource } from './zipBundle';

export interface ExportRun {
  keys: HallKeys;
  /** File operations; a test injects a failing one. */
  io?: ExportIo;
  onProgress?: (progress: ExportProgress) => void;
}

/** The hall's outbox: every recorded bundle stays here (re-send, delivery to HQ). */
export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

interface Snapshot {
  manifest: Manifest;
  sources: ZipSource[];
}

/** Reads every changed row in ONE read transaction (a consistent snapshot) into deflated JSON Lines under `work`. */
function readSnapshot(
  ctx: HandlerContext,
  run: ExportRun,
  io: ExportIo,
  work: string,
  signedHead: SignedHead,
  deflateThread: LazyDeflateThread,
): Snapshot | null {
  return ctx.db.transaction((): Snapshot | null => {
    const db = ctx.db;
    const hall = requireHall(ctx);
    const settings = readExportSettings(db);
    const last = lastExportBatch(db);
    const fromSeq = (last?.to_seq ?? 0) + 1;
    const toSeq = currentChangeSeq(db);
    if (toSeq < fromSeq) return null;
    const entries: ManifestEntry[] = [];
    const sources: ZipSource[] = [];
    let tablesDone = 0;
    let rowsDone = 0;
    for (const table of EXPORT_TABLES) {
      const out = new JsonLinesFile(io, path.join(work, `${table.name}.jsonl.deflate`), deflateThread);
      const rowJson = rowJsonOf(table, settings.privacy);
      try {
        for (const line of iterateChangedLines(db, table, rowJson, fromSeq - 1, toSeq)) out.add(line);
      } catch (error) {
        out.abandon();
        throw error;
      }
      const written = out.finish();
      const name = tableEntryName(table.name);
      entries.push({ name, table: table.name, rows: written.rows, bytes: written.bytes, sha256: written.sha256 });
      sources.push({ name, deflated: written });
      rowsDone += written.rows;
      run.onProgress?.({ phase: 'read', tablesDone: ++tablesDone, tables: EXPORT_TABLES.length, rows: rowsDone });
    }
    if (settings.includePdfs) attachPdfs(ctx, fromSeq - 1, toSeq, entries, sources);
    const first = firstAuditAfter(db, fromSeq - 1, toSeq);
    const head = auditHeadAt(db, toSeq);
    const manifest: Manifest = {
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      schemaVersion: SCHEMA_VERSION,
      hall: { code: hall.code, name: hall.name, keyFingerprint: run.keys.fingerprint },
      batch: (last?.batch_no ?? 0) + 1,
      changeSeq: { from: fromSeq, to: toSeq },
      createdAt: (ctx.now?.() ?? new Date()).toISOString(),
      privacy: settings.privacy,
      entries,
      audit: {
        first: first ? { id: first.id, prevHash: first.prev_hash } : null,
        head: head ?? { id: 0, hash: GENESIS_HASH },
        signedHead: {
          entryId: signedHead.entryId,
          entryHash: signedHead.entryHash,
          reason: signedHead.reason,
          at: signedHead.at,
          hallCode: signedHead.hallCode,
          keyFingerprint: signedHead.keyFingerprint,
          signature: signedHead.signature,
        },
      },
    };
    return { manifest, sources };
  })();
}

/** The generated PDFs of the batch's document rows, once each, as files/<sha256>.pdf. */
function attachPdfs(
  ctx: HandlerContext,
  fromSeq: number,
  toSeq: number,
  entries: ManifestEntry[],
  sources: ZipSource[],
) {
  const documents = EXPORT_TABLES.find((table) => table.name === 'documents')!;
  const seen = new Set<string>();
  for (const [stored, sha256] of iterateChangedRows(ctx.db, documents, ['path', 'sha256'], fromSeq, toSeq) as Iterable<
    [string, string]
  >) {
    const file = path.join(ctx.dataDir, stored);
    if (seen.has(sha256) || !stored.endsWith('.pdf') || !fs.existsSync(file)) continue;
    seen.add(sha256);
    const name = `files/${sha256}.pdf`;
    entries.push({ name, bytes: fs.statSync(file).size, sha256 });
    sources.push({ name, file });
  }
}

/** Progress while the bundle is packed: one step per table entry read into the zip, with its rows. */
function bundleProgress(manifest: Manifest, onProgress: ExportRun['onProgress']): ((name: string) => void) | undefined {
  if (!onProgress) return undefined;
  const tables = manifest.entries.filter((entry) => entry.table);
  const done = { tablesDone: 0, rows: 0 };
  onProgress({ phase: 'bundle', tables: tables.length, ...done });
  return (name) => {
    const entry = tables.find((t) => t.name === name);
    if (!entry) return;
    done.tablesDone++;
    done.rows += entry.rows ?? 0;
    onProgress({ phase: 'bundle', tables: tables.length, ...done });
  };
}

/** The file at `target` holds exactly `bytes` already (then there is nothing to write). */
function holdsAlready(target: string, bytes: Buffer): boolean {
  try {
    return fs.statSync(target).size === bytes.length && fs.readFileSync(target).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Writes `bytes` to `target` through a temp name, fsynced, renamed; a file that holds the same bytes already is
 * left alone (the hall's public key beside every export: no rewrite and no fsync when it has not changed).
 */
export function writeFileDurably(target: string, bytes: Buffer | string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  if (holdsAlready(target, data)) return;
  writeFileAtomically(target, data, 0o644);
  fsyncFolder(path.dirname(target));
}

function storageFailure(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC') {
    return new AppError('STORAGE', '磁盘空间不足，导出未完成：未生成批次，下次导出会包含这些变更。请清理磁盘后重试。');
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('STORAGE', '导出目录不可写，导出未完成：未生成批次。请检查数据目录下 exports 文件夹的权限。');
  }
  return error;
}

/**
 * Creates the next batch, or returns null when nothing changed since the last one. The watermark advances
 * only in the final transaction, after the bundle is complete, fsynced and renamed into place.
 */
export async function createExportBatch(ctx: HandlerContext, run: ExportRun): Promise<ExportBatchInfo | null> {
  const io = run.io ?? nodeIo;
  const outbox = outboxDir(ctx.dataDir);
  fs.mkdirSync(outbox, { recursive: true, mode: 0o700 });
  const work = fs.mkdtempSync(path.join(outbox, '.work-'));
  let temp: string | undefined;
  const deflateThread = new LazyDeflateThread(DEFLATE_LEVEL);
  try {
    // Signed before the snapshot is read, so the signed head is at or before the batch's head (the chain only grows).
    const signedHead = signAuditHead(ctx, 'export');
    const snapshot = readSnapshot(ctx, run, io, work, signedHead, deflateThread);
    await deflateThread.close();
    if (!snapshot) return null;
    const { manifest, sources } = snapshot;
    const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
    const name = bundleFileName(manifest.hall.code, manifest.batch);
    temp = path.join(outbox, `.${name}.${process.pid}.tmp`);
    await writeZip(
      io,
      temp,
      [
        { name: MANIFEST_ENTRY, bytes: manifestBytes },
        { name: SIGNATURE_ENTRY, bytes: run.keys.sign(manifestBytes) },
        ...sources,
      ],
      bundleProgress(manifest, run.onProgress),
    );
    fsyncFile(io, temp);
    const sha256 = sha256OfFile(temp);
    const size = fs.statSync(temp).size;
    fs.renameSync(temp, path.join(outbox, name));
    temp = undefined;
    fsyncFolder(outbox);
    writeFileDurably(path.join(outbox, publicKeyFileName(manifest.hall.code)), run.keys.publicKeyPem);
    await writeBatchSummary(
      ctx.db,
      path.join(outbox, summaryFileName(manifest.hall.code, manifest.batch)),
      manifest,
      shanghaiDate(ctx.now?.() ?? new Date()),
    );
    recordBatch(ctx.db, manifest, name, sha256, size);
    supportLog(ctx.dataDir).info({ event: 'export', batch: manifest.batch, file: name, size }, '导出数据包');
    return batchInfoOf(exportBatch(ctx.db, manifest.batch)!);
  } catch (error) {
    supportLog(ctx.dataDir).error({ event: 'export-failed', err: error }, '导出失败');
    throw storageFailure(error);
  } finally {
    await deflateThread.close();
    if (temp) fs.rmSync(temp, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The one transaction that advances the watermark; refused if another export recorded this batch meanwhile. */
function recordBatch(db: Db, manifest: Manifest, file: string, sha256: string, size: number): void {
  db.transaction(() => {
    const last = lastExportBatch(db);
    if ((last?.to_seq ?? 0) + 1 !== manifest.changeSeq.from) {
      throw new AppError('CONFLICT', '另一次导出刚刚完成，本次导出未记录：请刷新后查看导出记录。');
    }
    const rows: Record<string, number> = {};
    for (const entry of manifest.entries) if (entry.table) rows[entry.table] = entry.rows ?? 0;
    insertExportBatch(db, {
      batch_no: manifest.batch,
      from_seq: manifest.changeSeq.from,
      to_seq: manifest.changeSeq.to,
      file,
      sha256,
      created_at: manifest.createdAt,
      row_counts_json: JSON.stringify(rows),
      size,
      privacy: manifest.privacy,
      audit_head_id: manifest.audit.head.id,
      audit_head_hash: manifest.audit.head.hash,
    });
  }).immediate();
}
