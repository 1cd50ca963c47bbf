import { describe, expect, it } from 'vitest';
import type { ApplicationFact } from '../../../shared/stats/capacityHistory';
import { capacityHistory, trailingIncreases } from '../../../shared/stats/capacityHistory';
import { addressPrefix, DEFAULT_SUGGESTION_THRESHOLDS, deriveSuggestions } from '../../../shared/stats/suggestions';

const T = { ...DEFAULT_SUGGESTION_THRESHOLDS, lvUrbanMaxKw: 160, lvRuralMaxKw: 100 };
const TODAY = '2026-11-27';
let nextId = 1;

function fact(over: Partial<ApplicationFact>): ApplicationFact {
  const id = nextId++;
  return {
    id,
    number: `A${id}`,
    customerId: 1,
    customerName: '某某机械有限公司',
    customerKind: 'ORG',
    businessType: 'NEW_LVN',
    customerClass: 'LVN',
    status: 'ARCHIVED',
    applicationDate: '2026-06-01',
    address: '江苏省南京市江宁区天元东路1号',
    capacityKw: null,
    capacityKva: null,
    existingKw: null,
    existingKva: null,
    tariffStructure: null,
    capacityChargeBasis: null,
    industryCode: null,
    areaType: 'URBAN',
    legalRepName: null,
    legalRepId: null,
    ...over,
  };
}

const kindsOf = (facts: ApplicationFact[]) => deriveSuggestions(facts, T, TODAY).map((s) => s.kind);

describe('suggestions: each rule fires on its pattern and not just below it', () => {
  it('HV_PLANNING at 80 % of the LV limit of the site (urban 160, rural 100 kW), not below, not for HV customers', () => {
    expect(kindsOf([fact({ capacityKw: 128 })])).toEqual(['HV_PLANNING']);
    expect(kindsOf([fact({ capacityKw: 127 })])).toEqual([]);
    expect(kindsOf([fact({ capacityKw: 80, areaType: 'RURAL' })])).toEqual(['HV_PLANNING']);
    expect(kindsOf([fact({ capacityKw: 150 }), fact({ customerClass: 'HV', capacityKva: 630 })])).toEqual([]);
  });

  it('HV_PLANNING not for a customer coming down to the limit (减容, 暂停) nor one whose latest application is 销户', () => {
    expect(
      kindsOf([fact({ capacityKw: 160 }), fact({ businessType: 'RED', capacityKw: 160, existingKw: 320 })]),
    ).toEqual([]);
    expect(
      kindsOf([fact({ capacityKw: 200 }), fact({ businessType: 'SUS', capacityKw: 150, existingKw: 200 })]),
    ).toEqual([]);
    const closing = [fact({ capacityKw: 160 }), fact({ businessType: 'CLOSE', status: 'ACTIVE' })];
    expect(kindsOf(closing)).toEqual([]);
    expect(
      kindsOf(closing.map((f) => (f.businessType === 'CLOSE' ? { ...f, status: 'CANCELLED' as const } : f))),
    ).toEqual(['HV_PLANNING']);
  });

  it('ENERGY_SERVICE after two increases in a row for a company; one increase, a person or a cut in between do not', () => {
    const grow = [fact({ capacityKw: 30 }), fact({ businessType: 'INC_LVN', capacityKw: 50, existingKw: 30 })];
    expect(kindsOf(grow)).toEqual([]);
    const twice = [...grow, fact({ businessType: 'INC_LVN', capacityKw: 80, existingKw: 50 })];
    expect(kindsOf(twice)).toEqual(['ENERGY_SERVICE']);
    expect(kindsOf(twice.map((f) => ({ ...f, customerKind: 'PERSON' as const })))).toEqual([]);
    const cut = [...twice, fact({ businessType: 'RED', capacityKw: 40, existingKw: 80 })];
    expect(trailingIncreases(capacityHistory(cut))).toBe(0);
    expect(kindsOf(cut)).toEqual([]);
  });

  it('EV_PV for five households with new connections at one compound within 12 months; four, or older ones, do not', () => {
    const home = (n: number, date = '2026-09-01') =>
      fact({
        customerId: 100 + n,
        customerName: `住户${n}`,
        customerKind: 'PERSON',
        businessType: 'NEW_LVR',
        customerClass: 'LVR',
        capacityKw: 8,
        applicationDate: date,
        address: `江苏省南京市江宁区翠湖新苑${n}幢1单元10${n}室`,
      });
    expect(addressPrefix('江苏省南京市江宁区翠湖新苑3幢1单元101室')).toBe('江苏省南京市江宁区翠湖新苑');
    expect(kindsOf([1, 2, 3, 4].map((n) => home(n)))).toEqual([]);
    const five = deriveSuggestions(
      [1, 2, 3, 4, 5].map((n) => home(n)),
      T,
      TODAY,
    );
    expect(five.map((s) => [s.kind, s.values['新装户数']])).toEqual([['EV_PV', 5]]);
    expect(kindsOf([1, 2, 3, 4, 5].map((n) => home(n, n === 1 ? '2025-11-01' : '2026-09-01')))).toEqual([]);
  });

  it('PERMANENT_SUPPLY for a second 临时用电 at one site; a cancelled one does not count', () => {
    const temp = (status: ApplicationFact['status']) =>
      fact({ businessType: 'NEW_TEMP', capacityKw: 100, address: '胜太路200号', status });
    expect(kindsOf([temp('ARCHIVED'), temp('ACTIVE')])).toEqual(['PERMANENT_SUPPLY']);
    expect(kindsOf([temp('ARCHIVED'), temp('CANCELLED')])).toEqual([]);
  });

  it('DEMAND_BILLING for a two-part customer billed by capacity with two 暂停 in 12 months, not when billed by demand', () => {
    const sus = (date: string, basis = 'CAPACITY') =>
      fact({
        businessType: 'SUS',
        customerClass: 'HV',
        capacityKva: 630,
        existingKva: 1260,
        tariffStructure: 'TWO_PART',
        capacityChargeBasis: basis,
        applicationDate: date,
      });
    expect(kindsOf([sus('2026-02-01'), sus('2026-08-01')])).toEqual(['DEMAND_BILLING']);
    expect(kindsOf([sus('2025-10-01'), sus('2026-08-01')])).toEqual([]);
    expect(kindsOf([sus('2026-02-01', 'CONTRACT_DEMAND'), sus('2026-08-01', 'CONTRACT_DEMAND')])).toEqual([]);
  });

  it('leads: same legal representative, same address prefix, same industry cluster; none without an open applicant', () => {
    const rep = { legalRepName: '陈志强', legalRepId: '320101197001010011' };
    const applicant = fact({
      customerId: 1,
      ...rep,
      status: 'ACTIVE',
      businessType: 'INC_LVN',
      capacityKw: 60,
      existingKw: 30,
      address: '天元东路88号3幢',
    });
    const sister = fact({
      customerId: 2,
      customerName: '某某电子有限公司',
      ...rep,
      capacityKw: 40,
      address: '天元东路88号5幢',
    });
    expect(kindsOf([applicant, sister]).sort()).toEqual(['LEAD_ADDRESS', 'LEAD_LEGAL_REP']);
    expect(kindsOf([{ ...applicant, status: 'ARCHIVED' }, sister])).toEqual([]);

    const cluster = [1, 2, 3].map((n) =>
      fact({
        customerId: 10 + n,
        customerName: `纺织${n}厂`,
        industryCode: 'C1713',
        status: 'ACTIVE',
        capacityKw: 50,
        address: `路${n}号`,
      }),
    );
    const idle = fact({
      customerId: 20,
      customerName: '纺织老厂',
      industryCode: 'C1713',
      capacityKw: 50,
      address: '路9号',
    });
    const leads = deriveSuggestions([...cluster, idle], T, TODAY);
    expect(leads.map((s) => [s.kind, s.customers[0]!.name])).toEqual([['LEAD_INDUSTRY', '纺织老厂']]);
    expect(kindsOf([...cluster.slice(0, 2), idle])).toEqual([]);
  });
});

