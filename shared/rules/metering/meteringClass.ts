/**
 * 电能计量装置分类 (REFERENCE.md §5.3.5 R-MET-06; DL/T 448-2016 [M]): the metering class of a connection from its
 * capacity and monthly energy, and the accuracy classes the scheme prints for the active-energy meter and the CT.
 * One function for the rules and the scheme documents, so both say the same. The class table is the province
 * profile's (`metering.meteringClasses`, defaults.json by default); thresholds are inclusive: 315 kVA is class III.
 */
import defaults from '../profile/defaults.json';
import type { MeteringClassRow } from '../profile/profile';

export type MeteringClass = MeteringClassRow['class'];

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

const DEFAULT_ROWS = defaults.metering.meteringClasses.value as MeteringClassRow[];

function resultOf(row: MeteringClassRow): MeteringClassResult {
  return { meteringClass: row.class, activeMeter: row.activeMeter, ...(row.ct ? { ct: row.ct } : {}) };
}

/** The metering class and accuracies for a connection (R-MET-06), by the profile's class table. */
export function meteringClassFor(
  load: MeteringLoad,
  rows: readonly MeteringClassRow[] = DEFAULT_ROWS,
): MeteringClassResult {
  const single = rows.find((row) => row.singlePhase);
  if (load.singlePhase && single) return resultOf(single);
  const graded = rows.find(
    (row) =>
      (row.fromKva !== undefined && load.capacityKva >= row.fromKva) ||
      (row.fromMonthlyKwh !== undefined && (load.monthlyKwh ?? 0) >= row.fromMonthlyKwh),
  );
  return resultOf(graded ?? (rows.find((row) => row.belowKva !== undefined) as MeteringClassRow));
}
