/**
 * Type-checked reads of the record's parts for the lazy draft (draft.ts): each returns a value of the right
 * type or undefined, and notes the dotted path of anything present with the wrong type.
 */
import {
  AREA_TYPES,
  CAPACITY_CHARGE_BASES,
  DOCUMENT_CODES,
  DOCUMENT_STATUSES,
  ID_TYPES,
  METERING_METHODS,
  SUPPLY_NATURES,
  TARIFF_CATEGORIES,
  TARIFF_STRUCTURES,
  VOLTAGE_CODES,
  WORKS_PARTY_CHOICES,
  WORKS_PARTY_ROLES,
} from '../../domain/application';
import { STAGES } from '../../domain/codes';
import type { AppDraft, DraftDocument, DraftPerson, DraftTransformer } from './draft';

export type Obj = Record<string, unknown>;
const CUSTOMER_KINDS = ['PERSON', 'ORG'] as const;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Code lists as sets, each built on first use and kept: the reader runs on every keystroke. */
const CODE_SETS = new Map<readonly string[], ReadonlySet<string>>();
function setOf(values: readonly string[]): ReadonlySet<string> {
  let set = CODE_SETS.get(values);
  if (!set) CODE_SETS.set(values, (set = new Set(values)));
  return set;
}

export class Reader {
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

export function readTransformers(r: Reader, raw: Obj): AppDraft['transformers'] {
  return r.transformers(r.arr(raw, 'transformers'), 'transformers');
}

export function readCustomer(r: Reader, raw: Obj): AppDraft['customer'] {
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

export function readSite(r: Reader, raw: Obj): AppDraft['site'] {
  const site = r.obj(raw, 'site') ?? {};
  return {
    regionCode: r.str(site, 'regionCode', 'site.'),
    address: r.str(site, 'address', 'site.'),
    postalCode: r.str(site, 'postalCode', 'site.'),
    areaType: r.code(site, 'areaType', AREA_TYPES, 'site.'),
    supplyPoint: r.str(site, 'supplyPoint', 'site.'),
  };
}

export function readTariff(r: Reader, raw: Obj): AppDraft['tariff'] {
  const tariff = r.obj(raw, 'tariff') ?? {};
  return {
    category: r.code(tariff, 'category', TARIFF_CATEGORIES, 'tariff.'),
    structure: r.code(tariff, 'structure', TARIFF_STRUCTURES, 'tariff.'),
    capacityChargeBasis: r.code(tariff, 'capacityChargeBasis', CAPACITY_CHARGE_BASES, 'tariff.'),
    contractDemandKw: r.num(tariff, 'contractDemandKw', 'tariff.'),
    choiceFormSigned: r.bool(tariff, 'choiceFormSigned', 'tariff.'),
  };
}

export function readMetering(r: Reader, raw: Obj): AppDraft['metering'] {
  const metering = r.obj(raw, 'metering');
  return (
    metering && {
      method: r.code(metering, 'method', METERING_METHODS, 'metering.'),
      ctRatio: r.str(metering, 'ctRatio', 'metering.'),
      ptRatio: r.str(metering, 'ptRatio', 'metering.'),
      meterMultiplier: r.num(metering, 'meterMultiplier', 'metering.'),
      overallMultiplier: r.num(metering, 'overallMultiplier', 'metering.'),
      expectedMonthlyKwh: r.num(metering, 'expectedMonthlyKwh', 'metering.'),
    }
  );
}

export function readSupplies(r: Reader, raw: Obj): AppDraft['supplies'] {
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

export function readDocuments(r: Reader, raw: Obj): AppDraft['documents'] {
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

export function readExisting(r: Reader, raw: Obj): AppDraft['existing'] {
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
    supplyPoint: r.str(existing, 'supplyPoint', 'existing.'),
    mergedAccounts: r.arr(existing, 'mergedAccounts', 'existing.')?.map((m, i) => {
      const prefix = `existing.mergedAccounts.${i}.`;
      if (!isObj(m)) return r.bad('existing.mergedAccounts.', String(i)) ?? {};
      return {
        accountNo: r.str(m, 'accountNo', prefix),
        capacityKw: r.num(m, 'capacityKw', prefix),
        capacityKva: r.num(m, 'capacityKva', prefix),
      };
    }),
    arrearsFen: r.num(existing, 'arrearsFen', 'existing.'),
    suspensionsThisYear: suspensions && {
      count: r.num(suspensions, 'count', 'existing.suspensionsThisYear.') ?? 0,
      days: r.num(suspensions, 'days', 'existing.suspensionsThisYear.') ?? 0,
    },
    lastReductionDate: r.str(existing, 'lastReductionDate', 'existing.'),
    lastSuspensionDate: r.str(existing, 'lastSuspensionDate', 'existing.'),
    temporaryStartDate: r.str(existing, 'temporaryStartDate', 'existing.'),
    temporaryEndDate: r.str(existing, 'temporaryEndDate', 'existing.'),
    meterRemovedDate: r.str(existing, 'meterRemovedDate', 'existing.'),
  };
}

export function readCustomerWorks(r: Reader, raw: Obj): AppDraft['customerWorks'] {
  const works = r.obj(raw, 'customerWorks') ?? {};
  const out: AppDraft['customerWorks'] = {};
  for (const role of WORKS_PARTY_ROLES) {
    const party = r.obj(works, role, 'customerWorks.');
    const prefix = `customerWorks.${role}.`;
    if (party)
      out[role] = { name: r.str(party, 'name', prefix), choice: r.code(party, 'choice', WORKS_PARTY_CHOICES, prefix) };
  }
  return out;
}

export function readAcknowledgements(r: Reader, raw: Obj): AppDraft['acknowledgements'] {
  const out: AppDraft['acknowledgements'] = [];
  for (const a of r.arr(raw, 'acknowledgements') ?? []) {
    if (isObj(a) && typeof a.ruleId === 'string' && typeof a.reason === 'string') {
      out.push({ ruleId: a.ruleId, reason: a.reason });
    }
  }
  return out;
}

/** Reads any value into an AppDraft without throwing. */
