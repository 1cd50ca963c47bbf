import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { verifyAudit } from '../../../main/services/audit';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0013 (scheme extension)', () => {
  it('upgrades a version 12 database with an approved scheme: the column and its once-only trigger, audit intact', () => {
    store = openStore();
    const record = recordFor('NEW_LVN', 'LVN', 3);
    const { number } = createApplication(store.ctx(), record);
    const proposal = proposeScheme(record, 'FA-1', '2026-03-02');
    saveSchemeDraft(
      store.ctx(),
      number,
      {
        ...proposal,
        sources: proposal.sources.map((s) => ({
          ...s,
          substation: '江宁变',
          line: '江01线',
          boundaryPoint: '表箱出线',
        })),
        metering: proposal.metering.map((m) => ({ ...m, position: '表箱', meterSpec: '三相四线' })),
      },
      undefined,
    );
    approveScheme(store.ctx(), number, 1);
    const db = store.ctx().db;
    db.exec('DROP TRIGGER supply_scheme_versions_extended_once');
    db.exec('ALTER TABLE supply_scheme_versions DROP COLUMN extended_until');
    db.pragma('user_version = 12');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[12]).toMatchObject({ version: 13, name: '0013_scheme_extension' });
    expect(verifyAudit(upgraded).ok).toBe(true);
    const extend = (until: string) =>
      upgraded.prepare('UPDATE supply_scheme_versions SET extended_until = ? WHERE version = 1').run(until);
    extend('2026-09-01');
    expect(() => extend('2026-10-01')).toThrow(/extended once/);
    upgraded.close();
  });
});
