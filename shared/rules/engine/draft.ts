/**
 * A typed, never-throwing view of whatever the rules are given: a half-typed draft from the form, a parsed
 * JSON file, or garbage. Each field is either a value of the right type or undefined; values of the wrong type
 * (or codes outside their list) are remembered in `invalid` so rule R-REQ-02 can name them.
 */
import {
  AREA_TYPES,
  CAPACITY_CHARGE_BASES,
  DOCUMENT_CODES,
  DOCUMENT_STATUSES,
  ID_TYPES,
  IMPORTANCE_CODES,
  LOAD_GRADES,
  METERING_METHODS,
  POWER_FACTOR_STANDARDS,
  SUPPLY_NATURES,
  TARIFF_CATEGORIES,
  TARIFF_STRUCTURES,
  VOLTAGE_CODES,
  type DocumentCode,
  type IdType,
  type TariffCategory,
  type VoltageCode,
} from '../../domain/application';
import {
  BUSINESS_TYPES,
  CUSTOMER_CLASSES,
  STAGES,
  type BusinessType,
  type CustomerClass,
  type Stage,
} from '../../domain/codes';

type Obj = Record<string, unknown>;
type Values<T extends readonly string[]> = T[number];

export interface DraftPerson {
  name?: string;
  idType?: IdType;
  idNumber?: string;
  phone?: string;
}

export interface DraftTransformer {
  ratingKva: number;
  count: number;
}

export interface DraftSupply {
  nature?: Values<typeof SUPPLY_NATURES>;
  substation?: string;
  line?: string;
}

export interface DraftDocument {
  code: DocumentCode;
  status?: Values<typeof DOCUMENT_STATUSES>;
  dueStage?: Stage;
  reason?: string;
  /** Position in app.documents, for the field path `documents.N`. */
  index: number;
}

