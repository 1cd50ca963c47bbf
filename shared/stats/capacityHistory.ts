/**
 * A customer's capacity over time, from its applications: every application that sets a capacity (new
 * connection, increase, reduction, suspension, voltage change) gives the capacity in force after it — the
 * requested capacity is the total after the change (原容量 is `existing`). A 减容恢复 or 暂停恢复 states no
 * capacity: it brings back the capacity in force before the reduction or suspension it ends. Cancelled
 * applications changed nothing. Pure: the same code serves the hall and headquarters.
 */
import type { CapacityPoint } from '../api/portrait';
import type { ApplicationStatus, BusinessType, CustomerClass } from '../domain/codes';
import { CONNECTION_TYPES } from '../rules/catalogue/facts';

/** What the portrait and the suggestions read of one application (a row of the hall's or HQ's store). */
export interface ApplicationFact {
  id: number;
  number: string;
  customerId: number;
  customerName: string;
  customerKind: 'PERSON' | 'ORG';
  businessType: BusinessType;
  customerClass: CustomerClass;
  status: ApplicationStatus;
  applicationDate: string;
  address: string;
  capacityKw: number | null;
  capacityKva: number | null;
  existingKw: number | null;
  existingKva: number | null;
  tariffStructure: string | null;
  capacityChargeBasis: string | null;
  industryCode: string | null;
  areaType: string | null;
  legalRepName: string | null;
  legalRepId: string | null;
}

/** Types whose applied capacity is the capacity in force after them. */
const SETS_CAPACITY = new Set<BusinessType>([...CONNECTION_TYPES, 'RED', 'SUS', 'VOLT_CHANGE']);

/** The application's capacity: kVA when it states one (transformers, high voltage), else kW. */
export function capacityOf(fact: ApplicationFact): { value: number; unit: 'kW' | 'kVA' } | null {
  if (fact.capacityKva !== null) return { value: fact.capacityKva, unit: 'kVA' };
  if (fact.capacityKw !== null) return { value: fact.capacityKw, unit: 'kW' };
  return null;
}

const byDate = (a: ApplicationFact, b: ApplicationFact) =>
  a.applicationDate.localeCompare(b.applicationDate) || a.id - b.id;

/** The restorations and the change each one ends. */
const RESTORES: Partial<Record<BusinessType, BusinessType>> = { RED_RESTORE: 'RED', SUS_RESTORE: 'SUS' };

/** Whether a point is a 减容恢复 or 暂停恢复 (a return to an earlier capacity, not a new need). */
export const isRestoration = (point: CapacityPoint): boolean => point.businessType in RESTORES;

/** The point of a restoration: back to the capacity before the last reduction or suspension not yet ended. */
function restorationPoint(fact: ApplicationFact, ended: BusinessType, points: CapacityPoint[]): CapacityPoint | null {
  const last = points.findLastIndex((p) => p.businessType === ended);
  const reduced = points[last];
  if (!reduced || reduced.before === null) return null;
  if (points.slice(last + 1).some((p) => p.businessType === fact.businessType)) return null; // already restored
  return {
    date: fact.applicationDate,
    number: fact.number,
    businessType: fact.businessType,
    unit: reduced.unit,
    before: points.findLast((p) => p.unit === reduced.unit)!.after,
    after: reduced.before,
  };
}

/** The capacity points of one customer's applications, oldest first. */
export function capacityHistory(facts: readonly ApplicationFact[]): CapacityPoint[] {
  const points: CapacityPoint[] = [];
  for (const fact of [...facts].sort(byDate)) {
    if (fact.status === 'CANCELLED') continue;
    const ended = RESTORES[fact.businessType];
    if (ended) {
      const point = restorationPoint(fact, ended, points);
      if (point) points.push(point);
      continue;
    }
    if (!SETS_CAPACITY.has(fact.businessType)) continue;
    const after = capacityOf(fact);
    if (!after) continue;
    const previous = points.findLast((p) => p.unit === after.unit);
    const stated = after.unit === 'kVA' ? fact.existingKva : fact.existingKw;
    points.push({
      date: fact.applicationDate,
      number: fact.number,
      businessType: fact.businessType,
      unit: after.unit,
      before: stated ?? (fact.businessType.startsWith('NEW_') ? null : (previous?.after ?? null)),
      after: after.value,
    });
  }
  return points;
}

/**
 * How many of the last points each raised the capacity (a new connection from nothing does not count, nor a
 * restoration: it brings back what the customer had).
 */
export function trailingIncreases(points: readonly CapacityPoint[]): number {
  let count = 0;
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i]!;
    if (point.before === null || point.after <= point.before || isRestoration(point)) break;
    count++;
  }
  return count;
}
