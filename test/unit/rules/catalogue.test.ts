/**
 * Table-driven: for every rule of the catalogue, one record where it is silent and one where it speaks, each
 * derived from a complete valid application by changing only what the rule is about.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { Stage } from '../../../shared/domain/codes';
import { evaluate, loadProfile, ricCheckChar, RULES, usccCheckChar, type RuleContext } from '../../../shared/rules';
import { ctx, hvApplication, lvrApplication, suspensionApplication } from './fixtures';

type App = ApplicationInput;
type Change = (a: App) => void;

interface Case {
  rule: string;
  base: () => App;
  stage?: Stage;
  context?: Partial<RuleContext>;
  /** Context for the failing record only (lookups that report a conflict). */
  failContext?: Partial<RuleContext>;
  pass?: Change;
  fail: Change;
}

const ric = (first17: string) => first17 + ricCheckChar(first17);
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const profile = (json: unknown) => ({ profile: loadProfile(json).profile });

/** A change-of-use record on the HV fixture's account, with the existing service equal to the fixture. */
const changeOf = (type: App['businessType']) => (): App => {
  const a = hvApplication();
  return {
    ...a,
    businessType: type,
    accountNo: '3301234567890',
    accountExternal: true,
    existing: {
      capacityKva: 1260,
      voltageCode: 'AC00101',
      tariffCategory: 'COMMERCIAL_INDUSTRIAL',
      address: a.site.address,
      arrearsFen: 0,
    },
  };
};
const docsWithout = (a: App, code: string) => (a.documents = a.documents.filter((d) => d.code !== code));
const supply = (substation: string, line: string, nature: 'MAIN' | 'STANDBY' = 'MAIN') => ({
  nature,
  substation,
  line,
});

