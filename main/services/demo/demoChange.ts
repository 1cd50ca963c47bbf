/**
 * The change-of-use part of a demo record: the existing service (原用电信息) and the dates each change type
 * needs, chosen so the rule catalogue accepts them (REFERENCE.md §3.7, §5.3.6): whole transformers, advance
 * notice, suspension within the yearly cap, restoration within two years, debts settled.
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import { addDays } from '../../../shared/calendar/calendar';
import { addMonths } from '../../../shared/calendar/isoDate';
import type { BusinessType } from '../../../shared/domain/codes';
import { generateAddress } from './names';
import { Prng } from './prng';

type Change = Pick<
  ApplicationInput,
  'existing' | 'effectiveDate' | 'endDate' | 'purpose' | 'transformers' | 'requestedCapacityKva' | 'requestedCapacityKw'
>;

export function demoChange(rng: Prng, type: BusinessType, app: ApplicationInput): Partial<Change> {
  const date = app.applicationDate;
  const kva = app.requestedCapacityKva;
  const kw = app.requestedCapacityKw;
  const unit = app.transformers?.[0];
  const base = {
    ...(kva !== undefined ? { capacityKva: kva } : {}),
    ...(kw !== undefined ? { capacityKw: kw } : {}),
    ...(app.transformers ? { transformers: app.transformers } : {}),
    voltageCode: app.voltageCode,
    tariffCategory: app.tariff.category,
    ...(app.tariff.structure ? { tariffStructure: app.tariff.structure } : {}),
    address: app.site.address,
    arrearsFen: 0,
  };
  const later = (days: number) => addDays(date, days);
  switch (type) {
    case 'NEW_LVR':
    case 'NEW_LVN':
    case 'NEW_HV':
    case 'NEW_BATCH':
    case 'NEW_TEMP':
      // A temporary supply states its purpose and project in the contract (REFERENCE.md §7.3 D).
      return type === 'NEW_TEMP'
        ? { endDate: addMonths(date, 5), purpose: '建设项目施工临时用电' }
        : { endDate: undefined };
    case 'INC_LVR':
    case 'INC_LVN':
      return { existing: { ...base, capacityKw: Math.max(2, Math.floor((kw ?? 8) / 2)) } };
    case 'INC_HV':
    case 'VOLT_CHANGE':
      return unit
        ? {
            existing: { ...base, capacityKva: unit.ratingKva, transformers: [{ ratingKva: unit.ratingKva, count: 1 }] },
            transformers: [{ ratingKva: unit.ratingKva, count: unit.count + 1 }],
            requestedCapacityKva: unit.ratingKva * (unit.count + 1),
          }
        : { existing: base };
    case 'RED':
    case 'SUS': {
      if (!unit) {
        // Low voltage: half of the contracted kW stays in use.
        const before = (kw ?? 20) * 2;
        const change: Partial<Change> = {
          existing: { ...base, capacityKw: before, suspensionsThisYear: { count: 0, days: 0 } },
          requestedCapacityKw: kw ?? 20,
          effectiveDate: later(30),
        };
        if (type === 'SUS') change.endDate = later(30 + rng.int(30, 90));
        return change;
      }
      // Stop one whole transformer of two or more; the remaining ones keep running.
      const rating = unit?.ratingKva ?? 630;
      const count = Math.max(2, unit?.count ?? 2);
      const change: Partial<Change> = {
        existing: {
          ...base,
          capacityKva: rating * count,
          transformers: [{ ratingKva: rating, count }],
          suspensionsThisYear: { count: 0, days: 0 },
        },
        transformers: [{ ratingKva: rating, count: count - 1 }],
        requestedCapacityKva: rating * (count - 1),
        effectiveDate: later(30),
      };
      if (type === 'SUS') change.endDate = later(30 + rng.int(30, 90));
      return change;
    }
    case 'RED_RESTORE':
      return { existing: { ...base, lastReductionDate: addMonths(date, -rng.int(3, 18)) }, effectiveDate: later(30) };
    case 'SUS_RESTORE':
      return { existing: { ...base, lastSuspensionDate: addMonths(date, -rng.int(1, 4)) }, effectiveDate: later(30) };
    case 'TTX':
      return { existing: base, effectiveDate: later(7), endDate: later(7 + 50) };
    case 'TTX_RESTORE':
      return { existing: base, effectiveDate: later(7) };
    case 'TMR':
      return { existing: base, effectiveDate: later(3), endDate: addMonths(later(3), 3) };
    case 'TMR_RESTORE':
      return { existing: { ...base }, effectiveDate: later(3) };
    case 'TEMP_EXTEND':
      return {
        existing: { ...base, temporaryStartDate: addMonths(later(20), -6), temporaryEndDate: later(20) },
        endDate: addMonths(later(20), 3),
      };
    case 'RELOC': {
      // The old site is elsewhere: it is closed by the 销户 accepted with the 迁址. Drawn from a stream of its
      // own (seeded by the customer's ID number), so the applications after this one stay as they were.
      const seed = [...app.customer.idNumber].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
      return { existing: { ...base, address: generateAddress(new Prng(seed), app.customerClass === 'LVR') } };
    }
    default:
      return { existing: base };
  }
}
