/** One realistic synthetic application record for a business type and class (demo data, benchmarks, tests). */
import type { ApplicationInput, DocumentEntry, VoltageCode } from '../../../shared/domain/application';
import {
  BUSINESS_TYPE_INFO,
  STAGES,
  type BusinessType,
  type CustomerClass,
  type Stage,
} from '../../../shared/domain/codes';
import { requiredDocuments } from '../../../shared/rules';
import type { StageStep } from '../../../shared/workflow/stagePlans';
import { demoChange } from './demoChange';
import { generateMobile, generateRic, generateUscc } from './identifiers';
import { generateAddress, generateOrgName, generatePersonName } from './names';
import type { Prng } from './prng';

export interface DemoOptions {
  type: BusinessType;
  cls: CustomerClass;
  applicationDate: string;

  plan: readonly StageStep[];
  /** Index in the plan of the stage the demo moves the application to. */
  target: number;
  /** Serial number of the application in the run: makes its account number unique (R-CHG-01). */
  serial?: number;
}

/**
 * A 10-digit 户号 unique per serial: multiplying by a prime coprime to 9×10⁹ permutes the range, so numbers
 * look scattered but never repeat (random ones collided within a few hundred thousand applications).
 */
export function demoAccountNo(serial: number): string {
  return String(1_000_000_000 + ((serial * 48_271) % 9_000_000_000));
}

function capacity(
  rng: Prng,
  cls: CustomerClass,
): Pick<ApplicationInput, 'voltageCode' | 'requestedCapacityKw' | 'requestedCapacityKva' | 'transformers'> {
  if (cls === 'LVR') {
    const kw = rng.pick([4, 6, 8, 10, 12, 16, 20]);
    const voltageCode: VoltageCode = kw <= 8 ? 'AC02202' : 'AC03802';
    return { voltageCode, requestedCapacityKw: kw };
  }
  if (cls === 'LVN') return { voltageCode: 'AC03802', requestedCapacityKw: rng.pick([15, 30, 50, 80, 100, 120, 160]) };
  const ratingKva = rng.pick([250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000]);
  const count = rng.int(1, 3);
  return { voltageCode: 'AC00101', requestedCapacityKva: ratingKva * count, transformers: [{ ratingKva, count }] };
}

/**
 * The checklist the rule catalogue asks for (shared/rules requiredDocuments): documents due at a stage the
 * application will reach are received; the others are deferred (容缺) to their due stage half of the time.
 */
function documents(rng: Prng, app: ApplicationInput, opts: DemoOptions): DocumentEntry[] {
  const furthest = Math.max(...reachedStages(opts.plan, opts.target, app).map((stage) => STAGES.indexOf(stage)));
  const docs: DocumentEntry[] = [];
  for (const doc of requiredDocuments(opts.type, opts.cls, app)) {
    if (doc.applies !== true || doc.code === 'COMMITMENT') continue;
    const later = doc.deferrableUntil !== undefined && STAGES.indexOf(doc.due) > furthest;
    if (later && rng.chance(0.5)) docs.push({ code: doc.code, status: 'DEFERRED', dueStage: doc.deferrableUntil });
    else docs.push({ code: doc.code, status: 'RECEIVED' });
  }
  if (docs.some((d) => d.status === 'DEFERRED')) docs.push({ code: 'COMMITMENT', status: 'RECEIVED' });
  return docs;
}

/**
 * The stages an application of this record enters on its way to the target: an optional stage that does not
 * apply to the record is skipped by the workflow, which then lands on the next stage that applies.
 */
export function reachedStages(plan: readonly StageStep[], target: number, app: ApplicationInput): Stage[] {
  let end = target;
  // The demo's scheme keeps the record's supplies as its sources (demoScheme), so the record forecasts it.
  while (end < plan.length - 1 && plan[end]?.optional?.appliesWhen?.(app, null) === false) end++;
  return plan.slice(0, end + 1).map((step) => step.stage);
}

/** 工商业 for every non-residential class (the default profile has no 大工业); two-part from 315 kVA. */
function tariffOf(app: ApplicationInput): ApplicationInput['tariff'] {
  if (app.customerClass === 'LVR') return { category: 'RESIDENTIAL' };
  // Transformers plus HV motors decide the structure (the catalogue's billing capacity).
  const twoPart = (app.requestedCapacityKva ?? 0) + (app.hvMotorKw ?? 0) >= 315;
  return {
    category: 'COMMERCIAL_INDUSTRIAL',
    structure: twoPart ? 'TWO_PART' : 'SINGLE',
    ...(twoPart ? { capacityChargeBasis: 'CAPACITY' as const } : {}),
    choiceFormSigned: true,
  };
}

