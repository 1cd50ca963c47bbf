/** R-IMP-06 on a real store, through the service the UI and CLI use: an important customer entering 供电方案. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import type { ApplicationInput } from '../../../shared/domain/application';
import { problemsOf } from '../store/refusals';
import { openStore, recordFor, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

/** A demo 高压新装 of an important customer (the demo records its loads on separate circuits). */
function importantCustomer(): ApplicationInput {
  for (let seed = 1; seed < 500; seed++) {
    const record = recordFor('NEW_HV', 'HV', seed);
    if (record.importance && record.importance !== '05') return record;
  }
  throw new Error('no important customer among the demo records');
}

/** Accepts `record`, moves it to 现场勘查 and tries 供电方案: whether it moved, and the R-IMP-06 problems if not. */
function enterScheme(record: ApplicationInput): { number: string; moved: boolean; problems: string[] } {
  const clerk = store.ctx('clerk');
  const { number } = createApplication(clerk, record);
  moveApplication(clerk, number, { move: 'advance' });
  let stage = '';
  const problems = problemsOf(() => (stage = moveApplication(clerk, number, { move: 'advance' }).stage));
  const separation = problems.filter((p) => p.ruleId === 'R-IMP-06').map((p) => `${p.severity}:${p.field}`);
  return { number, moved: stage === 'SCHEME', problems: separation };
}

describe('重要用户分回路供电 (R-IMP-06) on the store', () => {
  it('holds the move into 供电方案 until both separations are confirmed with a reason', () => {
    const { separateCircuits: _recorded, ...unrecorded } = importantCustomer();
    const { number, problems } = enterScheme(unrecorded);
    expect(problems).toEqual([
      'warning:separateCircuits.importantFromOrdinary',
      'warning:separateCircuits.productionFromLiving',
    ]);
    const moved = moveApplication(store.ctx('clerk'), number, {
      move: 'advance',
      acknowledgements: [{ ruleId: 'R-IMP-06', reason: '现场勘查已核实分回路，待方案登记' }],
    });
    expect(moved.stage).toBe('SCHEME');
  });

  it('lets a customer with both separations recorded through without a word', () => {
    const record = importantCustomer();
    expect(record.separateCircuits).toEqual({ importantFromOrdinary: true, productionFromLiving: true });
    expect(enterScheme(record)).toMatchObject({ moved: true, problems: [] });
  });
});
