/**
 * A typed, never-throwing view of whatever the rules are given: a half-typed draft from the form, a parsed
 * JSON file, or garbage. Each field is either a value of the right type or undefined; values of the wrong type
 * (or codes outside their list) are remembered in `invalid` so rule R-REQ-02 can name them.
 *
 * Nested sections (customer, site, documents …) are read on first use: the single-field re-check after a
 * keystroke touches only the sections its rules read, which keeps it within a few microseconds.
 */
import {
  IMPORTANCE_CODES,
  LOAD_GRADES,
  POWER_FACTOR_STANDARDS,
  VOLTAGE_CODES,
  type AREA_TYPES,
  type CAPACITY_CHARGE_BASES,
  type DOCUMENT_STATUSES,
  type DocumentCode,
  type IdType,
  type METERING_METHODS,
  type SUPPLY_NATURES,
  type TARIFF_STRUCTURES,
  type TariffCategory,
  type VoltageCode,
  type WorksPartyChoice,
  type WorksPartyRole,
} from '../../domain/application';
import {
  BUSINESS_TYPES,
  CUSTOMER_CLASSES,
  type BusinessType,
  type CustomerClass,
  type Stage,
} from '../../domain/codes';
import {
  isObj,
  readAcknowledgements,
  readCustomer,
  readCustomerWorks,
  readDocuments,
  readExisting,
  readMetering,
  readSite,
  readSupplies,
  readTransformers,
  readTariff,
  Reader,
  type Obj,
} from './sectionReaders';

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

export interface DraftMergedAccount {
  accountNo?: string;
  capacityKw?: number;
  capacityKva?: number;
}

export interface DraftWorksParty {
  name?: string;
  choice?: WorksPartyChoice;
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
  site: {
    regionCode?: string;
    address?: string;
    postalCode?: string;
    areaType?: Values<typeof AREA_TYPES>;
    supplyPoint?: string;
  };
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
  separateCircuits?: { importantFromOrdinary?: boolean; productionFromLiving?: boolean };
  metering?: {
    method?: Values<typeof METERING_METHODS>;
    ctRatio?: string;
    ptRatio?: string;
    meterMultiplier?: number;
    overallMultiplier?: number;
    expectedMonthlyKwh?: number;
  };
  powerFactorStandard?: Values<typeof POWER_FACTOR_STANDARDS>;
  applicationDate?: string;
  desiredConnectionDate?: string;
  effectiveDate?: string;
  endDate?: string;
  oneCertificate?: boolean;
  provincialApproval?: boolean;
  completionCheckPassed?: boolean;
  /** 装表接电记录 (R-MET-04). */
  meterInstallation?: { atBoundary?: boolean; lossAgreement?: string };
  /** 三不指定 parties of the receiving works; a role is absent when not recorded. */
  customerWorks: Partial<Record<WorksPartyRole, DraftWorksParty>>;
  documents: DraftDocument[];
  existing: {
    capacityKw?: number;
    capacityKva?: number;
    transformers?: DraftTransformer[];
    voltageCode?: VoltageCode;
    tariffCategory?: TariffCategory;
    tariffStructure?: Values<typeof TARIFF_STRUCTURES>;
    address?: string;
    supplyPoint?: string;
    mergedAccounts?: DraftMergedAccount[];
    arrearsFen?: number;
    suspensionsThisYear?: { count: number; days: number };
    lastReductionDate?: string;
    lastSuspensionDate?: string;
    temporaryStartDate?: string;
    temporaryEndDate?: string;
    meterRemovedDate?: string;
  };
  acknowledgements: { ruleId: string; reason: string }[];
  /** Dotted paths of values present with the wrong type or outside their code list. */
  readonly invalid: string[];
  /** The invalid paths at or under `field` (reads only that field's section). */
  invalidIn(field: string): string[];
  /**
   * A value derived from this record, computed once and kept with it: several rules share it (e.g. the
   * identity numbers found in the record, the document checklist).
   */
  derive<T>(key: string, compute: (app: AppDraft) => T): T;
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
  | 'customerWorks'
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
  'customerWorks',
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
  readonly separateCircuits: AppDraft['separateCircuits'];
  readonly powerFactorStandard: AppDraft['powerFactorStandard'];
  readonly applicationDate: AppDraft['applicationDate'];
  readonly desiredConnectionDate: AppDraft['desiredConnectionDate'];
  readonly effectiveDate: AppDraft['effectiveDate'];
  readonly endDate: AppDraft['endDate'];
  readonly oneCertificate: AppDraft['oneCertificate'];
  readonly provincialApproval: AppDraft['provincialApproval'];
  readonly completionCheckPassed: AppDraft['completionCheckPassed'];
  readonly meterInstallation: AppDraft['meterInstallation'];

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
    const circuits = r.obj(raw, 'separateCircuits');
    this.separateCircuits = circuits && {
      importantFromOrdinary: r.bool(circuits, 'importantFromOrdinary', 'separateCircuits.'),
      productionFromLiving: r.bool(circuits, 'productionFromLiving', 'separateCircuits.'),
    };
    this.powerFactorStandard = r.code(raw, 'powerFactorStandard', POWER_FACTOR_STANDARDS);
    this.applicationDate = r.str(raw, 'applicationDate');
    this.desiredConnectionDate = r.str(raw, 'desiredConnectionDate');
    this.effectiveDate = r.str(raw, 'effectiveDate');
    this.endDate = r.str(raw, 'endDate');
    this.oneCertificate = r.bool(raw, 'oneCertificate');
    this.provincialApproval = r.bool(raw, 'provincialApproval');
    this.completionCheckPassed = r.bool(raw, 'completionCheckPassed');
    const installed = r.obj(raw, 'meterInstallation');
    this.meterInstallation = installed && {
      atBoundary: r.bool(installed, 'atBoundary', 'meterInstallation.'),
      lossAgreement: r.str(installed, 'lossAgreement', 'meterInstallation.'),
    };
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
    return this.section('transformers', readTransformers);
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
  get customerWorks(): AppDraft['customerWorks'] {
    return this.section('customerWorks', readCustomerWorks);
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
    collectUnder(field, this.top.invalid, out);
    if (SECTIONS.includes(head)) {
      this.force(head);
      collectUnder(field, this.readers[head]?.invalid ?? [], out);
    }
    return out;
  }

  private readonly derived = new Map<string, unknown>();

  derive<T>(key: string, compute: (app: AppDraft) => T): T {
    // One lookup on the common path (a value already derived); `has` only for a derived undefined.
    let value = this.derived.get(key);
    if (value === undefined && !this.derived.has(key)) {
      value = compute(this as unknown as AppDraft);
      this.derived.set(key, value);
    }
    return value as T;
  }
}

function collectUnder(field: string, paths: readonly string[], out: string[]): void {
  for (const path of paths) if (path === field || path.startsWith(`${field}.`)) out.push(path);
}

/** Reads any value into an AppDraft without throwing. */
export function readDraft(raw: unknown): AppDraft {
  return new LazyDraft(isObj(raw) ? raw : {});
}
