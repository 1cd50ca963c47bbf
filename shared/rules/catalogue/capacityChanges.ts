/**
 * 增容、减容、暂停 and their restorations (REFERENCE.md §3.7, §5.3.6). "Requested capacity" of a 减容/暂停
 * record is the capacity left running after the change.
 */
import type { HolidayCalendar } from '../../calendar/holidayCalendar';
import { addMonths, daysBetween, isIsoDate } from '../../calendar/isoDate';
import type { AppDraft, DraftTransformer } from '../engine/draft';
import type { Rule } from '../engine/types';
import { capacityUnit, existingCapacity, INCREASE_TYPES, newCapacity } from './facts';

const CAPACITY_FIELDS = ['requestedCapacityKw', 'requestedCapacityKva', 'transformers', 'existing'];

/** Whether `part` is a sub-multiset of `whole` by rating (whole transformers only). */
function isSubset(part: readonly DraftTransformer[], whole: readonly DraftTransformer[]): boolean {
  const left = new Map<number, number>();
  for (const t of whole) left.set(t.ratingKva, (left.get(t.ratingKva) ?? 0) + t.count);
  for (const t of part) {
    const n = (left.get(t.ratingKva) ?? 0) - t.count;
    if (n < 0) return false;
    left.set(t.ratingKva, n);
  }
  return true;
}

/** Units as a flat list of ratings. */
const units = (list: readonly DraftTransformer[]): number[] =>
  list.flatMap((t) => Array.from({ length: Math.min(t.count, 100) }, () => t.ratingKva));

/** 减容 leaves whole units, or replaces one unit by a smaller one (REFERENCE.md §5.3.6 R-CHG-07). */
function isWholeUnitReduction(after: readonly DraftTransformer[], before: readonly DraftTransformer[]): boolean {
  if (isSubset(after, before)) return true;
  const a = units(after);
  const b = units(before);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if ((a[i] as number) < (b[j] as number)) {
        const restA = a.filter((_, k) => k !== i).map((ratingKva) => ({ ratingKva, count: 1 }));
        const restB = b.filter((_, k) => k !== j).map((ratingKva) => ({ ratingKva, count: 1 }));
        if (isSubset(restA, restB)) return true;
      }
    }
  }
  return false;
}

/** Days of the planned suspension that fall in the calendar year of its start. */
function plannedDaysThisYear(app: AppDraft): number | undefined {
  const { effectiveDate: start, endDate: end } = app;
  if (!isIsoDate(start) || !isIsoDate(end) || end < start) return undefined;
  const yearEnd = `${start.slice(0, 4)}-12-31`;
  return daysBetween(start, end < yearEnd ? end : yearEnd) + 1;
}

