import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import m0004 from '../../../main/db/migrations/0004_digit_suffixes';
import {
  digitSuffixes,
  nameGrams,
  searchDigits,
  searchLike,
  searchTrigram,
} from '../../../main/db/repositories/searchRepo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { runDemo } from '../../../main/services/demo/runDemo';
import { Prng } from '../../../main/services/demo/prng';
import { searchApplications } from '../../../main/services/search';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store;
const special = recordFor('NEW_LVR', 'LVR', 43);
special.customer.phone = '13987654321';

beforeAll(() => {
  store = openStore({ now: '2026-06-01T02:00:00Z' });
  runDemo(store.ctx(), { count: 2000, seed: 11, endDate: new Date('2026-05-31T00:00:00Z'), days: 120 });
  createApplication(store.ctx(), special);
});
afterAll(() => store.close());

interface Fields {
  id: number;
  number: string;
  customer_name: string;
  id_number: string;
  phone: string;
  address: string;
}
const allRows = () =>
  store
    .ctx()
    .db.prepare('SELECT id, number, customer_name, id_number, phone, address FROM applications')
    .all() as Fields[];
const fieldsOf = (r: Fields) => ({
  number: r.number,
  customerName: r.customer_name,
  idNumber: r.id_number,
  phone: r.phone,
  address: r.address,
});
const keys = () =>
  (
    store.ctx().db.prepare('SELECT suffix, application_id FROM digit_suffixes').all() as {
      suffix: string;
      application_id: number;
    }[]
  )
    .map((k) => `${k.suffix}|${k.application_id}`)
    .sort();
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('digit search (digit_suffixes, 7+ digits)', () => {
  it('derives the suffixes of every digit/X run of 7+ characters', () => {
    expect(
      digitSuffixes({
        number: 'NJ0101-20260302-0001',
        customerName: '王',
        idNumber: '11010519491231002x',
        phone: '13912345678',
        address: '88号',
      }).sort(),
    ).toEqual(
      [
        ...['11010519491231002X', '1010519491231002X', '010519491231002X', '10519491231002X', '0519491231002X'],
        ...['519491231002X', '19491231002X', '9491231002X', '491231002X', '91231002X', '1231002X', '231002X'],
        ...['13912345678', '3912345678', '912345678', '12345678', '2345678'],
        '20260302',
        '0260302',
      ].sort(),
    );
  });

  it('gives the same rows as the trigram index and as LIKE for sampled phone, ID and number fragments', () => {
    const db = store.ctx().db;
    const rows = allRows();
    const rng = new Prng(3);
    const filter = {};
    for (let n = 0; n < 300; n++) {
      const row = rows[rng.int(0, rows.length - 1)]!;
      const source = rng.pick([row.phone, row.id_number, row.number.match(/\d{7,}/)?.[0] ?? row.phone]);
      const length = rng.int(7, Math.min(11, source.length));
      const at = rng.int(0, source.length - length);
      const text = source.slice(at, at + length).toUpperCase();
      if (!/^[0-9X]{7,}$/.test(text)) continue;
      const digits = ids(searchDigits(db, text, filter, null, 10_000));
      expect(digits.length).toBeGreaterThan(0);
      expect(digits).toEqual(ids(searchTrigram(db, text, filter, null, 10_000)));
      expect(digits).toEqual(ids(searchLike(db, text, 10_000)));
    }
    // A string no one has, and a common one with filters and paging.
    expect(searchDigits(db, '0000000000', filter, null, 50)).toEqual([]);
    const common = '1234567';
    expect(ids(searchDigits(db, common, {}, null, 10_000))).toEqual(ids(searchLike(db, common, 10_000)));
  });

  it('pages and filters like the trigram path', () => {
    const db = store.ctx().db;
    const text = special.customer.idNumber.slice(0, 7);
    for (const filter of [{}, { statuses: ['ACTIVE'] }, { stages: ['ACCEPT'] }]) {
      const all = ids(searchTrigram(db, text, filter, null, 10_000));
      expect(ids(searchDigits(db, text, filter, null, 10_000))).toEqual(all);
      if (all.length > 1) expect(ids(searchDigits(db, text, filter, all[0]!, 10_000))).toEqual(all.slice(1));
    }
    expect(searchApplications(store.ctx(), { text: '987654321', limit: 50 }).items.map((s) => s.phone)).toContain(
      '139****4321',
    );
  });

  it('holds exactly the suffixes of the stored rows, and migration 0004 derives the same set', () => {
    const db = store.ctx().db;
    const expected = allRows()
      .flatMap((r) => digitSuffixes(fieldsOf(r)).map((s) => `${s}|${r.id}`))
      .sort();
    expect(keys()).toEqual(expected);
    db.exec('DELETE FROM digit_suffixes');
    db.exec(m0004.slice(m0004.indexOf('INSERT OR IGNORE INTO digit_suffixes')));
    expect(keys()).toEqual(expected);
  });

  it('follows an edit of the phone: the old fragment no longer finds it, the new one does', () => {
    const ctx = store.ctx();
    const number = searchApplications(ctx, { text: '13987654321', limit: 5 }).items[0]!.number;
    // A new name is a change of identity: a supervisor's, with a reason (shared/workflow/corrections.ts).
    updateApplicationRecord(
      ctx,
      number,
      { ...special, customer: { ...special.customer, phone: '13811112222', name: '欧阳修远' } },
      '户名录入有误，已核对证件',
    );
    expect(searchApplications(ctx, { text: '987654321', limit: 5 }).items.map((s) => s.number)).not.toContain(number);
    expect(searchApplications(ctx, { text: '3811112222', limit: 5 }).items.map((s) => s.number)).toContain(number);
    const expected = allRows()
      .flatMap((r) => digitSuffixes(fieldsOf(r)).map((s) => `${s}|${r.id}`))
      .sort();
    expect(keys()).toEqual(expected);
    // The name side index follows too: exactly the grams of each stored name, the old name's gone.
    const grams = (
      ctx.db.prepare('SELECT gram, application_id FROM name_grams').all() as { gram: string; application_id: number }[]
    )
      .map((g) => `${g.gram}|${g.application_id}`)
      .sort();
    expect(grams).toEqual(
      allRows()
        .flatMap((r) => nameGrams(r.customer_name).map((g) => `${g}|${r.id}`))
        .sort(),
    );
    expect(searchApplications(ctx, { text: '欧阳', limit: 5 }).items.map((s) => s.number)).toContain(number);
  });
});
