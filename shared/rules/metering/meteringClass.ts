/**
 * 电能计量装置分类 (REFERENCE.md §5.3.5 R-MET-06; DL/T 448-2016 [M]): the metering class of a connection from its
 * capacity and monthly energy, and the accuracy classes the scheme prints for the active-energy meter and the CT.
 * One function for the rules and the scheme documents, so both say the same. Thresholds are the profile defaults
 * (defaults.json `metering.meteringClasses`), inclusive: 315 kVA is class III.
 */
import defaults from '../profile/defaults.json';

export type MeteringClass = 'I' | 'II' | 'III' | 'IV' | 'V';

export interface MeteringClassResult {
  meteringClass: MeteringClass;
  /** Accuracy of the active-energy meter, e.g. "0.5S"; class II allows either of "0.2S/0.5S". */
  activeMeter: string;
  /** Accuracy of the current transformers; absent for class V (single-phase direct connection). */
  ct?: string;
}

export interface MeteringLoad {
  /** Transformer capacity (HV) or contracted capacity counted kW = kVA (LV). */
  capacityKva: number;
  /** Expected monthly energy in kWh, when known: it can raise the class, never lower it. */
  monthlyKwh?: number;
  /** 220 V single-phase supply: class V whatever the capacity. */
  singlePhase?: boolean;
}

interface ClassRow {
  class: string;
  fromKva?: number;
  fromMonthlyKwh?: number;
  belowKva?: number;
  singlePhase?: boolean;
  activeMeter: string;
  ct?: string;
}

const ROWS = defaults.metering.meteringClasses.value as ClassRow[];

function resultOf(row: ClassRow): MeteringClassResult {
  return { meteringClass: row.class as MeteringClass, activeMeter: row.activeMeter, ...(row.ct ? { ct: row.ct } : {}) };
}

/** The metering class and accuracies for a connection (R-MET-06). */
export function meteringClassFor(load: MeteringLoad): MeteringClassResult {
  const single = ROWS.find((row) => row.singlePhase);
  if (load.singlePhase && single) return resultOf(single);
  const graded = ROWS.find(
    (row) =>
      (row.fromKva !== undefined && load.capacityKva >= row.fromKva) ||
      (row.fromMonthlyKwh !== undefined && (load.monthlyKwh ?? 0) >= row.fromMonthlyKwh),
  );
  return resultOf(graded ?? (ROWS.find((row) => row.belowKva !== undefined) as ClassRow));
}
