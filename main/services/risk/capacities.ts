/**
 * The capacities the scheme and contract detectors compare, each in its own unit: a high-voltage scheme approves
 * kVA (transformers) against the kVA applied for, a low-voltage one kW against the kW applied for. Values of
 * different units are never compared.
 */
import type { SupplyScheme } from '../../../shared/domain/scheme';
import type { Db } from '../../db/connection';
import { prepared } from '../../db/statements';

export interface Capacity {
  value: number;
  unit: 'kVA' | 'kW';
}

/** The scheme's 核定容量 in its unit; undefined for a scheme that states none. */
export function approvedCapacity(scheme: SupplyScheme): Capacity | undefined {
  if (scheme.approvedCapacityKva !== undefined) return { value: scheme.approvedCapacityKva, unit: 'kVA' };
  if (scheme.approvedCapacityKw !== undefined) return { value: scheme.approvedCapacityKw, unit: 'kW' };
  return undefined;
}

/** The capacity the application asks for, in `unit`; undefined when it states none in that unit. */
export function appliedCapacity(db: Db, applicationId: number, unit: Capacity['unit']): number | undefined {
  const row = prepared<[number], { kva: number | null; kw: number | null }>(
    db,
    `SELECT json_extract(record_json, '$.requestedCapacityKva') AS kva, json_extract(record_json, '$.requestedCapacityKw') AS kw
     FROM applications WHERE id = ?`,
  ).get(applicationId);
  return (unit === 'kVA' ? row?.kva : row?.kw) ?? undefined;
}
