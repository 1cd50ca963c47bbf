/**
 * The second half of `audit verify`: every current row of the audited tables must equal the state named by the
 * latest audit entry that wrote it. A row changed, inserted or deleted with SQL outside the app is named with
 * the entry it disagrees with.
 */
import { AUDIT_PROBLEM_CAP, type AuditRowCheck, type AuditRowProblem } from '../../shared/api/audit';
import type { Db } from '../db/connection';
import type { AuditRow } from '../db/repositories/auditRepo';
import { AUDITED_TABLES, parseRowRef, rowRef, rowStateHash } from '../db/rowStates';
import { prepared } from '../db/statements';

interface RecordedState {
  entryId: number;
  /** null: the entry recorded the row as deleted. */
  hash: string | null;
}

/** The latest recorded state of every row, fed entry by entry in chain order. */
export class LatestRowStates {
  private readonly latest = new Map<string, RecordedState>();

  add(entry: Pick<AuditRow, 'id' | 'state_json'>): void {
    if (entry.state_json === null) return;
    const state = JSON.parse(entry.state_json) as Record<string, string | null>;
    for (const ref of Object.keys(state)) this.latest.set(ref, { entryId: entry.id, hash: state[ref] ?? null });
  }

  /** The recorded state of a row, removed from the set (what is left afterwards was never seen as a row). */
  take(ref: string): RecordedState | undefined {
    const state = this.latest.get(ref);
    if (state) this.latest.delete(ref);
    return state;
  }

  remaining(): IterableIterator<[string, RecordedState]> {
    return this.latest.entries();
  }
}

/** The hall-wide change_seq when state recording began (migration 0008); rows at or below it may lack a state. */
function coverageSince(db: Db): number {
  const row = prepared<[], { since_change_seq: number }>(db, 'SELECT since_change_seq FROM audit_coverage').get();
  return row?.since_change_seq ?? 0;
}

class ProblemList {
  readonly problems: AuditRowProblem[] = [];
  count = 0;
  add(problem: AuditRowProblem): void {
    this.count++;
    if (this.problems.length < AUDIT_PROBLEM_CAP) this.problems.push(problem);
  }
}

function labelOf(row: Record<string, unknown>): { label?: string } {
  return typeof row.number === 'string' ? { label: row.number } : {};
}

/** Compares every audited row with `states` (consumed). Rows are streamed, so memory holds only the states. */
export function checkAuditedRows(db: Db, states: LatestRowStates): AuditRowCheck {
  const since = coverageSince(db);
  const found = new ProblemList();
  let checked = 0;
  let notYetCovered = 0;
  for (const table of AUDITED_TABLES) {
    const rows = prepared<[], Record<string, unknown>>(db, `SELECT * FROM ${table} ORDER BY id`).iterate();
    for (const row of rows) {
      const key = String(row.id);
      const recorded = states.take(rowRef(table, key));
      if (!recorded) {
        if (Number(row.change_seq) <= since) notYetCovered++;
        else {
          found.add({
            table,
            key,
            ...labelOf(row),
            entryId: null,
            problem: '没有任何审计记录写过此行（可能在程序之外插入或修改）',
          });
        }
        continue;
      }
      checked++;
      if (recorded.hash === null) {
        found.add({
          table,
          key,
          ...labelOf(row),
          entryId: recorded.entryId,
          problem: `第 ${recorded.entryId} 条审计记录记载此行已删除，但它仍然存在（可能在程序之外插入）`,
        });
      } else if (rowStateHash(row) !== recorded.hash) {
        found.add({
          table,
          key,
          ...labelOf(row),
          entryId: recorded.entryId,
          problem: `与第 ${recorded.entryId} 条审计记录所记的状态不符（可能在程序之外被修改）`,
        });
      }
    }
  }
  for (const [ref, recorded] of states.remaining()) {
    if (recorded.hash === null) continue;
    const { table, key } = parseRowRef(ref);
    found.add({
      table,
      key,
      entryId: recorded.entryId,
      problem: `第 ${recorded.entryId} 条审计记录记载此行存在，但它已不在数据库中（可能在程序之外被删除）`,
    });
  }
  return { checked, notYetCovered, problems: found.problems, problemCount: found.count };
}
