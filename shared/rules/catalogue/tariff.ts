/** Tariff category and structure, power-factor standard (REFERENCE.md §5.3.2, §5.3.3). */
import type { TariffCategory } from '../../domain/application';
import type { AppDraft } from '../engine/draft';
import { reached } from '../engine/stages';
import type { Rule } from '../engine/types';
import { billingKva, capacityUnit, CONNECTION_TYPES, industrySection } from './facts';

const CI: ReadonlySet<TariffCategory> = new Set(['COMMERCIAL_INDUSTRIAL', 'GENERAL_CI']);
const CATEGORY_LABELS: Record<TariffCategory, string> = {
  RESIDENTIAL: '居民生活',
  AGRICULTURE: '农业生产',
  COMMERCIAL_INDUSTRIAL: '工商业',
  LARGE_INDUSTRY: '大工业',
  GENERAL_CI: '一般工商业',
};
const TARIFF_FIELDS = [
  'tariff.category',
  'tariff.structure',
  'requestedCapacityKw',
  'requestedCapacityKva',
  'transformers',
  'hvMotorKw',
];

const INDUSTRIAL_SECTIONS = new Set(['B', 'C', 'D']);

/** The structure is chosen in the scheme: before SCHEME only a recorded wrong choice is reported. */
const structureDecided = (app: AppDraft, stageIndex: number): boolean =>
  app.tariff.structure !== undefined || reached(stageIndex, 'SCHEME');

/** 功率因数考核标准 derived per 功率因数调整电费办法 (SRC-PF1983 [M]), REFERENCE.md §5.3.3. */
function derivedPowerFactor(app: AppDraft, kva: number, hvIndustrialAbove: number, from: number): string {
  const category = app.tariff.category;
  if (category === 'RESIDENTIAL' || kva < from) return 'NONE';
  if (category === 'AGRICULTURE') return '0.80';
  const industrial = category === 'LARGE_INDUSTRY' || INDUSTRIAL_SECTIONS.has(industrySection(app.industryCode) ?? '');
  if (app.customerClass === 'HV' && industrial && kva > hvIndustrialAbove) return '0.90';
  return '0.85';
}

