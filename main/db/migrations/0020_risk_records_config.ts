// Migration 0020: the configuration (province profile and holiday tables) the stored record-detector flags were
// computed with (main/services/risk, 随变更增量). A changed threshold makes the next read recompute every record
// detector, as the hall detectors are rescanned after any change; NULL (an upgraded hall) does so once. Derived
// state, not exported. A data step, like 0016, so that re-running it changes nothing.
import type { Db } from '../connection';
import { addMissingColumns } from './addColumns';

export function addRiskRecordsConfig(db: Db): void {
  addMissingColumns(db, 'risk_state', [['records_config', 'TEXT']]);
}

export default '';
