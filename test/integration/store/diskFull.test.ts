/**
 * A full disk says 磁盘空间不足, not 内部错误 (issue 10). The database runs out of room for real: SQLite's
 * max_page_count caps the file at its current size, so the next page a write needs fails with SQLITE_FULL,
 * exactly as on a full disk. Files other than the database fail with ENOSPC, mapped the same way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failureFrom } from '../../../main/cli/runtime';
import { dispatch } from '../../../main/ipc/dispatch';
import { verifyAudit } from '../../../main/services/audit';
import { logTail } from '../../../main/log/supportLog';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

describe('a full disk', () => {
  it('refuses a write with 磁盘空间不足 and a STORAGE code, the database unchanged and its chain intact', async () => {
    store = openStore();
    const ctx = store.ctx('clerk');
    const count = () => (ctx.db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;
    // Fold the WAL into the file first, so every page the next write needs is a new one.
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = ctx.db.pragma('page_count', { simple: true }) as number;
    ctx.db.pragma(`max_page_count = ${pages}`);
    // The first writes fit in the free room of existing pages; one soon needs a new page and fails.
    let before = count();
    let result = await dispatch(ctx, 'applications.create', { record: recordFor('NEW_HV', 'HV', 100) });
    for (let seed = 101; result.ok && seed < 300; seed++) {
      before = count();
      result = await dispatch(ctx, 'applications.create', { record: recordFor('NEW_HV', 'HV', seed) });
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(!result.ok && result.error.message).toMatch(/^磁盘空间不足/);
    expect(count()).toBe(before);
    expect(verifyAudit(ctx.db).ok).toBe(true);
    expect(logTail(store.dir)).toContain('"event":"storage-refused"');

    // Room again: the same request goes through.
    ctx.db.pragma('max_page_count = 1073741823');
    expect(await dispatch(ctx, 'applications.create', { record: recordFor('NEW_HV', 'HV', 999) })).toMatchObject({
      ok: true,
    });
  });

  it('the CLI says 磁盘空间不足 for ENOSPC and SQLITE_FULL instead of 内部错误', () => {
    for (const code of ['ENOSPC', 'SQLITE_FULL']) {
      const failure = failureFrom(Object.assign(new Error('no space left on device'), { code }));
      expect(failure.message).toMatch(/^磁盘空间不足/);
      expect(failure.english).toBe('database problem');
    }
    expect(failureFrom(new Error('boom')).message).toBe('内部错误：boom');
  });
});
