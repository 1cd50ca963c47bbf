/** A scheme version written straight to the store, as the scheme service leaves it (draft, or approved). */
import type { Db } from '../../../main/db/connection';
import { approveSchemeVersion, insertSchemeVersion } from '../../../main/db/repositories/schemeRepo';
import type { SupplyScheme } from '../../../shared/domain/scheme';

export function addSchemeVersion(db: Db, applicationId: number, scheme: SupplyScheme, status: 'draft' | 'approved') {
  const at = '2026-03-02T02:00:00Z';
  const row = insertSchemeVersion(db, {
    application_id: applicationId,
    status: 'draft',
    content_json: JSON.stringify(scheme),
    change_reason: null,
    created_by: 'supervisor-1',
    created_at: at,
    approved_by: null,
    approved_at: null,
    change_seq: 0,
  });
  if (status === 'approved') approveSchemeVersion(db, row.id, 'supervisor-1', at, 0);
}
