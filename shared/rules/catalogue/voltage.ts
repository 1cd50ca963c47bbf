/** Supply voltage vs customer class and capacity (REFERENCE.md §5.3.1). */
import type { Rule } from '../engine/types';
import { fromStage } from '../engine/stages';
import { newCapacity, voltageOf } from './facts';

export const voltageRules: Rule[] = [
  {
    id: 'R-VC-07',
    title: '供电电压等级须与用户分类一致（低压居民/非居民用低压，高压用户用高压）',
    severity: 'error',
    fields: ['voltageCode', 'customerClass'],
    source: 'REFERENCE §5.3.1 R-VC-07; SRC-SG186-DDL',
    messages: {
      main: '{field}“{voltage}”与用户分类“{cls}”不符：低压用户只能选 220V/380V，高压用户须选 6kV 及以上，请改正其一。',
    },
    check(app, _env, report) {
      const voltage = voltageOf(app.voltageCode);
      if (!voltage || !app.customerClass) return;
      if (voltage.hv !== (app.customerClass === 'HV')) {
        report('voltageCode', 'main', { voltage: voltage.label, cls: app.customerClass === 'HV' ? '高压' : '低压' });
      }
    },
  },
  {
    id: 'R-VC-08',
    title: '供电电压须为本省执行的供电电压等级（原有供电电压不变的业务除外）',
    severity: 'error',
    fields: ['voltageCode', 'existing'],
    source: 'REFERENCE §5.1.12（2024 年规则新增 20kV、66kV 等级 [M]）；省级配置 supply.voltages',
    messages: {
      main: '{field}“{voltage}”不是本省执行的供电电压等级（本省：{offered}），请改选其一；确需其他电压的，须由省公司调整配置。',
    },
    check(app, env, report) {
      const code = app.voltageCode;
      const voltage = voltageOf(code);
      const offered = env.profile.supply.voltages;
      // A change that keeps the service's voltage (过户, 更名, 增容 at the old voltage…) is not a new choice of voltage.
      if (!code || !voltage || offered.includes(code) || app.existing?.voltageCode === code) return;
      const sameClass = offered.flatMap((other) => {
        const level = voltageOf(other);
        return level?.hv === voltage.hv ? [level.label] : [];
      });
      report('voltageCode', 'main', { voltage: voltage.label, offered: sameClass.join('、') });
    },
  },
  {
    id: 'R-VC-01',
    title: '220V 单相供电时单相设备总容量须不足 10 kW',
    severity: 'warning',
    severityNote: '申请容量超过 lvHardMaxKw（默认 160 kW）时为错误',
    fields: ['voltageCode', 'singlePhaseEquipmentKw', 'requestedCapacityKw'],
    source: 'REFERENCE §5.3.1 R-VC-01; SRC-GDYY1996 art 8 [M]; SRC-MFD art 1259（“不足”不含本数）',
    messages: {
      main: '220V 单相供电的{field}应不足 {limit} kW（现为 {kw} kW），请核实或改为 380V 三相供电。',
      hard: '低压供电的{field} {kw} kW 超过低压接入上限 {limit} kW，须改为高压供电，请修改供电电压或申请容量。',
    },
    check(app, env, report) {
      if (app.voltageCode !== 'AC02202') return;
      // Above the LV hard limit no reason makes 220 V acceptable: an error, as R-VC-03 at 380 V.
      const hardMax = env.profile.capacity.lvHardMaxKw;
      if (app.requestedCapacityKw !== undefined && app.requestedCapacityKw > hardMax) {
        return report('requestedCapacityKw', 'hard', { kw: app.requestedCapacityKw, limit: hardMax }, 'error');
      }
      const field = app.singlePhaseEquipmentKw !== undefined ? 'singlePhaseEquipmentKw' : 'requestedCapacityKw';
      const kw = app.singlePhaseEquipmentKw ?? app.requestedCapacityKw;
      const limit = env.profile.capacity.singlePhaseMaxKwExclusive;
      if (kw !== undefined && kw >= limit) report(field, 'main', { kw, limit });
    },
  },
  {
    id: 'R-VC-02',
    title: '220V 单相供电时单台电焊机/换流设备超过 1 kW 须采取电能质量措施',
    severity: 'warning',
    fields: ['voltageCode', 'maxSingleWelderKw'],
    source: 'REFERENCE §5.3.1 R-VC-02; SRC-GDYY1996 art 8 [M]',
    messages: { main: '220V 单相供电时{field}超过 {limit} kW，须落实电能质量治理措施或改为三相供电，请核实后确认。' },
    check(app, env, report) {
      const limit = env.profile.capacity.singlePhaseWelderMaxKw;
      if (app.voltageCode === 'AC02202' && (app.maxSingleWelderKw ?? 0) > limit) {
        report('maxSingleWelderKw', 'main', { limit });
      }
    },
  },
  {
    id: 'R-VC-03',
    title: '380V 低压供电容量上限（城区/农村限值提示，超过硬上限为错误）',
    severity: 'warning',
    severityNote: '超过 lvHardMaxKw（默认 160 kW）时为错误',
    fields: ['voltageCode', 'requestedCapacityKw', 'site.areaType'],
    source: 'REFERENCE §5.3.1 R-VC-03; SRC-GDYY1996 art 9 [M]; SRC-1479; SRC-SH',
    messages: {
      main: '380V 低压供电的{field} {kw} kW 超过{area}低压接入限值 {limit} kW，请核实是否应改为 10kV 高压供电后确认。',
      hard: '380V 低压供电的{field} {kw} kW 超过低压接入上限 {limit} kW，须改为高压供电，请修改供电电压或申请容量。',
    },
    check(app, env, report) {
      const kw = app.requestedCapacityKw;
      if (app.voltageCode !== 'AC03802' || kw === undefined) return;
      const c = env.profile.capacity;
      if (kw > c.lvHardMaxKw) {
        report('requestedCapacityKw', 'hard', { kw, limit: c.lvHardMaxKw }, 'error');
        return;
      }
      // Unknown area counts as rural, the lower limit: the clerk confirms or records the area.
      const urban = app.site.areaType === 'URBAN';
      const limit = urban ? c.lvUrbanMaxKw : c.lvRuralMaxKw;
      if (kw > limit)
        report('requestedCapacityKw', 'main', { kw, limit, area: urban ? '城区' : '农村（或未填城乡类别）' });
    },
  },
  {
    id: 'R-VC-04',
    title: '高压供电而容量低于 50 kVA 属特殊情况，须确认',
    severity: 'warning',
    customerClasses: ['HV'],
    fields: ['voltageCode', 'requestedCapacityKva', 'transformers'],
    source: 'REFERENCE §5.3.1 R-VC-04; SRC-GDYY1996 art 9 [M]',
    messages: {
      main: '高压供电的{field}只有 {kva} kVA（低于 {limit} kVA），通常应低压供电；如确属特殊情况请确认并写明理由。',
    },
    check(app, env, report) {
      const kva = newCapacity(app);
      const limit = env.profile.capacity.hvBelowKvaWarn;
      if (voltageOf(app.voltageCode)?.hv && kva !== undefined && kva > 0 && kva < limit) {
        report('requestedCapacityKva', 'main', { kva, limit });
      }
    },
  },
  {
    id: 'R-VC-05',
    title: '供电电压宜与变压器总容量的推荐区间相符',
    severity: 'warning',
    customerClasses: ['HV'],
    fields: ['voltageCode', 'requestedCapacityKva', 'transformers'],
    source: 'REFERENCE §5.3.1 R-VC-05（国网业扩供电方案编制导则 [M]）',
    messages: { main: '{field} {kv}kV 的推荐容量区间为 {band}，本户 {kva} kVA 不在区间内，请核实供电电压后确认。' },
    check(app, env, report) {
      const voltage = voltageOf(app.voltageCode);
      // The bands are by transformer capacity (HV motors excluded).
      const kva = newCapacity(app);
      if (!voltage?.hv || kva === undefined) return;
      const band = env.profile.capacity.voltageBandsKva.find((b) => b.kv === voltage.kv);
      if (!band || (band.minKva === null && band.maxKva === null)) return;
      if ((band.minKva !== null && kva < band.minKva) || (band.maxKva !== null && kva > band.maxKva)) {
        const shown = `${band.minKva ?? 0}–${band.maxKva ?? '∞'} kVA`;
        report('voltageCode', 'main', { kv: voltage.kv, band: shown, kva });
      }
    },
  },
  {
    id: 'R-VC-06',
    title: '110kV 及以上须按终端变电站设计，供电方案须经省级电网审批（审批方案时起检查）',
    severity: 'error',
    // The approval is of the scheme: required when the scheme is approved (approveScheme) and at every stage after
    // SCHEME, never while the scheme is still being drafted.
    stages: fromStage('FEE'),
    fields: ['voltageCode', 'provincialApproval'],
    source: 'REFERENCE §5.3.1 R-VC-06; SRC-GDYY1996 art 6 [S]',
    messages: {
      main: '{kv}kV 供电须按终端变电站设计，供电方案须经省级电网审批：取得审批后在申请中勾选“{field}”，再审批方案。',
    },
    check(app, env, report) {
      const voltage = voltageOf(app.voltageCode);
      if (voltage && voltage.kv >= env.profile.capacity.terminalSubstationFromKv && app.provincialApproval !== true) {
        report('provincialApproval', 'main', { kv: voltage.kv });
      }
    },
  },
];
