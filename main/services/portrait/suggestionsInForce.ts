/**
 * The suggestions and leads in force: derived from the applications now (shared/stats/suggestions.ts), each with
 * the outcome staff recorded for it (suggestion_outcomes). An outcome whose suggestion no longer arises stays
 * stored and counts in the acceptance rates.
 */
import type { DerivedSuggestion, Suggestion, SuggestionKind, SuggestionStatus } from '../../../shared/api/portrait';
import type { ApplicationStatus, BusinessType, CustomerClass } from '../../../shared/domain/codes';
import type { ApplicationFact } from '../../../shared/stats/capacityHistory';
import { deriveSuggestions } from '../../../shared/stats/suggestions';
import type { Db } from '../../db/connection';
import {
  allApplicationFacts,
  allOutcomes,
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

/** Every suggestion of the hall on `today`, with its recorded outcome. */
export function suggestionsInForce(db: Db, today: string): SuggestionsInForce {
  const { capacity, portrait } = configurationInForce(db).profile;
  const derived = deriveSuggestions(
    allApplicationFacts(db).map(toFact),
    { ...portrait, lvUrbanMaxKw: capacity.lvUrbanMaxKw, lvRuralMaxKw: capacity.lvRuralMaxKw },
    today,
  );
  const outcomes = allOutcomes(db);
  const byKey = new Map(outcomes.map((o) => [outcomeKey(o.kind, o.subject_key), o]));
  return {
    suggestions: derived.map((d) => withOutcome(d, byKey.get(outcomeKey(d.kind, d.subject)))),
    outcomes,
  };
}

export function findSuggestion(
  suggestions: readonly Suggestion[],
  kind: SuggestionKind,
  subject: string,
): Suggestion | undefined {
  return suggestions.find((s) => s.kind === kind && s.subject === subject);
}
