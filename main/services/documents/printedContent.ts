/**
 * What a paper prints, as a fingerprint: its record without the application's progress fields (资料清单, 竣工检验,
 * 三不指定, acknowledged warnings: recorded as the work goes on, after signing too, and printed nowhere) and without
 * the signing date. Kept in the contract's generate/regenerate audit entry, so a 副本 can tell whether today's rows
 * would print what was signed (printJobs.ts): its data hash, and so its bytes, move with every progress update.
 */
import { PROGRESS_FIELDS } from '../../../shared/workflow/corrections';
import type { Db } from '../../db/connection';
import { auditOfEntity } from '../../db/repositories/auditRepo';
import { sha256Hex } from '../../pdf/dataHash';
import type { PaperRecord } from '../../pdf/documentRecord';
import { canonicalJson } from '../canonicalJson';

/** The audit diff key the fingerprint is kept under. */
export const PRINTED_CONTENT_AUDIT_KEY = 'printedContent';

export function printedContentOf(record: PaperRecord): string {
  const application = Object.fromEntries(
    Object.entries(record.application).filter(([key]) => !PROGRESS_FIELDS.has(key)),
  );
  const { signedOn: _on, signedEndDate: _end, ...terms } = record.contract ?? {};
  return sha256Hex(canonicalJson({ ...record, application, contract: terms }));
}

/** The fingerprint of the paper's current file, from its newest generate/regenerate entry that kept one. */
export function keptPrintedContent(db: Db, contractNumber: string): string | null {
  const entries = auditOfEntity(db, 'contract', contractNumber).filter((row) =>
    ['contracts.generate', 'contracts.regenerate'].includes(row.action),
  );
  for (const row of entries.reverse()) {
    const diff = JSON.parse(row.diff_json) as Record<string, { after?: unknown }>;
    const kept = diff[PRINTED_CONTENT_AUDIT_KEY]?.after;
    if (typeof kept === 'string') return kept;
  }
  return null;
}
