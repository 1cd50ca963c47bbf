/**
 * How a changed scheme field prints in a reply's 方案变更说明: codes as their Chinese labels, fen as yuan, ISO
 * dates as 2026年11月29日, yes/no in words, and the unit the schema names in the label ("核定容量 (kVA)") moved
 * to the values ("2630 kVA → 3150 kVA"), as the rest of the reply prints them.
 */
import { ABSENT, type SchemeFieldChange, type SchemeValue } from '../../shared/domain/schemeDiff';
import type { SchemeChange } from './documentRecord';
import { applyFilter } from './templates/filters';

/** The filter of each coded field, by its key: a key names the same kind of value wherever it is in the scheme. */
const FIELD_FILTERS: Record<string, string> = {
  voltageCode: 'voltage',
  phases: 'phases',
  loadGrade: 'loadGrade',
  importance: 'importance',
  nature: 'sourceNature',
  incomingMethod: 'incomingMethod',
  lineOwnership: 'lineOwnership',
  maintenance: 'maintenance',
  sourceMode: 'sourceMode',
  method: 'metering',
  tariffCategory: 'tariff',
  structure: 'structure',
  capacityChargeBasis: 'basis',
  powerFactorStandard: 'pf',
  replyDate: 'date',
  due: 'date',
  unitPriceFen: 'yuan',
  amountFen: 'yuan',
};

/** The unit at the end of a schema label, and how it follows a printed value (fen are printed as yuan). */
const UNIT = /\s*\((kVA|kW|月|分)\)$/;
const UNIT_SUFFIX: Record<string, string> = { kVA: ' kVA', kW: ' kW', 月: ' 个月', 分: '' };

function printedValue(value: SchemeValue | undefined, key: string, unit: string): string {
  if (value === undefined || value === '') return ABSENT;
  if (typeof value === 'boolean') return applyFilter('yesNo', value);
  const filter = FIELD_FILTERS[key];
  return filter ? applyFilter(filter, value) : `${value}${UNIT_SUFFIX[unit] ?? ''}`;
}

export function printableChanges(changes: readonly SchemeFieldChange[]): SchemeChange['changes'] {
  return changes.map(({ path, label, before, after }) => {
    // The field's own key: the last part that is not a list position (`technicalRequirements.1` → technicalRequirements).
    const key = path.split('.').findLast((part) => !/^\d+$/.test(part)) ?? path;
    const unit = label.match(UNIT)?.[1] ?? '';
    return {
      label: label.replace(UNIT, ''),
      before: printedValue(before, key, unit),
      after: printedValue(after, key, unit),
    };
  });
}