export const tariffRules: Rule[] = [
  {
    id: 'R-TAR-01',
    title: '电价类别须为本省执行的类别',
    severity: 'error',
    fields: ['tariff.category'],
    source: 'REFERENCE §5.3.2 R-TAR-01; SRC-526',
    messages: { main: '本省不执行“{category}”{field}，请从 {allowed} 中选择。' },
    check(app, env, report) {
      const category = app.tariff.category;
      const allowed = env.profile.tariff.categories;
      if (category && !allowed.includes(category)) {
        report('tariff.category', 'main', {
          category: CATEGORY_LABELS[category],
          allowed: allowed.map((c) => CATEGORY_LABELS[c]).join('、'),
        });
      }
    },
  },
  {
    id: 'R-TAR-02',
    title: '工商业 100 kVA 及以下只能执行单一制电价',
    severity: 'error',
    fields: TARIFF_FIELDS,
    source: 'REFERENCE §5.3.2 R-TAR-02; SRC-526',
    messages: {
      main: '工商业用户容量 {kva} {unit}（{limit} {unit} 及以下）只能执行单一制电价，请把{field}改为单一制。',
    },
    check(app, env, report) {
      const kva = billingKva(app);
      const limit = env.profile.tariff.singlePartOnlyMaxKva;
      if (
        CI.has(app.tariff.category as TariffCategory) &&
        kva !== undefined &&
        kva <= limit &&
        app.tariff.structure === 'TWO_PART'
      ) {
        report('tariff.structure', 'main', { kva, unit: capacityUnit(app), limit });
      }
    },
  },
  {
    id: 'R-TAR-03',
    title: '工商业 100–315 kVA 由客户选择单一制或两部制，须有签字的选择确认单',
    severity: 'warning',
    fields: [...TARIFF_FIELDS, 'tariff.choiceFormSigned'],
    source: 'REFERENCE §5.3.2 R-TAR-03; SRC-526',
    messages: { main: '容量 {kva} {unit} 的工商业用户可自选单一制或两部制，请记录客户的选择并收取签字的{field}。' },
    check(app, env, report) {
      const kva = billingKva(app);
      const t = env.profile.tariff;
      if (!CI.has(app.tariff.category as TariffCategory) || kva === undefined) return;
      if (kva > t.singlePartOnlyMaxKva && kva < t.twoPartFromKva && structureDecided(app, env.stageIndex)) {
        if (app.tariff.structure === undefined || app.tariff.choiceFormSigned !== true) {
          report('tariff.choiceFormSigned', 'main', { kva, unit: capacityUnit(app) });
        }
      }
    },
  },
  {
    id: 'R-TAR-04',
    title: '工商业 315 kVA 及以上执行两部制（存量单一制用户可保留，提示）',
    severity: 'error',
    severityNote: '变更类业务中原为单一制的存量用户为警告',
    fields: TARIFF_FIELDS,
    source: 'REFERENCE §5.3.2 R-TAR-04; SRC-526; SRC-MFD art 1259（“及以上”含 315）',
    messages: {
      main: '工商业用户容量 {kva} {unit}（{limit} {unit} 及以上）应执行两部制电价，请把{field}改为两部制。',
      existing: '存量用户容量 {kva} {unit} 已达两部制标准但仍执行单一制；可按规定保留，请向客户说明后确认。',
    },
    check(app, env, report) {
      const kva = billingKva(app);
      const limit = env.profile.tariff.twoPartFromKva;
      if (!CI.has(app.tariff.category as TariffCategory) || kva === undefined || kva < limit) return;
      if (app.tariff.structure === 'TWO_PART' || !structureDecided(app, env.stageIndex)) return;
      const isNew = app.businessType !== undefined && CONNECTION_TYPES.includes(app.businessType);
      const unit = capacityUnit(app);
      if (!isNew && app.existing.tariffStructure === 'SINGLE')
        report('tariff.structure', 'existing', { kva, unit }, 'warning');
      else report('tariff.structure', 'main', { kva, unit, limit });
    },
  },
  {
    id: 'R-TAR-05',
    title: '大工业电价须为工业生产用电且容量 315 kVA 及以上（减容、暂停后低于标准须改单一制）',
    severity: 'error',
    fields: [...TARIFF_FIELDS, 'industryCode'],
    source: 'REFERENCE §5.3.2 R-TAR-05; SRC-973 [M]; SRC-1583 [M]',
    messages: {
      capacity: '大工业电价要求受电容量 {limit} kVA 及以上，本户为 {kva} {unit}，请改为一般工商业（单一制）{field}。',
      industry: '大工业电价只适用于工业生产用电，但国民经济行业分类为 {section} 门类，请核对{field}或行业分类。',
    },
    check(app, env, report) {
      if (app.tariff.category !== 'LARGE_INDUSTRY') return;
      const kva = billingKva(app);
      const limit = env.profile.tariff.largeIndustryFromKva;
      if (kva !== undefined && kva < limit)
        report('tariff.category', 'capacity', { kva, unit: capacityUnit(app), limit });
      const section = industrySection(app.industryCode);
      if (section && !INDUSTRIAL_SECTIONS.has(section)) report('tariff.category', 'industry', { section });
    },
  },
  {
    id: 'R-TAR-06',
    title: '居民生活电价一般只用于低压居民个人用户',
    severity: 'warning',
    fields: ['tariff.category', 'customerClass', 'customer.kind'],
    source: 'REFERENCE §5.3.2 R-TAR-06; SRC-973 [M]',
    messages: {
      main: '居民生活{field}通常只用于住宅的个人用户；本户为{who}，除合表居民小区或执行居民电价的学校、福利机构等情形外，请改选电价类别后确认。',
    },
    check(app, _env, report) {
      if (app.tariff.category !== 'RESIDENTIAL') return;
      const who =
        app.customer.kind === 'ORG' ? '单位' : app.customerClass && app.customerClass !== 'LVR' ? '非低压居民' : '';
      if (who) report('tariff.category', 'main', { who });
    },
  },
  {
    id: 'R-TAR-07',
    title: '农业生产电价须为农林牧渔业（A 门类）或排灌用电',
    severity: 'warning',
    fields: ['tariff.category', 'industryCode', 'utilityIndustryCode'],
    source: 'REFERENCE §5.3.2 R-TAR-07; SRC-973 [M]',
    messages: {
      main: '农业生产{field}只适用于农、林、牧、渔业（行业分类 A 门类）或排灌用电，请核对电价类别或行业分类。',
    },
    check(app, _env, report) {
      if (app.tariff.category !== 'AGRICULTURE' || app.utilityIndustryCode === '05A0') return;
      if (industrySection(app.industryCode) !== 'A') report('tariff.category');
    },
  },
  {
    id: 'R-TAR-08',
    title: '按合约需量计费时合同最大需量不低于容量的 40%',
    severity: 'error',
    fields: [
      'tariff.capacityChargeBasis',
      'tariff.contractDemandKw',
      'transformers',
      'requestedCapacityKva',
      'hvMotorKw',
    ],
    source: 'REFERENCE §5.3.2 R-TAR-08; SRC-1583 [M]',
    messages: {
      main: '按合约需量计收基本电费时，{field}不得低于变压器与高压电动机容量之和的 {percent}%（{min} kW），请调整。',
      missing: '选择按合约需量计收基本电费时须填写{field}。',
    },
    check(app, env, report) {
      if (app.tariff.capacityChargeBasis !== 'CONTRACT_DEMAND') return;
      const kva = billingKva(app);
      const demand = app.tariff.contractDemandKw;
      if (demand === undefined) return report('tariff.contractDemandKw', 'missing');
      const fraction = env.profile.tariff.contractDemandMinFraction;
      if (kva !== undefined && demand < fraction * kva) {
        report('tariff.contractDemandKw', 'main', {
          percent: Math.round(fraction * 100),
          min: Math.ceil(fraction * kva),
        });
      }
    },
  },
  {
    id: 'R-PF-01',
    title: '功率因数考核标准须与用户类别和容量相符',
    severity: 'warning',
    fields: [
      'powerFactorStandard',
      'tariff.category',
      'industryCode',
      'requestedCapacityKw',
      'requestedCapacityKva',
      'transformers',
      'hvMotorKw',
    ],
    source: 'REFERENCE §5.3.3 R-PF-01; SRC-PF1983 [M]',
    messages: { main: '{field}记为 {recorded}，按用户类别和容量应为 {derived}，请核对后确认。' },
    check(app, env, report) {
      const recorded = app.powerFactorStandard;
      const kva = billingKva(app);
      if (recorded === undefined || kva === undefined || !app.tariff.category) return;
      const p = env.profile.powerFactor;
      const derived = derivedPowerFactor(app, kva, p.hvIndustrialAboveKva, p.assessedFromKva);
      const shown = (v: string) => (v === 'NONE' ? '不考核' : v);
      if (recorded !== derived)
        report('powerFactorStandard', 'main', { recorded: shown(recorded), derived: shown(derived) });
    },
  },
];
