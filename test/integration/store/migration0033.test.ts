import { afterEach, describe, expect, it } from 'vitest';
import { runDemo } from '../../../main/services/demo/runDemo';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0033 (clerk names in risk groups)', () => {
  it('a user renamed or deleted by SQL marks the groups of that clerk for the next hall scan, an unchanged name none', () => {
    store = openStore();
    const db = store.ctx().db;
    runDemo(store.ctx(), { count: 40, seed: 3, endDate: new Date('2026-02-27T00:00:00Z'), days: 30 });
    // The clerk with the most rules acknowledged: the RISK-ACC-01 groups of that clerk are one per rule.
    const { user_id: clerk } = db
      .prepare('SELECT user_id FROM risk_clerk_rule_counts GROUP BY user_id ORDER BY count(*) DESC LIMIT 1')
      .get() as { user_id: string };
    const rules = db
      .prepare('SELECT rule_id FROM risk_clerk_rule_counts WHERE user_id = ? ORDER BY rule_id')
      .pluck()
      .all(clerk) as string[];
    expect(rules.length).toBeGreaterThan(1);
    const expected = [
      ...rules.map((rule) => ['RISK-ACC-01', `clerk:${clerk}:${rule}`]),
      ['RISK-ACC-05', `clerk:${clerk}`],
      ['RISK-TIME-05', `clerk:${clerk}`],
    ];
    const marks = () => db.prepare('SELECT detector_id, subject_key FROM risk_dirty_groups ORDER BY 1, 2').raw().all();
    const clearMarks = () => db.exec('DELETE FROM risk_dirty_groups');

    // The demo's clerks act without user rows: this one gets its row as `yekuo user add` would have made it.
    db.prepare(
      "INSERT INTO users (id, name, role, created_at, change_seq) VALUES (?, '李娜（演示）', 'clerk', '2026-01-05T00:00:00Z', 0)",
    ).run(clerk);
    expect(marks()).toEqual(expect.arrayContaining(expected));

    clearMarks();
    db.prepare('UPDATE users SET name = name, active = active WHERE id = ?').run(clerk);
    expect(marks()).toEqual([]);
    db.prepare("UPDATE users SET name = '改名后的营业员' WHERE id = ?").run(clerk);
    expect(marks()).toEqual(expected);

    clearMarks();
    db.prepare('DELETE FROM users WHERE id = ?').run(clerk);
    expect(marks()).toEqual(expected);
  });
});
