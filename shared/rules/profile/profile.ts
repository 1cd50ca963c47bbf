/**
 * 省级规则配置 province profile: every number the rules use (REFERENCE.md: "every numeric default must be a
 * province-profile setting, never a constant"). Defaults come from defaults.json (a copy of
 * rules-defaults.json, sources kept beside each value); a province file overrides any subset of keys.
 */
import type { BusinessType } from '../../domain/codes';
import type { DocumentCode, TariffCategory } from '../../domain/application';
import type { DocGroup } from '../documents/matrix';
import type { DocRequirement } from '../documents/requirement';

export interface VoltageBand {
  kv: number;
  minKva: number | null;
  maxKva: number | null;
}

export interface RuleProfile {
  /** Shown in messages and the audit log, e.g. "全国默认" or "浙江". */
  name: string;
  /** Account numbers (R-HH-01..03). */
  accountNumber: { lengths: number[]; prefix13: string | null };
  /** GB/T 2260 code prefixes of the hall's service territory (R-AD-03); empty = not configured. */
  serviceTerritory: string[];
  identity: { adultAge: number };
  capacity: {
    singlePhaseMaxKwExclusive: number;
    singlePhaseWelderMaxKw: number;
    lvUrbanMaxKw: number;
    lvRuralMaxKw: number;
    lvHardMaxKw: number;
    hvBelowKvaWarn: number;
    voltageBandsKva: VoltageBand[];
    terminalSubstationFromKv: number;
  };
  tariff: {
    categories: TariffCategory[];
    singlePartOnlyMaxKva: number;
    twoPartFromKva: number;
    largeIndustryFromKva: number;
    contractDemandMinFraction: number;
  };
  powerFactor: { hvIndustrialAboveKva: number; assessedFromKva: number };
  changeOfUse: {
    advanceNoticeWorkdays: number;
    suspensionMinDays: number;
    suspensionMaxDaysPerYear: number;
    suspensionMaxPerYear: number | null;
    reductionRestoreWindowYears: number;
    swapMaxMonthsUpTo10kV: number;
    swapMaxMonthsFrom35kV: number;
    meterRemovalMaxMonths: number;
    temporarySupplyMaxMonths: number;
    /** The cap over the base application and all its extensions (REFERENCE.md §3.7, [P]). */
    temporarySupplyHardMaxYears: number;
  };
  supply: { emergencySourceMinFraction: number };
  metering: { hvHighSideFromKva: number; ctMinLoadFraction: number; lvAmperesPerKva: number };
  deadlines: { dueSoonFraction: number; dueSoonWorkdaysLeft: number };
  documents: {
    /** Business types for which 一证受理 is offered (REFERENCE.md §4.1). */
    oneCertificateTypes: BusinessType[];
    /** Cells replacing the §4.3 matrix; null removes a row. */
    matrix: Partial<Record<DocGroup, Partial<Record<DocumentCode, DocRequirement | null>>>>;
  };
}
