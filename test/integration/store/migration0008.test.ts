import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { verifyAudit } from '../../../main/services/audit';
import { searchApplications } from '../../../main/services/search';
import { undoAuditIntegrity, undoExportBatches } from './support/laterMigrations';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0008 (normalised identities)', () => {
  it('normalises rows stored before the boundary normalisation, merges customers that become one, audits each', () => {
    store = openStore();
    const ctx = store.ctx();
    const base = recordFor('NEW_LVR', 'LVR', 5);
    const person = {
      ...base.customer,
      kind: 'PERSON' as const,
      idType: 'RIC' as const,
      idNumber: '11010519491231002X',
    };
    const first = createApplication(ctx, { ...base, customer: { ...person, name: '阿依古丽·买买提' } });
    const second = createApplication(ctx, {
      ...recordFor('NEW_LVR', 'LVR', 6),
      customer: { ...person, name: '阿依古丽·买买提' },
    });
    const db = ctx.db;
    // What an older version stored for the second application: the ID as typed, as its own customer.
    db.prepare(
      "INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at, change_seq) VALUES ('PERSON', '阿依古丽•买买提 ', 'RIC', '１１０１０５１９４９１２３１００２x', ?, '', '', 0)",
    ).run(person.phone);
    const oldCustomer = db.prepare('SELECT max(id) FROM customers').pluck().get() as number;
    const stale = JSON.parse(
      db.prepare('SELECT record_json FROM applications WHERE number = ?').pluck().get(second.number) as string,
    );
    stale.customer.idNumber = '11010519491231002x';
    stale.customer.name = '阿依古丽•买买提 ';
    db.prepare(
      "UPDATE applications SET customer_id = ?, id_number = '11010519491231002x', customer_name = '阿依古丽•买买提 ', record_json = ? WHERE number = ?",
    ).run(oldCustomer, JSON.stringify(stale), second.number);
    const auditsBefore = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    undoAuditIntegrity(db);
    undoExportBatches(db);
    db.pragma('user_version = 7');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[7]).toMatchObject({ version: 8, name: '0008_normalised_identities' });
    expect(upgraded.prepare('SELECT id, name, id_number FROM customers').all()).toEqual([
      { id: 1, name: '阿依古丽·买买提', id_number: '11010519491231002X' },
    ]);
    const rows = upgraded
      .prepare('SELECT number, customer_id, customer_name, id_number, record_json FROM applications ORDER BY id')
      .all() as {
      number: string;
      customer_id: number;
      customer_name: string;
      id_number: string;
      record_json: string;
    }[];
    for (const row of rows) {
      expect(row).toMatchObject({ customer_id: 1, customer_name: '阿依古丽·买买提', id_number: '11010519491231002X' });
      expect(JSON.parse(row.record_json).customer).toMatchObject({
        idNumber: '11010519491231002X',
        name: '阿依古丽·买买提',
      });
    }
    const entries = upgraded
      .prepare('SELECT action, entity_id, user_id, diff_json FROM audit_log WHERE id > ? ORDER BY id')
      .all(auditsBefore) as { action: string; entity_id: string; user_id: string; diff_json: string }[];
    expect(entries.map((e) => [e.action, e.entity_id])).toEqual([
      ['application.normalize', second.number],
      ['customer.merge', '1'],
    ]);
    expect(JSON.parse(entries[1]!.diff_json)).toMatchObject({
      mergedCustomer: { before: oldCustomer, after: 1 },
      applications: { after: second.number },
    });
    expect(entries.every((e) => e.user_id === 'system')).toBe(true);
    expect(verifyAudit(upgraded)).toMatchObject({ ok: true });
    // The search index follows the stored values: the normalised number finds both applications.
    const found = searchApplications({ ...ctx, db: upgraded }, { text: '11010519491231002X' });
    expect(found.items.map((i) => i.number).sort()).toEqual([first.number, second.number].sort());
    upgraded.close();
  });

  it('changes nothing and audits nothing on a store that is already normalised', () => {
    store = openStore();
    createApplication(store.ctx(), recordFor('NEW_HV', 'HV', 7));
    const db = store.ctx().db;
    const snapshot = () => ({
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
      apps: db.prepare('SELECT * FROM applications').all(),
    });
    const before = snapshot();
    undoAuditIntegrity(db);
    undoExportBatches(db);
    db.pragma('user_version = 7');
    store.closeDatabase();
    const upgraded = openDatabase(store.file);
    expect({
      audit: upgraded.prepare('SELECT count(*) FROM audit_log').pluck().get(),
      apps: upgraded.prepare('SELECT * FROM applications').all(),
    }).toEqual(before);
    upgraded.close();
  });
});