const CASES: Case[] = [
  { rule: 'R-REQ-01', base: lvrApplication, fail: (a) => (a.customer.phone = '  ') },
  {
    rule: 'R-REQ-03',
    base: lvrApplication,
    fail: (a) => Object.assign(a.customer, { agent: { name: '李四' } }),
  },
  { rule: 'R-REQ-02', base: lvrApplication, fail: (a) => Object.assign(a, { requestedCapacityKw: '8' }) },
  { rule: 'R-BT-01', base: lvrApplication, fail: (a) => (a.businessType = 'SUS') },
  { rule: 'R-ID-01', base: lvrApplication, fail: (a) => (a.customer.idNumber = '11010519491231002') },
  { rule: 'R-ID-07', base: lvrApplication, fail: (a) => (a.customer.idNumber = '110101491001001') },
  { rule: 'R-ID-04', base: lvrApplication, fail: (a) => (a.customer.idNumber = '990426199112010074') },
  { rule: 'R-ID-03', base: lvrApplication, fail: (a) => (a.customer.idNumber = '360426199113010079') },
  { rule: 'R-ID-02', base: lvrApplication, fail: (a) => (a.customer.idNumber = '11010519491231001X') },
  {
    rule: 'R-ID-09',
    base: lvrApplication,
    pass: (a) => Object.assign(a.customer, { idType: 'HMT_RESIDENCE_PERMIT', idNumber: '810000199408230021' }),
    fail: (a) => (a.customer.idNumber = '810000199408230021'),
  },
  { rule: 'R-ID-08', base: lvrApplication, fail: (a) => (a.customer.idNumber = ric('11010520100101001')) },
  {
    rule: 'R-ID-10',
    base: lvrApplication,
    pass: (a) => Object.assign(a.customer, { idType: 'PASSPORT', idNumber: 'E12345678' }),
    fail: (a) => Object.assign(a.customer, { idType: 'PASSPORT', idNumber: '护照12' }),
  },
  { rule: 'R-UC-01', base: hvApplication, fail: (a) => (a.customer.idNumber = '9111000060003IOZSV') },
  { rule: 'R-UC-02', base: hvApplication, fail: (a) => (a.customer.idNumber = '91110000600037341N') },
  { rule: 'R-UC-06', base: hvApplication, fail: (a) => (a.customer.idNumber = '91350211M00013FA1N') },
  { rule: 'R-UC-03', base: hvApplication, fail: (a) => (a.customer.idNumber = uscc('97110000600037341')) },
  { rule: 'R-UC-04', base: hvApplication, fail: (a) => (a.customer.idNumber = uscc('91990000600037341')) },
  { rule: 'R-UC-05', base: hvApplication, fail: (a) => (a.customer.idNumber = uscc('91110000600037342')) },
  { rule: 'R-UC-07', base: hvApplication, fail: (a) => (a.customer.name = '张大明') },
  {
    rule: 'R-NM-02',
    base: lvrApplication,
    pass: (a) => (a.customer.name = '阿依古丽·买买提𠮷'),
    fail: (a) => (a.customer.name = '王😀'),
  },
  { rule: 'R-NM-01', base: hvApplication, stage: 'ACCEPT', pass: (a) => (a.customer.kind = 'PERSON'), fail: () => {} },
  { rule: 'R-PH-01', base: lvrApplication, fail: (a) => (a.customer.phone = '12038389438') },
  { rule: 'R-PH-02', base: lvrApplication, fail: (a) => (a.customer.phone = '14999230918') },
  { rule: 'R-TEL-01', base: hvApplication, fail: (a) => (a.customer.landline = '95598') },
  { rule: 'R-PC-01', base: lvrApplication, fail: (a) => (a.site.postalCode = '1000') },
  { rule: 'R-AD-01', base: lvrApplication, fail: (a) => (a.site.regionCode = '990101') },
  {
    rule: 'R-AD-03',
    base: lvrApplication,
    context: profile({ serviceTerritory: ['1101'] }),
    fail: (a) => (a.site.regionCode = '110201'),
  },
  { rule: 'R-ADDR-01', base: lvrApplication, fail: (a) => (a.site.address = '北京市东城区东四十条') },
  { rule: 'R-HH-01', base: suspensionApplication, fail: (a) => delete a.accountNo },
  {
    rule: 'R-HH-02',
    base: suspensionApplication,
    context: profile({ accountNumber: { prefix13: '330' } }),
    fail: (a) => (a.accountNo = '1101234567890'),
  },
  {
    rule: 'R-HH-03',
    base: suspensionApplication,
    context: profile({ accountNumber: { prefix13: '330' } }),
    fail: (a) => (a.accountNo = '1234567890'),
  },
  {
    rule: 'R-HH-04',
    base: suspensionApplication,
    context: { lookups: { accountExists: false } },
    fail: (a) => (a.accountExternal = false),
  },
  {
    rule: 'R-HH-05',
    base: () => ({ ...lvrApplication(), accountNo: '3201765432' }),
    context: { lookups: { accountExists: false } },
    failContext: { lookups: { accountExists: true } },
    fail: () => undefined,
  },
  { rule: 'R-NUM-01', base: lvrApplication, fail: (a) => (a.requestedCapacityKw = 8.0005) },
  { rule: 'R-NUM-02', base: hvApplication, fail: (a) => (a.requestedCapacityKva = 1000) },
  { rule: 'R-NUM-03', base: hvApplication, fail: (a) => (a.transformers = [{ ratingKva: 600, count: 2 }]) },
  { rule: 'R-NUM-04', base: lvrApplication, fail: (a) => (a.maxDemandKw = 9) },
  { rule: 'R-NUM-05', base: hvApplication, fail: (a) => (a.securityLoadKw = 2000) },
  { rule: 'R-DATE-01', base: lvrApplication, fail: (a) => (a.desiredConnectionDate = '2026-02-30') },
  { rule: 'R-DATE-02', base: lvrApplication, fail: (a) => (a.applicationDate = '2026-06-16') },
  { rule: 'R-DATE-03', base: lvrApplication, fail: (a) => (a.desiredConnectionDate = '2026-06-01') },
  { rule: 'R-VC-07', base: lvrApplication, fail: (a) => (a.voltageCode = 'AC00101') },
  {
    rule: 'R-VC-01',
    base: lvrApplication,
    pass: (a) => (a.requestedCapacityKw = 9.999),
    fail: (a) => (a.requestedCapacityKw = 10),
  },
  { rule: 'R-VC-02', base: lvrApplication, fail: (a) => (a.maxSingleWelderKw = 1.5) },
  {
    rule: 'R-VC-03',
    base: () => ({ ...lvrApplication(), voltageCode: 'AC03802', requestedCapacityKw: 120 }),
    pass: (a) => (a.site.areaType = 'URBAN'),
    fail: () => {},
  },
  {
    rule: 'R-VC-04',
    base: hvApplication,
    fail: (a) => Object.assign(a, { requestedCapacityKva: 30, transformers: [{ ratingKva: 30, count: 1 }] }),
  },
  { rule: 'R-VC-05', base: hvApplication, fail: (a) => (a.voltageCode = 'AC00351') },
  {
    rule: 'R-VC-08',
    base: hvApplication,
    context: profile({ supply: { voltages: ['AC02202', 'AC03802', 'AC00101', 'AC00351', 'AC01101'] } }),
    // An existing 20 kV service keeps its voltage (e.g. 过户): not a new choice, not refused.
    pass: (a) => Object.assign(a, { voltageCode: 'AC00201', existing: { voltageCode: 'AC00201' } }),
    fail: (a) => (a.voltageCode = 'AC00201'),
  },
  {
    rule: 'R-VC-06',
    base: () => ({ ...hvApplication(), voltageCode: 'AC01101' }),
    stage: 'FEE',
    pass: (a) => (a.provincialApproval = true),
    fail: () => {},
  },
  { rule: 'R-TAR-01', base: hvApplication, fail: (a) => (a.tariff.category = 'LARGE_INDUSTRY') },
  {
    rule: 'R-TAR-02',
    base: () => ({ ...hvApplication(), requestedCapacityKva: 100, transformers: [{ ratingKva: 100, count: 1 }] }),
    pass: (a) => (a.tariff.structure = 'SINGLE'),
    fail: () => {},
  },
  {
    rule: 'R-TAR-03',
    base: () => ({
      ...hvApplication(),
      requestedCapacityKva: 200,
      transformers: [{ ratingKva: 200, count: 1 }],
      tariff: { category: 'COMMERCIAL_INDUSTRIAL', structure: 'SINGLE' },
    }),
    pass: (a) => (a.tariff.choiceFormSigned = true),
    fail: () => {},
  },
  { rule: 'R-TAR-04', base: hvApplication, fail: (a) => (a.tariff.structure = 'SINGLE') },
  {
    rule: 'R-TAR-05',
    base: () => ({ ...hvApplication(), tariff: { category: 'LARGE_INDUSTRY', structure: 'TWO_PART' } }),
    context: profile({ tariff: { categories: ['RESIDENTIAL', 'AGRICULTURE', 'GENERAL_CI', 'LARGE_INDUSTRY'] } }),
    fail: (a) => (a.industryCode = 'F5191'),
  },
  { rule: 'R-TAR-06', base: hvApplication, fail: (a) => (a.tariff.category = 'RESIDENTIAL') },
  {
    rule: 'R-TAR-07',
    base: () => ({ ...hvApplication(), tariff: { category: 'AGRICULTURE' } }),
    pass: (a) => (a.industryCode = 'A0111'),
    fail: () => {},
  },
  {
    rule: 'R-TAR-08',
    base: () => ({
      ...hvApplication(),
      tariff: {
        category: 'COMMERCIAL_INDUSTRIAL',
        structure: 'TWO_PART',
        capacityChargeBasis: 'CONTRACT_DEMAND',
        contractDemandKw: 600,
      },
    }),
    fail: (a) => (a.tariff.contractDemandKw = 300),
  },
  { rule: 'R-PF-01', base: hvApplication, fail: (a) => (a.powerFactorStandard = '0.85') },
  { rule: 'R-IND-03', base: hvApplication, fail: (a) => (a.industryCode = 'A3411') },
  {
    rule: 'R-IND-01',
    base: hvApplication,
    context: profile({ industry: { classCodes: ['C341', 'C3411'] } }),
    fail: (a) => (a.industryCode = 'C3412'),
  },
  {
    rule: 'R-IND-02',
    base: () => ({ ...hvApplication(), utilityIndustryCode: 'C000' }),
    fail: (a) => (a.utilityIndustryCode = 'H000'),
  },
  {
    rule: 'R-LG-01',
    base: () => ({ ...hvApplication(), loadGrade: 'FIRST' }),
    fail: (a) => (a.supplies = [supply('文三变', '文12线')]),
  },
  {
    rule: 'R-LG-02',
    base: () => ({ ...hvApplication(), loadGrade: 'FIRST_SPECIAL' }),
    pass: (a) => (a.emergencySourceKw = 200),
    fail: () => {},
  },
  { rule: 'R-LG-03', base: hvApplication, fail: (a) => (a.supplies = [supply('文三变', '文12线')]) },
  {
    rule: 'R-LG-05',
    base: hvApplication,
    fail: (a) => (a.supplies = [supply('文三变', '文12线', 'STANDBY'), supply('古荡变', '古05线', 'STANDBY')]),
  },
  {
    rule: 'R-IMP-01',
    base: () => ({ ...hvApplication(), importance: '01' }),
    pass: (a) => a.supplies?.push(supply('三墩变', '三08线', 'STANDBY')),
    fail: () => {},
  },
  {
    rule: 'R-IMP-02',
    base: () => ({ ...hvApplication(), importance: '02' }),
    fail: (a) => (a.supplies = [supply('文三变', '文12线'), supply('文三变', '文13线', 'STANDBY')]),
  },
  {
    rule: 'R-IMP-03',
    base: () => ({ ...hvApplication(), importance: '03' }),
    fail: (a) => (a.supplies = [supply('文三变', '文12线')]),
  },
  {
    rule: 'R-IMP-04',
    base: () => ({ ...hvApplication(), importance: '04' }),
    fail: (a) => (a.supplies = [supply('文三变', '文12线')]),
  },
  {
    rule: 'R-IMP-05',
    base: () => ({ ...hvApplication(), importance: '02', securityLoadKw: 100 }),
    pass: (a) => (a.emergencySourceKw = 150),
    fail: (a) => (a.emergencySourceKw = 100),
  },
  {
    rule: 'R-IMP-06',
    base: () => ({ ...hvApplication(), importance: '03', securityLoadKw: 100, emergencySourceKw: 150 }),
    pass: (a) => (a.separateCircuits = { importantFromOrdinary: true, productionFromLiving: true }),
    fail: (a) => (a.separateCircuits = { importantFromOrdinary: true, productionFromLiving: false }),
  },
  {
    rule: 'R-MET-01',
    base: () => ({ ...lvrApplication(), metering: { method: '3' } }),
    stage: 'SCHEME',
    fail: (a) => (a.metering = { method: '2' }),
  },
  { rule: 'R-MET-02', base: hvApplication, fail: (a) => (a.metering = { method: '3' }) },
  { rule: 'R-MET-08', base: hvApplication, fail: (a) => a.metering && (a.metering.ctRatio = '333/5') },
  {
    rule: 'R-MET-05',
    base: () => ({ ...hvApplication(), metering: { method: '2', ctRatio: '2500/5' } }),
    fail: (a) => (a.metering = { method: '2', ctRatio: '200/5' }),
  },
  { rule: 'R-MET-07', base: hvApplication, fail: (a) => a.metering && (a.metering.overallMultiplier = 2001) },
  {
    rule: 'R-MET-04',
    base: hvApplication,
    pass: (a) => (a.meterInstallation = { atBoundary: false, lossAgreement: '变损由客户承担' }),
    fail: (a) => (a.meterInstallation = { atBoundary: false, lossAgreement: ' ' }),
  },
  {
    rule: 'R-CHG-20',
    base: changeOf('INC_HV'),
    pass: (a) => a.existing && (a.existing.capacityKva = 630),
    fail: () => {},
  },
  { rule: 'R-CHG-21', base: suspensionApplication, fail: (a) => a.existing && (a.existing.capacityKva = 630) },
  { rule: 'R-CHG-02', base: suspensionApplication, fail: (a) => (a.effectiveDate = '2026-06-03') },
  { rule: 'R-CHG-03', base: suspensionApplication, fail: (a) => (a.transformers = [{ ratingKva: 500, count: 1 }]) },
  { rule: 'R-CHG-04', base: suspensionApplication, fail: (a) => (a.endDate = '2026-06-20') },
  {
    rule: 'R-CHG-05',
    base: suspensionApplication,
    pass: (a) => a.existing && (a.existing.suspensionsThisYear = { count: 1, days: 100 }),
    fail: (a) => a.existing && (a.existing.suspensionsThisYear = { count: 1, days: 101 }),
  },
  {
    rule: 'R-CHG-06',
    base: suspensionApplication,
    context: profile({ changeOfUse: { suspensionMaxPerYear: 2 } }),
    pass: (a) => a.existing && (a.existing.suspensionsThisYear = { count: 1, days: 20 }),
    fail: (a) => a.existing && (a.existing.suspensionsThisYear = { count: 2, days: 40 }),
  },
  {
    rule: 'R-CHG-07',
    base: () => ({ ...suspensionApplication(), businessType: 'RED' }),
    pass: (a) => (a.transformers = [{ ratingKva: 500, count: 1 }]),
    fail: (a) => (a.transformers = [{ ratingKva: 800, count: 1 }]),
  },
  {
    rule: 'R-CHG-22',
    base: () => ({ ...suspensionApplication(), businessType: 'SUS_RESTORE' }),
    pass: (a) => a.existing && (a.existing.lastSuspensionDate = '2026-03-01'),
    fail: () => {},
  },
  {
    rule: 'R-CHG-08',
    base: () => ({ ...suspensionApplication(), businessType: 'RED_RESTORE' }),
    pass: (a) => a.existing && (a.existing.lastReductionDate = '2025-01-01'),
    fail: (a) => a.existing && (a.existing.lastReductionDate = '2024-01-01'),
  },
  {
    rule: 'R-CHG-09',
    base: () => ({
      ...suspensionApplication(),
      requestedCapacityKva: 200,
      transformers: [{ ratingKva: 200, count: 1 }],
    }),
    pass: (a) => (a.tariff.structure = 'SINGLE'),
    fail: () => {},
  },
  {
    rule: 'R-CHG-01',
    base: suspensionApplication,
    context: { lookups: { openApplicationsForAccount: [] } },
    failContext: { lookups: { openApplicationsForAccount: ['HZ01-20260601-0003'] } },
    fail: () => {},
  },
  {
    rule: 'R-CHG-10',
    base: () => ({ ...suspensionApplication(), businessType: 'TTX' }),
    pass: (a) => (a.endDate = '2026-08-01'),
    fail: (a) => (a.endDate = '2026-09-01'),
  },
  {
    rule: 'R-CHG-11',
    base: () => ({ ...lvrApplication(), businessType: 'TMR', accountNo: '1234567890', effectiveDate: '2026-06-20' }),
    pass: (a) => (a.endDate = '2026-12-20'),
    fail: (a) => (a.endDate = '2026-12-21'),
  },
  { rule: 'R-CHG-12', base: changeOf('RENAME'), fail: (a) => (a.site.address = '浙江省杭州市西湖区文三路 92 号') },
  {
    rule: 'R-CHG-13',
    base: changeOf('TRANSFER'),
    stage: 'SURVEY',
    fail: (a) => a.existing && (a.existing.arrearsFen = 12_345),
  },
  { rule: 'R-CHG-14', base: changeOf('SPLIT'), fail: (a) => (a.site.address = '浙江省杭州市西湖区文三路 92 号') },
  { rule: 'R-CHG-15', base: changeOf('MERGE'), fail: (a) => (a.site.address = '浙江省杭州市西湖区文三路 92 号') },
  {
    rule: 'R-CHG-16',
    base: changeOf('RELOC'),
    fail: (a) => Object.assign(a, { requestedCapacityKva: 2000, transformers: [{ ratingKva: 1000, count: 2 }] }),
  },
  { rule: 'R-CHG-17', base: changeOf('TARIFF_CHANGE'), fail: (a) => (a.voltageCode = 'AC00201') },
  {
    rule: 'R-CHG-18',
    base: changeOf('TRANSFER'),
    fail: (a) => a.existing && (a.existing.temporaryEndDate = '2026-12-31'),
  },
  {
    rule: 'R-CHG-19',
    base: () => ({ ...hvApplication(), businessType: 'NEW_TEMP' }),
    pass: (a) => (a.endDate = '2026-12-01'),
    fail: (a) => (a.endDate = '2026-12-02'),
  },
  { rule: 'R-DOC-01', base: lvrApplication, fail: (a) => docsWithout(a, 'APPLICATION_FORM') },
  {
    rule: 'R-DOC-02',
    base: lvrApplication,
    fail: (a) => (a.documents = a.documents.map((d) => (d.code === 'ID_PERSON' ? { ...d, status: 'DEFERRED' } : d))),
  },
  {
    rule: 'R-DOC-03',
    base: lvrApplication,
    stage: 'METER_CONNECT',
    pass: (a) => (a.documents = a.documents.map((d) => ({ code: d.code, status: 'RECEIVED' }))),
    fail: () => {},
  },
  { rule: 'R-DOC-04', base: lvrApplication, fail: (a) => docsWithout(a, 'COMMITMENT') },
  {
    rule: 'R-DOC-05',
    base: lvrApplication,
    pass: (a) => a.documents.push({ code: 'LOAD_LIST', status: 'WAIVED', reason: '居民用户无需设备清单' }),
    fail: (a) => a.documents.push({ code: 'LOAD_LIST', status: 'WAIVED', reason: ' ' }),
  },
  {
    rule: 'R-DOC-06',
    base: () => ({ ...lvrApplication(), oneCertificate: true }),
    fail: (a) => docsWithout(a, 'ID_PERSON'),
  },
  { rule: 'R-AD-02', base: lvrApplication, fail: (a) => (a.site.regionCode = '110199') },
  {
    rule: 'R-ID-05',
    base: lvrApplication,
    // 110103 崇文区 was merged into 东城区 in 2010: a real ID keeps it for life.
    fail: (a) => (a.customer.idNumber = ric('11010319491231002')),
  },
  { rule: 'R-TXT-01', base: lvrApplication, fail: (a) => (a.site.address = '北京市东城区东四十条\u202E12 号') },
  { rule: 'R-GATE-01', base: hvApplication, stage: 'METER_CONNECT', fail: (a) => (a.completionCheckPassed = false) },
  {
    rule: 'R-GATE-05',
    base: hvApplication,
    stage: 'CUSTOMER_WORKS',
    pass: (a) =>
      (a.customerWorks = {
        designer: { name: '浙江某某电力设计院有限公司', choice: 'CUSTOMER_CHOICE' },
        contractor: { name: '杭州某某电力工程有限公司', choice: 'CUSTOMER_CHOICE' },
        equipmentSupplier: { name: '某某电气设备有限公司', choice: 'CUSTOMER_CHOICE' },
      }),
    fail: (a) => (a.customerWorks = { contractor: { name: '杭州某某电力工程有限公司', choice: 'OTHER' } }),
  },
  {
    rule: 'R-DUP-01',
    base: lvrApplication,
    failContext: { lookups: { activeAccountsAtAddress: ['1100012345678'] } },
    fail: () => {},
  },
  {
    rule: 'R-DUP-02',
    base: lvrApplication,
    failContext: { lookups: { duplicateOpenApplications: ['BJ01-20260610-0002'] } },
    fail: () => {},
  },
];

