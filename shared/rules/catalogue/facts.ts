/**
 * Facts derived from a draft that several rules share: voltage level, capacities, industry section, address
 * key. All return undefined when the record does not tell, so rules can skip instead of guessing.
 */
import type { BusinessType } from '../../domain/codes';
import defaults from '../profile/defaults.json';
import type { AppDraft, DraftTransformer } from '../engine/draft';
import { memoize } from '../ids/memo';

const LEVELS = new Map(defaults.voltageLevels.map((level) => [level.code, level]));

export function voltageOf(code: string | undefined): { kv: number; hv: boolean; label: string } | undefined {
  const level = code === undefined ? undefined : LEVELS.get(code);
  return level && { kv: level.kv, hv: level.class === 'HV', label: level.label };
}

export const sumKva = (list: readonly DraftTransformer[] | undefined): number | undefined =>
  list && list.length > 0 ? list.reduce((sum, t) => sum + t.ratingKva * t.count, 0) : undefined;

/** Capacity after the application, in the class's unit: HV kVA (transformers when listed), LV kW. */
export function newCapacity(app: AppDraft): number | undefined {
  if (app.customerClass === 'HV') return sumKva(app.transformers) ?? app.requestedCapacityKva;
  return app.requestedCapacityKw;
}

/** Capacity before the application, in the same unit as newCapacity. */
export function existingCapacity(app: AppDraft): number | undefined {
  const e = app.existing;
  if (app.customerClass === 'HV') return e.capacityKva ?? sumKva(e.transformers);
  return e.capacityKw;
}

/**
 * Capacity that decides the tariff structure and power-factor standard: transformers plus HV motors, kW
 * counted as kVA (发改价格〔2013〕973号 [M]); LV customers: the contracted kW.
 */
export function billingKva(app: AppDraft): number | undefined {
  const base = newCapacity(app);
  if (base === undefined) return undefined;
  return app.customerClass === 'HV' ? base + (app.hvMotorKw ?? 0) : base;
}

/** The unit of `billingKva` and `newCapacity` as the clerk entered them: kVA for HV, kW (counted as kVA) for LV. */
export const capacityUnit = (app: AppDraft): 'kVA' | 'kW' => (app.customerClass === 'HV' ? 'kVA' : 'kW');

/** GB/T 4754-2017 section letter of a code like C3811 (REFERENCE.md §5.1.10). */
export function industrySection(code: string | undefined): string | undefined {
  return code !== undefined && /^[A-T]/.test(code) ? code[0] : undefined;
}

const cachedAddressKey = memoize(
  (address) =>
    address
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/[\s\p{P}]+/gu, '')
      .toLowerCase() || undefined,
);

/** Address key for comparisons: no spaces or punctuation, full-width digits folded. */
export function addressKey(address: string | undefined): string | undefined {
  return address === undefined ? undefined : cachedAddressKey(address);
}

export const NEW_TYPES: readonly BusinessType[] = ['NEW_LVR', 'NEW_LVN', 'NEW_HV', 'NEW_BATCH', 'NEW_TEMP'];
export const INCREASE_TYPES: readonly BusinessType[] = ['INC_LVR', 'INC_LVN', 'INC_HV'];
export const CONNECTION_TYPES: readonly BusinessType[] = [...NEW_TYPES, ...INCREASE_TYPES];

export const isBlank = (value: string | undefined): value is undefined => value === undefined || value.trim() === '';
