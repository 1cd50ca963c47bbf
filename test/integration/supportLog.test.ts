/**
 * The support log: INTERNAL errors with their stack and slow calls with their channel reach
 * <data>/logs/yekuo.log as JSON lines, and no ID number, credit code, phone or password ever does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch';
import { LOG_DIR, LOG_FILE, logTail, redact, redactText, supportLog } from '../../main/log/supportLog';
import { openStore, recordFor, type Store } from './store/storeFixture';

let store: Store;
afterEach(() => store?.close());

const lines = (dir: string) =>
  fs
    .readFileSync(path.join(dir, LOG_DIR, LOG_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('redaction', () => {
  it('masks ID numbers, credit codes, mobile and fixed phones in any text', () => {
    expect(redactText('证件 32011119671222713X 有误，电话 15878362658 或 025-52100000')).toBe(
      '证件 [身份证号] 有误，电话 [手机号] 或 [电话]',
    );
    expect(redactText('统一社会信用代码 91320115MA452510XQ')).toBe('统一社会信用代码 [信用代码]');
    // Application numbers, dates and amounts stay readable.
    expect(redactText('NJ0101-20260302-0001 2026-03-02 630 kVA')).toBe('NJ0101-20260302-0001 2026-03-02 630 kVA');
  });

  it('masks keys by name at any depth, whatever their value', () => {
    const record = recordFor('NEW_HV', 'HV');
    const text = JSON.stringify(redact({ record, password: 'hunter22', nested: [{ Phone: '12345' }] }));
    expect(text).not.toContain(record.customer.idNumber);
    expect(text).not.toContain(record.customer.phone);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('12345');
    expect(text).toContain('NEW_HV');
  });
});

describe('the support log', () => {
  it('records an INTERNAL error with its stack and channel, masking what the error message held', async () => {
    store = openStore();
    const ctx = store.ctx('clerk');
    const record = recordFor('NEW_LVR', 'LVR');
    store.closeDatabase();
    const result = await dispatch(ctx, 'applications.create', { record });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    supportLog(store.dir).error({ event: 'probe', err: new Error(`证件号 ${record.customer.idNumber} 无效`) }, 'x');
    const logged = lines(store.dir);
    const internal = logged.find((line) => line.event === 'internal-error');
    expect(internal).toMatchObject({ level: 50, channel: 'applications.create', msg: '内部错误' });
    expect((internal?.err as { stack: string }).stack).toMatch(/at /);
    const text = fs.readFileSync(path.join(store.dir, LOG_DIR, LOG_FILE), 'utf8');
    expect(text).not.toContain(record.customer.idNumber);
    expect(text).toContain('[身份证号]');
    expect(logTail(store.dir, 100_000).split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(1);
  });

  it('is private to the operating-system account', () => {
    store = openStore();
    supportLog(store.dir).info({ event: 'start' }, '启动');
    const file = path.join(store.dir, LOG_DIR, LOG_FILE);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(lines(store.dir)[0]).toMatchObject({ event: 'start', msg: '启动', level: 30 });
  });
});
