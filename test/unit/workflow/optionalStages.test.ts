import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { planAdvance, type WorkflowSnapshot } from '../../../shared/workflow/moves';
import { hvApplication, lvrApplication } from '../rules/fixtures';

const MAIN = { nature: 'MAIN' as const, substation: '文三变', line: '文12线' };
const STANDBY = { nature: 'STANDBY' as const, substation: '古荡变', line: '古05线' };

const withSupplies = (supplies: ApplicationInput['supplies']): ApplicationInput => ({ ...hvApplication(), supplies });

/** The scheme as approved: the application's proposal with the sources the survey settled on. */
const schemeWith = (app: ApplicationInput, supplies: NonNullable<ApplicationInput['supplies']>): SupplyScheme =>
  proposeScheme({ ...app, supplies }, 'FA-1', '2026-04-01');

const leaveScheme = (app: ApplicationInput, approvedScheme: SupplyScheme | null) => {
  const snapshot: WorkflowSnapshot = { app, approvedScheme, stage: 'SCHEME', status: 'ACTIVE' };
  const plan = planAdvance(snapshot, { role: 'supervisor' });
  if (!plan.ok) throw new Error(plan.message);
  return plan;
};

describe('高可靠性供电费 (FEE) follows the approved scheme, not the application (REFERENCE.md §3.1)', () => {
  it('applies when the approved scheme adds a second source to a one-supply application', () => {
    const app = withSupplies([MAIN]);
    const plan = leaveScheme(app, schemeWith(app, [MAIN, STANDBY]));
    expect(plan.to).toBe('FEE');
    expect(plan.skipped).toEqual([]);
  });

  it('is skipped by data when the approved scheme keeps one of the two supplies applied for', () => {
    const app = withSupplies([MAIN, STANDBY]);
    const plan = leaveScheme(app, schemeWith(app, [MAIN]));
    expect(plan.to).not.toBe('FEE');
    expect(plan.skipped).toContainEqual({ stage: 'FEE', reason: '不涉及高可靠性供电费', byData: true });
  });

  it('is forecast from the application while no scheme is approved', () => {
    expect(leaveScheme(withSupplies([MAIN, STANDBY]), null).to).toBe('FEE');
    expect(leaveScheme(withSupplies([MAIN]), null).skipped.map((s) => s.stage)).toContain('FEE');
  });
});

describe('电网配套工程 (GRID_WORKS) of a LV non-residential connection follows the approved scheme (REFERENCE.md §3.2)', () => {
  const app: ApplicationInput = { ...lvrApplication(), businessType: 'NEW_LVN', customerClass: 'LVN' };
  const scheme = (gridWorks: string[]): SupplyScheme => ({ ...proposeScheme(app, 'FA-2', '2026-04-01'), gridWorks });

  it('is entered when the approved scheme lists grid works', () => {
    expect(leaveScheme(app, scheme(['10 kV 文三线 T 接至客户表箱的低压电缆'])).to).toBe('GRID_WORKS');
  });

  it('is skipped by data, with the reason shown, when the approved scheme lists none', () => {
    const plan = leaveScheme(app, scheme([]));
    expect(plan.to).toBe('METER_CONNECT');
    expect(plan.skipped).toEqual([{ stage: 'GRID_WORKS', reason: '批准的供电方案未列电网配套工程', byData: true }]);
  });
});

describe('设计审查 and 中间检查 follow the customer as the approved scheme grades it (REFERENCE.md §3.1)', () => {
  const ordinary: ApplicationInput = { ...withSupplies([MAIN]), importance: '05', loadGrade: 'THIRD' };
  delete ordinary.hvMotorKw;
  delete ordinary.maxSingleWelderKw;
  const graded = (app: ApplicationInput, grading: Partial<SupplyScheme>): SupplyScheme => ({
    ...schemeWith(app, [MAIN]),
    ...grading,
  });
  /** The stages left out between 供电方案 and 受电工程施工 / 竣工检验, as the plan skips them by data. */
  const skippedAfter = (stage: 'FEE' | 'CUSTOMER_WORKS', app: ApplicationInput, scheme: SupplyScheme | null) => {
    const plan = planAdvance({ app, approvedScheme: scheme, stage, status: 'ACTIVE' }, { role: 'supervisor' });
    if (!plan.ok) throw new Error(plan.message);
    return plan.skipped.filter((s) => s.byData).map((s) => s.stage);
  };

  it('enters both when the scheme grades an ordinary application as an important customer', () => {
    const scheme = graded(ordinary, { importance: '02', loadGrade: 'SECOND' });
    expect(skippedAfter('FEE', ordinary, scheme)).not.toContain('DESIGN_REVIEW');
    expect(skippedAfter('CUSTOMER_WORKS', ordinary, scheme)).not.toContain('MID_INSPECTION');
    // The application alone would have skipped both.
    expect(skippedAfter('FEE', ordinary, null)).toContain('DESIGN_REVIEW');
    expect(skippedAfter('CUSTOMER_WORKS', ordinary, null)).toContain('MID_INSPECTION');
  });

  it('skips both when the scheme grades an application that asked for first-grade load as ordinary', () => {
    const asked: ApplicationInput = { ...ordinary, loadGrade: 'FIRST' };
    const scheme = graded(asked, { importance: '05', loadGrade: 'THIRD' });
    expect(skippedAfter('FEE', asked, scheme)).toContain('DESIGN_REVIEW');
    expect(skippedAfter('CUSTOMER_WORKS', asked, scheme)).toContain('MID_INSPECTION');
  });

  it('enters 设计审查 for HV motors listed in the scheme’s 受电系统', () => {
    const base = schemeWith(ordinary, [MAIN]);
    const withMotors: SupplyScheme = {
      ...base,
      importance: '05',
      loadGrade: 'THIRD',
      receiving: { pointType: '配电室', mainWiring: '单母线', transformers: [], ...base.receiving, hvMotorKw: 400 },
    };
    expect(skippedAfter('FEE', ordinary, withMotors)).not.toContain('DESIGN_REVIEW');
  });
});
