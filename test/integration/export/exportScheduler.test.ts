/**
 * The export schedule under an injected clock, on a real hall store: daily at HH:MM (Asia/Shanghai) runs once
 * per day from that minute on (also when the PC is switched on later), not before, and not again after a run by
 * hand; at sign-out exports on each sign-out; off never exports. Between runs the outbox's due retries are sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { updateExportSettings } from '../../../main/export/exportSettings';
import { exportStatus, hallKeysOf } from '../../../main/export/exportStatus';
import { ExportScheduler } from '../../../main/export/exportScheduler';
import { nextDailyRun } from '../../../main/export/schedule';
import { createApplication } from '../../../main/services/applications/createApplication';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { addDemo, exportNow } from './exportFixture';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

/** A store and a scheduler reading the same injected clock. */
function scheduled(start: string) {
  const store = openStore({ now: start });
  stores.push(store);
  let now = new Date(start);
  const failures: string[] = [];
  const scheduler = new ExportScheduler(
    { db: store.ctx().db, dataDir: store.dir },
    () => now,
    (m) => failures.push(m),
  );
  return {
    store,
    scheduler,
    failures,
    at: (iso: string) => {
      now = new Date(iso);
      store.setNow(iso);
    },
    batches: () => store.ctx().db.prepare('SELECT batch_no FROM export_batches').pluck().all(),
  };
}

describe('export scheduler', () => {
  it('computes the daily slot in Shanghai time', () => {
    // 18:30 in Shanghai is 10:30 UTC.
    expect(nextDailyRun('18:30', null, new Date('2026-03-02T01:00:00Z')).toISOString()).toBe(
      '2026-03-02T10:30:00.000Z',
    );
    expect(
      nextDailyRun('18:30', new Date('2026-03-02T10:31:00Z'), new Date('2026-03-02T11:00:00Z')).toISOString(),
    ).toBe('2026-03-03T10:30:00.000Z');
    // 23:59 Shanghai on 2 March is 15:59 UTC; at 16:30 UTC it is already 3 March in Shanghai: that day's slot.
    expect(
      nextDailyRun('23:59', new Date('2026-03-02T15:59:30Z'), new Date('2026-03-02T16:30:00Z')).toISOString(),
    ).toBe('2026-03-03T15:59:00.000Z');
  });

  it('runs daily at HH:MM once a day, catches up after a late start, and skips a day already exported by hand', async () => {
    const s = scheduled('2026-03-02T01:00:00Z'); // Monday 09:00 in Shanghai
    updateExportSettings(s.store.ctx('admin'), { schedule: { kind: 'daily', at: '18:30' } });
    addDemo(s.store.ctx(), 5);
    expect(await s.scheduler.tick()).toEqual({ kind: 'idle' });
    expect(exportStatus(s.store.ctx()).nextRun).toBe('2026-03-02T10:30:00.000Z');
    s.at('2026-03-02T10:29:59Z');
    expect(await s.scheduler.tick()).toEqual({ kind: 'idle' });
    s.at('2026-03-02T10:30:00Z');
    expect((await s.scheduler.tick()).kind).toBe('exported');
    expect(s.batches()).toEqual([1]);
    createApplication(s.store.ctx(), recordFor('NEW_LVR', 'LVR', 3));
    s.at('2026-03-02T12:00:00Z');
    expect(await s.scheduler.tick()).toEqual({ kind: 'idle' }); // once a day
    expect(exportStatus(s.store.ctx()).nextRun).toBe('2026-03-03T10:30:00.000Z');
    // Tuesday: the PC is switched on at 20:00 Shanghai, after the slot: it exports then.
    s.at('2026-03-03T12:00:00Z');
    expect((await s.scheduler.tick()).kind).toBe('exported');
    expect(s.batches()).toEqual([1, 2]);
    // Wednesday: a supervisor exported by hand at 19:00; the scheduler does not run again that day.
    createApplication(s.store.ctx(), recordFor('NEW_LVR', 'LVR', 4));
    s.at('2026-03-04T11:00:00Z');
    await exportNow(s.store.ctx());
    s.at('2026-03-04T11:05:00Z');
    expect(await s.scheduler.tick()).toEqual({ kind: 'idle' });
    expect(s.batches()).toEqual([1, 2, 3]);
    expect(s.failures).toEqual([]);
  });

  it('exports at sign-out with that schedule, never when off, and sends due retries between runs', async () => {
    const s = scheduled('2026-03-02T01:00:00Z');
    addDemo(s.store.ctx(), 3);
    expect(await s.scheduler.signedOut()).toEqual({ kind: 'idle' }); // schedule off
    s.at('2026-03-02T12:00:00Z');
    expect(await s.scheduler.tick()).toEqual({ kind: 'idle' });
    expect(s.batches()).toEqual([]);
    updateExportSettings(s.store.ctx('admin'), { schedule: { kind: 'signOut' } });
    expect((await s.scheduler.signedOut()).kind).toBe('exported');
    expect(s.batches()).toEqual([1]);
    expect(exportStatus(s.store.ctx()).nextRun).toBeNull();
    // An HQ address where nothing listens: the export's send fails and is reported; the tick retries when due.
    updateExportSettings(s.store.ctx('admin'), {
      hqUrl: 'http://127.0.0.1:9/',
      hqPublicKey: hallKeysOf(s.store.ctx()).publicKeyPem,
    });
    const tried = await s.scheduler.tick();
    expect(tried).toMatchObject({ kind: 'sent', delivered: [], error: expect.stringMatching(/无法连接总部接收地址/) });
    expect(await s.scheduler.tick()).toMatchObject({ kind: 'sent', delivered: [], error: null }); // not due: untouched
    s.at('2026-03-02T12:05:00Z');
    expect((await s.scheduler.tick()) as { error: string | null }).toMatchObject({ error: expect.any(String) });
    const attempts = s.store.ctx().db.prepare('SELECT send_attempts FROM export_batches').pluck().get();
    expect(attempts).toBe(2);
  });
});