export interface AppDraft {
  businessType?: BusinessType;
  customerClass?: CustomerClass;
  customer: DraftPerson & {
    kind?: 'PERSON' | 'ORG';
    landline?: string;
    legalRep?: DraftPerson;
    agent?: DraftPerson;
  };
  accountNo?: string;
  accountExternal?: boolean;
  site: { regionCode?: string; address?: string; postalCode?: string; areaType?: Values<typeof AREA_TYPES> };
  voltageCode?: VoltageCode;
  requestedCapacityKw?: number;
  requestedCapacityKva?: number;
  /** Undefined when the record has no transformer list. */
  transformers?: DraftTransformer[];
  hvMotorKw?: number;
  maxDemandKw?: number;
  singlePhaseEquipmentKw?: number;
  maxSingleWelderKw?: number;
  tariff: {
    category?: TariffCategory;
    structure?: Values<typeof TARIFF_STRUCTURES>;
    capacityChargeBasis?: Values<typeof CAPACITY_CHARGE_BASES>;
    contractDemandKw?: number;
    choiceFormSigned?: boolean;
  };
  industryCode?: string;
  utilityIndustryCode?: string;
  loadGrade?: Values<typeof LOAD_GRADES>;
  importance?: Values<typeof IMPORTANCE_CODES>;
  supplies?: DraftSupply[];
  securityLoadKw?: number;
  emergencySourceKw?: number;
  metering?: {
    method?: Values<typeof METERING_METHODS>;
    ctRatio?: string;
    ptRatio?: string;
    meterMultiplier?: number;
    overallMultiplier?: number;
  };
  powerFactorStandard?: Values<typeof POWER_FACTOR_STANDARDS>;
  applicationDate?: string;
  desiredConnectionDate?: string;
  effectiveDate?: string;
  endDate?: string;
  oneCertificate?: boolean;
  provincialApproval?: boolean;
  completionCheckPassed?: boolean;
  documents: DraftDocument[];
  existing: {
    capacityKw?: number;
    capacityKva?: number;
    transformers?: DraftTransformer[];
    voltageCode?: VoltageCode;
    tariffCategory?: TariffCategory;
    tariffStructure?: Values<typeof TARIFF_STRUCTURES>;
    address?: string;
    arrearsFen?: number;
    suspensionsThisYear?: { count: number; days: number };
    lastReductionDate?: string;
    lastSuspensionDate?: string;
    temporaryEndDate?: string;
    meterRemovedDate?: string;
  };
  acknowledgements: { ruleId: string; reason: string }[];
  /** Dotted paths of values present with the wrong type or outside their code list. */
  invalid: string[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const sets = new Map<readonly string[], Set<string>>();
const setOf = (values: readonly string[]): Set<string> => {
  let set = sets.get(values);
  if (!set) sets.set(values, (set = new Set(values)));
  return set;
};

class Reader {
  readonly invalid: string[] = [];

  bad(prefix: string, key: string): undefined {
    this.invalid.push(prefix + key);
    return undefined;
  }
  str(o: Obj, key: string, prefix = ''): string | undefined {
    const v = o[key];
    return v === undefined || v === null ? undefined : typeof v === 'string' ? v : this.bad(prefix, key);
  }
  num(o: Obj, key: string, prefix = ''): number | undefined {
    const v = o[key];
    return v === undefined || v === null
      ? undefined
      : typeof v === 'number' && Number.isFinite(v)
        ? v
        : this.bad(prefix, key);
  }
  bool(o: Obj, key: string, prefix = ''): boolean | undefined {
    const v = o[key];
    return v === undefined || v === null ? undefined : typeof v === 'boolean' ? v : this.bad(prefix, key);
  }
  code<T extends readonly string[]>(o: Obj, key: string, values: T, prefix = ''): T[number] | undefined {
    const v = o[key];
    if (v === undefined || v === null || v === '') return undefined;
    return typeof v === 'string' && setOf(values).has(v) ? (v as T[number]) : this.bad(prefix, key);
  }
  obj(o: Obj, key: string, prefix = ''): Obj | undefined {
    const v = o[key];
    return v === undefined || v === null ? undefined : isObj(v) ? v : this.bad(prefix, key);
  }
  arr(o: Obj, key: string, prefix = ''): unknown[] | undefined {
    const v = o[key];
    return v === undefined || v === null ? undefined : Array.isArray(v) ? v : this.bad(prefix, key);
  }

  person(o: Obj | undefined, prefix: string): DraftPerson | undefined {
    if (!o) return undefined;
    return {
      name: this.str(o, 'name', prefix),
      idType: this.code(o, 'idType', ID_TYPES, prefix),
      idNumber: this.str(o, 'idNumber', prefix),
      phone: this.str(o, 'phone', prefix),
    };
  }

  transformers(list: unknown[] | undefined, prefix: string): DraftTransformer[] | undefined {
    if (!list) return undefined;
    const out: DraftTransformer[] = [];
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      const ratingKva = isObj(t) ? this.num(t, 'ratingKva', `${prefix}.${i}.`) : this.bad(`${prefix}.`, String(i));
      const count = isObj(t) ? (this.num(t, 'count', `${prefix}.${i}.`) ?? 1) : 1;
      if (ratingKva !== undefined) out.push({ ratingKva, count });
    }
    return out;
  }
}

/** Reads any value into an AppDraft without throwing. */
export function readDraft(raw: unknown): AppDraft {
  const r = new Reader();
  const app = isObj(raw) ? raw : {};
  const customer = r.obj(app, 'customer') ?? {};
  const site = r.obj(app, 'site') ?? {};
  const tariff = r.obj(app, 'tariff') ?? {};
  const metering = r.obj(app, 'metering');
  const existing = r.obj(app, 'existing') ?? {};
  const suspensions = r.obj(existing, 'suspensionsThisYear', 'existing.');

  const documents: DraftDocument[] = [];
  const docList = r.arr(app, 'documents') ?? [];
  for (let i = 0; i < docList.length; i++) {
    const d = docList[i];
    const prefix = `documents.${i}.`;
    const code = isObj(d) ? r.code(d, 'code', DOCUMENT_CODES, prefix) : r.bad('documents.', String(i));
    if (!code || !isObj(d)) continue;
    documents.push({
      code,
      status: r.code(d, 'status', DOCUMENT_STATUSES, prefix),
      dueStage: r.code(d, 'dueStage', STAGES, prefix),
      reason: r.str(d, 'reason', prefix),
      index: i,
    });
  }

  const acknowledgements: AppDraft['acknowledgements'] = [];
  for (const a of r.arr(app, 'acknowledgements') ?? []) {
    if (isObj(a) && typeof a.ruleId === 'string' && typeof a.reason === 'string') {
      acknowledgements.push({ ruleId: a.ruleId, reason: a.reason });
    }
  }

  const supplyList = r.arr(app, 'supplies');
  const supplies = supplyList?.map((s, i) =>
    isObj(s)
      ? {
          nature: r.code(s, 'nature', SUPPLY_NATURES, `supplies.${i}.`),
          substation: r.str(s, 'substation', `supplies.${i}.`),
          line: r.str(s, 'line', `supplies.${i}.`),
        }
      : (r.bad('supplies.', String(i)) ?? {}),
  );

  return {
    businessType: r.code(app, 'businessType', BUSINESS_TYPES),
    customerClass: r.code(app, 'customerClass', CUSTOMER_CLASSES),
    customer: {
      ...r.person(customer, 'customer.'),
      kind: r.code(customer, 'kind', ['PERSON', 'ORG'] as const, 'customer.'),
      landline: r.str(customer, 'landline', 'customer.'),
      legalRep: r.person(r.obj(customer, 'legalRep', 'customer.'), 'customer.legalRep.'),
      agent: r.person(r.obj(customer, 'agent', 'customer.'), 'customer.agent.'),
    },
    accountNo: r.str(app, 'accountNo'),
    accountExternal: r.bool(app, 'accountExternal'),
    site: {
      regionCode: r.str(site, 'regionCode', 'site.'),
      address: r.str(site, 'address', 'site.'),
      postalCode: r.str(site, 'postalCode', 'site.'),
      areaType: r.code(site, 'areaType', AREA_TYPES, 'site.'),
    },
    voltageCode: r.code(app, 'voltageCode', VOLTAGE_CODES),
    requestedCapacityKw: r.num(app, 'requestedCapacityKw'),
    requestedCapacityKva: r.num(app, 'requestedCapacityKva'),
    transformers: r.transformers(r.arr(app, 'transformers'), 'transformers'),
    hvMotorKw: r.num(app, 'hvMotorKw'),
    maxDemandKw: r.num(app, 'maxDemandKw'),
    singlePhaseEquipmentKw: r.num(app, 'singlePhaseEquipmentKw'),
    maxSingleWelderKw: r.num(app, 'maxSingleWelderKw'),
    tariff: {
      category: r.code(tariff, 'category', TARIFF_CATEGORIES, 'tariff.'),
      structure: r.code(tariff, 'structure', TARIFF_STRUCTURES, 'tariff.'),
      capacityChargeBasis: r.code(tariff, 'capacityChargeBasis', CAPACITY_CHARGE_BASES, 'tariff.'),
      contractDemandKw: r.num(tariff, 'contractDemandKw', 'tariff.'),
      choiceFormSigned: r.bool(tariff, 'choiceFormSigned', 'tariff.'),
    },
    industryCode: r.str(app, 'industryCode'),
    utilityIndustryCode: r.str(app, 'utilityIndustryCode'),
    loadGrade: r.code(app, 'loadGrade', LOAD_GRADES),
    importance: r.code(app, 'importance', IMPORTANCE_CODES),
    supplies,
    securityLoadKw: r.num(app, 'securityLoadKw'),
    emergencySourceKw: r.num(app, 'emergencySourceKw'),
    metering: metering && {
      method: r.code(metering, 'method', METERING_METHODS, 'metering.'),
      ctRatio: r.str(metering, 'ctRatio', 'metering.'),
      ptRatio: r.str(metering, 'ptRatio', 'metering.'),
      meterMultiplier: r.num(metering, 'meterMultiplier', 'metering.'),
      overallMultiplier: r.num(metering, 'overallMultiplier', 'metering.'),
    },
    powerFactorStandard: r.code(app, 'powerFactorStandard', POWER_FACTOR_STANDARDS),
    applicationDate: r.str(app, 'applicationDate'),
    desiredConnectionDate: r.str(app, 'desiredConnectionDate'),
    effectiveDate: r.str(app, 'effectiveDate'),
    endDate: r.str(app, 'endDate'),
    oneCertificate: r.bool(app, 'oneCertificate'),
    provincialApproval: r.bool(app, 'provincialApproval'),
    completionCheckPassed: r.bool(app, 'completionCheckPassed'),
    documents,
    existing: {
      capacityKw: r.num(existing, 'capacityKw', 'existing.'),
      capacityKva: r.num(existing, 'capacityKva', 'existing.'),
      transformers: r.transformers(r.arr(existing, 'transformers', 'existing.'), 'existing.transformers'),
      voltageCode: r.code(existing, 'voltageCode', VOLTAGE_CODES, 'existing.'),
      tariffCategory: r.code(existing, 'tariffCategory', TARIFF_CATEGORIES, 'existing.'),
      tariffStructure: r.code(existing, 'tariffStructure', TARIFF_STRUCTURES, 'existing.'),
      address: r.str(existing, 'address', 'existing.'),
      arrearsFen: r.num(existing, 'arrearsFen', 'existing.'),
      suspensionsThisYear: suspensions && {
        count: r.num(suspensions, 'count', 'existing.suspensionsThisYear.') ?? 0,
        days: r.num(suspensions, 'days', 'existing.suspensionsThisYear.') ?? 0,
      },
      lastReductionDate: r.str(existing, 'lastReductionDate', 'existing.'),
      lastSuspensionDate: r.str(existing, 'lastSuspensionDate', 'existing.'),
      temporaryEndDate: r.str(existing, 'temporaryEndDate', 'existing.'),
      meterRemovedDate: r.str(existing, 'meterRemovedDate', 'existing.'),
    },
    acknowledgements,
    invalid: r.invalid,
  };
}
