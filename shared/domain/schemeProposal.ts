/**
 * The first draft of a supply scheme, proposed from the accepted application (REFERENCE.md §6.2): what the
 * customer asked for becomes the proposal; what only the survey can tell (substation, line, ownership
 * boundary, metering position) is left blank for the clerk, so a scheme cannot be saved with guesses in it.
 */
import type { ApplicationInput, TariffCategory } from './application';
import { meteringClassFor } from '../rules/metering/meteringClass';
import { DEFAULT_PROFILE } from '../rules/profile/defaults';
import type { RuleProfile } from '../rules/profile/profile';
import type { SupplyScheme } from './scheme';

const SOURCE_NATURE = { MAIN: '10', STANDBY: '20', SECURITY: '31' } as const;

/**
 * What the proposal takes from the province profile in force: the scheme validity (R-GATE-04, 1996 rules art 21:
 * HV one year, LV three months by default), high-side metering from 315 kVA (R-MET-02) and the metering class
 * table (R-MET-06).
 */
export type ProposalProfile = Pick<RuleProfile, 'metering' | 'scheme'>;

export function proposeScheme(
  app: ApplicationInput,
  schemeNo: string,
  today: string,
  profile: ProposalProfile = DEFAULT_PROFILE,
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
  const method = app.metering?.method ?? (hv ? (capacityKva >= profile.metering.hvHighSideFromKva ? '1' : '2') : '3');
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
    profile.metering.meteringClasses,
  );
  return {
    schemeNo,
    replyDate: today,
    validityMonths: hv ? profile.scheme.validityMonthsHv : profile.scheme.validityMonthsLv,
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
