/**
 * The tables a batch carries, in bundle order, with the columns HQ receives. This list IS the export contract
 * (docs/export-format.md): a column added to a hall table reaches HQ only when it is added here, so a secret
 * (a password hash, say) can never leave the hall by accident. Every table has change_seq.
 */
export type ColumnType = 'int' | 'text';

export interface ExportTable {
  /** Hall table name = JSON Lines entry `tables/<name>.jsonl` = HQ table `hq_<name>` (plus hall_code). */
  name: string;
  /** Primary key within one hall. */
  key: readonly string[];
  columns: readonly (readonly [string, ColumnType])[];
}

const t = (name: string, key: string[], columns: Record<string, ColumnType>): ExportTable => ({
  name,
  key,
  columns: Object.entries(columns),
});

export const EXPORT_TABLES: readonly ExportTable[] = [
  t('settings', ['key'], { key: 'text', value: 'text', change_seq: 'int' }),
  t('users', ['id'], { id: 'text', name: 'text', role: 'text', active: 'int', created_at: 'text', change_seq: 'int' }),
  t('customers', ['id'], {
    id: 'int',
    kind: 'text',
    name: 'text',
    id_type: 'text',
    id_number: 'text',
    phone: 'text',
    created_at: 'text',
    updated_at: 'text',
    change_seq: 'int',
  }),
  t('applications', ['id'], {
    id: 'int',
    number: 'text',
    customer_id: 'int',
    business_type: 'text',
    customer_class: 'text',
    time_limit_class: 'text',
    stage: 'text',
    status: 'text',
    customer_name: 'text',
    id_number: 'text',
    phone: 'text',
    address: 'text',
    account_no: 'text',
    application_date: 'text',
    created_at: 'text',
    updated_at: 'text',
    accept_date: 'text',
    stage_start_date: 'text',
    stage_paused_wd: 'int',
    total_paused_wd: 'int',
    stage_due: 'text',
    stage_warn: 'text',
    total_due: 'text',
    total_warn: 'text',
    due_date: 'text',
    warn_date: 'text',
    suspended_since: 'text',
    pause_reason: 'text',
    closed_at: 'text',
    assignee: 'text',
    record_json: 'text',
    version: 'int',
    change_seq: 'int',
  }),
  t('stage_events', ['id'], {
    id: 'int',
    application_id: 'int',
    action: 'text',
    from_stage: 'text',
    to_stage: 'text',
    reason_code: 'text',
    reason: 'text',
    user_id: 'text',
    at: 'text',
    change_seq: 'int',
  }),
  t('required_documents', ['application_id', 'code'], {
    application_id: 'int',
    code: 'text',
    status: 'text',
    due_stage: 'text',
    reason: 'text',
    change_seq: 'int',
  }),
  t('supply_scheme_versions', ['id'], {
    id: 'int',
    application_id: 'int',
    version: 'int',
    status: 'text',
    content_json: 'text',
    change_reason: 'text',
    created_by: 'text',
    created_at: 'text',
    approved_by: 'text',
    approved_at: 'text',
    /** R-GATE-04: the last valid day after the one extension; null when not extended (migration 0013). */
    extended_until: 'text',
    change_seq: 'int',
  }),
  t('contracts', ['id'], {
    id: 'int',
    number: 'text',
    application_id: 'int',
    scheme_version_id: 'int',
    template_id: 'text',
    template_version: 'text',
    status: 'text',
    pdf_sha256: 'text',
    signed_on: 'text',
    scan_document_id: 'int',
    void_reason: 'text',
    created_at: 'text',
    updated_at: 'text',
    change_seq: 'int',
  }),
  t('documents', ['id'], {
    id: 'int',
    application_id: 'int',
    contract_id: 'int',
    kind: 'text',
    path: 'text',
    sha256: 'text',
    size: 'int',
    created_at: 'text',
    change_seq: 'int',
  }),
  t('print_log', ['id'], {
    id: 'int',
    document_id: 'int',
    printer: 'text',
    copies: 'int',
    is_copy: 'int',
    user_id: 'text',
    at: 'text',
    change_seq: 'int',
  }),
  t('audit_log', ['id'], {
    id: 'int',
    at: 'text',
    user_id: 'text',
    user_name: 'text',
    action: 'text',
    entity: 'text',
    entity_id: 'text',
    change_seq: 'int',
    diff_json: 'text',
    prev_hash: 'text',
    hash: 'text',
  }),
  t('application_links', ['application_id', 'linked_id'], {
    application_id: 'int',
    linked_id: 'int',
    kind: 'text',
    created_at: 'text',
    change_seq: 'int',
  }),
  /** 客户画像 follow-ups (migration 0014): what staff recorded for a suggestion, with the suggestion as shown. */
  t('suggestion_outcomes', ['id'], {
    id: 'int',
    kind: 'text',
    subject_key: 'text',
    status: 'text',
    reason: 'text',
    suggestion_json: 'text',
    created_at: 'text',
    updated_by: 'text',
    updated_at: 'text',
    change_seq: 'int',
  }),
];

export const tableEntryName = (table: string): string => `tables/${table}.jsonl`;

export function exportTable(name: string): ExportTable | undefined {
  return EXPORT_TABLES.find((table) => table.name === name);
}
