import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../shared/api/export';
import { outboxDir } from '../../../main/export/createBatch';
import { nodeIo } from '../../../main/export/exportIo';
import { updateExportSettings } from '../../../main/export/exportSettings';
import { exportNow as exportAndDeliver, exportProgress } from '../../../main/export/exportNow';
import { exportStatus, hallKeysOf } from '../../../main/export/exportStatus';
import { resendToFolder, deliverPendingToFolder } from '../../../main/export/folderDelivery';
import { EXPORT_TABLES } from '../../../main/export/tables';
import { createApplication } from '../../../main/services/applications/createApplication';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { addDemo, exportNow, fullDiskAfter, readBack, tempDir } from './exportFixture';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
function store(): Store {
  const s = openStore();
  stores.push(s);
  return s;
}

const countOf = (s: Store, table: string) =>
  (s.ctx().db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('hall export', () => {
  it('writes a signed bundle holding every table row, with hashes, counts and the audit head', async () => {
    const s = store();
    addDemo(s.ctx(), 40);
    const batch = (await exportNow(s.ctx()))!;
    expect(batch).toMatchObject({ batch: 1, fromSeq: 1, delivery: 'PENDING' });
    const { manifest, rows } = await readBack(s.ctx(), path.join(outboxDir(s.dir), batch.file));
    expect(manifest.hall.code).toBe('NJ0101');
    expect(manifest.changeSeq).toEqual({ from: 1, to: batch.toSeq });
    expect(manifest.entries.map((e) => e.table)).toEqual(EXPORT_TABLES.map((t) => t.name));
    for (const table of EXPORT_TABLES) {
      expect(rows.get(table.name)?.length ?? 0, table.name).toBe(countOf(s, table.name));
      expect(manifest.entries.find((e) => e.table === table.name)?.rows).toBe(countOf(s, table.name));
    }
    const head = s.ctx().db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
    expect(manifest.audit.head).toEqual(head);
    expect(manifest.audit.first).toEqual({ id: 1, prevHash: '0'.repeat(64) });
    // The export signed the chain head (integrity's anchor) and carries it.
    expect(manifest.audit.signedHead).toMatchObject({ reason: 'export', entryId: head.id, hallCode: 'NJ0101' });
    expect(s.ctx().db.prepare("SELECT count(*) FROM audit_anchors WHERE reason = 'export'").pluck().get()).toBe(1);
    expect(fs.readFileSync(path.join(outboxDir(s.dir), 'hall-NJ0101.pub'), 'utf8')).toBe(
      hallKeysOf(s.ctx()).publicKeyPem,
    );
  });

  it('exports only what changed since the last batch, and nothing when nothing changed', async () => {
    const s = store();
    addDemo(s.ctx(), 10);
    const first = (await exportNow(s.ctx()))!;
    expect(await exportNow(s.ctx())).toBeNull();
    const keyFile = path.join(outboxDir(s.dir), 'hall-NJ0101.pub');
    const keyFileBefore = fs.statSync(keyFile);
    const created = createApplication(s.ctx(), recordFor('NEW_LVR', 'LVR', 77));
    const second = (await exportNow(s.ctx()))!;
    expect(second).toMatchObject({ batch: 2, fromSeq: first.toSeq + 1 });
    // The unchanged public key file is left as it was (not rewritten through a temp file and renamed).
    expect(fs.statSync(keyFile).ino).toBe(keyFileBefore.ino);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(hallKeysOf(s.ctx()).publicKeyPem);
    const { manifest, rows } = await readBack(s.ctx(), path.join(outboxDir(s.dir), second.file));
    expect(rows.get('applications')?.map((r) => r.number)).toEqual([created.number]);
    expect(rows.get('audit_log')).toHaveLength(second.toSeq - first.toSeq);
    // The new batch's audit entries chain to the previous batch's head.
    expect(manifest.audit.first?.prevHash).toBe(first.auditHead.hash);
    expect(manifest.audit.first?.id).toBe(first.auditHead.id + 1);
    expect(exportStatus(s.ctx())).toMatchObject({ watermark: second.toSeq, currentSeq: second.toSeq });
  });

  it('reports its progress, readable while it runs: every table read, then every table packed, then delivery', async () => {
    const s = store();
    addDemo(s.ctx(), 40);
    const reported: ExportProgress[] = [];
    const seen: (ExportProgress | null)[] = [];
    let done = false;
    const run = exportAndDeliver(s.ctx(), { onProgress: (p) => reported.push({ ...p }) }).finally(() => {
      done = true;
    });
    // What a poller (the 数据导出 page) reads between the run's own steps.
    while (!done) {
      seen.push(exportProgress(s.ctx()));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await run;
    const tables = EXPORT_TABLES.length;
    const rows = Object.values(result.created!.rows).reduce((a, b) => a + b, 0);
    const read = reported.filter((p) => p.phase === 'read');
    const bundle = reported.filter((p) => p.phase === 'bundle');
    expect(read.map((p) => p.tablesDone)).toEqual(EXPORT_TABLES.map((_, i) => i + 1));
    expect(read.at(-1)).toEqual({ phase: 'read', tablesDone: tables, tables, rows });
    expect(bundle.map((p) => p.tablesDone)).toEqual([0, ...EXPORT_TABLES.map((_, i) => i + 1)]);
    expect(bundle.at(-1)).toEqual({ phase: 'bundle', tablesDone: tables, tables, rows });
    expect(reported.at(-1)?.phase).toBe('deliver');
    expect(seen.some((p) => p?.phase === 'bundle' && p.tablesDone > 0 && p.tablesDone < tables)).toBe(true);
    expect(exportProgress(s.ctx())).toBeNull();
  });

  it('gives byte-identical bundles for the same data, and re-sends the recorded bytes', async () => {
    const s = store();
    addDemo(s.ctx(), 15);
    hallKeysOf(s.ctx()); // the key pair is part of the folder copied below
    s.closeDatabase();
    const copy = tempDir();
    fs.cpSync(s.dir, copy, { recursive: true });
    const twin = openStoreAt(copy);
    const reopened = openStoreAt(s.dir);
    const at = new Date('2026-03-05T10:00:00Z');
    const a = (await exportNow({ ...reopened, now: () => at }))!;
    const b = (await exportNow({ ...twin, now: () => at }))!;
    const bytesA = fs.readFileSync(path.join(outboxDir(s.dir), a.file));
    expect(fs.readFileSync(path.join(outboxDir(copy), b.file)).equals(bytesA)).toBe(true);
    const out = tempDir();
    resendToFolder(reopened, 1, out, hallKeysOf(reopened));
    expect(fs.readFileSync(path.join(out, a.file)).equals(bytesA)).toBe(true);
    // A changed outbox file is not sent.
    fs.appendFileSync(path.join(outboxDir(s.dir), a.file), 'x');
    expect(() => resendToFolder(reopened, 1, out, hallKeysOf(reopened))).toThrow(/校验值不符/);
    expect(() => resendToFolder(reopened, 9, out, hallKeysOf(reopened))).toThrow(/没有第 9 批/);
    reopened.db.close();
    twin.db.close();
    fs.rmSync(copy, { recursive: true, force: true });
  });

  it('never exports a credential column that the users table may carry', async () => {
    const s = store();
    const db = s.ctx().db;
    db.prepare(
      "INSERT INTO users (id, name, role, active, created_at, change_seq, password_hash, password_salt) VALUES ('u1', '李娜', 'clerk', 1, '2026-03-02', 1, 'scrypt$secret', 'salt$secret')",
    ).run();
    const batch = (await exportNow(s.ctx()))!;
    const bundle = fs.readFileSync(path.join(outboxDir(s.dir), batch.file));
    const { rows } = await readBack(s.ctx(), path.join(outboxDir(s.dir), batch.file));
    expect(rows.get('users')).toEqual([
      { id: 'u1', name: '李娜', role: 'clerk', active: 1, created_at: '2026-03-02', change_seq: 1 },
    ]);
    expect(bundle.includes('scrypt$secret') || bundle.includes('salt$secret')).toBe(false);
  });

  it('masks ID numbers and phones everywhere when the privacy setting says so, and the manifest says which', async () => {
    const s = store();
    updateExportSettings(s.ctx('admin'), { privacy: 'masked' });
    const created = createApplication(s.ctx(), recordFor('NEW_LVR', 'LVR', 5));
    const row = s
      .ctx()
      .db.prepare('SELECT id_number, phone FROM applications WHERE number = ?')
      .get(created.number) as {
      id_number: string;
      phone: string;
    };
    const batch = (await exportNow(s.ctx()))!;
    const { manifest, rows } = await readBack(s.ctx(), path.join(outboxDir(s.dir), batch.file));
    expect(manifest.privacy).toBe('masked');
    const text = JSON.stringify([...rows.values()]);
    expect(text.includes(row.id_number)).toBe(false);
    expect(text.includes(row.phone)).toBe(false);
    expect(rows.get('applications')?.[0]?.id_number).toBe(
      `${row.id_number.slice(0, 4)}**********${row.id_number.slice(-4)}`,
    );
  });

  it('leaves no bundle and no advanced watermark when the disk fills up, and the next run delivers it all', async () => {
    const s = store();
    addDemo(s.ctx(), 30);
    // While writing the first table, a later one (tables are written deflated: 15 kB is a few tables in), and the zip.
    for (const [budget, phase] of [
      [100, 'tables'],
      [15_000, 'tables'],
      [10_000, 'zip'],
    ] as const) {
      await expect(exportNow(s.ctx(), fullDiskAfter(budget, nodeIo, phase))).rejects.toThrow(/磁盘空间不足/);
      expect(exportStatus(s.ctx()).batches).toEqual([]);
      expect(fs.readdirSync(outboxDir(s.dir)).filter((f) => !f.endsWith('.pub'))).toEqual([]);
    }
    const batch = (await exportNow(s.ctx()))!;
    expect(batch).toMatchObject({ batch: 1, fromSeq: 1 });
    const out = tempDir();
    expect(deliverPendingToFolder(s.ctx(), out, hallKeysOf(s.ctx())).map((b) => b.batch)).toEqual([1]);
    expect(deliverPendingToFolder(s.ctx(), out, hallKeysOf(s.ctx()))).toEqual([]);
    expect(fs.readdirSync(out).sort()).toEqual(['hall-NJ0101.pub', 'summary-NJ0101-000001.xlsx', batch.file]);
    fs.rmSync(out, { recursive: true, force: true });
  });
});

import { openDatabase, DATABASE_FILE } from '../../../main/db/connection';
import type { HandlerContext } from '../../../main/ipc/context';
function openStoreAt(dir: string): HandlerContext {
  return {
    db: openDatabase(path.join(dir, DATABASE_FILE)),
    dataDir: dir,
    session: { userId: 'admin-1', name: '王建国', role: 'admin' },
  };
}
