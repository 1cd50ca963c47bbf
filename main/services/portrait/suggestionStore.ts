/**
 * Keeps 客户画像's stored suggestions (migration 0038) equal to what deriveSuggestions finds over every application
 * of the hall, without deriving the whole hall on a read:
 * - written applications are noted by triggers (their customer, their address before and after);
 * - a read (`refreshStoredSuggestions`) re-derives only the groups those touch: the customer's own suggestions
 *   and membership, the compound (address prefix) and temporary site of each address, and the lead groups (legal
 *   representative, address prefix, industry) the customer was and is in;
 * - on the first read of a new day, the groups with an application leaving a date window since the last day
 *   (DEMAND_BILLING's 暂停, EV_PV's new connections, LEAD_INDUSTRY's open growth), found by date index;
 * - a change of the thresholds in force, or a store never built, rebuilds everything (`buildStoredSuggestions`:
 *   about as long as one derivation of the whole hall), as risk's `recomputeAll` does for its flags. The services
 *   worker and the web harness build it after start-up (dailyRiskScan.ts), so a page need not.
 */
import type { DerivedSuggestion, SuggestionKind } from '../../../shared/api/portrait';
import type { ApplicationFact } from '../../../shared/stats/capacityHistory';
import {
  addressLead,
  addressPrefix,
  deriveSuggestions,
  industryLead,
  leadIdleShown,
  leadMemberOf,
  legalRepLead,
  LV_NEW_RESIDENTIAL,
  newCompounds,
  ownSuggestions,
  suggestionCustomers,
  temporarySites,
  TEMPORARY,
  windowStarts,
  type LeadGroup,
  type LeadKind,
  type SuggestionThresholds,
} from '../../../shared/stats/suggestions';
import type { Db } from '../../db/connection';
import {
  allApplicationFacts,
  applicationFactsAt,
  applicationFactsUnder,
  customerApplicationFacts,
} from '../../db/repositories/portraitRepo';
import {
  anyDirty,
  applicationsBetween,
  clearStore,
  deleteMember,
  industriesWithGrowthBetween,
  insertSuggestions,
  markDirty,
  memberGroup,
  replaceSuggestions,
  setSuggestionStoreState,
  storedMember,
  suggestionStoreState,
  takeDirty,
  upsertMember,
  type MemberKey,
  type StoredMember,
} from '../../db/repositories/suggestionStoreRepo';
import { shanghaiDate } from '../clock';
import { thresholdsInForce, toFact } from './suggestionsInForce';

const OWN_KINDS: SuggestionKind[] = ['HV_PLANNING', 'ENERGY_SERVICE', 'DEMAND_BILLING'];

/** The lowest application id of each customer (cancelled ones too): the customer order of deriveSuggestions. */
function firstApplicationIds(facts: readonly ApplicationFact[]): Map<number, number> {
  const first = new Map<number, number>();
  for (const f of facts) first.set(f.customerId, Math.min(first.get(f.customerId) ?? f.id, f.id));
  return first;
}

/** Every suggestion and membership from every application: the first build, and after a threshold change. */
export function buildStoredSuggestions(db: Db, at: string): void {
  const today = shanghaiDate(new Date(at));
  const t = thresholdsInForce(db);
  db.transaction(() => {
    clearStore(db);
    const facts = allApplicationFacts(db).map(toFact);
    const first = firstApplicationIds(facts);
    for (const c of suggestionCustomers(facts)) {
      upsertMember(db, { firstApplicationId: first.get(c.id)!, member: leadMemberOf(c) });
    }
    insertSuggestions(db, deriveSuggestions(facts, t, today));
    setSuggestionStoreState(db, { builtAt: at, config: JSON.stringify(t), day: today });
  })();
}

/**
 * Brings the store up to date before it is read: built if never built or built under other thresholds; else the
 * groups of the applications written since, and on a new day those whose date windows moved. A read-only
 * connection reads the store as it is.
 */
export function refreshStoredSuggestions(db: Db, at: string): void {
  if (db.readonly) return;
  const today = shanghaiDate(new Date(at));
  const t = thresholdsInForce(db);
  const state = suggestionStoreState(db);
  if (state.builtAt === null || state.config !== JSON.stringify(t)) return buildStoredSuggestions(db, at);
  if (state.day === today && !anyDirty(db)) return;
  db.transaction(() => {
    if (state.day !== today) markWindowMoves(db, t, state.day ?? today, today);
    rederive(db, t, today, takeDirty(db));
    setSuggestionStoreState(db, { ...state, day: today });
  })();
}

