/** Changes to an existing account (REFERENCE.md §3.7, §5.3.6): one flow at a time, same-site rules, deadlines. */
import { BUSINESS_TYPE_INFO, type BusinessType } from '../../domain/codes';
import { addMonths, isIsoDate } from '../../calendar/isoDate';
import type { AppDraft } from '../engine/draft';
import { fromStage, reached } from '../engine/stages';
import type { Rule } from '../engine/types';
import { addressKey, existingCapacity, isBlank, newCapacity, voltageOf } from './facts';

const CHANGE_TYPES = (Object.keys(BUSINESS_TYPE_INFO) as BusinessType[]).filter(
  (t) => BUSINESS_TYPE_INFO[t].needsAccount,
);
const capacityField = (app: AppDraft): string =>
  app.customerClass === 'HV' ? 'requestedCapacityKva' : 'requestedCapacityKw';
const sameAddress = (app: AppDraft): boolean | undefined => {
  const now = addressKey(app.site.address);
  const before = addressKey(app.existing.address);
  return now === undefined || before === undefined ? undefined : now === before;
};
/** Both supply points recorded and not the same (spaces and punctuation ignored). */
const differentSupplyPoint = (app: AppDraft): boolean => {
  const now = addressKey(app.site.supplyPoint);
  const before = addressKey(app.existing.supplyPoint);
  return now !== undefined && before !== undefined && now !== before;
};
const supplyPoints = (app: AppDraft) => ({
  now: (app.site.supplyPoint ?? '').trim().slice(0, 40),
  before: (app.existing.supplyPoint ?? '').trim().slice(0, 40),
});
/** 并户: capacities of the merged accounts in the class's unit (HV kVA, else kW); those without one are skipped. */
const mergedCapacities = (app: AppDraft): number[] =>
  (app.existing.mergedAccounts ?? [])
    .map((m) => (app.customerClass === 'HV' ? m.capacityKva : m.capacityKw))
    .filter((c): c is number => c !== undefined);
/** Where the change starts: the effective date, else the application date. */
const startOf = (app: AppDraft): string | undefined =>
  isIsoDate(app.effectiveDate) ? app.effectiveDate : isIsoDate(app.applicationDate) ? app.applicationDate : undefined;

/** Changes a temporary supply may not undergo (REFERENCE.md §5.3.6 R-CHG-18; SRC-GDYY1996 art 12). */
const NOT_FOR_TEMPORARY: readonly BusinessType[] = [
  'INC_LVN',
  'INC_HV',
  'RED',
  'SUS',
  'TTX',
  'RELOC',
  'RENAME',
  'TRANSFER',
  'SPLIT',
  'MERGE',
  'VOLT_CHANGE',
  'TARIFF_CHANGE',
];

/** When arrears must be settled: 过户/分户/并户 before acceptance completes, 更名/销户 before archiving (§4.3). */
const ARREARS_DUE: Partial<Record<BusinessType, 'SURVEY' | 'ARCHIVE'>> = {
  TRANSFER: 'SURVEY',
  SPLIT: 'SURVEY',
  MERGE: 'SURVEY',
  CLOSE: 'ARCHIVE',
  RENAME: 'ARCHIVE',
};

