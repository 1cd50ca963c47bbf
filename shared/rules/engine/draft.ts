/**
 * A typed, never-throwing view of whatever the rules are given: a half-typed draft from the form, a parsed
 * JSON file, or garbage. Each field is either a value of the right type or undefined; values of the wrong type
 * (or codes outside their list) are remembered in `invalid` so rule R-REQ-02 can name them.
 *
 * Nested sections (customer, site, documents …) are read on first use: the single-field re-check after a
 * keystroke touches only the sections its rules read, which keeps it within a few microseconds.
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
const CUSTOMER_KINDS = ['PERSON', 'ORG'] as const;
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
  readonly invalid: string[];
  /** The invalid paths at or under `field` (reads only that field's section). */
  invalidIn(field: string): string[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Code lists as sets, built once: the reader runs on every keystroke. */
const CODE_SETS = new Map<readonly string[], ReadonlySet<string>>(
  [
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
    BUSINESS_TYPES,
    CUSTOMER_CLASSES,
    STAGES,
    CUSTOMER_KINDS,
  ].map((list) => [list, new Set<string>(list)]),
);
const setOf = (values: readonly string[]): ReadonlySet<string> => CODE_SETS.get(values) ?? new Set(values);

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

type Section =
  | 'customer'
  | 'site'
  | 'tariff'
  | 'metering'
  | 'transformers'
  | 'supplies'
  | 'documents'
  | 'existing'
  | 'acknowledgements';
const SECTIONS: readonly Section[] = [
  'customer',
  'site',
  'tariff',
  'metering',
  'transformers',
  'supplies',
  'documents',
  'existing',
  'acknowledgements',
];

/** Each section has its own reader, so `invalid` lists paths in the same order whatever was read first. */
class LazyDraft {
  private readonly top = new Reader();
  private readonly readers: Partial<Record<Section, Reader>> = {};
  private readonly values: Partial<Record<Section, unknown>> = {};

  readonly businessType: AppDraft['businessType'];
  readonly customerClass: AppDraft['customerClass'];
  readonly accountNo: AppDraft['accountNo'];
  readonly accountExternal: AppDraft['accountExternal'];
  readonly voltageCode: AppDraft['voltageCode'];
  readonly requestedCapacityKw: AppDraft['requestedCapacityKw'];
  readonly requestedCapacityKva: AppDraft['requestedCapacityKva'];
  readonly hvMotorKw: AppDraft['hvMotorKw'];
  readonly maxDemandKw: AppDraft['maxDemandKw'];
  readonly singlePhaseEquipmentKw: AppDraft['singlePhaseEquipmentKw'];
  readonly maxSingleWelderKw: AppDraft['maxSingleWelderKw'];
  readonly industryCode: AppDraft['industryCode'];
  readonly utilityIndustryCode: AppDraft['utilityIndustryCode'];
  readonly loadGrade: AppDraft['loadGrade'];
  readonly importance: AppDraft['importance'];
  readonly securityLoadKw: AppDraft['securityLoadKw'];
  readonly emergencySourceKw: AppDraft['emergencySourceKw'];
  readonly powerFactorStandard: AppDraft['powerFactorStandard'];
  readonly applicationDate: AppDraft['applicationDate'];
  readonly desiredConnectionDate: AppDraft['desiredConnectionDate'];
  readonly effectiveDate: AppDraft['effectiveDate'];
  readonly endDate: AppDraft['endDate'];
  readonly oneCertificate: AppDraft['oneCertificate'];
  readonly provincialApproval: AppDraft['provincialApproval'];
  readonly completionCheckPassed: AppDraft['completionCheckPassed'];

  constructor(private readonly raw: Obj) {
    const r = this.top;
    this.businessType = r.code(raw, 'businessType', BUSINESS_TYPES);
    this.customerClass = r.code(raw, 'customerClass', CUSTOMER_CLASSES);
    this.accountNo = r.str(raw, 'accountNo');
    this.accountExternal = r.bool(raw, 'accountExternal');
    this.voltageCode = r.code(raw, 'voltageCode', VOLTAGE_CODES);
    this.requestedCapacityKw = r.num(raw, 'requestedCapacityKw');
    this.requestedCapacityKva = r.num(raw, 'requestedCapacityKva');
    this.hvMotorKw = r.num(raw, 'hvMotorKw');
    this.maxDemandKw = r.num(raw, 'maxDemandKw');
    this.singlePhaseEquipmentKw = r.num(raw, 'singlePhaseEquipmentKw');
    this.maxSingleWelderKw = r.num(raw, 'maxSingleWelderKw');
    this.industryCode = r.str(raw, 'industryCode');
    this.utilityIndustryCode = r.str(raw, 'utilityIndustryCode');
    this.loadGrade = r.code(raw, 'loadGrade', LOAD_GRADES);
    this.importance = r.code(raw, 'importance', IMPORTANCE_CODES);
    this.securityLoadKw = r.num(raw, 'securityLoadKw');
    this.emergencySourceKw = r.num(raw, 'emergencySourceKw');
    this.powerFactorStandard = r.code(raw, 'powerFactorStandard', POWER_FACTOR_STANDARDS);
    this.applicationDate = r.str(raw, 'applicationDate');
    this.desiredConnectionDate = r.str(raw, 'desiredConnectionDate');
    this.effectiveDate = r.str(raw, 'effectiveDate');
    this.endDate = r.str(raw, 'endDate');
    this.oneCertificate = r.bool(raw, 'oneCertificate');
    this.provincialApproval = r.bool(raw, 'provincialApproval');
    this.completionCheckPassed = r.bool(raw, 'completionCheckPassed');
  }

  private section<T>(name: Section, read: (r: Reader, raw: Obj) => T): T {
    if (!(name in this.values)) {
      const reader = new Reader();
      this.readers[name] = reader;
      this.values[name] = read(reader, this.raw);
    }
    return this.values[name] as T;
  }

  get customer(): AppDraft['customer'] {
    return this.section('customer', readCustomer);
  }
  get site(): AppDraft['site'] {
    return this.section('site', readSite);
  }
  get tariff(): AppDraft['tariff'] {
    return this.section('tariff', readTariff);
  }
  get metering(): AppDraft['metering'] {
    return this.section('metering', readMetering);
  }
  get transformers(): AppDraft['transformers'] {
    return this.section('transformers', (r, raw) => r.transformers(r.arr(raw, 'transformers'), 'transformers'));
  }
  get supplies(): AppDraft['supplies'] {
    return this.section('supplies', readSupplies);
  }
  get documents(): AppDraft['documents'] {
    return this.section('documents', readDocuments);
  }
  get existing(): AppDraft['existing'] {
    return this.section('existing', readExisting);
  }
  get acknowledgements(): AppDraft['acknowledgements'] {
    return this.section('acknowledgements', readAcknowledgements);
  }

  private force(name: Section): void {
    void (this as unknown as Record<Section, unknown>)[name];
  }

  get invalid(): string[] {
    SECTIONS.forEach((name) => this.force(name));
    return [...this.top.invalid, ...SECTIONS.flatMap((name) => this.readers[name]?.invalid ?? [])];
  }

  invalidIn(field: string): string[] {
    const dot = field.indexOf('.');
    const head = (dot < 0 ? field : field.slice(0, dot)) as Section;
    const out: string[] = [];
    const collect = (paths: readonly string[]) => {
      for (const path of paths) if (path === field || path.startsWith(`${field}.`)) out.push(path);
    };
    collect(this.top.invalid);
    if (SECTIONS.includes(head)) {
      this.force(head);
      collect(this.readers[head]?.invalid ?? []);
    }
    return out;
  }
}

function readCustomer(r: Reader, raw: Obj): AppDraft['customer'] {
  const customer = r.obj(raw, 'customer') ?? {};
  const prefix = 'customer.';
  return {
    name: r.str(customer, 'name', prefix),
    idType: r.code(customer, 'idType', ID_TYPES, prefix),
    idNumber: r.str(customer, 'idNumber', prefix),
    phone: r.str(customer, 'phone', prefix),
    kind: r.code(customer, 'kind', CUSTOMER_KINDS, 'customer.'),
    landline: r.str(customer, 'landline', 'customer.'),
    legalRep: r.person(r.obj(customer, 'legalRep', 'customer.'), 'customer.legalRep.'),
    agent: r.person(r.obj(customer, 'agent', 'customer.'), 'customer.agent.'),
  };
}

function readSite(r: Reader, raw: Obj): AppDraft['site'] {
  const site = r.obj(raw, 'site') ?? {};
  return {
    regionCode: r.str(site, 'regionCode', 'site.'),
    address: r.str(site, 'address', 'site.'),
    postalCode: r.str(site, 'postalCode', 'site.'),
    areaType: r.code(site, 'areaType', AREA_TYPES, 'site.'),
  };
}

function readTariff(r: Reader, raw: Obj): AppDraft['tariff'] {
  const tariff = r.obj(raw, 'tariff') ?? {};
  return {
    category: r.code(tariff, 'category', TARIFF_CATEGORIES, 'tariff.'),
    structure: r.code(tariff, 'structure', TARIFF_STRUCTURES, 'tariff.'),
    capacityChargeBasis: r.code(tariff, 'capacityChargeBasis', CAPACITY_CHARGE_BASES, 'tariff.'),
    contractDemandKw: r.num(tariff, 'contractDemandKw', 'tariff.'),
    choiceFormSigned: r.bool(tariff, 'choiceFormSigned', 'tariff.'),
  };
}

function readMetering(r: Reader, raw: Obj): AppDraft['metering'] {
  const metering = r.obj(raw, 'metering');
  return (
    metering && {
      method: r.code(metering, 'method', METERING_METHODS, 'metering.'),
      ctRatio: r.str(metering, 'ctRatio', 'metering.'),
      ptRatio: r.str(metering, 'ptRatio', 'metering.'),
      meterMultiplier: r.num(metering, 'meterMultiplier', 'metering.'),
      overallMultiplier: r.num(metering, 'overallMultiplier', 'metering.'),
    }
  );
}

function readSupplies(r: Reader, raw: Obj): AppDraft['supplies'] {
  return r.arr(raw, 'supplies')?.map((s, i) =>
    isObj(s)
      ? {
          nature: r.code(s, 'nature', SUPPLY_NATURES, `supplies.${i}.`),
          substation: r.str(s, 'substation', `supplies.${i}.`),
          line: r.str(s, 'line', `supplies.${i}.`),
        }
      : (r.bad('supplies.', String(i)) ?? {}),
  );
}

function readDocuments(r: Reader, raw: Obj): AppDraft['documents'] {
  const documents: DraftDocument[] = [];
  const list = r.arr(raw, 'documents') ?? [];
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
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
  return documents;
}

function readExisting(r: Reader, raw: Obj): AppDraft['existing'] {
  const existing = r.obj(raw, 'existing') ?? {};
  const suspensions = r.obj(existing, 'suspensionsThisYear', 'existing.');
  return {
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
  };
}

function readAcknowledgements(r: Reader, raw: Obj): AppDraft['acknowledgements'] {
  const out: AppDraft['acknowledgements'] = [];
  for (const a of r.arr(raw, 'acknowledgements') ?? []) {
    if (isObj(a) && typeof a.ruleId === 'string' && typeof a.reason === 'string') {
      out.push({ ruleId: a.ruleId, reason: a.reason });
    }
  }
  return out;
}

/** Reads any value into an AppDraft without throwing. */
export function readDraft(raw: unknown): AppDraft {
  return new LazyDraft(isObj(raw) ? raw : {});
}
