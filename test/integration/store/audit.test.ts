import { afterEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { auditEntriesOf, verifyAudit } from '../../../main/services/audit';
import { addCliAdmin, yekuo } from './cliRunner';
import { editClearBytes, openStore, recordFor, type Store } from './storeFixture';

let store: Store;
afterEach(() => store?.close());

function seed(): string[] {
  const ctx = store.ctx();
  const numbers = [1, 2, 3].map((seedNo) => createApplication(ctx, recordFor('NEW_HV', 'HV', seedNo)).number);
  moveApplication(ctx, numbers[0]!, { move: 'advance' });
  moveApplication(ctx, numbers[0]!, { move: 'return', to: 'ACCEPT', reason: '勘查发现地址有误' });
  moveApplication(ctx, numbers[1]!, { move: 'suspend', reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT' });
  return numbers;
}

describe('audit trail', () => {
  it('has one chained entry per mutation with user, time, action and a field-level diff', () => {
    store = openStore();
    const [first] = seed();
    const entries = auditEntriesOf(store.ctx().db, 'application', first!);
    expect(entries.map((e) => e.action)).toEqual(['application.create', 'application.advance', 'application.return']);
    expect(entries[1]).toMatchObject({ userId: 'supervisor-1', userName: '王建国', at: '2026-03-02T01:00:00.000Z' });
    expect(entries[1]!.diff.stage).toEqual({ before: 'ACCEPT', after: 'SURVEY' });
    expect(entries[2]!.diff['reasons.0.text']).toEqual({ before: null, after: '勘查发现地址有误' });
    // One change_seq per mutation, strictly increasing along the chain.
    const seqs = store.ctx().db.prepare('SELECT change_seq FROM audit_log ORDER BY id').pluck().all() as number[];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(verifyAudit(store.ctx().db)).toMatchObject({
      ok: true,
      checked: seqs.length,
      rows: { notYetCovered: 0, problemCount: 0 },
      anchors: { checked: 1, latest: { reason: 'init', entryId: 1 }, problems: [] },
    });
  });

  it('refuses UPDATE and DELETE through SQL (trigger)', () => {
    store = openStore();
    seed();
    const db = store.ctx().db;
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
  });

  it('`audit verify` names the first bad entry after one byte of the database file is changed', async () => {
    store = openStore();
    seed();
    await addCliAdmin(store.ctx('admin'));
    const db = store.ctx().db;
    const victim = db.prepare('SELECT id, at, action, prev_hash, hash FROM audit_log WHERE id = 4').get() as {
      id: number;
      at: string;
      action: string;
      prev_hash: string;
      hash: string;
    };
    store.closeDatabase(); // checkpoints the WAL into the main file
    editClearBytes(store.file, (bytes) => {
      const at = bytes.indexOf(Buffer.from(victim.prev_hash + victim.hash, 'ascii'));
      expect(at).toBeGreaterThan(0);
      bytes[at - 3] = bytes[at - 3]! ^ 0x01; // inside diff_json, which sits right before the two hashes
    });

    const result = await yekuo(store.dir, 'audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`#${victim.id} ${victim.at} ${victim.action}`);
    expect(result.stdout).toMatch(/审计日志校验失败/);
    const json = await yekuo(store.dir, '--json', 'audit', 'verify');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checked: victim.id - 1, firstBad: { id: victim.id } });
  });
});
