/**
 * The supply scheme the demo drafts and approves for an application: the proposal built from the application
 * (shared/domain/schemeProposal) with what only the survey can tell filled in as a surveyor would (substation
 * and line, ownership boundary, main wiring, metering position, meter and transformers), so the scheme reply and
 * the contract print from demo data without a blank (REFERENCE.md §6.2).
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import type { MeteringPoint, SchemeSource, SupplyScheme } from '../../../shared/domain/scheme';
import { HIGH_RELIABILITY_FEE } from '../../../shared/domain/schemeChecks';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { DEFAULT_PROFILE } from '../../../shared/rules';
import type { Prng } from './prng';

const FEEDER_NAMES = ['秦淮', '天元', '双龙', '胜太', '百家湖', '将军', '翠屏', '东山', '竹山', '诚信'];
/** Common CT primaries (A); the secondary is 5 A. */
const CT_PRIMARIES = [
  15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000,
];
/** A direct-connected three-phase meter takes up to 60 A (3×5(60) A); above that it goes through CTs. */
const DIRECT_METER_MAX_A = 60;

/** Smallest standard CT whose primary carries the full-load current with 20 % margin. */
function ctRatio(kva: number, kv: number): string {
  const amps = (kva / (Math.sqrt(3) * kv)) * 1.2;
  return `${CT_PRIMARIES.find((primary) => primary >= amps) ?? CT_PRIMARIES.at(-1)}/5`;
}

