/**
 * 客户画像 follow-ups travel to HQ: a suggestion outcome recorded at the hall (suggestion_outcomes, migration 0014)
 * is in the hall's bundle and in HQ's hq_suggestion_outcomes after import, updated by a later batch.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxDir } from '../../../main/export/createBatch';
import { importBundle } from '../../../main/hq/hqStore';
import { listLeads } from '../../../main/services/portrait/leads';
import { setSuggestionStatus } from '../../../main/services/portrait/suggestionOutcome';
import type { Store } from '../store/storeFixture';
import { addDemo, exportNow } from '../export/exportFixture';
import { openHall, openTestHq, registerHall, type TestHq } from './hqFixture';

const NOW = new Date('2026-03-03T04:00:00Z');
let hq: TestHq | undefined;
let hall: Store | undefined;
afterEach(async () => {
  await hq?.close();
  hall?.close();
});

async function bundle(store: Store): Promise<string> {
  const batch = (await exportNow(store.ctx()))!;
  return path.join(outboxDir(store.dir), batch.file);
}

describe('suggestion outcomes at HQ', () => {
  it('are exported and merged by key: the second batch’s status replaces the first', async () => {
    hq = await openTestHq('sqlite');
    hall = openHall('NJ0101');
    await registerHall(hq.store, hall);
    addDemo(hall.ctx(), 60, 3);
    const ctx = hall.ctx('supervisor');
    const [lead] = listLeads(ctx, { offset: 0, limit: 1 }).items;
    expect(lead).toBeDefined();
    setSuggestionStatus(ctx, { kind: lead!.kind, subject: lead!.subject, status: 'contacted' });
    expect((await importBundle(hq.store, await bundle(hall), () => NOW)).status).toBe('imported');
    setSuggestionStatus(ctx, { kind: lead!.kind, subject: lead!.subject, status: 'accepted' });
    expect((await importBundle(hq.store, await bundle(hall), () => NOW)).status).toBe('imported');

    const rows = await hq.store.query<{ kind: string; subject_key: string; status: string }>(
      "SELECT kind, subject_key, status FROM hq_suggestion_outcomes WHERE hall_code = 'NJ0101'",
    );
    expect(rows).toEqual([{ kind: lead!.kind, subject_key: lead!.subject, status: 'accepted' }]);
  }, 120_000);
});
