/**
 * Scheme advice: R-MET-06 (meter and CT accuracy for the capacity's metering class, and the proposal printing
 * that class), R-MET-03 (the billed tariff category is metered) and the R-TAR-09 hint, each passing and failing.
 */
import { describe, expect, it } from 'vitest';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { loadProfile, schemeAdvice } from '../../../shared/rules';
import { hvApplication, lvrApplication } from './fixtures';

/** The HV fixture's proposal (1260 kVA: class III) with the CT the application names. */
const hvScheme = (): SupplyScheme => proposeScheme(hvApplication(), 'FA-1', '2026-06-15');
const of = (scheme: SupplyScheme, rule: string) => schemeAdvice(scheme).filter((a) => a.ruleId === rule);

describe('R-MET-06 metering class in the scheme', () => {
  it('proposes the accuracy of the capacity class: III for 1260 kVA, V for a 220 V household', () => {
    expect(hvScheme().metering[0]).toMatchObject({ meterAccuracy: '0.5S', ctAccuracy: '0.5S', ctRatio: '100/5' });
    expect(proposeScheme(lvrApplication(), 'FA-2', '2026-06-15').metering[0]?.meterAccuracy).toBe('2');
    const large = { ...hvApplication(), requestedCapacityKva: 2000, transformers: [{ ratingKva: 1000, count: 2 }] };
    expect(proposeScheme(large, 'FA-3', '2026-06-15').metering[0]).toMatchObject({ meterAccuracy: '0.2S' });
    expect(of(hvScheme(), 'R-MET-06')).toEqual([]);
  });

  it('accepts a finer class than required and warns on a coarser meter or CT, naming point, class and need', () => {
    const finer = hvScheme();
    finer.metering[0] = { ...finer.metering[0]!, meterAccuracy: '0.2S', ctAccuracy: '0.2S' };
    expect(of(finer, 'R-MET-06')).toEqual([]);

    const coarse = hvScheme();
    coarse.metering[0] = { ...coarse.metering[0]!, meterAccuracy: '1', ctAccuracy: '0.5' };
    expect(of(coarse, 'R-MET-06').map((a) => [a.field, a.severity, a.message])).toEqual([
      [
        'metering.0.meterAccuracy',
        'warning',
        '计量点 1 的电能表精度“1”低于 III 类电能计量装置（容量 1260 kVA）的要求（有功电能表 0.5S 级），请改正或确认。',
      ],
      [
        'metering.0.ctAccuracy',
        'warning',
        '计量点 1 的电流互感器精度“0.5”低于 III 类电能计量装置（容量 1260 kVA）的要求（0.5S 级），请改正或确认。',
      ],
    ]);
    expect(of(coarse, 'R-MET-06')[0]?.basis).toContain('DL/T 448-2016');
  });

  it('takes either class where two are allowed (class II: 0.2S or 0.5S)', () => {
    const scheme = { ...hvScheme(), approvedCapacityKva: 2000 };
    scheme.metering[0] = { ...scheme.metering[0]!, meterAccuracy: '0.5S', ctAccuracy: '0.2S' };
    expect(of(scheme, 'R-MET-06')).toEqual([]);
    scheme.metering[0] = { ...scheme.metering[0], ctAccuracy: '0.5S' };
    expect(of(scheme, 'R-MET-06').map((a) => a.field)).toEqual(['metering.0.ctAccuracy']);
  });
});

describe('R-MET-06 by capacity and monthly energy', () => {
  /** The HV proposal (1260 kVA, class III by capacity) with the expected monthly energy and the given accuracies. */
  const withEnergy = (monthlyKwh: number, meterAccuracy = '0.5S', ctAccuracy = '0.5S', kva = 1260): SupplyScheme => {
    const scheme = { ...hvScheme(), approvedCapacityKva: kva, expectedMonthlyKwh: monthlyKwh };
    scheme.metering[0] = { ...scheme.metering[0]!, meterAccuracy, ctAccuracy };
    return scheme;
  };
  const fields = (scheme: SupplyScheme) => of(scheme, 'R-MET-06').map((a) => a.field);

  it('raises the class at each energy threshold (100 MWh III, 1 GWh II, 5 GWh I per month), inclusive', () => {
    // 200 kVA is class IV by capacity: a class-1 meter is enough below 100,000 kWh a month.
    expect(fields(withEnergy(99_999, '1', '0.5S', 200))).toEqual([]);
    expect(fields(withEnergy(100_000, '1', '0.5S', 200))).toEqual(['metering.0.meterAccuracy']);
    expect(fields(withEnergy(100_000, '0.5S', '0.5S', 200))).toEqual([]);
    // 1260 kVA is class III by capacity: the CT must be 0.2S from 1,000,000 kWh a month (class II).
    expect(fields(withEnergy(999_999))).toEqual([]);
    expect(fields(withEnergy(1_000_000))).toEqual(['metering.0.ctAccuracy']);
    expect(fields(withEnergy(4_999_999, '0.5S', '0.2S'))).toEqual([]);
    // Class I from 5,000,000 kWh a month: a 0.2S meter.
    expect(fields(withEnergy(5_000_000, '0.5S', '0.2S'))).toEqual(['metering.0.meterAccuracy']);
    expect(fields(withEnergy(5_000_000, '0.2S', '0.2S'))).toEqual([]);
  });

  it('names the energy in the message, and a small energy never lowers the capacity class', () => {
    expect(of(withEnergy(1_000_000), 'R-MET-06')[0]?.message).toBe(
      '计量点 1 的电流互感器精度“0.5S”低于 II 类电能计量装置（容量 1260 kVA、预计月用电量 1000000 kWh）的要求（0.2S 级），请改正或确认。',
    );
    expect(fields(withEnergy(0, '1', '0.5S'))).toEqual(['metering.0.meterAccuracy']);
  });

  it("prints the energy class in the proposal: the application's expected monthly energy is carried over", () => {
    const app = hvApplication();
    app.metering = { ...app.metering!, expectedMonthlyKwh: 5_000_000 };
    const proposal = proposeScheme(app, 'FA-4', '2026-06-15');
    expect(proposal.expectedMonthlyKwh).toBe(5_000_000);
    expect(proposal.metering[0]).toMatchObject({ meterAccuracy: '0.2S', ctAccuracy: '0.2S' });
    expect(of(proposal, 'R-MET-06')).toEqual([]);
  });
});

