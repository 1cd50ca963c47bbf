/**
 * The built-in profile, read from defaults.json (copied from the team's rules-defaults.json so the app never
 * reads outside its own tree). Values not in that file are [P] proposals of REFERENCE.md, cited inline.
 */
import { DEFAULT_SUGGESTION_THRESHOLDS } from '../../stats/suggestions';
import type { TariffCategory, VoltageCode } from '../../domain/application';
import defaults from './defaults.json';
import type { DisputeResolution, MeteringClassRow, RuleProfile } from './profile';

const TARIFF_CODES: Record<string, TariffCategory> = {
  居民生活: 'RESIDENTIAL',
  农业生产: 'AGRICULTURE',
  工商业: 'COMMERCIAL_INDUSTRIAL',
  一般工商业: 'GENERAL_CI',
  大工业: 'LARGE_INDUSTRY',
};

const limits = defaults.capacityLimits;
const change = defaults.changeOfUse;

/** defaults.json's entry (value + source): COURT unless it names ARBITRATION with its commission. */
function disputeResolutionOf(entry: { value: string; arbitrationCommission: string | null }): DisputeResolution {
  return entry.value === 'ARBITRATION' && entry.arbitrationCommission
    ? { method: 'ARBITRATION', arbitrationCommission: entry.arbitrationCommission }
    : { method: 'COURT' };
}

