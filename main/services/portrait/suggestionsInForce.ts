/**
 * The suggestions and leads in force: derived from the applications now (shared/stats/suggestions.ts), each with
 * the outcome staff recorded for it (suggestion_outcomes). An outcome whose suggestion no longer arises stays
 * stored and counts in the acceptance rates.
 */
import type { DerivedSuggestion, Suggestion, SuggestionKind, SuggestionStatus } from '../../../shared/api/portrait';
import type { ApplicationStatus, BusinessType, CustomerClass } from '../../../shared/domain/codes';
import type { ApplicationFact } from '../../../shared/stats/capacityHistory';
import {
  deriveSuggestions,
  suggestionGroupsOf,
  type SuggestionGroups,
  type SuggestionThresholds,
} from '../../../shared/stats/suggestions';
import type { Db } from '../../db/connection';
import {
  allApplicationFacts,
  allOutcomes,
  groupApplicationFacts,
  type ApplicationFactRow,
  type OutcomeRow,
} from '../../db/repositories/portraitRepo';
import { configurationInForce } from '../settings/inForce';

export function toFact(row: ApplicationFactRow): ApplicationFact {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerKind: row.customer_kind,
    businessType: row.business_type as BusinessType,
    customerClass: row.customer_class as CustomerClass,
    status: row.status as ApplicationStatus,
    applicationDate: row.application_date,
    address: row.address,
    capacityKw: row.capacity_kw,
    capacityKva: row.capacity_kva,
    existingKw: row.existing_kw,
    existingKva: row.existing_kva,
    tariffStructure: row.tariff_structure,
    capacityChargeBasis: row.capacity_charge_basis,
    industryCode: row.industry_code,
    areaType: row.area_type,
    legalRepName: row.legal_rep_name,
    legalRepId: row.legal_rep_id,
  };
}

export const outcomeKey = (kind: string, subject: string) => `${kind}\u0000${subject}`;

export function withOutcome(derived: DerivedSuggestion, outcome: OutcomeRow | undefined): Suggestion {
  return {
    ...derived,
    status: (outcome?.status ?? 'open') as SuggestionStatus,
    statusReason: outcome?.reason ?? null,
    statusBy: outcome?.updated_by ?? null,
    statusAt: outcome?.updated_at ?? null,
  };
}

export interface SuggestionsInForce {
  suggestions: Suggestion[];
  outcomes: OutcomeRow[];
}

function thresholdsInForce(db: Db): SuggestionThresholds {
  const { capacity, portrait } = configurationInForce(db).profile;
  return { ...portrait, lvUrbanMaxKw: capacity.lvUrbanMaxKw, lvRuralMaxKw: capacity.lvRuralMaxKw };
}

function withOutcomes(db: Db, derived: readonly DerivedSuggestion[]): SuggestionsInForce {
  const outcomes = allOutcomes(db);
  const byKey = new Map(outcomes.map((o) => [outcomeKey(o.kind, o.subject_key), o]));
  return {
    suggestions: derived.map((d) => withOutcome(d, byKey.get(outcomeKey(d.kind, d.subject)))),
    outcomes,
  };
}

/** Every suggestion of the hall on `today`, with its recorded outcome. */
export function suggestionsInForce(db: Db, today: string): SuggestionsInForce {
  return withOutcomes(db, deriveSuggestions(allApplicationFacts(db).map(toFact), thresholdsInForce(db), today));
}

/**
 * The suggestions that name one customer, given all its applications: the same as the hall's, derived from the
 * applications of the customer's groups only (suggestionGroupsOf).
 */
export function customerSuggestions(
  db: Db,
  customerId: number,
  customerFacts: readonly ApplicationFact[],
  today: string,
): Suggestion[] {
  const t = thresholdsInForce(db);
  const facts = groupApplicationFacts(db, suggestionGroupsOf(customerFacts, t, today)).map(toFact);
  const derived = deriveSuggestions(facts, t, today).filter((s) => s.customers.some((c) => c.id === customerId));
  return withOutcomes(db, derived).suggestions;
}

/** The group a suggestion's subject names (`customer:…`, `prefix:…`, `site:…`, `rep:…`, `addr:…`, `industry:…`). */
const SUBJECT_GROUP: Record<SuggestionKind, keyof SuggestionGroups> = {
  HV_PLANNING: 'customerIds',
  ENERGY_SERVICE: 'customerIds',
  DEMAND_BILLING: 'customerIds',
  EV_PV: 'addressPrefixes',
  PERMANENT_SUPPLY: 'addresses',
  LEAD_LEGAL_REP: 'legalRepIds',
  LEAD_ADDRESS: 'addressPrefixes',
  LEAD_INDUSTRY: 'industryCodes',
};

/** One suggestion in force, derived from the applications of its subject's group only; undefined if it no longer arises. */
export function suggestionInForce(
  db: Db,
  kind: SuggestionKind,
  subject: string,
  today: string,
): Suggestion | undefined {
  const key = subject.slice(subject.indexOf(':') + 1);
  const group = SUBJECT_GROUP[kind];
  const groups: SuggestionGroups = {
    customerIds: group === 'customerIds' ? [Number(key)] : [],
    addressPrefixes: group === 'addressPrefixes' ? [key] : [],
    addresses: group === 'addresses' ? [key] : [],
    legalRepIds: group === 'legalRepIds' ? [key] : [],
    industryCodes: group === 'industryCodes' ? [key] : [],
  };
  const facts = groupApplicationFacts(db, groups).map(toFact);
  const derived = deriveSuggestions(facts, thresholdsInForce(db), today).find(
    (s) => s.kind === kind && s.subject === subject,
  );
  return derived && withOutcomes(db, [derived]).suggestions[0];
}