/**
 * 国民经济行业分类 (GB/T 4754-2017) of plausible businesses: factories, offices and hospitals on high voltage,
 * shops, restaurants and workshops on low voltage. The non-residential contracts print it (REFERENCE.md §7.3).
 */
const INDUSTRIES = {
  HV: ['C3411', 'C2929', 'C3670', 'C1713', 'C3982', 'K7020', 'Q8411', 'P8341'],
  LVN: ['F5211', 'F5212', 'H6210', 'H6110', 'O8010', 'C1431'],
} as const;

/** 减容/暂停 keep no motors in the demo: the catalogue judges their remaining capacity without them. */
const CAPACITY_CUTS = new Set<BusinessType>(['RED', 'SUS']);

export function demoApplication(rng: Prng, opts: DemoOptions): ApplicationInput {
  const person = opts.cls === 'LVR' || (opts.cls === 'LVN' && rng.chance(0.3));
  const hv = opts.cls === 'HV';
  const dual = hv && rng.chance(0.3);
  // Important customers need two circuits (REFERENCE.md §5.3.4 R-IMP-03), so only dual-supply ones are.
  const important = dual && rng.chance(0.6);
  const name = person ? generatePersonName(rng) : generateOrgName(rng);
  const capacityOf = capacity(rng, opts.cls);
  const app: ApplicationInput = {
    businessType: opts.type,
    customerClass: opts.cls,
    customer: {
      kind: person ? 'PERSON' : 'ORG',
      name,
      idType: person ? 'RIC' : 'USCC',
      idNumber: person ? generateRic(rng) : generateUscc(rng),
      phone: generateMobile(rng),
      ...(person ? {} : { legalRep: { name: generatePersonName(rng), idNumber: generateRic(rng) } }),
    },
    site: { regionCode: '320100', areaType: 'URBAN', address: generateAddress(rng, opts.cls === 'LVR') },
    ...capacityOf,
    ...(opts.cls === 'LVR' ? {} : { industryCode: rng.pick(INDUSTRIES[opts.cls]) }),
    // Some plants have high-voltage motors: a special load that calls for design review (REFERENCE.md §3.2).
    ...(hv && !CAPACITY_CUTS.has(opts.type) && rng.chance(0.15) ? { hvMotorKw: rng.pick([160, 250, 400]) } : {}),
    tariff: { category: 'RESIDENTIAL' },
    applicationDate: opts.applicationDate,
    documents: [],
  };
  if (BUSINESS_TYPE_INFO[opts.type].needsAccount) {
    app.accountNo = opts.serial === undefined ? `${rng.int(1, 9)}${rng.digits(9)}` : demoAccountNo(opts.serial);
    // Demo accounts stand for services the marketing system knows and this hall's archive does not (R-HH-04).
    app.accountExternal = true;
  }
  app.tariff = tariffOf(app);
  Object.assign(app, demoChange(rng, opts.type, app));
  app.tariff = tariffOf(app);
  if (hv && reachedStages(opts.plan, opts.target, app).includes('METER_CONNECT')) app.completionCheckPassed = true;
  if (!person) app.acknowledgements = [{ ruleId: 'R-NM-01', reason: '已对照营业执照原件核对户名' }];
  if (hv) {
    app.supplies = [
      { nature: 'MAIN', substation: `${rng.pick(['秣陵', '东山', '燕子矶', '仙林', '河西'])}110千伏变电站` },
      ...(dual ? [{ nature: 'STANDBY' as const, substation: '方山110千伏变电站' }] : []),
    ];
    app.loadGrade = important ? 'SECOND' : 'THIRD';
    if (important) {
      app.importance = '03';
      app.securityLoadKw = 100;
      app.emergencySourceKw = 150;
      app.separateCircuits = { importantFromOrdinary: true, productionFromLiving: true };
    }
    app.metering = { method: '1' };
  }
  if (opts.cls !== 'LVR') {
    // The HV and LV non-residential contracts print the customer's address and bank for settlement (REFERENCE.md
    // §7.3 A.1, B) and are refused without them; derived from what is drawn already, so the demo's random
    // sequence stays as it was.
    app.customer = {
      ...app.customer,
      address: app.site.address,
      bankAccount: `演示银行南京分行 ${app.customer.idNumber.slice(-10)}（演示账号）`,
    };
  }
  app.documents = documents(rng, app, opts);
  return app;
}
