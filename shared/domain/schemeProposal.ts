/**
 * The first draft of a supply scheme, proposed from the accepted application (REFERENCE.md §6.2): what the
 * customer asked for becomes the proposal; what only the survey can tell (substation, line, ownership
 * boundary, metering position) is left blank for the clerk, so a scheme cannot be saved with guesses in it.
 */
import type { ApplicationInput, TariffCategory } from './application';
import { meteringClassFor } from '../rules/metering/meteringClass';
import type { MeteringClassRow } from '../rules/profile/profile';
import type { SupplyScheme } from './scheme';

const SOURCE_NATURE = { MAIN: '10', STANDBY: '20', SECURITY: '31' } as const;

/** 1996 rules art 21 (REFERENCE.md §3.3): HV schemes are valid one year, LV three months. */
const VALIDITY_MONTHS = { HV: 12, LV: 3 } as const;

/** High-side metering by default from 315 kVA (REFERENCE.md §5.3.5 R-MET-02). */
const HV_HIGH_SIDE_METERING_FROM_KVA = 315;

/** `meteringClasses`: the province profile's metering class table (R-MET-06); the built-in one when absent. */
export function proposeScheme(
  app: ApplicationInput,
  schemeNo: string,
  today: string,
  meteringClasses?: readonly MeteringClassRow[],
): SupplyScheme {
  const hv = app.customerClass === 'HV';
  const capacityKva = app.requestedCapacityKva ?? 0;
  const tariffCategory: TariffCategory = app.tariff.category;
  const sources = (app.supplies?.length ? app.supplies : [{ nature: 'MAIN' as const, substation: '', line: '' }]).map(
    (supply, index) => ({
      no: String(index + 1),
      nature: SOURCE_NATURE[supply.nature],
      substation: supply.substation,
      line: supply.line ?? '',
      voltageCode: app.voltageCode,
      capacityKva: supply.capacityKva ?? (hv ? capacityKva : (app.requestedCapacityKw ?? 0)),
      boundaryPoint: '',
    }),
  );
  const method = app.metering?.method ?? (hv ? (capacityKva >= HV_HIGH_SIDE_METERING_FROM_KVA ? '1' : '2') : '3');
  const phases = hv ? undefined : app.voltageCode === 'AC02202' ? ('1' as const) : ('3' as const);
  // R-MET-06: the metering class of the capacity and the expected monthly energy decides the meter and CT
  // accuracy the scheme prints.
  const expectedMonthlyKwh = app.metering?.expectedMonthlyKwh;
  const accuracy = meteringClassFor(
    {
      capacityKva: hv ? capacityKva + (app.hvMotorKw ?? 0) : (app.requestedCapacityKw ?? 0),
      monthlyKwh: expectedMonthlyKwh,
      singlePhase: phases === '1',
    },
    meteringClasses,
  );
  return {
    schemeNo,
    replyDate: today,
    validityMonths: hv ? VALIDITY_MONTHS.HV : VALIDITY_MONTHS.LV,
    voltageCode: app.voltageCode,
    ...(hv ? { approvedCapacityKva: capacityKva } : { approvedCapacityKw: app.requestedCapacityKw ?? 0 }),
    ...(phases ? { phases } : {}),
    ...(expectedMonthlyKwh !== undefined ? { expectedMonthlyKwh } : {}),
    loadGrade: app.loadGrade ?? 'THIRD',
    importance: app.importance ?? '05',
    sources,
    ...(hv ? { receiving: { pointType: '客户配电站', mainWiring: '', transformers: app.transformers ?? [] } } : {}),
    metering: [
      {
        no: '1',
        method,
        position: '',
        tariffCategory,
        meterAccuracy: accuracy.activeMeter.split('/')[0] as string,
        meterSpec: '',
        // 高供低计 meters on the low side of the customer's transformer, away from the boundary (R-MET-04).
        atBoundary: method !== '2',
        ...(app.metering?.ctRatio ? { ctRatio: app.metering.ctRatio } : {}),
        ...(app.metering?.ctRatio && accuracy.ct ? { ctAccuracy: accuracy.ct } : {}),
        ...(app.metering?.ptRatio ? { ptRatio: app.metering.ptRatio } : {}),
      },
    ],
    // HV customers are read by a dedicated-transformer terminal (专变采集终端); LV by the area concentrator.
    ...(hv ? { collectionTerminal: '专变采集终端' } : {}),
    billing: {
      tariffCategory,
      structure: app.tariff.structure ?? 'SINGLE',
      ...(app.tariff.capacityChargeBasis ? { capacityChargeBasis: app.tariff.capacityChargeBasis } : {}),
      ...(app.tariff.contractDemandKw ? { contractDemandKw: app.tariff.contractDemandKw } : {}),
      powerFactorStandard: app.powerFactorStandard ?? 'NONE',
      timeOfUse: false,
    },
    ...(app.importance && app.importance !== '05'
      ? {
          security: {
            securityLoadKw: app.securityLoadKw ?? 0,
            emergencySourceKw: app.emergencySourceKw ?? 0,
            measures: '',
          },
        }
      : {}),
    technicalRequirements: [],
    customerWorks: [],
    gridWorks: [],
    // "三零" (零上门、零审批、零投资) is the default service for low-voltage customers (SRC-1479).
    threeZero: !hv,
    fees: [],
    deadlines: [],
  };
}
