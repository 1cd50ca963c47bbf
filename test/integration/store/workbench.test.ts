import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationFilterInput } from '../../../shared/api/applications';
import type { ApplicationInput } from '../../../shared/domain/application';
import { mineFilter, QUEUE_FILTERS, waitingFilter, type WorkbenchQueue } from '../../../shared/api/workbench';
import { STAGES, type Stage } from '../../../shared/domain/codes';
import { DEADLINE_STATES, type DeadlineState } from '../../../shared/workflow/clock';
import { SUPERVISOR_EXIT_STAGES } from '../../../shared/workflow/moves';
import { CUSTOMER_TIME_STAGES } from '../../../shared/workflow/timeLimits';
import { dispatch } from '../../../main/ipc/dispatch';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { getApplication, listApplications } from '../../../main/services/applications/readApplications';
import { AppError } from '../../../main/services/errors';
import { runDemo } from '../../../main/services/demo/runDemo';
import { createUser } from '../../../main/services/users';
import { assignApplications } from '../../../main/services/workstation/assignApplications';
import { deferredDue } from '../../../main/services/workstation/deferredDue';
import { workbenchCounts } from '../../../main/services/workstation/workbenchCounts';
import { openStore, type Store } from './storeFixture';

let store: Store;
const TODAY = '2026-06-01';

beforeAll(() => {
  store = openStore({ now: '2026-06-01T02:00:00Z' });
  runDemo(store.ctx(), { count: 600, seed: 21, endDate: new Date('2026-05-31T00:00:00Z'), days: 90 });
  createUser(store.ctx('admin'), { id: 'clerk-1', name: '李娜', role: 'clerk' });
  // Every third open application is 李娜's.
  const open = store
    .ctx()
    .db.prepare("SELECT number FROM applications WHERE status IN ('ACTIVE', 'SUSPENDED') AND id % 3 = 0")
    .pluck()
    .all() as string[];
  assignApplications(store.ctx('supervisor'), open, 'clerk-1');
});
afterAll(() => store.close());

const direct = (where: string, ...params: unknown[]) =>
  store
    .ctx()
    .db.prepare(`SELECT count(*) FROM applications WHERE ${where}`)
    .pluck()
    .get(...params) as number;

/** Rows of a list, counted by paging through it as 申请查询 does. */
function listed(ctx: ReturnType<Store['ctx']>, filter: ApplicationFilterInput): number {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = listApplications(ctx, { ...filter, limit: 200, ...(cursor ? { cursor } : {}) });
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}

const STATE_SQL = `CASE WHEN due_date IS NULL THEN 'NONE' WHEN due_date < @today THEN 'OVERDUE'
  WHEN warn_date <= @today THEN 'DUE_SOON' ELSE 'NORMAL' END`;

