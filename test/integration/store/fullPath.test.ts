import { afterEach, describe, expect, it } from 'vitest';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO } from '../../../shared/domain/codes';
import { stagePlan } from '../../../shared/workflow/stagePlans';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { verifyAudit } from '../../../main/services/audit';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store;
afterEach(() => store?.close());

const cases = BUSINESS_TYPES.flatMap((type) => BUSINESS_TYPE_INFO[type].classes.map((cls) => [type, cls] as const));

describe('every business type and class goes its full path from ACCEPT to ARCHIVED', () => {
  it.each(cases)('%s / %s', (type, cls) => {
    store = openStore();
    const ctx = store.ctx('supervisor');
    const created = createApplication(ctx, recordFor(type, cls));
    expect(created).toMatchObject({ stage: 'ACCEPT', status: 'ACTIVE', businessType: type, customerClass: cls });
    expect(created.number).toMatch(/^NJ0101-20260302-\d{4}$/);

    const plan = stagePlan(type, cls);
    const visited = ['ACCEPT'];
    for (let day = 3; visited.at(-1) !== 'ARCHIVE'; day++) {
      store.setNow(`2026-03-${String(day).padStart(2, '0')}T02:00:00Z`);
      const next = plan[plan.findIndex((s) => s.stage === visited.at(-1)) + 1];
      // Optional stages without a data condition are taken, never skipped, so the whole plan is walked.
      visited.push(moveApplication(ctx, created.number, { move: 'advance' }).stage);
      expect(plan.some((s) => s.stage === next?.stage)).toBe(true);
    }
    // A 迁址 is archived after the closing of its old site, accepted with it (relocation.test.ts).
    for (const link of getApplication(ctx, created.number).links) {
      for (let stage = link.stage; stage !== 'ARCHIVE';)
        stage = moveApplication(ctx, link.number, { move: 'advance' }).stage;
      moveApplication(ctx, link.number, { move: 'archive' });
    }
    expect(getApplication(ctx, created.number).links.map((link) => link.businessType)).toEqual(
      type === 'RELOC' ? ['CLOSE'] : [],
    );
    const archived = moveApplication(ctx, created.number, { move: 'archive' });
    expect(archived.status).toBe('ARCHIVED');

    const detail = getApplication(ctx, created.number);
    const skipped = detail.plan.filter((p) => p.state === 'skipped').map((p) => p.stage);
    expect([...visited, ...skipped].sort()).toEqual(plan.map((s) => s.stage).sort());
    expect(detail.plan.every((p) => p.state === 'done' || p.state === 'skipped')).toBe(true);
    expect(detail.events.at(-1)?.action).toBe('archive');
    expect(verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });
});
