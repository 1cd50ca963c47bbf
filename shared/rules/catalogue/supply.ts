/**
 * Load grade, importance and supply sources (REFERENCE.md §5.3.4). Sources are fixed in the supply scheme, so
 * these rules apply from SCHEME on, to HV customers.
 */
import type { AppDraft } from '../engine/draft';
import { fromStage } from '../engine/stages';
import type { Rule } from '../engine/types';

const FIELDS = ['loadGrade', 'importance', 'supplies', 'emergencySourceKw', 'securityLoadKw'];
const common = { stages: fromStage('SCHEME'), customerClasses: ['HV'] as const, fields: FIELDS };

/** Supplies that carry load (主供/备用); 保安 supplies do not count as sources. */
function sources(app: AppDraft) {
  return (app.supplies ?? []).filter((s) => s.nature !== 'SECURITY');
}
/** Circuits that are independent on paper: distinct substation + line pairs. */
const circuits = (app: AppDraft): number =>
  new Set(sources(app).map((s) => `${s.substation?.trim()}|${s.line?.trim()}`)).size;
const substations = (app: AppDraft): number =>
  new Set(
    sources(app)
      .map((s) => s.substation?.trim())
      .filter((s) => s),
  ).size;

export const supplyRules: Rule[] = [
  {
    id: 'R-LG-01',
    title: '一级负荷须由双重电源供电',
    severity: 'error',
    ...common,
    source: 'REFERENCE §5.3.4 R-LG-01; SRC-GB50052 §3.0.2',
    messages: { main: '一级负荷须由两个相互独立的电源（双重电源）供电，{field}中现有 {n} 个独立回路，请补充电源。' },
    check(app, _env, report) {
      if ((app.loadGrade === 'FIRST' || app.loadGrade === 'FIRST_SPECIAL') && circuits(app) < 2) {
        report('supplies', 'main', { n: circuits(app) });
      }
    },
  },
  {
    id: 'R-LG-02',
    title: '一级负荷中特别重要的负荷还须有应急电源',
    severity: 'error',
    ...common,
    source: 'REFERENCE §5.3.4 R-LG-02; SRC-GB50052 §3.0.3 [M]',
    messages: { main: '一级负荷中特别重要的负荷除双重电源外还须配置应急电源，请填写{field}。' },
    check(app, _env, report) {
      if (app.loadGrade === 'FIRST_SPECIAL' && !((app.emergencySourceKw ?? 0) > 0)) report('emergencySourceKw');
    },
  },
  {
    id: 'R-LG-03',
    title: '二级负荷宜由两回线路供电（单回路须写明理由）',
    severity: 'warning',
    ...common,
    source: 'REFERENCE §5.3.4 R-LG-03; SRC-GB50052 §3.0.7 [M]',
    messages: {
      main: '二级负荷宜由两回线路供电，{field}只有一回；负荷较小或条件困难时可用一回 6kV 及以上专用架空线，请确认并写明理由。',
    },
    check(app, _env, report) {
      if (app.loadGrade === 'SECOND' && circuits(app) < 2) report('supplies');
    },
  },
  {
    id: 'R-LG-05',
    title: '多电源时须标明电源性质，且至少一路为主供电源',
    severity: 'error',
    ...common,
    source: 'REFERENCE §5.3.4 R-LG-05; SRC-SG-CODES',
    messages: { main: '有两路及以上电源时，{field}须逐路填写电源变电站，并至少有一路“主供”，请补全。' },
    check(app, _env, report) {
      const list = app.supplies ?? [];
      if (list.length < 2) return;
      if (!list.some((s) => s.nature === 'MAIN') || list.some((s) => !s.substation?.trim())) report('supplies');
    },
  },
  {
    id: 'R-IMP-01',
    title: '特级重要用户须有三路及以上电源，至少两路来自不同变电站',
    severity: 'error',
    ...common,
    source: 'REFERENCE §5.3.4 R-IMP-01; SRC-GBZ29328 [M]',
    messages: {
      main: '特级重要用户须有 3 路及以上电源且至少两路来自不同变电站，{field}现有 {n} 路、{m} 个变电站，请补充。',
    },
    check(app, _env, report) {
      if (app.importance === '01' && (sources(app).length < 3 || substations(app) < 2)) {
        report('supplies', 'main', { n: sources(app).length, m: substations(app) });
      }
    },
  },
  {
    id: 'R-IMP-02',
    title: '一级重要用户须由来自两个不同变电站的双电源供电',
    severity: 'error',
    ...common,
    source: 'REFERENCE §5.3.4 R-IMP-02; SRC-GBZ29328 [M]',
    messages: { main: '一级重要用户须由两个不同变电站的双电源供电，{field}现有 {m} 个变电站，请补充。' },
    check(app, _env, report) {
      if (app.importance === '02' && (sources(app).length < 2 || substations(app) < 2)) {
        report('supplies', 'main', { m: substations(app) });
      }
    },
  },
  {
    id: 'R-IMP-03',
    title: '二级重要用户须由双回路供电',
    severity: 'error',
    ...common,
    source: 'REFERENCE §5.3.4 R-IMP-03; SRC-GBZ29328 [M]',
    messages: { main: '二级重要用户须由双回路供电（可来自同一变电站的不同母线段），{field}现有 {n} 个回路，请补充。' },
    check(app, _env, report) {
      if (app.importance === '03' && circuits(app) < 2) report('supplies', 'main', { n: circuits(app) });
    },
  },
  {
    id: 'R-IMP-04',
    title: '临时性重要用户宜由双回路供电',
    severity: 'warning',
    ...common,
    source: 'REFERENCE §5.3.4 R-IMP-04; SRC-GBZ29328 [M]',
    messages: { main: '临时性重要用户宜由双回路或以上供电（可用临时线路），{field}只有一回，请确认并写明理由。' },
    check(app, _env, report) {
      if (app.importance === '04' && circuits(app) < 2) report('supplies');
    },
  },
  {
    id: 'R-IMP-05',
    title: '重要用户须配置自备应急电源，容量不低于保安负荷的 120%',
    severity: 'error',
    severityNote: '已配置但容量不足 120% 时为警告',
    ...common,
    source: 'REFERENCE §5.3.4 R-IMP-05; SRC-GBZ29328 [M]',
    messages: {
      missing: '重要用户须配置自备应急电源（保安电源），请填写{field}。',
      security: '重要用户须填写大于 0 的{field}（保安负荷清单）。',
      small: '{field} {kw} kW 低于保安负荷的 {percent}%（{min} kW），请核实应急电源配置后确认。',
    },
    check(app, env, report) {
      if (!app.importance || app.importance === '05') return;
      const security = app.securityLoadKw ?? 0;
      const emergency = app.emergencySourceKw ?? 0;
      if (security <= 0) report('securityLoadKw', 'security');
      if (emergency <= 0) return report('emergencySourceKw', 'missing');
      const fraction = env.profile.supply.emergencySourceMinFraction;
      if (emergency < fraction * security) {
        report(
          'emergencySourceKw',
          'small',
          { kw: emergency, percent: Math.round(fraction * 100), min: fraction * security },
          'warning',
        );
      }
    },
  },
  {
    id: 'R-IMP-06',
    title: '重要用户的重要负荷与一般负荷、生产负荷与生活负荷须分回路供电',
    severity: 'warning',
    ...common,
    fields: ['importance', 'separateCircuits'],
    source: 'REFERENCE §5.3.4 R-IMP-06; SRC-GDYY2024 [S]',
    messages: {
      main: '重要用户的{what}应分别由不同回路供电，{field}未登记为已分开；请在方案中核实负荷分回路，确认并写明理由。',
    },
    check(app, _env, report) {
      if (!app.importance || app.importance === '05') return;
      const c = app.separateCircuits;
      if (c?.importantFromOrdinary !== true)
        report('separateCircuits.importantFromOrdinary', 'main', { what: '重要负荷与一般负荷' });
      if (c?.productionFromLiving !== true)
        report('separateCircuits.productionFromLiving', 'main', { what: '生产负荷与生活负荷' });
    },
  },
];
