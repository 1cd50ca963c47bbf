/**
 * Complete, valid applications used as the base of the table-driven tests and the benchmark: each gives no
 * issue at all at the stage named, so a test that changes one field sees exactly that field's rules.
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import type { RuleContext } from '../../../shared/rules';
import { weekendOnlyCalendar } from '../../../shared/calendar/calendar';
import { holidayCalendar } from '../../../shared/calendar/holidayCalendar';

export const TODAY = '2026-06-15';

export const ctx = (extra: Partial<RuleContext> = {}): RuleContext => ({
  today: TODAY,
  calendar: holidayCalendar(),
  ...extra,
});

export const weekendCtx = (): RuleContext => ({ today: TODAY, calendar: weekendOnlyCalendar });

const received = (...codes: ApplicationInput['documents'][number]['code'][]): ApplicationInput['documents'] =>
  codes.map((code) => ({ code, status: 'RECEIVED' as const }));

/** 高压新装, 10 kV, two 630 kVA transformers, two supplies; valid at METER_CONNECT. */
export function hvApplication(): ApplicationInput {
  return {
    businessType: 'NEW_HV',
    customerClass: 'HV',
    customer: {
      kind: 'ORG',
      name: '杭州某某机械制造有限公司',
      idType: 'USCC',
      idNumber: '91110000600037341L',
      phone: '13838389438',
      landline: '0571-87654321',
      legalRep: { name: '张三', idNumber: '11010519491231002X', phone: '13523333233' },
    },
    site: { regionCode: '330106', address: '浙江省杭州市西湖区文三路 90 号', postalCode: '310012', areaType: 'URBAN' },
    voltageCode: 'AC00101',
    requestedCapacityKva: 1260,
    transformers: [{ ratingKva: 630, count: 2 }],
    maxDemandKw: 900,
    tariff: { category: 'COMMERCIAL_INDUSTRIAL', structure: 'TWO_PART', capacityChargeBasis: 'CAPACITY' },
    industryCode: 'C3411',
    loadGrade: 'SECOND',
    importance: '05',
    supplies: [
      { nature: 'MAIN', substation: '文三变', line: '文12线' },
      { nature: 'STANDBY', substation: '古荡变', line: '古05线' },
    ],
    metering: { method: '1', ctRatio: '100/5', ptRatio: '10000/100', meterMultiplier: 1, overallMultiplier: 2000 },
    powerFactorStandard: '0.90',
    applicationDate: '2026-03-02',
    desiredConnectionDate: '2026-06-01',
    completionCheckPassed: true,
    documents: received(
      'ID_ENTITY',
      'APPLICATION_FORM',
      'PROPERTY',
      'LEGAL_REP_ID',
      'LOAD_LIST',
      'CONTRACTOR',
      'COMPLETION',
      'CONTRACT',
    ),
  };
}

/** 低压居民新装, 220 V, 8 kW, property proof deferred under a commitment; valid at ACCEPT. */
export function lvrApplication(): ApplicationInput {
  return {
    businessType: 'NEW_LVR',
    customerClass: 'LVR',
    customer: { kind: 'PERSON', name: '王小明', idType: 'RIC', idNumber: '11010519491231002X', phone: '13838389438' },
    site: { regionCode: '110101', address: '北京市东城区东四十条 12 号 3 单元 201 室', postalCode: '100007' },
    voltageCode: 'AC02202',
    requestedCapacityKw: 8,
    tariff: { category: 'RESIDENTIAL' },
    applicationDate: '2026-06-15',
    documents: [
      ...received('ID_PERSON', 'APPLICATION_FORM', 'CONTRACT', 'COMMITMENT'),
      { code: 'PROPERTY', status: 'DEFERRED', dueStage: 'METER_CONNECT' },
    ],
  };
}

/** 暂停 of one of two 630 kVA transformers of a two-part customer; valid at ACCEPT. */
export function suspensionApplication(): ApplicationInput {
  const base = hvApplication();
  return {
    ...base,
    businessType: 'SUS',
    accountNo: '3301234567890',
    accountExternal: true,
    requestedCapacityKva: 630,
    transformers: [{ ratingKva: 630, count: 1 }],
    maxDemandKw: 500,
    applicationDate: '2026-06-01',
    effectiveDate: '2026-06-10',
    endDate: '2026-08-31',
    documents: received('ID_ENTITY', 'APPLICATION_FORM'),
    existing: {
      capacityKva: 1260,
      transformers: [{ ratingKva: 630, count: 2 }],
      tariffStructure: 'TWO_PART',
      address: base.site.address,
      suspensionsThisYear: { count: 0, days: 0 },
    },
  };
}
