import { afterEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

const dirty = (s: Store) => s.ctx().db.prepare('SELECT key FROM portrait_dirty ORDER BY key').pluck().all();

describe('migration 0038 (stored 客户画像 suggestions)', () => {
  it('notes the customer and the address of each written application, the old address too', () => {
    store = openStore();
    const record = recordFor('NEW_LVN', 'LVN', 3);
    const { number } = createApplication(store.ctx('clerk'), record);
    const { db } = store.ctx();
    const customer = db.prepare('SELECT customer_id FROM applications WHERE number = ?').pluck().get(number);
    expect(dirty(store)).toEqual([`address:${record.site.address}`, `customer:${customer}`]);
    db.exec('DELETE FROM portrait_dirty');
    const moved = { ...record, site: { ...record.site, address: '江苏省南京市江宁区双龙大道1号' } };
    updateApplicationRecord(store.ctx(), number, moved, '地址更正');
    expect(dirty(store)).toEqual([
      `address:${record.site.address}`,
      'address:江苏省南京市江宁区双龙大道1号',
      `customer:${customer}`,
    ]);
  });

  it("drops migration 0037's record indexes, which only the derivation per customer group read", () => {
    store = openStore();
    const names = store.ctx().db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
    expect(names).not.toContain('applications_legal_rep');
    expect(names).not.toContain('applications_industry');
    expect(names).toContain('portrait_members_industry_growth');
  });
});
