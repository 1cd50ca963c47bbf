/**
 * The support log: INTERNAL errors with their stack and slow calls with their channel reach
 * <data>/logs/yekuo.log as JSON lines, and no ID number, credit code, phone or password ever does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch';
import { LOG_DIR, LOG_FILE, logTail, redact, redactText, supportLog } from '../../main/log/supportLog';
import { createFirstAdmin } from '../../main/services/auth/passwords';
import { signIn } from '../../main/services/auth/signIn';
import { addDemo, exportNow, fullDiskAfter } from './export/exportFixture';
import { nodeIo } from '../../main/export/exportIo';
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
    expect(lines(store.dir).find((line) => line.event === 'start')).toMatchObject({ msg: '启动', level: 30 });
  });
});

describe('the events support asks for', () => {
  it('records the creation of a database, failed sign-ins (never the password) and exports, and a failed export', async () => {
    store = openStore();
    expect(lines(store.dir).find((line) => line.event === 'migration')).toMatchObject({ from: 0, msg: '新建数据库' });
    const { session: _none, ...anonymous } = store.ctx();
    await createFirstAdmin(anonymous, { id: 'A001', name: '周敏', password: 'correct horse' });
    await expect(signIn(anonymous, { id: 'A001', password: 'wrong horse 13912345678' })).rejects.toThrow();
    await expect(signIn(anonymous, { id: 'NOBODY', password: 'whatever1' })).rejects.toThrow();
    const failures = lines(store.dir).filter((line) => line.event === 'sign-in-failed');
    expect(failures).toEqual([
      expect.objectContaining({ level: 40, user: 'A001', reason: 'wrong password', msg: '登录失败' }),
      expect.objectContaining({ user: 'NOBODY', reason: 'unknown or inactive user' }),
    ]);

    addDemo(store.ctx(), 3);
    const batch = await exportNow(store.ctx());
    expect(lines(store.dir).find((line) => line.event === 'export')).toMatchObject({ batch: batch?.batch });
    addDemo(store.ctx(), 2, 7);
    await expect(exportNow(store.ctx(), fullDiskAfter(1024, nodeIo, 'zip'))).rejects.toThrow();
    const failed = lines(store.dir).find((line) => line.event === 'export-failed');
    expect(failed).toMatchObject({ level: 50, msg: '导出失败' });
    expect((failed?.err as { stack: string }).stack).toMatch(/at /);

    const text = fs.readFileSync(path.join(store.dir, LOG_DIR, LOG_FILE), 'utf8');
    expect(text).not.toContain('wrong horse');
    expect(text).not.toContain('correct horse');
  });

  it('stays silent instead of failing where it cannot write (a read-only folder, a full disk)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-no-log-'));
    // A file where the logs folder should be: mkdir fails as it would on a read-only folder (also for root).
    fs.writeFileSync(path.join(dir, LOG_DIR), '');
    try {
      expect(() => supportLog(dir).info({ event: 'start' }, '启动')).not.toThrow();
      expect(fs.statSync(path.join(dir, LOG_DIR)).isFile()).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
