/**
 * The suggestions and leads in force, read from the store (suggestionStore.ts keeps it equal to a derivation from
 * every application, shared/stats/suggestions.ts), each with the outcome staff recorded for it
 * (suggestion_outcomes). An outcome whose suggestion no longer arises stays stored and counts in the acceptance
 * rates.
 */
import type { DerivedSuggestion, Suggestion, SuggestionKind } from '../../../shared/api/portrait';
import type { ApplicationStatus, BusinessType, CustomerClass } from '../../../shared/domain/codes';
import type { ApplicationFact } from '../../../shared/stats/capacityHistory';
import type { SuggestionThresholds } from '../../../shared/stats/suggestions';
import type { Db } from '../../db/connection';
import type { FactRow } from '../../db/repositories/portraitRepo';
import {
  storedSuggestion,
  storedSuggestionsOfCustomer,
  type StoredSuggestionRow,
} from '../../db/repositories/suggestionStoreRepo';
import { configurationInForce } from '../settings/inForce';

export function toFact(row: FactRow): ApplicationFact {
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

/** The thresholds in force: the profile's `portrait` choices and its LV limits. */
export function thresholdsInForce(db: Db): SuggestionThresholds {
  const { capacity, portrait } = configurationInForce(db).profile;
  return { ...portrait, lvUrbanMaxKw: capacity.lvUrbanMaxKw, lvRuralMaxKw: capacity.lvRuralMaxKw };
}

export function toSuggestion(row: StoredSuggestionRow): Suggestion {
  return {
    ...(JSON.parse(row.suggestion_json) as DerivedSuggestion),
    status: row.status ?? 'open',
    statusReason: row.reason,
    statusBy: row.updated_by,
    statusAt: row.updated_at,
  };
}

/** The suggestions in force that name one customer (refreshed by the caller). */
export function customerSuggestions(db: Db, customerId: number): Suggestion[] {
  return storedSuggestionsOfCustomer(db, customerId).map(toSuggestion);
}

/** One suggestion in force (refreshed by the caller); undefined if it no longer arises. */
export function suggestionInForce(db: Db, kind: SuggestionKind, subject: string): Suggestion | undefined {
  const row = storedSuggestion(db, kind, subject);
  return row && toSuggestion(row);
}
