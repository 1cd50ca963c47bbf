import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { listRiskFlags } from '../../../main/services/risk/flags';
import { hvRecord } from '../risk/riskFixture';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

const RISK_OBJECTS = `('risk_flags', 'risk_flags_status', 'risk_flag_applications', 'risk_flag_applications_application',
  'risk_state', 'applications_address', 'applications_id_number')`;

describe('migration 0012 (risk flags)', () => {
  it('upgrades a version 11 database with rows: adds the risk tables, and the first read flags the old records', () => {
    store = openStore();
    const clerk = store.ctx('clerk');
    const { number } = createApplication(clerk, hvRecord);
    for (const reason of ['负荷清单不全', '产权证明过期']) {
      moveApplication(clerk, number, { move: 'advance' });
      moveApplication(store.ctx('supervisor'), number, { move: 'return', to: 'ACCEPT', reason });
    }
    const db = store.ctx().db;
    const others = `SELECT name, sql FROM sqlite_schema WHERE name NOT IN ${RISK_OBJECTS} ORDER BY name`;
    const before = db.prepare(others).all();
    db.exec(`DROP TABLE risk_flag_applications; DROP TABLE risk_flags; DROP TABLE risk_state;
      DROP INDEX applications_address; DROP INDEX applications_id_number;`);
    db.pragma('user_version = 11');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS[11]).toMatchObject({ version: 12, name: '0012_risk_flags' });
    expect(upgraded.prepare(others).all()).toEqual(before);
    expect(upgraded.prepare('SELECT count(*) AS n FROM risk_flags').get()).toEqual({ n: 0 });

    const ctx = { ...store.ctx('supervisor'), db: upgraded };
    const page = listRiskFlags(ctx, { detector: 'RISK-ACC-02', offset: 0, limit: 10 });
    expect(page.items.map((f) => f.applications)).toEqual([[number]]);
    upgraded.close();
  });
});
