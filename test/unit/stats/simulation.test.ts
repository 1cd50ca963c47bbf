import { describe, expect, it } from 'vitest';
import { weekendOnlyCalendar } from '../../../shared/calendar/calendar';
import type { Stage } from '../../../shared/domain/codes';
import type { ApplicationHistory } from '../../../shared/stats/history';
import { tallyOfHistories } from '../../../shared/stats/processAnalysis';
import { Prng } from '../../../shared/stats/prng';
import { simulate } from '../../../shared/stats/simulation';

/** HV applications with random stage lengths, a survey, and some returns to 受理 and paperwork pauses. */
function hall(count: number, seed: number): ApplicationHistory[] {
  const rng = new Prng(seed);
  const cal = weekendOnlyCalendar;
  return Array.from({ length: count }, (_, id) => {
    let date = '2026-01-05';
    const events: ApplicationHistory['events'][number][] = [
      { action: 'create', date, from: null, to: 'ACCEPT', reasonCode: null },
    ];
    const stages: Stage[] = ['ACCEPT', 'SURVEY', 'SCHEME', 'DESIGN_REVIEW', 'METER_CONNECT', 'ARCHIVE'];
    const returned = rng.chance(0.2);
    const walk = returned ? ['ACCEPT', 'SURVEY', 'ACCEPT', ...stages.slice(1)] : stages;
    for (let i = 0; i < walk.length - 1; i++) {
      const from = walk[i] as Stage;
      const to = walk[i + 1] as Stage;
      if (from === 'ACCEPT' && rng.chance(0.3)) {
        events.push({ action: 'suspend', date, from, to: from, reasonCode: 'WAITING_DEFERRED_DOCUMENTS' });
        date = cal.addWorkdays(date, rng.int(1, 4));
        events.push({ action: 'resume', date, from, to: from, reasonCode: null });
      }
      date = cal.addWorkdays(date, rng.int(1, from === 'SCHEME' ? 12 : 4));
      const back = walk.indexOf(to) < i;
      events.push({ action: back ? 'return' : 'advance', date, from, to, reasonCode: null });
    }
    events.push({ action: 'archive', date, from: 'ARCHIVE', to: null, reasonCode: null });
    return { id, businessType: 'NEW_HV', timeLimitClass: id % 2 ? 'HV_SINGLE' : 'HV_DUAL', events };
  });
}

describe('what-if simulation', () => {
  const apps = tallyOfHistories(hall(400, 7), weekendOnlyCalendar);
  // 10,000 runs are timed in bench/risk.bench.ts; 2,000 keep this test quick.
  const run = (scenario: Parameters<typeof simulate>[1]['scenario']) =>
    simulate(apps, { scenario, runs: 2_000, seed: 42, acceptClerks: 3 });

  it('reproduces the baseline median within its interval when nothing changes', () => {
    const result = run('none');
    expect(result.sampleApplications).toBe(400);
    const [lo, hi] = result.baseline.medianCi;
    expect(lo).toBeLessThanOrEqual(result.observed.median);
    expect(hi).toBeGreaterThanOrEqual(result.observed.median);
    expect(result.change).toMatchObject({ median: 0, p90: 0, medianCi: [0, 0] });
  });

  it('is reproducible for a seed and different for another', () => {
    expect(run('merge-survey')).toEqual(run('merge-survey'));
    const other = simulate(apps, { scenario: 'merge-survey', runs: 2_000, seed: 43, acceptClerks: 3 });
    expect(other.baseline.medianCi).toBeDefined();
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(run('merge-survey')));
  });

  it('shortens the process in every scenario, with an interval below zero, and states its assumptions', () => {
    for (const scenario of ['merge-survey', 'defer-paperwork', 'skip-design-review', 'extra-clerk'] as const) {
      const result = run(scenario);
      expect(result.change.median, scenario).toBeLessThan(0);
      expect(result.change.medianCi[1], scenario).toBeLessThan(0);
      expect(result.changed.median).toBeLessThan(result.baseline.median);
      expect(result.assumptions.length).toBeGreaterThan(3);
    }
    expect(run('extra-clerk').assumptions.at(-1)).toContain('c/(c+1)');
  });
});
