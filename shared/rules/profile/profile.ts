/**
 * 省级规则配置 province profile: every number the rules use (REFERENCE.md: "every numeric default must be a
 * province-profile setting, never a constant"). Defaults come from defaults.json (a copy of
 * rules-defaults.json, sources kept beside each value); a province file overrides any subset of keys.
 */
import type { SuggestionChoices } from '../../stats/suggestions';
import type { BusinessType } from '../../domain/codes';
import type { DocumentCode, TariffCategory, VoltageCode } from '../../domain/application';
import type { DocGroup } from '../documents/matrix';
import type { DocRequirement } from '../documents/requirement';

/**
 * One metering class: a connection is in the first class whose capacity (`fromKva`) or monthly energy
 * (`fromMonthlyKwh`) threshold it reaches (inclusive); `belowKva` marks the class of everything smaller,
 * `singlePhase` the class of 220 V single-phase supply. Accuracies as printed, e.g. "0.5S"; "0.2S/0.5S" allows either.
 */
export interface MeteringClassRow {
  class: 'I' | 'II' | 'III' | 'IV' | 'V';
  fromKva?: number;
  fromMonthlyKwh?: number;
  belowKva?: number;
  singlePhase?: boolean;
  activeMeter: string;
  ct?: string;
}

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
  /** `voltages`: the supply voltages offered at intake and in the scheme (REFERENCE.md §5.1.12), low and high. */
  supply: { emergencySourceMinFraction: number; voltages: VoltageCode[] };
  /** Industry codes (REFERENCE.md §5.1.10, 附录 C/D). */
  industry: {
    /**
     * GB/T 4754-2017 中类 (letter + 3 digits) and 小类 (letter + 4 digits) codes that exist (R-IND-01); empty = the
     * hall has loaded no list, and only the 大类 (R-IND-01) and 门类 (R-IND-03) parts are checked.
     */
    classCodes: string[];
    /** 行业用电分类 code → the GB/T 4754 门类 letters it may go with (R-IND-02); [] = none (residential). */
    utilityClassSections: Record<string, string[]>;
  };
  metering: {
    hvHighSideFromKva: number;
    ctMinLoadFraction: number;
    lvAmperesPerKva: number;
    /** 电能计量装置分类 (R-MET-06, DL/T 448 [M]): the classes from the finest, each with its thresholds. */
    meteringClasses: MeteringClassRow[];
  };
  deadlines: { dueSoonFraction: number; dueSoonWorkdaysLeft: number };
  /** Thresholds of the risk detectors (main/services/risk, docs/risk.md names each one's source). */
  risk: RiskThresholds;
  /** Thresholds of the 客户画像 suggestions (shared/stats/suggestions.ts, docs/portrait.md). */
  portrait: SuggestionChoices;
  /** 供电方案有效期 (REFERENCE.md §3.3, R-GATE-04). */
  scheme: {
    validityMonthsHv: number;
    validityMonthsLv: number;
    /** An extension must be requested at least this many days before expiry. */
    extensionNoticeDays: number;
    /** The 工作台 lists schemes expiring within this many days. */
    expiringSoonDays: number;
  };
  /** 供用电合同 terms a province chooses (REFERENCE.md §7.3 A.15). */
  contracts: {
    /**
     * 争议解决 after negotiation and mediation: the court of the place of performance (民法典 art 650: the
     * ownership boundary) or the named arbitration commission. Frozen into each contract when it is generated.
     */
    disputeResolution: DisputeResolution;
  };
  documents: {
    /** Business types for which 一证受理 is offered (REFERENCE.md §4.1). */
    oneCertificateTypes: BusinessType[];
    /** Cells replacing the §4.3 matrix; null removes a row. */
    matrix: Partial<Record<DocGroup, Partial<Record<DocumentCode, DocRequirement | null>>>>;
  };
}

export type DisputeResolution = { method: 'COURT' } | { method: 'ARBITRATION'; arbitrationCommission: string };

/** 风险识别阈值: the values the detectors compare against; docs/risk.md gives each one's source. */
export interface RiskThresholds {
  /** A clerk's acknowledgements of one rule: at least this many … */
  acknowledgedMinCount: number;
  /** … and this many times the hall's share of applications acknowledging that rule. */
  acknowledgedShareFactor: number;
  /** Returns to 业务受理 of one application, at least. */
  returnsToAcceptMin: number;
  /** Robust z-score (0.6745 × deviation / MAD) of an applied capacity within its class and industry. */
  capacityRobustZ: number;
  /** Applications a class-and-industry group needs before its capacities are judged. */
  capacityGroupMin: number;
  /** A clerk's return/correction rate this many times the hall's … */
  clerkRateFactor: number;
  /** … over at least this many of the clerk's applications. */
  clerkRateMinApplications: number;
  /** Scheme capacity vs applied capacity: a larger relative difference needs a recorded reason. */
  capacityDeviationFraction: number;
  /** A printed contract not signed after this many working days. */
  contractUnsignedWorkdays: number;
  /** Open applications or accounts at one address or under one ID number, at least. */
  sameAddressMin: number;
  /** 暂停/减容 applications of one customer within 12 months, at least. */
  suspensionsPer12Months: number;
  /** A 新装 at the address of a 销户 within this many months. */
  closeThenNewMonths: number;
  /** An application idle in one stage for more than this many working days. */
  idleWorkdays: number;
  /** Working hours of the hall (Asia/Shanghai), "HH:MM"; a move outside them is flagged. */
  workHours: { start: string; end: string };
  /** One 设计单位/施工单位/主要设备供应商 above this share of the hall's customer works … */
  contractorShareFraction: number;
  /** … of the works of applications dated within this many months … */
  contractorSharePeriodMonths: number;
  /** … when there are at least this many. */
  contractorShareMinWorks: number;
  /** An approved scheme of an open application expiring within this many days (or expired). */
  schemeExpiringDays: number;
  /** A signed contract with supply ongoing expiring within this many days (or expired). */
  contractExpiringDays: number;
  /** The hall's monthly meter-reading day (抄表例日, 1–28): billing months run from one to the next. */
  meterReadingDay: number;
  /** A 暂停 starting and ending within this many days of a reading day just covers billing months. */
  suspensionNearReadingDays: number;
  /** A clerk's share of applications suspended (挂起) this many times the other clerks' share … */
  pauseShareFactor: number;
}