export const capacityChangeRules: Rule[] = [
  {
    id: 'R-CHG-20',
    implements: 'REFERENCE §2.2 增容（容量须增加；R-CHG-16 增容部分）',
    title: '增容后的容量须大于原容量',
    severity: 'error',
    businessTypes: INCREASE_TYPES,
    fields: CAPACITY_FIELDS,
    source: 'REFERENCE §2.2（增容）; issue 4',
    messages: { main: '增容后的{field} {after} 须大于原容量 {before}；容量不变或减少请改办其他业务。' },
    check(app, _env, report) {
      const after = newCapacity(app);
      const before = existingCapacity(app);
      if (after !== undefined && before !== undefined && after <= before) {
        report(app.customerClass === 'HV' ? 'requestedCapacityKva' : 'requestedCapacityKw', 'main', { after, before });
      }
    },
  },
  {
    id: 'R-CHG-21',
    title: '减容、暂停后的运行容量须小于原容量',
    severity: 'error',
    businessTypes: ['RED', 'SUS'],
    fields: CAPACITY_FIELDS,
    source: 'REFERENCE §3.7; SRC-GDYY1996 arts 23–24',
    messages: { main: '减容或暂停后的{field}（运行容量）{after} 须小于原容量 {before}，请核对。' },
    check(app, _env, report) {
      const after = newCapacity(app);
      const before = existingCapacity(app);
      if (after !== undefined && before !== undefined && after >= before) {
        report(app.customerClass === 'HV' ? 'requestedCapacityKva' : 'requestedCapacityKw', 'main', { after, before });
      }
    },
  },
  {
    id: 'R-CHG-02',
    title: '减容、暂停及其恢复须提前 5 个工作日申请',
    severity: 'warning',
    severityNote: '未填生效日期时为错误；日期所在年份未载入节假日表时另给提示',
    businessTypes: ['RED', 'SUS', 'RED_RESTORE', 'SUS_RESTORE'],
    fields: ['applicationDate', 'effectiveDate'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-02; SRC-1583 [M]',
    messages: {
      main: '{field} {date} 距申请日不足 {days} 个工作日（最早 {earliest}）；按规定应提前申请，请与客户确认后确认。',
      missing: '请填写{field}（减容、暂停及恢复的生效日期）。',
      uncovered: '提前申请期按周末推算，可能不准：{gap}',
    },
    check(app, env, report) {
      const { applicationDate: applied, effectiveDate: date } = app;
      if (!isIsoDate(applied)) return;
      if (date === undefined) return report('effectiveDate', 'missing', undefined, 'error');
      if (!isIsoDate(date)) return;
      const days = env.profile.changeOfUse.advanceNoticeWorkdays;
      const earliest = env.calendar.addWorkdays(applied, days);
      if (date < earliest) report('effectiveDate', 'main', { date, days, earliest });
      // Outside the loaded holiday years the count is by weekends only: say so rather than stay silent.
      const gap =
        'coverageWarning' in env.calendar
          ? (env.calendar as HolidayCalendar).coverageWarning(applied, earliest)
          : undefined;
      if (gap) report('effectiveDate', 'uncovered', { gap });
    },
  },
  {
    id: 'R-CHG-03',
    title: '暂停须整台变压器（按需量计费者须全部暂停）',
    severity: 'error',
    businessTypes: ['SUS'],
    fields: ['transformers', 'existing', 'tariff.capacityChargeBasis', 'requestedCapacityKva'],
    source: 'REFERENCE §5.3.6 R-CHG-03; SRC-GDYY1996 art 24 [S]',
    messages: {
      whole: '暂停须以整台变压器为单位：暂停后仍运行的{field}须是原有变压器中的若干整台，请核对。',
      demand: '按需量计收基本电费的用户暂停须暂停全部容量，请把暂停后{field}填为 0。',
    },
    check(app, _env, report) {
      const basis = app.tariff.capacityChargeBasis;
      if (basis === 'CONTRACT_DEMAND' || basis === 'ACTUAL_DEMAND') {
        if ((newCapacity(app) ?? 0) > 0) report('requestedCapacityKva', 'demand');
        return;
      }
      const { transformers: after } = app;
      const before = app.existing.transformers;
      if (after && before && !isSubset(after, before)) report('transformers', 'whole');
    },
  },
  {
    id: 'R-CHG-04',
    title: '每次暂停不少于 15 天（不足者基本电费不减）',
    severity: 'warning',
    businessTypes: ['SUS'],
    fields: ['effectiveDate', 'endDate'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-04; SRC-GDYY1996 art 24 [S]',
    messages: { main: '暂停期只有 {days} 天，少于 {min} 天的暂停不减收基本电费；请向客户说明并核对{field}后确认。' },
    check(app, env, report) {
      const { effectiveDate: start, endDate: end } = app;
      if (!isIsoDate(start) || !isIsoDate(end)) return;
      const days = daysBetween(start, end) + 1;
      const min = env.profile.changeOfUse.suspensionMinDays;
      if (days < min) report('endDate', 'main', { days, min });
    },
  },
  {
    id: 'R-CHG-05',
    title: '一个日历年内累计暂停不超过 6 个月（183 天）',
    severity: 'error',
    businessTypes: ['SUS'],
    fields: ['effectiveDate', 'endDate', 'existing'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-05; SRC-GDYY1996 art 24 [S]; SRC-1583 [M]',
    messages: {
      main: '本年度已暂停 {used} 天，加上本次 {planned} 天将超过全年上限 {max} 天；请缩短暂停期（调整{field}）或改办减容。',
    },
    check(app, env, report) {
      const used = app.existing.suspensionsThisYear?.days ?? 0;
      const planned = plannedDaysThisYear(app) ?? 0;
      const max = env.profile.changeOfUse.suspensionMaxDaysPerYear;
      if (used + planned > max) report('endDate', 'main', { used, planned, max });
    },
  },
  {
    id: 'R-CHG-06',
    title: '一个日历年内暂停次数不超过本省限值（默认不限）',
    severity: 'error',
    businessTypes: ['SUS'],
    fields: ['existing'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-06; SRC-GDYY1996 art 24 [S]',
    messages: { main: '本年度已暂停 {count} 次，本省每年最多 {max} 次，本次暂停不能受理；请与客户协商改办减容。' },
    check(app, env, report) {
      const max = env.profile.changeOfUse.suspensionMaxPerYear;
      const count = app.existing.suspensionsThisYear?.count ?? 0;
      if (max !== null && count + 1 > max) report('existing.suspensionsThisYear', 'main', { count, max });
    },
  },
  {
    id: 'R-CHG-07',
    title: '减容须整台变压器停用或换为小容量变压器',
    severity: 'error',
    businessTypes: ['RED'],
    fields: ['transformers', 'existing'],
    source: 'REFERENCE §5.3.6 R-CHG-07; SRC-GDYY1996 art 23 [S]; SRC-1583 [M]',
    messages: { main: '减容须整台停用变压器或把一台换为小容量变压器，减容后的{field}与原变压器对不上，请核对。' },
    check(app, _env, report) {
      const { transformers: after } = app;
      const before = app.existing.transformers;
      if (after && before && !isWholeUnitReduction(after, before)) report('transformers');
    },
  },
  {
    id: 'R-CHG-22',
    title: '减容恢复、暂停恢复须有对应的减容、暂停记录',
    severity: 'error',
    businessTypes: ['RED_RESTORE', 'SUS_RESTORE'],
    fields: ['existing'],
    source: 'REFERENCE §2.2; issue 4（恢复须在对应的减容/暂停之后）',
    messages: {
      reduction: '该户没有减容记录（{field}为空），不能办理减容恢复；请核对户号或改办增容。',
      suspension: '该户没有暂停记录（{field}为空），不能办理暂停恢复；请核对户号。',
    },
    check(app, _env, report) {
      if (app.businessType === 'RED_RESTORE' && !isIsoDate(app.existing.lastReductionDate)) {
        report('existing.lastReductionDate', 'reduction');
      }
      if (app.businessType === 'SUS_RESTORE' && !isIsoDate(app.existing.lastSuspensionDate)) {
        report('existing.lastSuspensionDate', 'suspension');
      }
    },
  },
  {
    id: 'R-CHG-08',
    title: '减容 2 年后恢复须按新装或增容办理',
    severity: 'error',
    businessTypes: ['RED_RESTORE'],
    fields: ['existing', 'effectiveDate', 'applicationDate'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-08; SRC-1583 [M]',
    messages: {
      main: '从减容日期 {reduced} 到{basis} {on} 已超过 {years} 年，不能办理减容恢复，请改办增容或新装。',
    },
    check(app, env, report) {
      const reduced = app.existing.lastReductionDate;
      // Counted to the day the restoration takes effect; without one, to the application date, else today.
      const [basis, on] = isIsoDate(app.effectiveDate)
        ? ['变更生效日期', app.effectiveDate]
        : isIsoDate(app.applicationDate)
          ? ['申请日期', app.applicationDate]
          : ['今天', env.today];
      const years = env.profile.changeOfUse.reductionRestoreWindowYears;
      if (isIsoDate(reduced) && on > addMonths(reduced, Math.round(years * 12))) {
        report('existing.lastReductionDate', 'main', { reduced, years, basis, on });
      }
    },
  },
  {
    id: 'R-CHG-09',
    title: '减容、暂停后容量低于两部制标准须改执行单一制',
    severity: 'error',
    businessTypes: ['RED', 'SUS'],
    fields: ['tariff.structure', ...CAPACITY_FIELDS],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-09; SRC-1583 [M]',
    messages: {
      main: '减容或暂停后运行容量 {kva} {unit} 低于两部制标准 {limit} kVA，应改执行单一制电价，请修改{field}。',
    },
    check(app, env, report) {
      const kva = newCapacity(app);
      const limit = env.profile.tariff.twoPartFromKva;
      if (app.tariff.structure === 'TWO_PART' && kva !== undefined && kva < limit) {
        report('tariff.structure', 'main', { kva, unit: capacityUnit(app), limit });
      }
    },
  },
];
