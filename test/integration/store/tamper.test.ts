/**
 * The five ways to tamper with the audit trail that issue 10 names, each done to a real database file from a
 * separate connection (as an SQLite tool would), and each detected and named by `audit verify`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import type { AuditRow } from '../../../main/db/repositories/auditRepo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { verifyAuditOf } from '../../../main/services/audit';
import { signAuditHead } from '../../../main/services/auditAnchors';
import { deleteAuditEntries, rewriteAuditChain } from './support/tamper';
import { editClearBytes, openRawDatabase, openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

interface Seeded {
  numbers: string[];
  /** Entries in the chain, the last one signed (as at a backup). */
  entries: number;
}

function seed(): Seeded {
  store = openStore();
  const ctx = store.ctx();
  const numbers = [1, 2, 3].map((n) => createApplication(ctx, recordFor('NEW_LVR', 'LVR', n)).number);
  moveApplication(ctx, numbers[0]!, { move: 'advance' });
  moveApplication(ctx, numbers[1]!, { move: 'suspend', reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT' });
  const head = signAuditHead(ctx, 'backup');
  expect(verifyAuditOf(ctx)).toMatchObject({ ok: true, rows: { problemCount: 0, notYetCovered: 0 } });
  store.closeDatabase();
  return { numbers, entries: head.entryId };
}

/** Tampers with the file through a connection of its own, then verifies it as `yekuo audit verify` does. */
function tamperAndVerify(tamper: (db: Db) => void) {
  const s = store!;
  const attacker = openRawDatabase(s.file);
  tamper(attacker);
  attacker.close();
  const db = openDatabase(s.file);
  try {
    return verifyAuditOf({ ...s.ctx(), db });
  } finally {
    db.close();
  }
}

const entry = (db: Db, id: number) => db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as AuditRow;

describe('tamper evidence (five cases of issue 10)', () => {
  it('1. one byte of an entry changed in the file: the entry is named', () => {
    seed();
    const s = store!;
    const probe = openRawDatabase(s.file, { readonly: true });
    const victim = entry(probe, 4);
    probe.close();
    let copies = 0;
    // The clear bytes, as someone holding the key could change them (the file itself is encrypted).
    editClearBytes(s.file, (bytes) => {
      // Every copy of the row in the file (a page split can leave a stale one in a free page).
      const needle = Buffer.from(victim.prev_hash + victim.hash, 'ascii');
      for (let at = bytes.indexOf(needle); at > 0; at = bytes.indexOf(needle, at + 1), copies++) {
        bytes[at - 3] = bytes[at - 3]! ^ 0x01; // inside diff_json, right before the two hashes
      }
    });
    expect(copies).toBeGreaterThan(0);
    const result = tamperAndVerify(() => undefined);
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ id: 4, action: victim.action, problem: '内容与哈希不符（数据被改动）' });
  });

  it('2. a middle entry deleted: the gap is named', () => {
    seed();
    const result = tamperAndVerify((db) => deleteAuditEntries(db, [3]));
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(2);
    expect(result.firstBad).toMatchObject({ id: 4, problem: '缺少第 3 条记录（可能被删除）' });
  });

  it('3. the last N entries deleted: the chain still links, but it ends before the signed head', () => {
    const { entries } = seed();
    const result = tamperAndVerify((db) => deleteAuditEntries(db, [entries - 1, entries]));
    expect(result.ok).toBe(false);
    expect(result.firstBad).toBeUndefined(); // what is left is a valid chain
    expect(result.anchors!.problems).toEqual([expect.objectContaining({ kind: 'TAIL_MISSING', entryId: entries })]);
    expect(result.anchors!.problems[0]!.problem).toContain(`第 ${entries - 1}–${entries} 条已被删除`);
  });

  it('4. one entry rewritten and every later hash recomputed: the chain no longer reaches the signed head', () => {
    seed();
    const result = tamperAndVerify((db) =>
      rewriteAuditChain(db, (row) =>
        row.id === 2 ? { ...row, diff_json: row.diff_json.replace(/"1\d{10}"/, '"13800000000"') } : row,
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.firstBad).toBeUndefined(); // the recomputed chain is consistent in itself
    expect(result.anchors!.problems).toEqual([expect.objectContaining({ kind: 'REWRITTEN' })]);
    expect(result.anchors!.problems[0]!.problem).toContain('哈希链已无法到达签名时的链头');
  });

  it('5. an application row (its phone) changed by SQL: the row and the entry it disagrees with are named', () => {
    const { numbers } = seed();
    const probe = openRawDatabase(store!.file, { readonly: true });
    const lastWrite = probe
      .prepare("SELECT max(id) FROM audit_log WHERE entity = 'application' AND entity_id = ?")
      .pluck()
      .get(numbers[1]) as number;
    probe.close();
    const result = tamperAndVerify((db) =>
      db.prepare("UPDATE applications SET phone = '13900000000' WHERE number = ?").run(numbers[1]),
    );
    expect(result.ok).toBe(false);
    expect(result.firstBad).toBeUndefined();
    expect(result.rows!.problems).toEqual([
      {
        table: 'applications',
        key: expect.any(String),
        label: numbers[1],
        entryId: lastWrite,
        problem: `与第 ${lastWrite} 条审计记录所记的状态不符（可能在程序之外被修改）`,
      },
    ]);
  });

  it('also names a row inserted or deleted outside the app, and a signed head not signed by the hall key', () => {
    const { numbers } = seed();
    const result = tamperAndVerify((db) => {
      db.prepare(
        'DELETE FROM required_documents WHERE application_id = (SELECT id FROM applications WHERE number = ?)',
      ).run(numbers[2]);
      db.prepare('DELETE FROM stage_events WHERE application_id = (SELECT id FROM applications WHERE number = ?)').run(
        numbers[2],
      );
      db.prepare(
        'DELETE FROM application_links WHERE application_id = (SELECT id FROM applications WHERE number = ?)',
      ).run(numbers[2]);
      db.prepare('DELETE FROM applications WHERE number = ?').run(numbers[2]);
      db.prepare(
        "INSERT INTO users (id, name, role, active, created_at, change_seq) VALUES ('X9', '冒名', 'admin', 1, '2026-03-02', 999)",
      ).run();
      db.prepare(
        `INSERT INTO audit_anchors (entry_id, entry_hash, reason, at, hall_code, key_fingerprint, signature)
         SELECT entry_id, entry_hash, 'export', at, hall_code, key_fingerprint, signature FROM audit_anchors WHERE id = 2`,
      ).run();
    });
    expect(result.ok).toBe(false);
    const problems = result.rows!.problems.map((p) => `${p.table}:${p.problem.slice(0, 12)}`);
    expect(problems).toContain('users:没有任何审计记录写过此行');
    expect(result.rows!.problems.some((p) => p.table === 'applications' && /已不在数据库中/.test(p.problem))).toBe(
      true,
    );
    expect(result.anchors!.problems).toEqual([expect.objectContaining({ anchorId: 3, kind: 'BAD_SIGNATURE' })]);
  });
});