export const DEFAULT_PROFILE: RuleProfile = {
  name: '全国默认',
  accountNumber: { lengths: defaults.identifiers.huhaoLengths.value, prefix13: null },
  serviceTerritory: [],
  // 民法典 arts 17–18: full civil capacity at 18 (REFERENCE.md §5.1.1 R-ID-08).
  identity: { adultAge: 18 },
  capacity: {
    singlePhaseMaxKwExclusive: limits.singlePhase220VMaxKwExclusive.value,
    singlePhaseWelderMaxKw: limits.singlePhaseWelderOrConverterMaxKw.value,
    lvUrbanMaxKw: limits.lowVoltageThreePhase.urbanMaxKwInclusive.value,
    lvRuralMaxKw: limits.lowVoltageThreePhase.ruralMaxKwInclusive.value,
    lvHardMaxKw: limits.lowVoltageThreePhase.hardMaxKw.value,
    hvBelowKvaWarn: limits.hvBelowKvaWarn.value,
    voltageBandsKva: limits.recommendedVoltageBandsKva.value.map(({ kv, minKva, maxKva }) => ({ kv, minKva, maxKva })),
    terminalSubstationFromKv: limits.terminalSubstationDesignFromKv.value,
  },
  tariff: {
    categories: defaults.tariff.categories.value.map((label) => TARIFF_CODES[label] as TariffCategory),
    singlePartOnlyMaxKva: defaults.tariff.singlePartOnlyMaxKvaInclusive.value,
    twoPartFromKva: defaults.tariff.twoPartFromKvaInclusive.value,
    largeIndustryFromKva: defaults.tariff.largeIndustryFromKvaInclusive.value,
    contractDemandMinFraction: defaults.tariff.contractDemandMinFractionOfCapacity.value,
  },
  powerFactor: {
    hvIndustrialAboveKva: defaults.powerFactorStandards[0]?.thresholdKvaExclusive ?? 160,
    assessedFromKva: defaults.powerFactorStandards[1]?.thresholdKvaInclusive ?? 100,
  },
  changeOfUse: {
    advanceNoticeWorkdays: change.advanceNoticeWorkingDays.value,
    suspensionMinDays: change.suspension.minDaysPerOccurrence.value,
    suspensionMaxDaysPerYear: change.suspension.maxCumulativeDaysPerCalendarYear.value,
    suspensionMaxPerYear: change.suspension.maxOccurrencesPerCalendarYear.value,
    reductionRestoreWindowYears: change.capacityReduction.restoreWindowYears.value,
    swapMaxMonthsUpTo10kV: change.temporaryTransformerSwap.maxMonthsUpTo10kV.value,
    swapMaxMonthsFrom35kV: change.temporaryTransformerSwap.maxMonthsFrom35kV.value,
    meterRemovalMaxMonths: change.temporaryMeterRemoval.maxMonths.value,
    temporarySupplyMaxMonths: change.temporarySupply.defaultMaxMonths.value,
    temporarySupplyHardMaxYears: change.temporarySupply.hardMaxYears.value,
  },
  supply: {
    emergencySourceMinFraction: defaults.importantUsers.emergencySourceMinFractionOfSecurityLoad.value,
    voltages: defaults.voltageLevels.map((level) => level.code as VoltageCode),
  },
  industry: {
    // No GB/T 4754-2017 list ships with the app (docs/rules-policy.md): a province profile loads one.
    classCodes: [],
    // REFERENCE.md 附录 C: the 行业用电分类 groups and the members it names, matched to the GB/T 4754 门类 of the
    // same title ([P]: the correspondence is ours). 9900/9910/9920 城乡居民生活 carry no industry.
    utilityClassSections: {
      A000: ['A'],
      '0100': ['A'],
      '05A0': ['A'],
      GG00: ['B', 'C', 'D'],
      B000: ['B'],
      C000: ['C'],
      D000: ['D'],
      E000: ['E'],
      F000: ['G'],
      '5140': ['G'],
      '5431': ['G'],
      G000: ['I'],
      H000: ['F'],
      '6561': ['F'],
      I000: ['H'],
      J000: ['J'],
      '7200': ['K'],
      L000: ['L'],
      M000: ['M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'],
      '8150': ['N'],
      '8160': ['N'],
      '9900': [],
      '9910': [],
      '9920': [],
    },
  },
  metering: {
    hvHighSideFromKva: defaults.metering.hvHighSideMeteringFromKvaInclusive.value,
    ctMinLoadFraction: defaults.metering.ctMinLoadFraction.value,
    lvAmperesPerKva: defaults.metering.lvAmperesPerKvaAt400V.value,
    meteringClasses: defaults.metering.meteringClasses.value as MeteringClassRow[],
  },
  deadlines: {
    dueSoonFraction: defaults.calendar.dueSoonFraction.value,
    dueSoonWorkdaysLeft: defaults.calendar.dueSoonWorkingDaysLeft.value,
  },
  // Risk thresholds: REFERENCE.md §8 where it names one ([P]); otherwise 营业厅自定 (docs/risk.md lists each).
  risk: {
    acknowledgedMinCount: 3,
    acknowledgedShareFactor: 2,
    returnsToAcceptMin: 2,
    // Iglewicz & Hoaglin (1993), "How to Detect and Handle Outliers": modified z-score above 3.5.
    capacityRobustZ: 3.5,
    capacityGroupMin: 10,
    clerkRateFactor: 2,
    clerkRateMinApplications: 5,
    capacityDeviationFraction: defaults.scheme.capacityDeviationReasonRequiredFraction.value,
    contractUnsignedWorkdays: 10,
    sameAddressMin: 2,
    suspensionsPer12Months: defaults.risk.suspensionsPer12MonthsFlag.value,
    closeThenNewMonths: 6,
    idleWorkdays: 10,
    workHours: { start: '08:00', end: '18:00' },
    contractorShareFraction: defaults.risk.contractorShareFlagFraction.value,
    contractorSharePeriodMonths: 3, // "share > 30 % in a quarter" (REFERENCE.md §8 DESIGN / WORKS)
    contractorShareMinWorks: 10,
    schemeExpiringDays: 30, // the 工作台's 供电方案即将到期 panel (scheme.expiringSoonDays)
    contractExpiringDays: Math.max(...defaults.contracts.renewalReminderDaysBeforeExpiry.value), // REFERENCE.md §7.4
    meterReadingDay: 1,
    suspensionNearReadingDays: defaults.risk.suspensionStartNearReadingDayDays.value,
    pauseShareFactor: 2,
  },
  portrait: DEFAULT_SUGGESTION_THRESHOLDS,
  scheme: {
    validityMonthsHv: defaults.scheme.validityMonths.HV.value,
    validityMonthsLv: defaults.scheme.validityMonths.LV.value,
    extensionNoticeDays: defaults.scheme.extensionRequestAtLeastDaysBeforeExpiry.value,
    // [P]: a month's notice leaves time to ask for the extension (due 10 days before expiry) or to re-draft.
    expiringSoonDays: 30,
  },
  contracts: { disputeResolution: disputeResolutionOf(defaults.contracts.disputeResolution) },
  documents: {
    // 一证受理 applies to new connections and capacity increases (国家电网营销〔2015〕70号 [M]; REFERENCE.md §4.1).
    oneCertificateTypes: ['NEW_LVR', 'NEW_LVN', 'NEW_HV', 'NEW_BATCH', 'NEW_TEMP', 'INC_LVR', 'INC_LVN', 'INC_HV'],
    matrix: {},
  },
};
