// Migration 0009: the export to headquarters (issue 14). export_batches (unused since 0001) gains what the 数据导出
// page and the outbox need — row counts, size, privacy, the audit head, folder delivery and the HQ receipt — and
// every table a batch reads gets an index on change_seq, so an incremental batch reads only its own rows.
// Additive only: new columns with defaults and new indexes.
export default /* sql */ `
ALTER TABLE export_batches ADD COLUMN row_counts_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE export_batches ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE export_batches ADD COLUMN privacy TEXT NOT NULL DEFAULT 'full';
ALTER TABLE export_batches ADD COLUMN audit_head_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE export_batches ADD COLUMN audit_head_hash TEXT NOT NULL DEFAULT '';
-- Last copy into the delivery folder (a shared drive or USB disk).
ALTER TABLE export_batches ADD COLUMN folder TEXT;
ALTER TABLE export_batches ADD COLUMN folder_at TEXT;
-- Delivery to the HQ receiver: the signed receipt (JSON) once HQ has answered, and the outbox's retry state.
ALTER TABLE export_batches ADD COLUMN receipt_json TEXT;
ALTER TABLE export_batches ADD COLUMN receipt_at TEXT;
ALTER TABLE export_batches ADD COLUMN send_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE export_batches ADD COLUMN next_send_at TEXT;
ALTER TABLE export_batches ADD COLUMN last_send_error TEXT;

CREATE INDEX settings_change ON settings (change_seq);
CREATE INDEX users_change ON users (change_seq);
CREATE INDEX customers_change ON customers (change_seq);
CREATE INDEX stage_events_change ON stage_events (change_seq);
CREATE INDEX required_documents_change ON required_documents (change_seq);
CREATE INDEX supply_scheme_versions_change ON supply_scheme_versions (change_seq);
CREATE INDEX contracts_change ON contracts (change_seq);
CREATE INDEX documents_change ON documents (change_seq);
CREATE INDEX print_log_change ON print_log (change_seq);
CREATE INDEX audit_log_change ON audit_log (change_seq);
CREATE INDEX application_links_change ON application_links (change_seq);
`;