const between = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * The groups with an application that left (or, the clock set back, re-entered) a date window between two days:
 * a 暂停 (its customer's DEMAND_BILLING), a residential new connection (its compound's EV_PV), a customer's latest
 * open new connection or increase (its industry's LEAD_INDUSTRY).
 */
function markWindowMoves(db: Db, t: SuggestionThresholds, fromDay: string, today: string): void {
  const before = windowStarts(t, fromDay);
  const now = windowStarts(t, today);
  const paused = applicationsBetween(db, ['SUS'], ...between(before.suspension, now.suspension));
  const housed = applicationsBetween(db, [...LV_NEW_RESIDENTIAL], ...between(before.compound, now.compound));
  const industries = industriesWithGrowthBetween(db, ...between(before.industry, now.industry));
  markDirty(db, [
    ...paused.map((a) => `customer:${a.customer_id}`),
    ...housed.map((a) => `address:${a.address}`),
    ...industries.map((code) => `industry:${code}`),
  ]);
}

/** The groups to re-derive, by kind of key. */
interface Groups {
  customers: Set<number>;
  compounds: Set<string>;
  sites: Set<string>;
  reps: Set<string>;
  prefixes: Set<string>;
  industries: Set<string>;
}

function groupsOf(keys: readonly string[]): Groups {
  const groups: Groups = {
    customers: new Set(),
    compounds: new Set(),
    sites: new Set(),
    reps: new Set(),
    prefixes: new Set(),
    industries: new Set(),
  };
  for (const key of keys) {
    const at = key.indexOf(':');
    const [kind, value] = [key.slice(0, at), key.slice(at + 1)];
    if (kind === 'customer') groups.customers.add(Number(value));
    else if (kind === 'industry') groups.industries.add(value);
    else if (kind === 'address') {
      groups.compounds.add(addressPrefix(value));
      groups.sites.add(value);
    }
  }
  return groups;
}

/** A member's lead groups (legal representative, address prefix, industry) marked for re-derivation. */
function addLeadGroups(groups: Groups, stored: StoredMember | undefined): void {
  const m = stored?.member;
  if (m?.legalRepId) groups.reps.add(m.legalRepId);
  if (m?.businessPrefix) groups.prefixes.add(m.businessPrefix);
  if (m?.industryCode) groups.industries.add(m.industryCode);
}

/**
 * One customer from all its applications: its own suggestions replaced, its membership stored; when that changed,
 * the lead groups it was in and is in now are re-derived too.
 */
function rederiveCustomer(db: Db, t: SuggestionThresholds, today: string, customerId: number, groups: Groups): void {
  const facts = customerApplicationFacts(db, customerId).map(toFact);
  const [customer] = suggestionCustomers(facts);
  replaceSuggestions(db, `customer:${customerId}`, OWN_KINDS, customer ? ownSuggestions(customer, t, today) : []);
  const was = storedMember(db, customerId);
  const now = customer && {
    firstApplicationId: firstApplicationIds(facts).get(customerId)!,
    member: leadMemberOf(customer),
  };
  if (JSON.stringify(was) === JSON.stringify(now)) return;
  if (now) upsertMember(db, now);
  else deleteMember(db, customerId);
  addLeadGroups(groups, was);
  addLeadGroups(groups, now);
}

function leadGroup(
  db: Db,
  t: SuggestionThresholds,
  kind: LeadKind,
  column: MemberKey,
  key: string,
  growthAfter = '',
): LeadGroup {
  return { key, ...memberGroup(db, column, key, growthAfter, leadIdleShown(kind, t)) };
}

const only = (subject: string, derived: readonly DerivedSuggestion[]) => derived.filter((s) => s.subject === subject);
const one = (s: DerivedSuggestion | undefined) => (s ? [s] : []);

function rederive(db: Db, t: SuggestionThresholds, today: string, keys: readonly string[]): void {
  const groups = groupsOf(keys);
  for (const customerId of groups.customers) rederiveCustomer(db, t, today, customerId, groups);
  for (const prefix of groups.compounds) {
    const facts = applicationFactsUnder(db, prefix, [...LV_NEW_RESIDENTIAL]).map(toFact);
    const subject = `prefix:${prefix}`;
    replaceSuggestions(db, subject, ['EV_PV'], only(subject, newCompounds(facts, t, today)));
  }
  for (const site of groups.sites) {
    const facts = applicationFactsAt(db, site, [...TEMPORARY]).map(toFact);
    replaceSuggestions(db, `site:${site}`, ['PERMANENT_SUPPLY'], temporarySites(facts, t));
  }
  for (const rep of groups.reps) {
    const group = leadGroup(db, t, 'LEAD_LEGAL_REP', 'legal_rep_id', rep);
    replaceSuggestions(db, `rep:${rep}`, ['LEAD_LEGAL_REP'], one(legalRepLead(group, t)));
  }
  for (const prefix of groups.prefixes) {
    const group = leadGroup(db, t, 'LEAD_ADDRESS', 'business_prefix', prefix);
    replaceSuggestions(db, `addr:${prefix}`, ['LEAD_ADDRESS'], one(addressLead(group, t)));
  }
  const since = windowStarts(t, today).industry;
  for (const code of groups.industries) {
    const group = leadGroup(db, t, 'LEAD_INDUSTRY', 'industry_code', code, since);
    replaceSuggestions(db, `industry:${code}`, ['LEAD_INDUSTRY'], one(industryLead(group, t, today)));
  }
}