/** 功率因数调整电费办法 (REFERENCE.md §5.3.3) with the built-in profile's thresholds. */
function powerFactorStandard(app: ApplicationInput, kva: number): SupplyScheme['billing']['powerFactorStandard'] {
  const { hvIndustrialAboveKva, assessedFromKva } = DEFAULT_PROFILE.powerFactor;
  if (app.customerClass === 'LVR' || kva < assessedFromKva) return 'NONE';
  const industrial = /^[BCD]/.test(app.industryCode ?? '');
  return app.customerClass === 'HV' && industrial && kva > hvIndustrialAboveKva ? '0.90' : '0.85';
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function surveyedSource(rng: Prng, source: SchemeSource, hv: boolean, residential: boolean): SchemeSource {
  if (hv) {
    const feeder = `${rng.pick(FEEDER_NAMES)}${rng.int(1, 9)}${rng.pick(['线', '甲线', '乙线'])}`;
    return {
      ...source,
      line: `10 kV ${feeder} ${rng.int(901, 930)} 间隔`,
      incomingMethod: '02',
      lineOwnership: '02',
      maintenance: '02',
      boundaryPoint: `${source.substation} 10 kV ${feeder}出线电缆终端头`,
    };
  }
  const transformer = `${rng.pick(FEEDER_NAMES)}${rng.int(1, 40)}号公用配变`;
  return {
    ...source,
    substation: transformer,
    line: `0.4 kV ${rng.int(1, 8)}号出线`,
    // 07 电能表出线 for households, 01 接户线用户端最后支持物 for businesses (REFERENCE.md §6.2).
    boundaryPoint: residential ? '电能表出线端 20 cm 处' : '接户线用户端最后支持物',
  };
}

function surveyedMetering(point: MeteringPoint, app: ApplicationInput, kva: number): MeteringPoint {
  if (point.method === '1') {
    return {
      ...point,
      position: '客户配电站 10 kV 进线计量柜',
      meterSpec: '三相三线智能电能表 3×100 V 3×1.5(6) A',
      ctAccuracy: '0.2S',
      ctRatio: ctRatio(kva, 10),
      ptRatio: '10000/100',
    };
  }
  if (point.method === '2') {
    return {
      ...point,
      position: '配电变压器低压出线侧计量柜',
      meterSpec: '三相四线智能电能表 3×220/380 V 3×1.5(6) A',
      ctAccuracy: '0.2S',
      ctRatio: ctRatio(kva, 0.4),
    };
  }
  // Households are metered in the building's meter box, businesses in a box outside their premises.
  const position = point.tariffCategory === 'RESIDENTIAL' ? '单元集中电表箱' : '户外计量箱';
  if (app.voltageCode === 'AC02202') return { ...point, position, meterSpec: '单相智能电能表 220 V 5(60) A' };
  const amps = kva / (Math.sqrt(3) * 0.38);
  if (amps <= DIRECT_METER_MAX_A) {
    return { ...point, position, meterSpec: '三相四线智能电能表 3×220/380 V 3×5(60) A' };
  }
  return {
    ...point,
    position: '低压计量柜',
    meterSpec: '三相四线智能电能表 3×220/380 V 3×1.5(6) A',
    ctAccuracy: '0.5S',
    ctRatio: ctRatio(kva, 0.4),
  };
}

/** The scheme as approved for a demo application on `today` (Asia/Shanghai date). */
export function demoScheme(rng: Prng, app: ApplicationInput, number: string, today: string): SupplyScheme {
  const proposal = proposeScheme(app, `${number}-FA`, today);
  const hv = app.customerClass === 'HV';
  const kva = proposal.approvedCapacityKva ?? proposal.approvedCapacityKw ?? 0;
  const residential = app.tariff.category === 'RESIDENTIAL';
  const transformers = proposal.receiving?.transformers ?? [];
  const units = transformers.reduce((sum, t) => sum + t.count, 0);
  const sources = proposal.sources.map((source) => surveyedSource(rng, source, hv, residential));
  const scheme: SupplyScheme = {
    ...proposal,
    sources,
    ...(sources.length > 1 ? { sourceMode: '01' as const } : {}),
    metering: proposal.metering.map((point) => surveyedMetering(point, app, kva)),
    billing: { ...proposal.billing, powerFactorStandard: powerFactorStandard(app, kva) },
  };
  if (!hv) {
    return {
      ...scheme,
      customerWorks: [residential ? '户内线路及开关' : '计量箱出线至用电设备的线路及设备'],
      gridWorks: ['接户线及计量装置'],
      deadlines: [{ item: '装表接电', due: addDays(today, 5) }],
    };
  }
  return {
    ...scheme,
    ...(proposal.receiving
      ? {
          receiving: {
            ...proposal.receiving,
            mainWiring:
              sources.length > 1
                ? '10 kV 单母线分段，两路进线，母联开关与进线开关间设闭锁'
                : `10 kV 单母线，一路进线${units > 1 ? `，${units} 台变压器分列运行` : ''}`,
            ...(app.hvMotorKw ? { hvMotorKw: app.hvMotorKw } : {}),
          },
        }
      : {}),
    ...(scheme.security
      ? { security: { ...scheme.security, measures: '配置自备应急发电机，装设防倒送电闭锁装置，制定停电应急预案' } }
      : {}),
    technicalRequirements: ['无功补偿按变压器容量的 20%–30% 配置，功率因数不低于 0.95', '继电保护按 GB/T 14285 配置'],
    customerWorks: ['10 kV 进线电缆及客户配电站（含变压器、开关柜、计量柜）'],
    gridWorks: ['变电站出线间隔改造及至产权分界点的电缆线路'],
    // A second grid source is charged the 高可靠性供电费 on its capacity (REFERENCE.md §3.1 FEE, rule R-SCH-01).
    fees: sources.length > 1 ? [highReliabilityFee(kva)] : scheme.fees,
    deadlines: [
      { item: '提交受电工程设计文件审查', due: withinPeriod(app, addDays(today, 30)) },
      { item: '受电工程竣工报验', due: withinPeriod(app, addDays(today, 180)) },
    ],
  };
}

/** Demo price: 200 元/kVA of the standby capacity, as a provincial price notice might set it. */
function highReliabilityFee(kva: number) {
  const unitPriceFen = 20_000;
  return {
    name: HIGH_RELIABILITY_FEE,
    unitPriceFen,
    quantity: kva,
    unit: 'kVA',
    amountFen: unitPriceFen * kva,
    basis: '省价格主管部门核定的高可靠性供电费收费标准',
  };
}

/** A temporary supply's steps fall inside its period (rule R-SCH-03). */
function withinPeriod(app: ApplicationInput, due: string): string {
  return app.endDate && due > app.endDate ? app.endDate : due;
}
