/**
 * The HQ store behind `yekuo hq`: one interface over PostgreSQL (the province) and SQLite (a county, tests),
 * and the one import procedure both share. A bundle is verified and loaded inside ONE transaction; any refusal
 * rolls it back, so a refused bundle leaves the HQ database exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../export/format';
import type { ExportTable } from '../export/tables';
import { publicKeyFingerprint } from '../services/keys/hallKeys';
import { sha256OfFile } from '../services/sha256OfFile';
import { placeBatch, type StoredBatch } from './importChecks';
import { BundleRefused, readBundle, type Row } from './readBundle';

export interface RegisteredHall {
  hallCode: string;
  fingerprint: string;
  addedAt: string;
}

/** One import's transaction. */
export interface HqTransaction {
  /** The hall's imported batches, with the hall locked against a concurrent import. */
  batches(hallCode: string): Promise<Map<number, StoredBatch>>;
  /** The verified manifest of the bundle being loaded: where its rows belong. */
  start(manifest: Manifest, importedAt: string): Promise<void>;
  /** Rows of one table, in chunks, in file order. */
  load(table: ExportTable, rows: Row[]): Promise<void>;
  /** Merges what was loaded (PostgreSQL: staging → tables), then records the batch and its gaps. */
  finish(manifest: Manifest, bundleSha: string, importedAt: string, gaps: number[]): Promise<void>;
}

export type SqlValue = string | number | null;

export interface HqStore {
  readonly kind: 'pg' | 'sqlite';
  /** Registers a hall's public key; its hall code is taken from the file name hall-<code>.pub or given. */
  addKey(hallCode: string, publicKeyPem: string, at: string): Promise<void>;
  halls(): Promise<(RegisteredHall & { publicKeyPem: string })[]>;
  transaction<T>(work: (tx: HqTransaction) => Promise<T>): Promise<T>;
  /** Read-only queries for the report; `?` placeholders. */
  query<R>(sql: string, params?: SqlValue[]): Promise<R[]>;
  close(): Promise<void>;
}

export type ImportOutcome =
  | {
      file: string;
      status: 'imported';
      hallCode: string;
      batch: number;
      rows: number;
      gaps: number[];
      fillsGap: boolean;
      importedAt: string;
    }
  | { file: string; status: 'duplicate'; hallCode: string; batch: number; importedAt: string }
  | { file: string; status: 'refused'; message: string };

/** Each audit row of the batch links to the one before, from the manifest's first entry to its head. */
class AuditLinkCheck {
  private last: { id: number; hash: string } | undefined;
  constructor(
    private readonly manifest: Manifest,
    private readonly name: string,
  ) {}

  row(row: Row): void {
    const expected =
      this.last ??
      (this.manifest.audit.first && { id: this.manifest.audit.first.id - 1, hash: this.manifest.audit.first.prevHash });
    if (!expected || row.id !== expected.id + 1 || row.prev_hash !== expected.hash) {
      throw new BundleRefused(
        this.name,
        `营业厅 ${this.manifest.hall.code} 的审计记录第 ${String(row.id)} 条未接续前一条（审计链断开），已拒绝。`,
      );
    }
    this.last = { id: row.id as number, hash: row.hash as string };
  }

  end(): void {
    const head = this.manifest.audit.head;
    if (this.manifest.audit.first && (this.last?.id !== head.id || this.last.hash !== head.hash)) {
      throw new BundleRefused(
        this.name,
        `营业厅 ${this.manifest.hall.code} 的审计记录止于第 ${this.last?.id ?? 0} 条，与 manifest 声明的链头第 ${head.id} 条不符，已拒绝。`,
      );
    }
  }
}

/** Verifies and imports one bundle. Never throws for a bad bundle: the outcome says why it was refused. */
export async function importBundle(
  store: HqStore,
  file: string,
  now: () => Date = () => new Date(),
): Promise<ImportOutcome> {
  const name = path.basename(file);
  try {
    if (!fs.existsSync(file)) throw new BundleRefused(name, `文件不存在：${file}`);
    const keys = new Map((await store.halls()).map((hall) => [hall.hallCode, hall.publicKeyPem]));
    const bundleSha = sha256OfFile(file);
    const importedAt = now().toISOString();
    return await store.transaction(async (tx) => {
      let placement: ReturnType<typeof placeBatch> | undefined;
      let audit: AuditLinkCheck | undefined;
      let rows = 0;
      const manifest = await readBundle(file, name, (code) => keys.get(code), {
        onManifest: async (m) => {
          placement = placeBatch(m, bundleSha, await tx.batches(m.hall.code), name);
          audit = new AuditLinkCheck(m, name);
          // A duplicate is not read further: stop here, the transaction has changed nothing.
          if (placement.kind === 'duplicate') throw new DuplicateBatch(m, placement.importedAt);
          await tx.start(m, importedAt);
        },
        onRows: async (table, chunk) => {
          if (table.name === 'audit_log') for (const row of chunk) audit!.row(row);
          rows += chunk.length;
          await tx.load(table, chunk);
        },
      });
      audit!.end();
      const placed = placement as Extract<typeof placement, { kind: 'new' }>;
      await tx.finish(manifest, bundleSha, importedAt, placed.gaps);
      return {
        file,
        status: 'imported' as const,
        hallCode: manifest.hall.code,
        batch: manifest.batch,
        rows,
        gaps: placed.gaps,
        fillsGap: placed.fillsGap,
        importedAt,
      };
    });
  } catch (error) {
    if (error instanceof DuplicateBatch) {
      return {
        file,
        status: 'duplicate',
        hallCode: error.manifest.hall.code,
        batch: error.manifest.batch,
        importedAt: error.importedAt,
      };
    }
    if (error instanceof BundleRefused) return { file, status: 'refused', message: error.message };
    throw error;
  }
}

class DuplicateBatch extends Error {
  constructor(
    readonly manifest: Manifest,
    readonly importedAt: string,
  ) {
    super('duplicate');
  }
}

/** `hall-<code>.pub` → code; checks the file is an Ed25519 public key. */
export function readHallKeyFile(file: string): { hallCode: string; publicKeyPem: string; fingerprint: string } {
  const match = /^hall-([A-Z0-9]{2,12})\.pub$/.exec(path.basename(file));
  if (!match)
    throw new BundleRefused(
      path.basename(file),
      '公钥文件名应为 hall-<营业厅编码>.pub（营业厅 yekuo export 写在数据包旁边）。',
    );
  const publicKeyPem = fs.readFileSync(file, 'utf8');
  let fingerprint: string;
  try {
    fingerprint = publicKeyFingerprint(publicKeyPem);
  } catch {
    throw new BundleRefused(path.basename(file), '不是有效的公钥文件（应为 SPKI PEM 格式的 Ed25519 公钥）。');
  }
  return { hallCode: match[1]!, publicKeyPem, fingerprint };
}
