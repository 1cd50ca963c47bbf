/**
 * The 方案变更说明 of a reply (REFERENCE.md §6.3, §8 "方案随意变更"): which approved version the printed one
 * replaces, the reason recorded for the change and what changed between the two. Read from the stored versions
 * only — approved versions are immutable — so the reply of a version prints the same change on every
 * regeneration.
 */
import { schemeFieldChanges } from '../../../shared/domain/schemeDiff';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import type { Db } from '../../db/connection';
import { schemeVersionsOf } from '../../db/repositories/schemeRepo';
import type { SchemeChange } from '../../pdf/documentRecord';
import { printableChanges } from '../../pdf/schemeChangeRows';
import { shanghaiDate } from '../clock';
import type { ApprovedScheme } from './schemeGate';

/** Undefined for the first approved version, which replaces nothing. */
export function schemeChangeOf(db: Db, approved: ApprovedScheme): SchemeChange | undefined {
  const { row } = approved;
  // The version the customer was last answered with: the latest earlier one that was approved.
  const previous = schemeVersionsOf(db, row.application_id)
    .filter((v) => v.version < row.version && v.approved_at !== null)
    .at(-1);
  if (!previous?.approved_at) return undefined;
  const before = JSON.parse(previous.content_json) as SupplyScheme;
  return {
    replacesVersion: previous.version,
    replacesSchemeNo: before.schemeNo,
    approvedOn: shanghaiDate(new Date(previous.approved_at)),
    ...(row.change_reason ? { reason: row.change_reason } : {}),
    // Both sides as stored, so a field the schema has since dropped still shows as changed rather than vanishing.
    changes: printableChanges(schemeFieldChanges(before, JSON.parse(row.content_json))),
  };
}
