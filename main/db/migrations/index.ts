/**
 * The explicit, ordered list of migrations. A migration is a TypeScript module exporting its SQL so that the
 * Electron bundle carries it without file-system lookups; the number in the file name is its version.
 */
import m0001 from './0001_init';
import m0002 from './0002_contract_lifecycle';
import m0003 from './0003_workstation';
import m0004 from './0004_digit_suffixes';
import m0005 from './0005_workbench';
import m0006 from './0006_application_links';
import m0007 from './0007_user_passwords';
import m0008, { normaliseIdentities } from './0008_normalised_identities';
import m0009 from './0009_export_batches';
import m0010 from './0010_audit_integrity';
import m0011 from './0011_intake_drafts';
import m0012 from './0012_risk_flags';
import m0013, { addSchemeExtension } from './0013_scheme_extension';
import m0014 from './0014_suggestion_outcomes';
import m0015 from './0015_application_tally';
import m0016, { addRiskScanState } from './0016_risk_scan_state';
import m0017 from './0017_risk_scan_indexes';
import m0018 from './0018_record_time_indexes';
import m0019 from './0019_risk_application_facts';
import m0020, { addRiskRecordsConfig } from './0020_risk_records_config';
import m0021 from './0021_stats_month_index';
import m0022 from './0022_application_month_tally';
import m0023 from './0023_risk_group_counts';
import m0024 from './0024_risk_changed_applications';
import m0026 from './0026_risk_flag_list_index';
import m0025 from './0025_process_tally';
import m0027 from './0027_risk_capacity_dirty_groups';
import m0028 from './0028_process_tally_days';
import m0029, { buildProcessTally } from './0029_process_tally_build';
import m0030 from './0030_risk_changed_schemes';
import m0031, { addTallyRebuildTables } from './0031_process_tally_rebuild';
import m0032 from './0032_risk_deadline_indexes';
import m0033 from './0033_risk_clerk_names';
import m0034 from './0034_risk_idle_days';
import m0035 from './0035_risk_evidence_indexes';
import m0036 from './0036_risk_application_numbers';
import m0037 from './0037_portrait_group_indexes';
import m0038 from './0038_portrait_suggestions';
import m0039 from './0039_process_tally_all_months';
import m0040 from './0040_portrait_read_indexes';
import type { Db } from '../connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A data step in TypeScript, run after `sql` in the same transaction (for what SQL cannot compute). */
  run?: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_init', sql: m0001 },
  { version: 2, name: '0002_contract_lifecycle', sql: m0002 },
  { version: 3, name: '0003_workstation', sql: m0003 },
  { version: 4, name: '0004_digit_suffixes', sql: m0004 },
  { version: 5, name: '0005_workbench', sql: m0005 },
  { version: 6, name: '0006_application_links', sql: m0006 },
  { version: 7, name: '0007_user_passwords', sql: m0007 },
  { version: 8, name: '0008_normalised_identities', sql: m0008, run: normaliseIdentities },
  { version: 9, name: '0009_export_batches', sql: m0009 },
  { version: 10, name: '0010_audit_integrity', sql: m0010 },
  { version: 11, name: '0011_intake_drafts', sql: m0011 },
  { version: 12, name: '0012_risk_flags', sql: m0012 },
  { version: 13, name: '0013_scheme_extension', sql: m0013, run: addSchemeExtension },
  { version: 14, name: '0014_suggestion_outcomes', sql: m0014 },
  { version: 15, name: '0015_application_tally', sql: m0015 },
  { version: 16, name: '0016_risk_scan_state', sql: m0016, run: addRiskScanState },
  { version: 17, name: '0017_risk_scan_indexes', sql: m0017 },
  { version: 18, name: '0018_record_time_indexes', sql: m0018 },
  { version: 19, name: '0019_risk_application_facts', sql: m0019 },
  { version: 20, name: '0020_risk_records_config', sql: m0020, run: addRiskRecordsConfig },
  { version: 21, name: '0021_stats_month_index', sql: m0021 },
  { version: 22, name: '0022_application_month_tally', sql: m0022 },
  { version: 23, name: '0023_risk_group_counts', sql: m0023 },
  { version: 24, name: '0024_risk_changed_applications', sql: m0024 },
  { version: 25, name: '0025_process_tally', sql: m0025 },
  { version: 26, name: '0026_risk_flag_list_index', sql: m0026 },
  { version: 27, name: '0027_risk_capacity_dirty_groups', sql: m0027 },
  { version: 28, name: '0028_process_tally_days', sql: m0028 },
  { version: 29, name: '0029_process_tally_build', sql: m0029, run: buildProcessTally },
  { version: 30, name: '0030_risk_changed_schemes', sql: m0030 },
  { version: 31, name: '0031_process_tally_rebuild', sql: m0031, run: addTallyRebuildTables },
  { version: 32, name: '0032_risk_deadline_indexes', sql: m0032 },
  { version: 33, name: '0033_risk_clerk_names', sql: m0033 },
  { version: 34, name: '0034_risk_idle_days', sql: m0034 },
  { version: 35, name: '0035_risk_evidence_indexes', sql: m0035 },
  { version: 36, name: '0036_risk_application_numbers', sql: m0036 },
  { version: 37, name: '0037_portrait_group_indexes', sql: m0037 },
  { version: 38, name: '0038_portrait_suggestions', sql: m0038 },
  { version: 39, name: '0039_process_tally_all_months', sql: m0039 },
  { version: 40, name: '0040_portrait_read_indexes', sql: m0040 },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