describe('工作台 counts (workbench.counts)', () => {
  it('gives each queue exactly its list’s row count and a direct count', () => {
    const ctx = store.ctx('clerk');
    const { queues, today } = workbenchCounts(ctx);
    expect(today).toBe(TODAY);
    const expected = {
      overdue: [direct('due_date < ?', TODAY), listed(ctx, { deadline: 'OVERDUE' })],
      dueSoon: [direct('warn_date <= ? AND due_date >= ?', TODAY, TODAY), listed(ctx, { deadline: 'DUE_SOON' })],
      approval: [
        direct("status = 'ACTIVE' AND stage = 'SCHEME'"),
        listed(ctx, { stages: [...SUPERVISOR_EXIT_STAGES], statuses: ['ACTIVE'] }),
      ],
      suspended: [direct("status = 'SUSPENDED'"), listed(ctx, { statuses: ['SUSPENDED'] })],
      active: [
        direct("status = 'ACTIVE' AND warn_date > ?", TODAY),
        listed(ctx, { statuses: ['ACTIVE'], deadline: 'NORMAL' }),
      ],
    };
    for (const [queue, [sql, list]] of Object.entries(expected)) {
      expect({ queue, count: queues[queue as keyof typeof queues] }).toEqual({ queue, count: sql });
      expect({ queue, count: list }).toEqual({ queue, count: sql });
    }
    // Not a vacuous test: every queue has rows in the demo hall.
    expect(Object.values(queues).every((n) => n > 0)).toBe(true);
  });

  it('counts 我的待办 by deadline state and by stage, as a direct count and as the “我的” list', () => {
    const ctx = store.ctx('clerk');
    expect(ctx.session.userId).toBe('clerk-1');
    const counts = workbenchCounts(ctx);
    const rows = ctx.db
      .prepare(
        `SELECT stage, ${STATE_SQL} AS state, count(*) AS n FROM applications
         WHERE status = 'ACTIVE' AND assignee = 'clerk-1' GROUP BY 1, 2`,
      )
      .all({ today: TODAY }) as { stage: Stage; state: 'NONE' | 'NORMAL' | 'DUE_SOON' | 'OVERDUE'; n: number }[];
    const total = rows.reduce((s, r) => s + r.n, 0);
    expect(counts.mine.total).toBe(total);
    expect(total).toBeGreaterThan(20);
    for (const state of ['NONE', 'NORMAL', 'DUE_SOON', 'OVERDUE'] as const) {
      const sql = rows.filter((r) => r.state === state).reduce((s, r) => s + r.n, 0);
      expect({ state, n: counts.mine[state] }).toEqual({ state, n: sql });
      expect({ state, n: listed(ctx, { assignee: '@me', statuses: ['ACTIVE'], deadline: state }) }).toEqual({
        state,
        n: sql,
      });
    }
    expect(counts.mineByStage.map((s) => s.stage)).toEqual(STAGES.filter((s) => rows.some((r) => r.stage === s)));
    for (const { stage, counts: c } of counts.mineByStage) {
      expect(c.total).toBe(rows.filter((r) => r.stage === stage).reduce((s, r) => s + r.n, 0));
      expect(c.total).toBe(listed(ctx, { assignee: '@me', statuses: ['ACTIVE'], stages: [stage] }));
    }
    // A clerk waits on nobody in the hall stages; a supervisor's waiting list is the approvals.
    const hallStages = rows.filter((r) => !CUSTOMER_TIME_STAGES.has(r.stage)).reduce((s, r) => s + r.n, 0);
    expect(counts.waiting).toMatchObject({ kind: 'mine-hall-stages', total: hallStages });
    const supervisor = workbenchCounts(store.ctx('supervisor'));
    expect(supervisor.waiting).toMatchObject({ kind: 'approval', total: supervisor.queues.approval });
    expect(supervisor.mine.total).toBe(direct("status = 'ACTIVE' AND assignee = 'supervisor-1'"));
  });

  // The clerk has every third open application (我的待办 by stage); the supervisor none, but the approvals.
  it.each([
    ['clerk', 2],
    ['supervisor', 0],
  ] as const)(
    'gives, as a %s, every count exactly the rows of the filter its link opens in 申请查询',
    (role, stagesAtLeast) => {
      const ctx = store.ctx(role);
      const counts = workbenchCounts(ctx);
      const states = (
        of: Record<DeadlineState, number> & { total: number },
        filter: (s?: DeadlineState) => ApplicationFilterInput,
      ) =>
        [undefined, ...DEADLINE_STATES].map((state) => ({
          state: state ?? 'total',
          count: state ? of[state] : of.total,
          listed: listed(ctx, filter(state)),
        }));
      const checked = [
        ...Object.entries(counts.queues).map(([queue, count]) => ({
          queue,
          count,
          listed: listed(ctx, QUEUE_FILTERS[queue as WorkbenchQueue]),
        })),
        ...states(counts.mine, (state) => mineFilter({ state })).map((c) => ({ mine: true, ...c })),
        ...states(counts.waiting, (state) => waitingFilter(counts.waiting.kind, state)).map((c) => ({
          waiting: counts.waiting.kind,
          ...c,
        })),
        ...counts.mineByStage.flatMap(({ stage, counts: c }) =>
          states(c, (state) => mineFilter({ stage, state })).map((cell) => ({ stage, ...cell })),
        ),
      ];
      for (const { listed: rows, ...count } of checked) expect({ ...count, count: rows }).toEqual(count);
      // Not vacuous.
      expect(counts.waiting.total).toBeGreaterThan(0);
      expect(counts.mineByStage.length).toBeGreaterThanOrEqual(stagesAtLeast);
    },
  );

  it('is a channel every role may call, with no input', async () => {
    expect(await dispatch(store.ctx('clerk'), 'workbench.counts', {})).toMatchObject({ ok: true });
    expect(await dispatch(store.ctx('clerk'), 'workbench.counts', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await dispatch(store.ctx('clerk'), 'workbench.deferredDue', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });
});

describe('容缺资料临期 (workbench.deferredDue)', () => {
  it('lists exactly the in-progress applications whose next advance the deferred-document gate refuses', () => {
    const ctx = store.ctx('supervisor');
    const page = deferredDue(ctx, { limit: 200 });
    expect(page.total).toBe(page.items.length);
    expect(page.total).toBeGreaterThan(5);
    // Most urgent first: due now before due next, then by due date.
    const rank = page.items.map((i) => [i.documents.some((d) => d.when === 'now') ? 0 : 1, i.dueDate ?? '9999']);
    expect(rank).toEqual(
      [...rank].sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1]))),
    );
    for (const item of page.items) {
      expect(item.status).toBe('ACTIVE');
      for (const doc of item.documents) {
        const due = STAGES.indexOf(doc.dueStage);
        if (doc.when === 'now') expect(due).toBeLessThanOrEqual(STAGES.indexOf(item.stage));
        else expect(due).toBeLessThanOrEqual(STAGES.indexOf(item.nextStage!));
      }
    }
    const mine = deferredDue(store.ctx('clerk'), { limit: 200 });
    expect(mine.total).toBe(page.total);
    const assigned = deferredDue(store.ctx('clerk'), { mine: true, limit: 200 });
    expect(assigned.items.every((i) => i.assignee === 'clerk-1')).toBe(true);
    expect(assigned.items.map((i) => i.number)).toEqual(
      page.items.filter((i) => i.assignee === 'clerk-1').map((i) => i.number),
    );

    // The oracle: try the advance itself on every in-progress application that has a deferred document.
    const withDeferred = ctx.db
      .prepare(
        `SELECT DISTINCT a.number FROM applications a JOIN required_documents d ON d.application_id = a.id
         WHERE a.status = 'ACTIVE' AND d.status = 'DEFERRED'`,
      )
      .pluck()
      .all() as string[];
    expect(withDeferred.length).toBeGreaterThan(page.total);
    const blocked = withDeferred.filter((number) => {
      try {
        moveApplication(ctx, number, { move: 'advance' });
        return false;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return Boolean(error.problems?.some((p) => p.ruleId === 'R-DOC-03'));
      }
    });
    expect(page.items.map((i) => i.number).sort()).toEqual(blocked.sort());
  });

  it('drops an application once its deferred document is received', async () => {
    const ctx = store.ctx('supervisor');
    const [first] = deferredDue(ctx, {}).items;
    expect(first).toBeDefined();
    const record: ApplicationInput = structuredClone(getApplication(ctx, first!.number).record);
    const codes = new Set(first!.documents.map((d) => d.code));
    record.documents = record.documents.map((d) =>
      codes.has(d.code) ? { code: d.code, status: 'RECEIVED' as const } : d,
    );
    const updated = await dispatch(ctx, 'applications.update', { number: first!.number, record });
    expect(updated).toMatchObject({ ok: true });
    expect(deferredDue(ctx, { limit: 200 }).items.map((i) => i.number)).not.toContain(first!.number);
  });
});