describe('capacity history: a 减容恢复 or 暂停恢复 brings back the capacity before the change it ends', () => {
  const hv = (over: Partial<ApplicationFact>) => fact({ customerClass: 'HV', ...over });

  it('a 暂停 then its 恢复 show as a step down and back up, the restoration named as such', () => {
    const points = capacityHistory([
      hv({ businessType: 'NEW_HV', capacityKva: 1260, applicationDate: '2025-01-10' }),
      hv({ businessType: 'SUS', capacityKva: 630, existingKva: 1260, applicationDate: '2025-06-01' }),
      hv({ businessType: 'SUS_RESTORE', applicationDate: '2025-09-01' }),
    ]);
    expect(points.map((p) => [p.businessType, p.before, p.after, p.unit])).toEqual([
      ['NEW_HV', null, 1260, 'kVA'],
      ['SUS', 1260, 630, 'kVA'],
      ['SUS_RESTORE', 630, 1260, 'kVA'],
    ]);
    expect(trailingIncreases(points)).toBe(0); // a restoration is no growth
  });

  it('a 减容恢复 ends the last 减容, not a 暂停; a second restoration of the same 减容 and a cancelled one add nothing', () => {
    const points = capacityHistory([
      fact({ businessType: 'NEW_LVN', capacityKw: 200, applicationDate: '2025-01-10' }),
      fact({ businessType: 'RED', capacityKw: 120, existingKw: 200, applicationDate: '2025-02-01' }),
      fact({ businessType: 'SUS', capacityKw: 60, existingKw: 120, applicationDate: '2025-03-01' }),
      fact({ businessType: 'SUS_RESTORE', status: 'CANCELLED', applicationDate: '2025-04-01' }),
      fact({ businessType: 'SUS_RESTORE', applicationDate: '2025-05-01' }),
      fact({ businessType: 'RED_RESTORE', applicationDate: '2025-06-01' }),
      fact({ businessType: 'RED_RESTORE', applicationDate: '2025-07-01' }),
    ]);
    expect(points.map((p) => [p.businessType, p.before, p.after])).toEqual([
      ['NEW_LVN', null, 200],
      ['RED', 200, 120],
      ['SUS', 120, 60],
      ['SUS_RESTORE', 60, 120],
      ['RED_RESTORE', 120, 200],
    ]);
  });

  it('a restoration without a recorded reduction or suspension adds no point', () => {
    expect(capacityHistory([fact({ capacityKw: 50 }), fact({ businessType: 'SUS_RESTORE' })])).toHaveLength(1);
  });
});
