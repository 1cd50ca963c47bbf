/** Metering method, CT selection and the overall multiplier (REFERENCE.md §5.3.5). */
import type { Rule } from '../engine/types';
import { fromStage } from '../engine/stages';
import { newCapacity, voltageOf } from './facts';

/** Standard CT primary currents, A; secondary 5 A or 1 A (REFERENCE.md §5.2). */
const CT_PRIMARIES = new Set([
  5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 250, 300, 400, 500, 600, 750, 800, 1000, 1200, 1500, 2000, 2500,
  3000, 4000, 5000, 6000,
]);

/** "400/5" → [400, 5]; undefined when not a ratio of two positive numbers. */
function ratio(text: string | undefined): [number, number] | undefined {
  const m = text === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a > 0 && b > 0 ? [a, b] : undefined;
}

const common = { stages: fromStage('SCHEME') };

export const meteringRules: Rule[] = [
  {
    id: 'R-MET-01',
    title: '低压供电须低供低计',
    severity: 'error',
    ...common,
    fields: ['voltageCode', 'metering.method'],
    source: 'REFERENCE §5.3.5 R-MET-01; SRC-SG-CODES',
    messages: { main: '低压供电的{field}只能是“低供低计”，请改正。' },
    check(app, _env, report) {
      const method = app.metering?.method;
      if (method && voltageOf(app.voltageCode)?.hv === false && method !== '3') report('metering.method');
    },
  },
  {
    id: 'R-MET-02',
    title: '高压供电须高供高计或高供低计；315 kVA 及以上宜高供高计',
    severity: 'warning',
    ...common,
    fields: ['voltageCode', 'metering.method', 'transformers', 'requestedCapacityKva'],
    source: 'REFERENCE §5.3.5 R-MET-02 [P]',
    messages: {
      lowSide: '高压供电的{field}不能是“低供低计”，请选择高供高计或高供低计。',
      large: '容量 {kva} kVA（{limit} kVA 及以上）通常采用高供高计，当前为高供低计（需加计变损），请核实后确认。',
    },
    check(app, env, report) {
      const method = app.metering?.method;
      if (!method || !voltageOf(app.voltageCode)?.hv) return;
      if (method === '3') return report('metering.method', 'lowSide');
      const kva = newCapacity(app);
      const limit = env.profile.metering.hvHighSideFromKva;
      if (method === '2' && kva !== undefined && kva >= limit) report('metering.method', 'large', { kva, limit });
    },
  },
  {
    id: 'R-MET-08',
    title: '电流互感器变比须为标准一次电流 / 5A 或 1A',
    severity: 'error',
    ...common,
    fields: ['metering.ctRatio'],
    source: 'REFERENCE §5.2（CT ratio）',
    messages: {
      main: '{field}“{value}”不正确：应写成“一次电流/二次电流”，一次电流取标准值（如 400），二次电流为 5 或 1，请改正。',
    },
    check(app, _env, report) {
      const text = app.metering?.ctRatio;
      if (text === undefined || text.trim() === '') return;
      const r = ratio(text);
      if (!r || !CT_PRIMARIES.has(r[0]) || (r[1] !== 5 && r[1] !== 1))
        report('metering.ctRatio', 'main', { value: text.slice(0, 16) });
    },
  },
  {
    id: 'R-MET-05',
    title: '高供低计的电流互感器一次电流须与容量匹配（正常负荷不低于额定的 30%）',
    severity: 'warning',
    ...common,
    fields: ['metering.method', 'metering.ctRatio', 'transformers', 'requestedCapacityKva'],
    source: 'REFERENCE §5.3.5 R-MET-05; SRC-DLT448 [M]',
    messages: {
      main: '按容量 {kva} kVA 计算低压侧额定电流约 {amps} A，{field}一次电流 {primary} A 偏{direction}（宜使正常负荷约为额定的 60%、不低于 30%），请核实后确认。',
    },
    check(app, env, report) {
      const r = ratio(app.metering?.ctRatio);
      const kva = newCapacity(app);
      if (app.metering?.method !== '2' || !r || kva === undefined) return;
      const amps = kva * env.profile.metering.lvAmperesPerKva;
      const load = amps / r[0];
      if (load < env.profile.metering.ctMinLoadFraction || load > 1.2) {
        report('metering.ctRatio', 'main', {
          kva,
          amps: Math.round(amps),
          primary: r[0],
          direction: load < 1 ? '大' : '小',
        });
      }
    },
  },
  {
    id: 'R-MET-07',
    title: '综合倍率须等于电能表倍率 × CT 变比 × PT 变比',
    severity: 'error',
    ...common,
    fields: ['metering.ctRatio', 'metering.ptRatio', 'metering.meterMultiplier', 'metering.overallMultiplier'],
    source: 'REFERENCE §5.3.5 R-MET-07; SRC-SG186-DDL',
    messages: { main: '{field}应为 {expected}（电能表倍率 × CT 变比 × PT 变比），现填 {entered}，请改正。' },
    check(app, _env, report) {
      const m = app.metering;
      if (!m || m.overallMultiplier === undefined) return;
      const ct = ratio(m.ctRatio);
      const pt = ratio(m.ptRatio);
      const expected = (m.meterMultiplier ?? 1) * (ct ? ct[0] / ct[1] : 1) * (pt ? pt[0] / pt[1] : 1);
      if (Math.abs(expected - m.overallMultiplier) > 1e-6 * Math.max(1, expected)) {
        report('metering.overallMultiplier', 'main', {
          expected: Number(expected.toFixed(6)),
          entered: m.overallMultiplier,
        });
      }
    },
  },
  {
    id: 'R-MET-04',
    title: '计量装置装于产权分界处；另行安装的须约定线损、变损承担（装表接电时检查）',
    severity: 'warning',
    // Checked from 装表接电 on, where the meter is installed and its place recorded (REFERENCE §5.3.5); the
    // scheme's planned metering point gets the same advice earlier (shared/rules/schemeAdvice.ts).
    stages: fromStage('METER_CONNECT'),
    fields: ['meterInstallation.atBoundary', 'meterInstallation.lossAgreement'],
    source: 'REFERENCE §5.3.5 R-MET-04; SRC-TL art 26',
    messages: {
      main: '计量装置登记为不在产权分界处安装：计量装置原则上装在产权分界处，另行安装的须约定线损、变损由谁承担。请填写{field}，或核实后确认并写明理由。',
    },
    check(app, _env, report) {
      const installed = app.meterInstallation;
      if (installed?.atBoundary === false && !installed.lossAgreement?.trim()) {
        report('meterInstallation.lossAgreement');
      }
    },
  },
];
