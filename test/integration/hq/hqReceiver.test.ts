/**
 * Delivery to HQ's receiver end to end: a real hall store exports, its outbox POSTs to a real `hq serve`
 * receiver (in process) on SQLite and on a real PostgreSQL server, HQ imports and answers with a receipt signed
 * by the HQ key, and the hall verifies and stores it (已送达总部). The outbox retries with backoff while HQ is
 * down and delivers after it comes back; receipts signed by another key, or refusals, never count as delivery.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { updateExportSettings } from '../../../main/export/exportSettings';
import { exportNow } from '../../../main/export/exportNow';
import { exportStatus } from '../../../main/export/exportStatus';
import { deliverOutbox, retryDelayMs } from '../../../main/export/hqDelivery';
import { checkReceipt, signedReceiptSchema } from '../../../main/export/receipt';
import { EXPORT_TABLES } from '../../../main/export/tables';
import { startHqServer, type RunningHqServer } from '../../../main/hq/hqServer';
import type { HqStore } from '../../../main/hq/hqStore';
import { fileKeyStore } from '../../../main/services/keys/fileKeyStore';
import { loadOrCreateHallKeys, type HallKeys } from '../../../main/services/keys/hallKeys';
import type { Store } from '../store/storeFixture';
import { addDemo, tempDir } from '../export/exportFixture';
import { openHall, openTestHq, registerHall, type HqKind } from './hqFixture';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function keysIn(dir: string, name = 'hq.key'): HallKeys {
  return loadOrCreateHallKeys(fileKeyStore(path.join(dir, name)));
}

async function serve(store: HqStore, keys: HallKeys, port = 0): Promise<RunningHqServer> {
  const server = await startHqServer({ store, keys, host: '127.0.0.1', port, maxBytes: 64 << 20 });
  cleanups.push(() => server.close());
  return server;
}

function hall(code = 'NJ0101'): Store {
  const store = openHall(code);
  cleanups.push(() => store.close());
  return store;
}

function pointAt(h: Store, url: string, hqKeys: HallKeys): void {
  updateExportSettings(h.ctx('admin'), { hqUrl: url, hqPublicKey: hqKeys.publicKeyPem });
}

const batchRow = (h: Store, n: number) =>
  h.ctx().db.prepare('SELECT * FROM export_batches WHERE batch_no = ?').get(n) as {
    receipt_json: string | null;
    send_attempts: number;
    next_send_at: string | null;
    last_send_error: string | null;
    sha256: string;
  };

describe.each(['sqlite', 'pg'] as HqKind[])('hall → hq serve (%s) → signed receipt', (kind) => {
  it('delivers the outbox, HQ imports it and the hall stores a receipt it verified; counts match', async () => {
    const hq = await openTestHq(kind);
    cleanups.push(() => hq.close());
    const hqKeys = keysIn(tempDir('yekuo-hqkey-'));
    const server = await serve(hq.store, hqKeys);
    const h = hall();
    await registerHall(hq.store, h);
    pointAt(h, server.url, hqKeys);
    addDemo(h.ctx(), 25);
    const first = await exportNow(h.ctx());
    expect(first).toMatchObject({ sent: [1], sendError: null });
    addDemo(h.ctx(), 5, 7);
    const second = await exportNow(h.ctx());
    expect(second).toMatchObject({ sent: [2], sendError: null });

    const status = exportStatus(h.ctx());
    expect(status.batches.map((b) => b.delivery)).toEqual(['RECEIPTED', 'RECEIPTED']);
    for (const n of [1, 2]) {
      const row = batchRow(h, n);
      const stored = signedReceiptSchema.parse(JSON.parse(row.receipt_json!));
      expect(stored.receipt).toMatchObject({ hallCode: 'NJ0101', batch: n, outcome: 'imported' });
      expect(
        checkReceipt(stored, hqKeys.publicKeyPem, { hallCode: 'NJ0101', batch: n, bundleSha256: row.sha256 }).ok,
      ).toBe(true);
    }
    // HQ keeps the hall's signed chain head of every batch, exactly as the hall signed and stored it.
    const hallHeads = h
      .ctx()
      .db.prepare(
        `SELECT entry_id, entry_hash, reason, at, key_fingerprint, signature FROM audit_anchors
         WHERE reason = 'export' ORDER BY id`,
      )
      .all();
    const hqHeads = await hq.store.query<Record<string, unknown>>(
      `SELECT entry_id, entry_hash, reason, at, key_fingerprint, signature FROM hq_audit_anchors
       WHERE hall_code = 'NJ0101' ORDER BY batch_no`,
    );
    expect(hqHeads.map((r) => ({ ...r, entry_id: Number(r.entry_id) }))).toEqual(hallHeads);
    expect(hallHeads).toHaveLength(2);
    for (const table of EXPORT_TABLES) {
      const hallRows = h.ctx().db.prepare(`SELECT count(*) FROM ${table.name}`).pluck().get();
      const hqRows = await hq.store.query<{ n: number }>(`SELECT count(*) AS n FROM hq_${table.name}`);
      expect(Number(hqRows[0]!.n), table.name).toBe(hallRows);
    }
  });
});

describe('the outbox', () => {
  it('retries with backoff while HQ is down and delivers after the receiver comes back up', async () => {
    const hq = await openTestHq('pg');
    cleanups.push(() => hq.close());
    const hqKeys = keysIn(tempDir('yekuo-hqkey-'));
    // Take a free port, then close it: the receiver is "down" at that address.
    const probe = await startHqServer({ store: hq.store, keys: hqKeys, host: '127.0.0.1', port: 0, maxBytes: 1 });
    const url = probe.url;
    await probe.close();
    const h = hall();
    await registerHall(hq.store, h);
    pointAt(h, url, hqKeys);
    addDemo(h.ctx(), 10);
    const down = await exportNow(h.ctx());
    expect(down.created?.batch).toBe(1);
    expect(down.sent).toEqual([]);
    expect(down.sendError).toMatch(/无法连接总部接收地址/);
    expect(batchRow(h, 1)).toMatchObject({ send_attempts: 1, next_send_at: '2026-03-02T01:01:00.000Z' });
    addDemo(h.ctx(), 3, 9);
    await exportNow(h.ctx(), { dueOnly: true }); // batch 2 waits behind batch 1, whose retry is not due
    expect(batchRow(h, 1).send_attempts).toBe(1);
    expect(batchRow(h, 2).send_attempts).toBe(0);
    expect(retryDelayMs(3)).toBe(8 * 60_000);
    expect(retryDelayMs(50)).toBe(6 * 3_600_000);

    await serve(hq.store, hqKeys, Number(new URL(url).port));
    const settings = { url, hqPublicKey: hqKeys.publicKeyPem, dueOnly: true };
    expect(await deliverOutbox(h.ctx(), settings)).toEqual({ delivered: [], failed: null }); // not due yet
    h.setNow('2026-03-02T01:02:00Z');
    expect(await deliverOutbox(h.ctx(), settings)).toEqual({ delivered: [1, 2], failed: null });
    expect(exportStatus(h.ctx()).batches.map((b) => b.delivery)).toEqual(['RECEIPTED', 'RECEIPTED']);
    expect(batchRow(h, 1).last_send_error).toBeNull();
    expect(await hq.store.query('SELECT batch_no FROM hq_batches ORDER BY batch_no')).toEqual([
      { batch_no: '1' },
      { batch_no: '2' },
    ]);
  });

  it('does not count a receipt signed by another key, nor a refusal, as delivered', async () => {
    const hq = await openTestHq('sqlite');
    cleanups.push(() => hq.close());
    const dir = tempDir('yekuo-hqkey-');
    const realKeys = keysIn(dir);
    const impostor = await serve(hq.store, keysIn(dir, 'other.key'));
    const h = hall();
    pointAt(h, impostor.url, realKeys);
    addDemo(h.ctx(), 5);
    // The hall is not registered at HQ yet: refused (422), the reason kept on the batch.
    const refused = await exportNow(h.ctx());
    expect(refused.sendError).toMatch(/总部拒收（HTTP 422）.*公钥尚未登记/);
    expect(batchRow(h, 1).last_send_error).toMatch(/公钥尚未登记/);
    await registerHall(hq.store, h);
    const forged = await deliverOutbox(h.ctx(), {
      url: impostor.url,
      hqPublicKey: realKeys.publicKeyPem,
      dueOnly: false,
    });
    expect(forged.delivered).toEqual([]);
    expect(forged.failed?.message).toMatch(/回执签名无法用已登记的总部公钥验证/);
    expect(batchRow(h, 1)).toMatchObject({ receipt_json: null, send_attempts: 2 });
    // HQ did import it; the real receiver answers the same bytes with a duplicate receipt the hall accepts.
    const real = await serve(hq.store, realKeys);
    const honest = await deliverOutbox(h.ctx(), { url: real.url, hqPublicKey: realKeys.publicKeyPem, dueOnly: false });
    expect(honest).toEqual({ delivered: [1], failed: null });
    expect(JSON.parse(batchRow(h, 1).receipt_json!).receipt.outcome).toBe('duplicate');
  });

  it('warns when receipts are overdue and when changes wait too long for an export', async () => {
    const h = hall();
    const hqKeys = keysIn(tempDir('yekuo-hqkey-'));
    pointAt(h, 'http://127.0.0.1:9/', hqKeys); // nothing listens on the discard port
    addDemo(h.ctx(), 4);
    expect(exportStatus(h.ctx()).exportOverdue).toBe(true); // changes and never exported
    await exportNow(h.ctx()); // Monday 2026-03-02: batch 1, not delivered
    expect(exportStatus(h.ctx())).toMatchObject({ overdueReceipts: [], exportOverdue: false });
    h.setNow('2026-03-04T08:00:00Z'); // Wednesday: 2 working days later, not more
    expect(exportStatus(h.ctx()).overdueReceipts).toEqual([]);
    h.setNow('2026-03-05T08:00:00Z'); // Thursday
    addDemo(h.ctx(), 2, 5);
    expect(exportStatus(h.ctx())).toMatchObject({ overdueReceipts: [1], exportOverdue: true });
  });
});
