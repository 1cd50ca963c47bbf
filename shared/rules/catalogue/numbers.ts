/** Numeric fields and dates (REFERENCE.md §5.2). */
import type { BusinessType } from '../../domain/codes';
import { isIsoDate } from '../../calendar/isoDate';
import type { Rule } from '../engine/types';
import { billingKva, CONNECTION_TYPES, newCapacity, sumKva } from './facts';

/** Types whose record carries the capacity after the change. SUS/RED may end at 0 (whole suspension). */
const CAPACITY_TYPES: readonly BusinessType[] = [
  ...CONNECTION_TYPES,
  'RED',
  'SUS',
  'TTX',
  'RELOC',
  'VOLT_CHANGE',
  'SPLIT',
  'MERGE',
];
const MAY_BE_ZERO: ReadonlySet<BusinessType> = new Set(['RED', 'SUS']);

/** Standard transformer ratings, kVA (REFERENCE.md §5.2, the R10 series). */
const STANDARD_RATINGS = new Set([
  30, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000,
  6300, 8000, 10000, 12500, 16000, 20000, 25000, 31500, 40000, 50000, 63000, 75000, 90000, 120000, 150000, 180000,
  240000,
]);

const DATE_FIELDS = ['applicationDate', 'desiredConnectionDate', 'effectiveDate', 'endDate'] as const;

export const numberRules: Rule[] = [
  {
    id: 'R-NUM-01',
    title: '申请容量须大于 0：低压 kW 至多 3 位小数，高压 kVA 为整数',
    severity: 'error',
    businessTypes: CAPACITY_TYPES,
    fields: ['customerClass', 'requestedCapacityKw', 'requestedCapacityKva', 'transformers'],
    source: 'REFERENCE §5.2',
    messages: {
      lv: '低压用户的{field}须填写大于 0 的千瓦数（最多 3 位小数），请核对后填写。',
      hv: '高压用户的{field}须填写大于 0 的整数千伏安，或列出变压器，请核对后填写。',
    },
    check(app, _env, report) {
      if (!app.customerClass || !app.businessType) return;
      const zeroOk = MAY_BE_ZERO.has(app.businessType);
      if (app.customerClass === 'HV') {
        const kva = app.requestedCapacityKva ?? sumKva(app.transformers);
        if (kva === undefined || !Number.isInteger(kva) || kva < 0 || (kva === 0 && !zeroOk)) {
          report('requestedCapacityKva', 'hv');
        }
      } else {
        const kw = app.requestedCapacityKw;
        const tooFine = kw !== undefined && Math.round(kw * 1000) !== kw * 1000;
        if (kw === undefined || tooFine || kw < 0 || (kw === 0 && !zeroOk)) report('requestedCapacityKw', 'lv');
      }
    },
  },
  {
    id: 'R-NUM-02',
    implements: 'REFERENCE §5.2 申请容量（变压器合计 = 申报容量）',
    title: '变压器容量合计（加高压电动机）须等于申请容量',
    severity: 'error',
    customerClasses: ['HV'],
    fields: ['requestedCapacityKva', 'transformers'],
    source: 'REFERENCE §5.2',
    messages: { main: '变压器容量合计 {sum} kVA 与{field} {declared} kVA 不一致，请核对变压器清单或申请容量。' },
    check(app, _env, report) {
      const sum = sumKva(app.transformers);
      const declared = app.requestedCapacityKva;
      if (sum !== undefined && declared !== undefined && sum !== declared) {
        report('requestedCapacityKva', 'main', { sum, declared });
      }
    },
  },
  {
    id: 'R-NUM-03',
    title: '变压器容量宜在标准系列中',
    severity: 'warning',
    fields: ['transformers'],
    source: 'REFERENCE §5.2',
    messages: { main: '{field}中的 {rating} kVA 不是标准容量系列（如 315、400、500、630 kVA），请核实铭牌容量。' },
    check(app, _env, report) {
      for (const t of app.transformers ?? []) {
        if (!STANDARD_RATINGS.has(t.ratingKva)) report('transformers', 'main', { rating: t.ratingKva });
      }
    },
  },
  {
    id: 'R-NUM-04',
    title: '最大负荷不宜超过申请容量',
    severity: 'warning',
    fields: ['maxDemandKw', 'requestedCapacityKw', 'requestedCapacityKva', 'transformers'],
    source: 'REFERENCE §5.2',
    messages: { main: '{field} {demand} kW 超过申请容量 {capacity}，请核实负荷或申请容量。' },
    check(app, _env, report) {
      const capacity = newCapacity(app);
      if (app.maxDemandKw !== undefined && capacity !== undefined && app.maxDemandKw > capacity) {
        report('maxDemandKw', 'main', { demand: app.maxDemandKw, capacity });
      }
    },
  },
  {
    id: 'R-NUM-05',
    title: '保安负荷不能超过总容量',
    severity: 'error',
    fields: ['securityLoadKw', 'requestedCapacityKw', 'requestedCapacityKva', 'transformers', 'hvMotorKw'],
    source: 'REFERENCE §5.2',
    messages: { main: '{field} {security} kW 超过总容量 {capacity}，请核对保安负荷。' },
    check(app, _env, report) {
      const capacity = billingKva(app);
      if (app.securityLoadKw !== undefined && capacity !== undefined && app.securityLoadKw > capacity) {
        report('securityLoadKw', 'main', { security: app.securityLoadKw, capacity });
      }
    },
  },
  {
    id: 'R-DATE-01',
    title: '日期须为真实日期（YYYY-MM-DD）',
    severity: 'error',
    fields: DATE_FIELDS,
    source: 'REFERENCE §5.2',
    messages: { main: '{field}“{value}”不是有效日期，请按“年-月-日”（如 2026-03-01）重新填写。' },
    check(app, _env, report) {
      for (const field of DATE_FIELDS) {
        const value = app[field];
        if (value !== undefined && value !== '' && !isIsoDate(value))
          report(field, 'main', { value: String(value).slice(0, 20) });
      }
    },
  },
  {
    id: 'R-DATE-02',
    title: '申请日期不能晚于今天',
    severity: 'error',
    fields: ['applicationDate'],
    source: 'REFERENCE §5.2; §8（不得倒签或预填受理日期）',
    messages: { main: '{field} {date} 晚于今天，请填写实际受理的日期。' },
    check(app, env, report) {
      const date = app.applicationDate;
      if (isIsoDate(date) && date > env.today) report('applicationDate', 'main', { date });
    },
  },
  {
    id: 'R-DATE-03',
    title: '期望接电日期不能早于申请日期',
    severity: 'error',
    fields: ['applicationDate', 'desiredConnectionDate'],
    source: 'REFERENCE §5.2',
    messages: { main: '{field} {date} 早于申请日期，请与客户确认后重新填写。' },
    check(app, _env, report) {
      const { applicationDate: from, desiredConnectionDate: date } = app;
      if (isIsoDate(from) && isIsoDate(date) && date < from) report('desiredConnectionDate', 'main', { date });
    },
  },
];