const ruleIds = (app: App, stage: Stage, context: Partial<RuleContext>) =>
  evaluate(app, stage, ctx(context)).issues.map((i) => i.ruleId);

describe('rule catalogue', () => {
  it('has a passing and a failing case for every rule', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULES.map((r) => r.id)));
  });
  it('has unique rule ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  describe.each(CASES)('$rule', (c) => {
    const stage = c.stage ?? (c.base().businessType === 'NEW_LVR' || c.base().accountNo ? 'ACCEPT' : 'METER_CONNECT');
    it('is silent on the passing record', () => {
      const app = c.base();
      c.pass?.(app);
      expect(ruleIds(app, stage, c.context ?? {})).not.toContain(c.rule);
    });
    it('reports the failing record with a Chinese message naming what to do', () => {
      const app = c.base();
      c.fail(app);
      const issues = evaluate(app, stage, ctx({ ...c.context, ...c.failContext })).issues.filter(
        (i) => i.ruleId === c.rule,
      );
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
        expect(issue.message).not.toMatch(/\{\w+\}/);
        expect(issue.message).toMatch(/。$/);
      }
    });
  });
});

describe('R-ID-04 names the digits it judged', () => {
  it('says 第 2–3 位 for a foreign permanent-resident card, 前两位 for a 居民身份证', () => {
    const messageFor = (idNumber: string, idType: 'RIC' | 'FOREIGN_PR') => {
      const app = { ...lvrApplication(), customer: { ...lvrApplication().customer, idType, idNumber } };
      return evaluate(app, 'ACCEPT', ctx()).issues.find((issue) => issue.ruleId === 'R-ID-04')?.message ?? '';
    };
    expect(messageFor('990426199112010074', 'FOREIGN_PR')).toContain('第 2–3 位“90”');
    expect(messageFor('990426199112010074', 'FOREIGN_PR')).not.toContain('前两位');
    expect(messageFor('000426199112010074', 'RIC')).toContain('前两位“00”');
  });
});

describe('tariff capacity messages carry the unit the clerk entered', () => {
  const choiceMessage = (app: App) =>
    evaluate(app, 'SCHEME', ctx()).issues.find((issue) => issue.ruleId === 'R-TAR-03')?.message ?? '';
  it('kW for a low-voltage customer (counted as kVA), kVA for high voltage', () => {
    const lv: App = {
      ...lvrApplication(),
      businessType: 'NEW_LVN',
      customerClass: 'LVN',
      voltageCode: 'AC03802',
      requestedCapacityKw: 150,
      tariff: { category: 'COMMERCIAL_INDUSTRIAL', structure: 'SINGLE' },
    };
    expect(choiceMessage(lv)).toContain('容量 150 kW 的工商业用户');
    const hv: App = {
      ...hvApplication(),
      requestedCapacityKva: 200,
      transformers: [{ ratingKva: 200, count: 1 }],
      tariff: { category: 'COMMERCIAL_INDUSTRIAL', structure: 'SINGLE' },
    };
    expect(choiceMessage(hv)).toContain('容量 200 kVA 的工商业用户');
  });
});
