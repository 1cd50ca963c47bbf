// Migration 0016: when the hall detectors (main/services/risk, 读取时全厅扫描) were last scanned, kept in the
// store rather than in one process's memory, so a new process (each `yekuo risk list`) does not rescan an
// unchanged hall, and the daily audit-chain scan (RISK-INT-05) runs once a day per hall. Derived state, not
// exported. Additive only; a data step (like 0013) so that re-running it over a newer database changes nothing.
import type { Db } from '../connection';
import { addMissingColumns } from './addColumns';

export function addRiskScanState(db: Db): void {
  addMissingColumns(db, 'risk_state', [
    ['scanned_seq', 'INTEGER'],
    ['scanned_day', 'TEXT'],
    ['daily_scanned_day', 'TEXT'],
  ]);
}

export default '';
