/**
 * The kill -9 test in small (the full run: `npx tsx test/fault/killNine.ts --trials 200`, figures in
 * docs/benchmarks.md): a writer is killed with SIGKILL at random moments, one trial while it is still opening the
 * store; every acknowledged create and move survives, the file passes integrity_check and the chain verifies.
 */
import { describe, expect, it } from 'vitest';
import { runKillTrials } from '../fault/killNine';

describe('kill -9 during writes', () => {
  it('loses no acknowledged write and leaves a sound store', async () => {
    const report = await runKillTrials({ trials: 10, seed: 7, startupKillEvery: 5 });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ trials: 10, lostAcknowledged: 0, integrityFailures: 0, auditFailures: 0 });
    expect(report.writerCrashes).toBe(0);
    expect(report.acknowledgedCreates + report.acknowledgedMoves).toBeGreaterThan(0);
    expect(report.killedWhileStarting).toBeGreaterThanOrEqual(1);
    expect(report.cliAuditVerify.code).toBe(0);
  }, 300_000);
});
