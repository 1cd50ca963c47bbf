import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { outboxDir } from '../../../main/export/createBatch';
import { hallKeysOf } from '../../../main/export/exportStatus';
import { publicKeyFileName } from '../../../main/export/format';
import type { HqStore } from '../../../main/hq/hqStore';
import { openPgHq } from '../../../main/hq/pgHq';
import { openSqliteHq } from '../../../main/hq/sqliteHq';
import { initHall } from '../../../main/services/hall';
import { openStore, type Store } from '../store/storeFixture';
import { tempDir } from '../export/exportFixture';

/**
 * The PostgreSQL server of the integration tests: .ci/run starts one and sets YEKUO_TEST_PG (a URL whose role
 * may create databases). Without it the HQ tests fail instead of skipping: the province path must be tested.
 */
export function testPgUrl(): string {
  const url = process.env.YEKUO_TEST_PG;
  if (!url) {
    throw new Error(
      'YEKUO_TEST_PG is not set: start PostgreSQL and set it (see .ci/run), e.g. postgres://yekuo:yekuo@127.0.0.1:5432/postgres',
    );
  }
  return url;
}

/** A fresh database on the test server, dropped by the returned cleanup. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testPgUrl();
  const name = `yekuo_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // Closed even when the drop fails (an autovacuum worker of another role): an open client kept the bench alive.
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export type HqKind = 'sqlite' | 'pg';

export interface TestHq {
  store: HqStore;
  /** The PostgreSQL database's URL (pg only), for a second connection. */
  url?: string;
  /** Every HQ table's rows, for "unchanged" comparisons. */
  snapshot(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

const HQ_TABLES = [
  'hq_halls',
  'hq_batches',
  'hq_gaps',
  'hq_audit_anchors',
  'hq_settings',
  'hq_users',
  'hq_customers',
  'hq_applications',
  'hq_stage_events',
  'hq_required_documents',
  'hq_supply_scheme_versions',
  'hq_contracts',
  'hq_documents',
  'hq_print_log',
  'hq_audit_log',
  'hq_application_links',
];

export async function openTestHq(kind: HqKind): Promise<TestHq> {
  let store: HqStore;
  let cleanup: () => Promise<void>;
  let url: string | undefined;
  if (kind === 'sqlite') {
    const dir = tempDir('yekuo-hq-');
    store = openSqliteHq(path.join(dir, 'hq.sqlite'));
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await freshPgDatabase();
    store = await openPgHq(db.url);
    url = db.url;
    cleanup = db.drop;
  }
  return {
    store,
    ...(url ? { url } : {}),
    snapshot: async () => {
      const out: Record<string, unknown[]> = {};
      for (const table of HQ_TABLES) {
        out[table] = await store.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3`);
      }
      return out;
    },
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}

/** A hall store with its own code. */
export function openHall(code: string, name = `${code} 营业厅`): Store {
  const store = openStore({ init: false });
  initHall(store.ctx('admin'), { code, name });
  return store;
}

/** Registers a hall's key at HQ the way an operator does: from the hall-<code>.pub beside its bundles. */
export async function registerHall(hq: HqStore, hall: Store): Promise<void> {
  const ctx = hall.ctx();
  const code = ctx.db.prepare("SELECT value FROM settings WHERE key = 'hall.code'").pluck().get() as string;
  const keys = hallKeysOf(ctx);
  fs.mkdirSync(outboxDir(hall.dir), { recursive: true });
  fs.writeFileSync(path.join(outboxDir(hall.dir), publicKeyFileName(code)), keys.publicKeyPem);
  await hq.addKey(code, keys.publicKeyPem, '2026-03-02T00:00:00.000Z');
}