export const accountChangeRules: Rule[] = [
  {
    id: 'R-CHG-01',
    title: '同一户号同时只能有一笔在途业务（销户须无在途业务）',
    severity: 'error',
    businessTypes: CHANGE_TYPES,
    fields: ['accountNo'],
    source: 'REFERENCE §5.3.6 R-CHG-01 [P]',
    messages: { main: '{field} {accountNo} 还有未办结的业务 {others}，请先办结或终止该业务再受理。' },
    check(app, env, report) {
      const others = env.lookups.openApplicationsForAccount;
      if (!isBlank(app.accountNo) && others && others.length > 0) {
        report('accountNo', 'main', { accountNo: app.accountNo.trim(), others: others.slice(0, 5).join('、') });
      }
    },
  },
  {
    id: 'R-CHG-10',
    title: '暂换期限：10kV 及以下不超过 2 个月，35kV 及以上不超过 3 个月',
    severity: 'error',
    businessTypes: ['TTX'],
    fields: ['effectiveDate', 'endDate', 'voltageCode'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-10; SRC-GDYY1996 art 25 [S]',
    messages: {
      main: '暂换期限最长 {months} 个月，{field}最晚为 {latest}，请调整。',
      missing: '办理暂换须填写{field}（暂换到期日）。',
    },
    check(app, env, report) {
      const start = startOf(app);
      if (start === undefined) return;
      if (!isIsoDate(app.endDate)) return report('endDate', 'missing');
      const c = env.profile.changeOfUse;
      const months = (voltageOf(app.voltageCode)?.kv ?? 0) >= 35 ? c.swapMaxMonthsFrom35kV : c.swapMaxMonthsUpTo10kV;
      const latest = addMonths(start, months);
      if (app.endDate > latest) report('endDate', 'main', { months, latest });
    },
  },
  {
    id: 'R-CHG-11',
    title: '暂拆不超过 6 个月；超过 6 个月复装按新装办理',
    severity: 'error',
    businessTypes: ['TMR', 'TMR_RESTORE'],
    fields: ['effectiveDate', 'endDate', 'applicationDate', 'existing'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-11; SRC-GDYY1996 art 28 [M]',
    messages: {
      main: '暂拆期限最长 {months} 个月，{field}最晚为 {latest}，请调整。',
      restore: '暂拆日期 {removed} 至今已超过 {months} 个月，不能办理复装，请改办新装。',
    },
    check(app, env, report) {
      const months = env.profile.changeOfUse.meterRemovalMaxMonths;
      if (app.businessType === 'TMR') {
        const start = startOf(app);
        if (start && isIsoDate(app.endDate) && app.endDate > addMonths(start, months)) {
          report('endDate', 'main', { months, latest: addMonths(start, months) });
        }
        return;
      }
      const removed = app.existing.meterRemovedDate;
      const on = isIsoDate(app.applicationDate) ? app.applicationDate : env.today;
      if (isIsoDate(removed) && on > addMonths(removed, months)) {
        report('existing.meterRemovedDate', 'restore', { removed, months });
      }
    },
  },
  {
    id: 'R-CHG-12',
    title: '更名、过户时用电地址、容量、电价类别不变',
    severity: 'error',
    businessTypes: ['RENAME', 'TRANSFER'],
    fields: [
      'site.address',
      'tariff.category',
      'requestedCapacityKw',
      'requestedCapacityKva',
      'transformers',
      'existing',
    ],
    source: 'REFERENCE §5.3.6 R-CHG-12; SRC-GDYY1996 art 29 [M]',
    messages: {
      address: '更名、过户不能改变{field}（原为“{before}”）；迁址请另办迁址业务。',
      capacity: '更名、过户不能改变容量（原为 {before}），请恢复{field}或另办增容、减容。',
      category: '更名、过户不能改变{field}，请恢复原电价类别或另办改类。',
    },
    check(app, _env, report) {
      if (sameAddress(app) === false)
        report('site.address', 'address', { before: (app.existing.address ?? '').slice(0, 60) });
      const before = existingCapacity(app);
      const after = newCapacity(app);
      if (before !== undefined && after !== undefined && before !== after)
        report(capacityField(app), 'capacity', { before });
      const category = app.existing.tariffCategory;
      if (category && app.tariff.category && category !== app.tariff.category) report('tariff.category', 'category');
    },
  },
  {
    id: 'R-CHG-13',
    title: '过户、分户、并户、更名、销户办结前须结清电费',
    severity: 'error',
    businessTypes: ['TRANSFER', 'SPLIT', 'MERGE', 'CLOSE', 'RENAME'],
    stages: fromStage('SURVEY'),
    fields: ['existing'],
    source: 'REFERENCE §4.3, §5.3.6 R-CHG-13; SRC-GDYY1996 arts 29–32 [M]',
    messages: {
      unchecked: '尚未核查欠费（{field}为空），请在营销系统查询欠费并填写后再办理。',
      owed: '该户尚欠电费 {yuan} 元，须结清后才能继续办理。',
    },
    check(app, env, report) {
      const due = app.businessType && ARREARS_DUE[app.businessType];
      if (!due || !reached(env.stageIndex, due)) return;
      const fen = app.existing.arrearsFen;
      if (fen === undefined) report('existing.arrearsFen', 'unchecked');
      else if (fen > 0) report('existing.arrearsFen', 'owed', { yuan: (fen / 100).toFixed(2) });
    },
  },
  {
    id: 'R-CHG-14',
    title: '分户须同一用电地址，分出容量不超过原容量',
    severity: 'error',
    businessTypes: ['SPLIT'],
    fields: ['site.address', 'requestedCapacityKw', 'requestedCapacityKva', 'transformers', 'existing'],
    source: 'REFERENCE §5.3.6 R-CHG-14; SRC-GDYY1996 art 30 [M]',
    messages: {
      address: '分户须在原用电地址办理，{field}与原地址不同；请核对或另办新装。',
      capacity: '分户后的{field} {after} 超过原容量 {before}，总容量不能增加，请核对。',
    },
    check(app, _env, report) {
      if (sameAddress(app) === false) report('site.address', 'address');
      const before = existingCapacity(app);
      const after = newCapacity(app);
      if (before !== undefined && after !== undefined && after > before)
        report(capacityField(app), 'capacity', { after, before });
    },
  },
  {
    id: 'R-CHG-15',
    title: '并户须同一用电地址、同一供电点，并户后容量不超过各户容量之和',
    severity: 'error',
    businessTypes: ['MERGE'],
    fields: [
      'site.address',
      'site.supplyPoint',
      'requestedCapacityKw',
      'requestedCapacityKva',
      'transformers',
      'existing',
    ],
    source: 'REFERENCE §5.3.6 R-CHG-15; SRC-GDYY1996 art 31 [M]',
    messages: {
      main: '并户须为同一地址、同一供电点的相邻用户，{field}与原地址不同，请核对。',
      supplyPoint: '并户须为同一供电点的用户，{field}“{now}”与原供电点“{before}”不同，请核对。',
      capacity:
        '并户后的{field} {after} 超过各户容量之和 {sum}（本户 {before}，并入户 {merged}），并户不能增加容量；超出部分请另办增容。',
      unlisted:
        '并户后的{field} {after} 大于本户原容量 {before}：请在原用电信息中登记并入户的户号和容量（并户后容量不能超过各户容量之和）。',
    },
    check(app, _env, report) {
      if (sameAddress(app) === false) report('site.address');
      if (differentSupplyPoint(app)) report('site.supplyPoint', 'supplyPoint', supplyPoints(app));
      const before = existingCapacity(app);
      const after = newCapacity(app);
      if (before === undefined || after === undefined) return;
      const merged = mergedCapacities(app);
      if (merged.length === 0) {
        if (after > before) report(capacityField(app), 'unlisted', { after, before });
        return;
      }
      const sum = merged.reduce((total, c) => total + c, before);
      if (after > sum) report(capacityField(app), 'capacity', { after, sum, before, merged: merged.join(' + ') });
    },
  },
  {
    id: 'R-CHG-16',
    title: '迁址：新址在另一供电点按新装办理，容量大于原容量的部分须办增容',
    severity: 'error',
    businessTypes: ['RELOC'],
    fields: ['site.supplyPoint', 'requestedCapacityKw', 'requestedCapacityKva', 'transformers', 'existing'],
    source: 'REFERENCE §5.3.6 R-CHG-16; SRC-GDYY1996 art 26 [M]',
    messages: {
      main: '迁址后{field} {after} 大于原容量 {before}，超出部分须另办增容，请按原容量填写迁址申请。',
      supplyPoint: '新址的{field}“{now}”与原供电点“{before}”不同：迁往另一供电点的须按新装办理，请改办新装。',
    },
    check(app, _env, report) {
      if (differentSupplyPoint(app)) report('site.supplyPoint', 'supplyPoint', supplyPoints(app));
      const before = existingCapacity(app);
      const after = newCapacity(app);
      if (before !== undefined && after !== undefined && after > before)
        report(capacityField(app), 'main', { after, before });
    },
  },
  {
    id: 'R-CHG-17',
    title: '改类须为同一受电装置（容量、电压不变）',
    severity: 'error',
    businessTypes: ['TARIFF_CHANGE'],
    fields: ['voltageCode', 'requestedCapacityKw', 'requestedCapacityKva', 'transformers', 'existing'],
    source: 'REFERENCE §5.3.6 R-CHG-17; SRC-GDYY1996 art 35 [M]',
    messages: {
      capacity: '改类只改变电价类别，{field}须与原容量 {before} 相同；容量变化请另办增容或减容。',
      voltage: '改类只改变电价类别，{field}须与原供电电压相同；改电压请另办改压。',
    },
    check(app, _env, report) {
      const before = existingCapacity(app);
      const after = newCapacity(app);
      if (before !== undefined && after !== undefined && before !== after)
        report(capacityField(app), 'capacity', { before });
      const voltage = app.existing.voltageCode;
      if (voltage && app.voltageCode && voltage !== app.voltageCode) report('voltageCode', 'voltage');
    },
  },
  {
    id: 'R-CHG-18',
    title: '临时用电户不得办理过户、增容等变更，转正式用电须办新装',
    severity: 'error',
    businessTypes: NOT_FOR_TEMPORARY,
    fields: ['businessType', 'existing'],
    source: 'REFERENCE §5.3.6 R-CHG-18; SRC-GDYY1996 art 12 [S]',
    messages: { main: '该户为临时用电（到期日 {end}），不能办理“{type}”；转为正式用电请办理新装。' },
    check(app, _env, report) {
      const end = app.existing.temporaryEndDate;
      if (isIsoDate(end) && app.businessType) {
        report('businessType', 'main', { end, type: BUSINESS_TYPE_INFO[app.businessType].label });
      }
    },
  },
  {
    id: 'R-CHG-19',
    title: '临时用电期限不超过 6 个月，延期须晚于原到期日，连同历次延期不超过 3 年',
    severity: 'error',
    businessTypes: ['NEW_TEMP', 'TEMP_EXTEND'],
    fields: ['endDate', 'desiredConnectionDate', 'applicationDate', 'existing'],
    source: 'REFERENCE §3.7, §5.3.6 R-CHG-19; SRC-GDYY1996 art 12 [S]',
    messages: {
      missing: '临时用电须填写{field}（用电截止日期）。',
      tooLong: '临时用电期限最长 {months} 个月，{field}最晚为 {latest}；需要更长时间请到期前办理延期。',
      notLater: '延期后的{field} {end} 须晚于原到期日 {current}，请核对。',
      noStart: '临时用电延期须填写{field}（原临时用电开始日期），以核对连同历次延期不超过 {years} 年。',
      hardCap: '临时用电自 {start} 开始，连同历次延期最长 {years} 年，{field}最晚为 {latest}；长期用电请办理新装。',
    },
    check(app, env, report) {
      const end = app.endDate;
      if (!isIsoDate(end)) return report('endDate', 'missing');
      if (app.businessType === 'TEMP_EXTEND') {
        const current = app.existing.temporaryEndDate;
        if (isIsoDate(current) && end <= current) report('endDate', 'notLater', { end, current });
        // The cap runs from the base application's start; the hall's own record of it wins over a later typed date.
        const years = env.profile.changeOfUse.temporarySupplyHardMaxYears;
        const starts = [env.lookups.temporarySupplyStart, app.existing.temporaryStartDate].filter(isIsoDate).sort();
        const start = starts[0];
        if (start === undefined) return report('existing.temporaryStartDate', 'noStart', { years });
        const latest = addMonths(start, years * 12);
        if (end > latest) report('endDate', 'hardCap', { start, years, latest });
        return;
      }
      const start = isIsoDate(app.desiredConnectionDate) ? app.desiredConnectionDate : startOf(app);
      const months = env.profile.changeOfUse.temporarySupplyMaxMonths;
      if (start && end > addMonths(start, months))
        report('endDate', 'tooLong', { months, latest: addMonths(start, months) });
    },
  },
];
