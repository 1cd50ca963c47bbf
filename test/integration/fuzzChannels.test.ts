/**
 * Fuzzing in small (the full run: `npx tsx test/fault/fuzzChannels.ts --runs 20000`, figures in
 * docs/benchmarks.md): every record-taking channel, hostile inputs through the handler table on a real store; no
 * throw, every refusal typed and in Chinese, the store unchanged by every refusal.
 */
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../main/services/applications/createApplication';
import { FUZZED_CHANNELS, fuzzChannel, storeFingerprint } from '../fault/fuzzChannels';
import { openStore, recordFor } from './store/storeFixture';

describe('fuzzing the record-taking channels', () => {
  it('sees a change in any table: the fingerprint the refusals are compared with', () => {
    const store = openStore();
    try {
      const before = storeFingerprint(store);
      expect(storeFingerprint(store)).toBe(before);
      store.ctx().db.prepare("UPDATE settings SET value = value || ' '").run();
      expect(storeFingerprint(store)).not.toBe(before);
      createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR'));
      expect(storeFingerprint(store)).not.toBe(before);
    } finally {
      store.close();
    }
  });

  it.each(FUZZED_CHANNELS)(
    '%s: no crash, typed Chinese refusals, nothing changed by a refusal',
    async (channel) => {
      const report = await fuzzChannel(channel, 150, 7);
      expect(report.failures).toEqual([]);
      expect(report).toMatchObject({ runs: 150, untyped: 0, changedOnRefusal: 0 });
      // Both sides are reached: some inputs are accepted, most refused.
      expect(report.accepted).toBeGreaterThan(0);
      expect(report.runs - report.accepted).toBeGreaterThan(0);
    },
    120_000,
  );
});
