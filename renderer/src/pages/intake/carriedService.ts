import type { AccountLookup } from '../../../../shared/api/accounts';
import type { BusinessType } from '../../../../shared/domain/codes';

/** Changes that leave the service's capacity as it is: a new holder or name, another tariff, the meter moved, … */
const KEEPS_CAPACITY: ReadonlySet<BusinessType> = new Set([
  'TRANSFER',
  'RENAME',
  'TARIFF_CHANGE',
  'METER_MOVE',
  'RELOC',
  'TMR',
  'TMR_RESTORE',
  'CLOSE',
]);

/** The request's fields that a look-up fills in: a [path, value] per field. */
export type CarriedField = [path: (string | number)[], value: unknown];

/**
 * What the application asks for, taken from the service as it is where the change keeps it: the voltage (unless
 * 改压), the tariff (unless 改类) and, for changes that keep the capacity, the capacity and the transformers. The
 * clerk sees them filled in and changes only what the customer changes; a field already typed is left alone.
 */
export function carriedService(
  type: BusinessType,
  existing: AccountLookup['existing'],
  isEmpty: (path: (string | number)[]) => boolean,
): CarriedField[] {
  const candidates: CarriedField[] = [];
  if (type !== 'VOLT_CHANGE') candidates.push([['voltageCode'], existing.voltageCode]);
  if (type !== 'TARIFF_CHANGE') {
    candidates.push(
      [['tariff', 'category'], existing.tariffCategory],
      [['tariff', 'structure'], existing.tariffStructure],
    );
  }
  if (KEEPS_CAPACITY.has(type)) {
    candidates.push(
      [['requestedCapacityKw'], existing.capacityKw],
      [['requestedCapacityKva'], existing.capacityKva],
      [['transformers'], existing.transformers],
    );
  }
  return candidates.filter(([path, value]) => value !== undefined && isEmpty(path));
}