describe('R-MET-06 class table from the province profile', () => {
  it('uses the table given, and the profile refuses a table without a lowest class or with a bad accuracy', () => {
    const table = loadProfile({
      metering: {
        meteringClasses: [
          { class: 'III', fromKva: 1000, activeMeter: '0.5S', ct: '0.5S' },
          { class: 'IV', belowKva: 1000, activeMeter: '1', ct: '0.5S' },
        ],
      },
    });
    if (!table.ok) throw new Error(table.problems.join('\n'));
    const classes = table.profile.metering.meteringClasses;
    // 1260 kVA is class III in this table too; 630 kVA falls to IV, so a class-1 meter is enough.
    const scheme = { ...hvScheme(), approvedCapacityKva: 630 };
    scheme.metering[0] = { ...scheme.metering[0]!, meterAccuracy: '1' };
    expect(of(scheme, 'R-MET-06').map((a) => a.field)).toEqual(['metering.0.meterAccuracy']);
    expect(schemeAdvice(scheme, classes).filter((a) => a.ruleId === 'R-MET-06')).toEqual([]);
    const proposal = proposeScheme(hvApplication(), 'FA-5', '2026-06-15', table.profile);
    expect(proposal.metering[0]?.meterAccuracy).toBe('0.5S');

    expect(loadProfile({ metering: { meteringClasses: [{ class: 'I', fromKva: 1, activeMeter: '0.2S' }] } }).ok).toBe(
      false,
    );
    expect(
      loadProfile({ metering: { meteringClasses: [{ class: 'IV', belowKva: 315, activeMeter: '一级' }] } }).ok,
    ).toBe(false);
  });
});

describe('the proposal follows the province profile', () => {
  it('takes the scheme validity and the high-side metering threshold from the profile in force', () => {
    const load = loadProfile({ scheme: { validityMonthsHv: 6 }, metering: { hvHighSideFromKva: 2000 } });
    if (!load.ok) throw new Error(load.problems.join('\n'));
    // The application names no metering method: the proposal chooses it by the threshold (1260 kVA).
    const app = hvApplication();
    delete app.metering;
    expect(proposeScheme(app, 'FA-6', '2026-06-15')).toMatchObject({ validityMonths: 12, metering: [{ method: '1' }] });
    // Below this province's 2000 kVA threshold: 高供低计, away from the boundary.
    expect(proposeScheme(app, 'FA-6', '2026-06-15', load.profile)).toMatchObject({
      validityMonths: 6,
      metering: [{ method: '2', atBoundary: false }],
    });
  });
});

describe('R-MET-03 metering per tariff category', () => {
  it('warns when no point meters the billed category, unless a point carries an agreed split', () => {
    const scheme = hvScheme();
    expect(of(scheme, 'R-MET-03')).toEqual([]);
    scheme.metering[0] = { ...scheme.metering[0]!, tariffCategory: 'RESIDENTIAL' };
    expect(of(scheme, 'R-MET-03').map((a) => [a.field, a.severity])).toEqual([['metering', 'warning']]);
    expect(of(scheme, 'R-MET-03')[0]?.message).toContain('方案电价类别“工商业”没有对应的计量点');
    scheme.metering[0] = { ...scheme.metering[0], splitRule: '居民生活定比 10%' };
    expect(of(scheme, 'R-MET-03')).toEqual([]);
  });
});

describe('R-TAR-09 demand-price hint', () => {
  it('is an info for demand-billed two-part schemes only', () => {
    const scheme = hvScheme();
    expect(of(scheme, 'R-TAR-09')).toEqual([]);
    scheme.billing = { ...scheme.billing, capacityChargeBasis: 'ACTUAL_DEMAND' };
    expect(of(scheme, 'R-TAR-09').map((a) => [a.field, a.severity])).toEqual([['billing.capacityChargeBasis', 'info']]);
    expect(of(scheme, 'R-TAR-09')[0]?.message).toContain('每千伏安 260 千瓦时及以上的，当月需量电价按 90% 执行');
    scheme.billing = { ...scheme.billing, structure: 'SINGLE' };
    expect(of(scheme, 'R-TAR-09')).toEqual([]);
  });
});

describe('R-MET-04 meter at the ownership boundary', () => {
  it('proposes 高供低计 away from the boundary and warns until the losses are agreed', () => {
    const lowSide = proposeScheme({ ...hvApplication(), metering: { method: '2' } }, 'FA-4', '2026-06-15');
    expect(lowSide.metering[0]?.atBoundary).toBe(false);
    expect(of(lowSide, 'R-MET-04').map((a) => [a.field, a.severity, a.basis])).toEqual([
      ['metering.0.lossAgreement', 'warning', '《电力供应与使用条例》第26条'],
    ]);
    lowSide.metering[0] = { ...lowSide.metering[0]!, lossAgreement: '变压器损耗按月计入客户抄见电量' };
    expect(of(lowSide, 'R-MET-04')).toEqual([]);
    expect(hvScheme().metering[0]?.atBoundary).toBe(true);
    expect(of(hvScheme(), 'R-MET-04')).toEqual([]);
  });
});
