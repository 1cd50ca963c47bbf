/**
 * Reads a province profile file. The file overrides any subset of the defaults; unknown keys and wrong values
 * are refused with a message naming the key, and then the defaults stay in force (the whole file is refused,
 * so a half-applied profile can never mix with the defaults).
 */
import { z } from 'zod';
import { BUSINESS_TYPES } from '../../domain/codes';
import { DOCUMENT_CODES, LOW_VOLTAGE_CODES, TARIFF_CATEGORIES, VOLTAGE_CODES } from '../../domain/application';
import { DOC_GROUPS } from '../documents/matrix';
import { docRequirementSchema } from '../documents/requirement';
import { DEFAULT_PROFILE } from './defaults';
import type { RuleProfile } from './profile';

const positive = z.number().positive();
const fraction = z.number().min(0).max(10);
const whole = z.number().int().min(0);

const docRow = z.partialRecord(z.enum(DOCUMENT_CODES), docRequirementSchema.nullable());

export const overrideSchema = z.strictObject({
  $comment: z.string().optional(),
  name: z.string().min(1).max(64).optional(),
  accountNumber: z
    .strictObject({
      lengths: z.array(z.number().int().min(6).max(16)).min(1).max(11).optional(),
      prefix13: z
        .string()
        .regex(/^\d{3}$/)
        .nullable()
        .optional(),
    })
    .optional(),
  serviceTerritory: z
    .array(z.string().regex(/^\d{2,6}$/))
    .max(5000)
    .optional(),
  identity: z.strictObject({ adultAge: z.number().int().min(14).max(21).optional() }).optional(),
  capacity: z
    .strictObject({
      singlePhaseMaxKwExclusive: positive.optional(),
      singlePhaseWelderMaxKw: positive.optional(),
      lvUrbanMaxKw: positive.optional(),
      lvRuralMaxKw: positive.optional(),
      lvHardMaxKw: positive.optional(),
      hvBelowKvaWarn: positive.optional(),
      voltageBandsKva: z
        .array(z.strictObject({ kv: positive, minKva: positive.nullable(), maxKva: positive.nullable() }))
        .max(20)
        .optional(),
      terminalSubstationFromKv: positive.optional(),
    })
    .optional(),
  tariff: z
    .strictObject({
      categories: z.array(z.enum(TARIFF_CATEGORIES)).min(1).max(TARIFF_CATEGORIES.length).optional(),
      singlePartOnlyMaxKva: positive.optional(),
      twoPartFromKva: positive.optional(),
      largeIndustryFromKva: positive.optional(),
      contractDemandMinFraction: fraction.optional(),
    })
    .optional(),
  powerFactor: z
    .strictObject({ hvIndustrialAboveKva: positive.optional(), assessedFromKva: positive.optional() })
    .optional(),
  changeOfUse: z
    .strictObject({
      advanceNoticeWorkdays: whole.optional(),
      suspensionMinDays: whole.optional(),
      suspensionMaxDaysPerYear: whole.optional(),
      suspensionMaxPerYear: whole.nullable().optional(),
      reductionRestoreWindowYears: positive.optional(),
      swapMaxMonthsUpTo10kV: positive.optional(),
      swapMaxMonthsFrom35kV: positive.optional(),
      meterRemovalMaxMonths: positive.optional(),
      temporarySupplyMaxMonths: positive.optional(),
    })
    .optional(),
  supply: z
    .strictObject({
      emergencySourceMinFraction: fraction.optional(),
      voltages: z
        .array(z.enum(VOLTAGE_CODES))
        .max(VOLTAGE_CODES.length)
        .refine((codes) => codes.some((code) => LOW_VOLTAGE_CODES.includes(code)), '须至少含一个低压等级')
        .refine((codes) => codes.some((code) => !LOW_VOLTAGE_CODES.includes(code)), '须至少含一个高压等级')
        .optional(),
    })
    .optional(),
  industry: z
    .strictObject({
      classCodes: z
        .array(z.string().regex(/^[A-T]\d{3,4}$/))
        .max(5000)
        .optional(),
      utilityClassSections: z
        .record(z.string().regex(/^[0-9A-Z]{4}$/), z.array(z.string().regex(/^[A-T]$/)).max(20))
        .optional(),
    })
    .optional(),
  metering: z
    .strictObject({
      hvHighSideFromKva: positive.optional(),
      ctMinLoadFraction: fraction.optional(),
      lvAmperesPerKva: positive.optional(),
      meteringClasses: z
        .array(
          z.strictObject({
            class: z.enum(['I', 'II', 'III', 'IV', 'V']),
            fromKva: positive.optional(),
            fromMonthlyKwh: positive.optional(),
            belowKva: positive.optional(),
            singlePhase: z.boolean().optional(),
            activeMeter: z.string().regex(/^\d+(\.\d+)?S?(\/\d+(\.\d+)?S?)*$/),
            ct: z
              .string()
              .regex(/^\d+(\.\d+)?S?(\/\d+(\.\d+)?S?)*$/)
              .optional(),
          }),
        )
        .min(1)
        .max(10)
        .refine((rows) => rows.some((row) => row.belowKva !== undefined), '须有一行以 belowKva 给出最低类别')
        .optional(),
    })
    .optional(),
  deadlines: z.strictObject({ dueSoonFraction: fraction.optional(), dueSoonWorkdaysLeft: whole.optional() }).optional(),
  risk: z
    .strictObject({
      acknowledgedMinCount: whole.optional(),
      acknowledgedShareFactor: positive.optional(),
      returnsToAcceptMin: whole.min(1).optional(),
      capacityRobustZ: positive.optional(),
      capacityGroupMin: whole.min(3).optional(),
      clerkRateFactor: positive.optional(),
      clerkRateMinApplications: whole.min(1).optional(),
      capacityDeviationFraction: fraction.optional(),
      contractUnsignedWorkdays: whole.optional(),
      sameAddressMin: whole.min(2).optional(),
      suspensionsPer12Months: whole.min(1).optional(),
      closeThenNewMonths: whole.min(1).optional(),
      idleWorkdays: whole.min(1).optional(),
      workHours: z
        .strictObject({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) })
        .optional(),
      contractorShareFraction: z.number().min(0).max(1).optional(),
      contractorSharePeriodMonths: whole.min(1).max(24).optional(),
      contractorShareMinWorks: whole.min(1).optional(),
      schemeExpiringDays: whole.min(1).max(365).optional(),
      contractExpiringDays: whole.min(1).max(365).optional(),
      meterReadingDay: whole.min(1).max(28).optional(),
      suspensionNearReadingDays: whole.max(14).optional(),
      pauseShareFactor: positive.optional(),
    })
    .optional(),
  portrait: z
    .strictObject({
      hvPlanningFraction: z.number().gt(0).max(1).optional(),
      growthApplications: whole.min(2).optional(),
      compoundMinCustomers: whole.min(2).optional(),
      compoundMonths: whole.min(1).max(60).optional(),
      temporaryRepeats: whole.min(2).optional(),
      suspensionsForDemand: whole.min(1).optional(),
      suspensionMonths: whole.min(1).max(60).optional(),
      industryClusterMin: whole.min(2).optional(),
      industryMonths: whole.min(1).max(60).optional(),
      leadListMax: whole.min(1).max(200).optional(),
    })
    .optional(),
  scheme: z
    .strictObject({
      validityMonthsHv: z.number().int().min(1).max(60).optional(),
      validityMonthsLv: z.number().int().min(1).max(60).optional(),
      extensionNoticeDays: whole.optional(),
      expiringSoonDays: whole.optional(),
    })
    .optional(),
  contracts: z
    .strictObject({
      disputeResolution: z
        .discriminatedUnion('method', [
          z.strictObject({ method: z.literal('COURT') }),
          z.strictObject({
            method: z.literal('ARBITRATION'),
            arbitrationCommission: z.string().trim().min(2).max(64),
          }),
        ])
        .optional(),
    })
    .optional(),
  documents: z
    .strictObject({
      oneCertificateTypes: z.array(z.enum(BUSINESS_TYPES)).max(BUSINESS_TYPES.length).optional(),
      matrix: z.partialRecord(z.enum(DOC_GROUPS), docRow).optional(),
    })
    .optional(),
});

export type ProfileOverride = z.infer<typeof overrideSchema>;

export type ProfileLoad = { ok: true; profile: RuleProfile } | { ok: false; profile: RuleProfile; problems: string[] };

/** Applies a parsed profile file over the defaults, or refuses it (defaults kept) naming every bad key. */
export function loadProfile(json: unknown): ProfileLoad {
  const parsed = overrideSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => refusal([...path, key].join('.'), '不是可配置项'));
      }
      return [refusal(path.join('.') || '（根）', `取值无效（${issue.message}）`)];
    });
    return { ok: false, profile: DEFAULT_PROFILE, problems };
  }
  const { $comment: _comment, ...override } = parsed.data;
  return { ok: true, profile: mergeDeep(DEFAULT_PROFILE, override) };
}

function refusal(key: string, what: string): string {
  return `省级规则配置中的“${key}”${what}，整份配置未采用，仍按原有规则执行；请修改配置文件后重新载入。`;
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; arrays and scalars replace. */
function mergeDeep<T>(base: T, override: unknown): T {
  if (!isPlain(base) || !isPlain(override)) return (override === undefined ? base : override) as T;
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) out[key] = mergeDeep(out[key], value);
  }
  return out as T;
}
