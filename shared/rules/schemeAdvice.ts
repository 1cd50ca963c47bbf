/**
 * Advice on a supply scheme (REFERENCE.md §5.3.5 R-MET-03/04/06, §5.3.2 R-TAR-09): warnings the supervisor weighs before approving and
 * hints for the customer. Unlike the scheme checks (shared/domain/schemeChecks.ts) they never refuse a save: the
 * scheme form shows them as the clerk types, and the approval's audit entry records the ones still standing.
 */
import type { SupplyScheme } from '../domain/scheme';
import { citationOf } from './engine/citation';
import { meteringClassFor } from './metering/meteringClass';
import type { MeteringClassRow } from './profile/profile';
import defaults from './profile/defaults.json';

export interface SchemeAdvice {
  ruleId: string;
  severity: 'warning' | 'info';
  /** Path inside the scheme, e.g. `metering.0.meterAccuracy`. */
  field: string;
  message: string;
  /** 依据 shown as the tooltip. */
  basis: string;
}

const TARIFF_LABELS: Readonly<Record<string, string>> = {
  RESIDENTIAL: '居民生活',
  AGRICULTURE: '农业生产',
  COMMERCIAL_INDUSTRIAL: '工商业',
  LARGE_INDUSTRY: '大工业',
  GENERAL_CI: '一般工商业',
};

const SOURCES = {
  'R-MET-03': 'REFERENCE §5.3.5 R-MET-03; SRC-GDYY1996 [M]; SRC-SG-CODES',
  'R-MET-04': 'REFERENCE §5.3.5 R-MET-04; SRC-TL art 26',
  'R-MET-06': 'REFERENCE §5.3.5 R-MET-06; SRC-DLT448 [M]',
  'R-TAR-09': 'REFERENCE §5.3.2 R-TAR-09; SRC-526',
} as const;

function advice(
  ruleId: keyof typeof SOURCES,
  severity: SchemeAdvice['severity'],
  field: string,
  message: string,
): SchemeAdvice {
  return { ruleId, severity, field, message, basis: citationOf(SOURCES[ruleId]) };
}

/**
 * Accuracy class as a rank, lower is finer: 0.2S < 0.2 < 0.5S < 0.5 < 1 < 2. Undefined when the text is not
 * an accuracy class.
 */
function rankOf(accuracy: string | undefined): number | undefined {
  const m = accuracy === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(S?)\s*级?\s*$/i.exec(accuracy);
  return m ? Number(m[1]) * 10 - (m[2] ? 0.5 : 0) : undefined;
}
/** The coarsest class a requirement allows: "0.2S/0.5S" allows 0.5S. */
const allowedRank = (required: string): number =>
  Math.max(...required.split('/').map((r) => rankOf(r) ?? Number.POSITIVE_INFINITY));

/**
 * R-MET-06: the meter and CT accuracy of each metering point, against the class the capacity and the expected
 * monthly energy call for (either one reaching a class's threshold puts the point in that class).
 */
function meteringClassAdvice(scheme: SupplyScheme, classes?: readonly MeteringClassRow[]): SchemeAdvice[] {
  const kva = (scheme.approvedCapacityKva ?? scheme.approvedCapacityKw ?? 0) + (scheme.receiving?.hvMotorKw ?? 0);
  const monthlyKwh = scheme.expectedMonthlyKwh;
  const need = meteringClassFor({ capacityKva: kva, monthlyKwh, singlePhase: scheme.phases === '1' }, classes);
  const energy = monthlyKwh === undefined ? '' : `、预计月用电量 ${monthlyKwh} kWh`;
  const basis = `${need.meteringClass} 类电能计量装置（容量 ${kva} ${scheme.approvedCapacityKva !== undefined ? 'kVA' : 'kW'}${energy}）`;
  return scheme.metering.flatMap((point, i) => {
    const out: SchemeAdvice[] = [];
    const meter = rankOf(point.meterAccuracy);
    if (meter === undefined || meter > allowedRank(need.activeMeter)) {
      out.push(
        advice(
          'R-MET-06',
          'warning',
          `metering.${i}.meterAccuracy`,
          `计量点 ${i + 1} 的电能表精度“${point.meterAccuracy || '未填'}”低于 ${basis}的要求（有功电能表 ${need.activeMeter} 级），请改正或确认。`,
        ),
      );
    }
    if (point.ctRatio && need.ct) {
      const ct = rankOf(point.ctAccuracy);
      if (ct === undefined || ct > allowedRank(need.ct)) {
        out.push(
          advice(
            'R-MET-06',
            'warning',
            `metering.${i}.ctAccuracy`,
            `计量点 ${i + 1} 的电流互感器精度“${point.ctAccuracy || '未填'}”低于 ${basis}的要求（${need.ct} 级），请改正或确认。`,
          ),
        );
      }
    }
    return out;
  });
}

/** R-MET-03: the tariff category billed has a metering point of its own, or a point with an agreed split. */
function tariffMeteringAdvice(scheme: SupplyScheme): SchemeAdvice[] {
  const billed = scheme.billing.tariffCategory;
  const covered = scheme.metering.some((p) => p.tariffCategory === billed || p.splitRule);
  if (covered) return [];
  return [
    advice(
      'R-MET-03',
      'warning',
      'metering',
      `计量点：方案电价类别“${TARIFF_LABELS[billed] ?? billed}”没有对应的计量点；每种电价类别须在受电点单独计量，或在计量点中填写定量定比，请改正或确认。`,
    ),
  ];
}

/** R-MET-04: a meter away from the ownership boundary needs the agreed bearing of the losses in between. */
function boundaryAdvice(scheme: SupplyScheme): SchemeAdvice[] {
  return scheme.metering.flatMap((point, i) =>
    point.atBoundary === false && !point.lossAgreement?.trim()
      ? [
          advice(
            'R-MET-04',
            'warning',
            `metering.${i}.lossAgreement`,
            `计量点 ${i + 1} 不在产权分界处：计量装置原则上装在产权分界处，另行安装的须约定线损、变损由谁承担，请填写线损、变损承担约定或确认。`,
          ),
        ]
      : [],
  );
}

const DEMAND_DISCOUNT = defaults.tariff.demandPriceDiscount.value;

/** R-TAR-09 (hint): demand-billed two-part users get 90 % of the demand price in a month of ≥ 260 kWh/kVA. */
function demandDiscountHint(scheme: SupplyScheme): SchemeAdvice[] {
  const basis = scheme.billing.capacityChargeBasis;
  if (scheme.billing.structure !== 'TWO_PART' || (basis !== 'CONTRACT_DEMAND' && basis !== 'ACTUAL_DEMAND')) return [];
  return [
    advice(
      'R-TAR-09',
      'info',
      'billing.capacityChargeBasis',
      `基本电费计费方式为按需量：当月用电量达到合同容量每千伏安 ${DEMAND_DISCOUNT.kwhPerKvaPerMonthAtLeast} 千瓦时及以上的，当月需量电价按 ${Math.round(DEMAND_DISCOUNT.factor * 100)}% 执行，可告知客户。`,
    ),
  ];
}

/**
 * Warnings and hints on a scheme, in form order; never a reason to refuse a save. `meteringClasses` is the province
 * profile's class table (R-MET-06); the built-in one when absent.
 */
export function schemeAdvice(scheme: SupplyScheme, meteringClasses?: readonly MeteringClassRow[]): SchemeAdvice[] {
  return [
    ...meteringClassAdvice(scheme, meteringClasses),
    ...boundaryAdvice(scheme),
    ...tariffMeteringAdvice(scheme),
    ...demandDiscountHint(scheme),
  ];
}
