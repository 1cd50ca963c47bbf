/**
 * The renderer's hash routes (renderer/src/shell/routes.ts, pure: no DOM): 申请查询's filters survive the trip
 * through the hash, and a hand-edited hash never throws and never yields a filter the list channel refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSIGNEE_ME, LIST_ORDERS } from '../../../shared/api/applications';
import { savedQuerySchema, type SavedQuery } from '../../../shared/api/savedFilters';
import { HALL_STAGES, mineFilter, waitingFilter } from '../../../shared/api/workbench';
import { APPLICATION_STATUSES, BUSINESS_TYPES, CUSTOMER_CLASSES, STAGES } from '../../../shared/domain/codes';
import { DEADLINE_STATES } from '../../../shared/workflow/clock';
import { hashOf, routeFromHash, type Route } from '../../../renderer/src/shell/routes';

const queryOf = (hash: string) => {
  const route = routeFromHash(hash);
  expect(route.key).toBe('query');
  return route.key === 'query' ? route.query : undefined;
};

describe('hash routes', () => {
  it('reads the screens, the detail page and an empty 申请查询', () => {
    expect(routeFromHash('')).toEqual({ key: 'workbench' });
    expect(routeFromHash('#/settings')).toEqual({ key: 'settings' });
    expect(routeFromHash('#/query')).toEqual({ key: 'query', query: {} });
    expect(routeFromHash('#/app/JS0102-20260601-0001')).toEqual({
      key: 'application',
      number: 'JS0102-20260601-0001',
    });
    expect(hashOf({ key: 'query' })).toBe('#/query');
    expect(hashOf({ key: 'query', query: {} })).toBe('#/query');
  });

  it('writes a 工作台 count’s filter readably and reads it back', () => {
    const query = { ...mineFilter({ stage: 'SURVEY', state: 'OVERDUE' }), order: 'dueAsc' } as SavedQuery;
    const hash = hashOf({ key: 'query', query });
    expect(hash).toBe('#/query?stage=SURVEY&status=ACTIVE&deadline=OVERDUE&assignee=me&order=dueAsc');
    expect(queryOf(hash)).toEqual(query);
    // A clerk's 等我处理: the hall stages, in workflow order.
    const waiting = waitingFilter('mine-hall-stages', 'DUE_SOON') as SavedQuery;
    expect(queryOf(hashOf({ key: 'query', query: waiting }))).toEqual(waiting);
    expect(queryOf(hashOf({ key: 'query', query: waiting }))?.stages).toEqual([...HALL_STAGES]);
  });

  it('keeps search text with any character in it', () => {
    const query: SavedQuery = { text: '张三 & 李四 #5 ?a=b,c%20+', businessTypes: ['NEW_HV', 'NEW_LVN'] };
    expect(queryOf(hashOf({ key: 'query', query }))).toEqual(query);
    expect(hashOf({ key: 'query', query: { text: '   ' } })).toBe('#/query');
  });

  it('drops what it does not know or cannot show, keeping the rest', () => {
    expect(
      queryOf(
        '#/query?stage=SURVEY,BOGUS,,survey,SURVEY&type=NEW_HV&type=NEW_LVR&class=XX&status=ACTIVE' +
          '&deadline=LATE&assignee=someone&order=sideways&from=2026-01-01&to=x&cursor=abc&limit=5&extra=1',
      ),
    ).toEqual({ stages: ['SURVEY'], businessTypes: ['NEW_HV', 'NEW_LVR'], statuses: ['ACTIVE'] });
    // Another user as 经办人 or a date range would filter unseen: the controls show neither.
    expect(queryOf('#/query?assignee=web-clerk&from=2026-01-01')).toEqual({});
    expect(queryOf('#/query?order=newest&deadline=&q=')).toEqual({});
    expect(queryOf(`#/query?q=${'电'.repeat(101)}`)).toEqual({});
    expect(queryOf('#/query?q=%E5%BC%A0%ZZ&stage=%')).toEqual({ text: '张%ZZ' });
  });

  it('never throws on a hand-edited hash', () => {
    expect(routeFromHash('#/app/%E0%A4%A')).toEqual({ key: 'workbench' });
    expect(routeFromHash('#/nowhere?stage=SURVEY')).toEqual({ key: 'workbench' });
    expect(routeFromHash('#/settings?tab=users')).toEqual({ key: 'settings' });
    expect(routeFromHash('#/query?&&=&stage')).toEqual({ key: 'query', query: {} });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (path, search) => {
        const route = routeFromHash(`#/${path}?${search}`);
        if (route.key === 'query') expect(savedQuerySchema.parse(route.query)).toEqual(route.query);
      }),
    );
  });

  it('round-trips every query the filter controls can make', () => {
    const subset = <T>(values: readonly T[]) =>
      fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length });
    const present = <T>(value: T | undefined) =>
      value === undefined || (Array.isArray(value) && !value.length) ? [] : [value];
    const query = fc
      .record({
        stages: subset(STAGES),
        businessTypes: subset(BUSINESS_TYPES),
        customerClasses: subset(CUSTOMER_CLASSES),
        statuses: subset(APPLICATION_STATUSES),
        deadline: fc.option(fc.constantFrom(...DEADLINE_STATES), { nil: undefined }),
        assignee: fc.option(fc.constant(ASSIGNEE_ME), { nil: undefined }),
        order: fc.option(fc.constantFrom(...LIST_ORDERS.filter((o) => o !== 'newest')), { nil: undefined }),
        text: fc.option(
          fc
            .string({ unit: 'grapheme', minLength: 1, maxLength: 100 })
            .filter((t) => t.trim() === t && t !== '' && t.length <= 100),
          { nil: undefined },
        ),
      })
      .map((q) => Object.fromEntries(Object.entries(q).flatMap(([k, v]) => present(v).map((p) => [k, p]))));
    fc.assert(
      fc.property(query, (q) => {
        const route: Route = { key: 'query', query: q as SavedQuery };
        expect(routeFromHash(hashOf(route))).toEqual(route);
      }),
    );
  });
});
