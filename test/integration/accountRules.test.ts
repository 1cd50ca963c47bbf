import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import type { HandlerContext } from '../../main/ipc/context';
import { dispatch } from '../../main/ipc/dispatch';
import type { ApplicationInput } from '../../shared/domain/application';

const external = JSON.parse(
  fs.readFileSync('test/fixtures/e2e/inc-lvn-external-account.json', 'utf8'),
) as ApplicationInput;
const local: ApplicationInput = { ...external, accountExternal: false };

describe('户号 rules with the hall database (R-HH-04, R-CHG-01)', () => {
  let dir: string;
  let ctx: HandlerContext;
  const ruleIds = (result: Awaited<ReturnType<typeof dispatch>>) =>
    result.ok ? [] : (result.error.problems ?? []).map((p) => p.ruleId);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-accounts-'));
    ctx = {
      db: openDatabase(path.join(dir, DATABASE_FILE)),
      dataDir: dir,
      session: { userId: 'a', name: '管理员', role: 'admin' },
    };
    await dispatch(ctx, 'hall.init', { code: 'JS0103', name: '城南供电营业厅' });
  });
  afterEach(() => {
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an account the hall has never handled unless it is marked as external', async () => {
    const unknown = await dispatch(ctx, 'applications.create', { record: local });
    expect(unknown.ok).toBe(false);
    expect(ruleIds(unknown)).toContain('R-HH-04');
    expect(await dispatch(ctx, 'applications.create', { record: external })).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'accounts.lookup', { accountNo: external.accountNo })).toMatchObject({
      ok: true,
      value: { existing: { capacityKw: 40 }, openApplications: [expect.any(String)] },
    });
  });

  it('knows the account once the hall has handled it, and refuses a second open application on it', async () => {
    await dispatch(ctx, 'applications.create', { record: external });
    const second = await dispatch(ctx, 'applications.create', { record: local });
    expect(ruleIds(second)).not.toContain('R-HH-04');
    expect(ruleIds(second)).toContain('R-CHG-01');
  });

  it('says in Chinese when the account is unknown to the lookup', async () => {
    expect(await dispatch(ctx, 'accounts.lookup', { accountNo: '3209999999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('户号来自外部系统') },
    });
    expect(await dispatch(ctx, 'accounts.lookup', { accountNo: '12ab' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('户号应为 10 位或 13 位数字') },
    });
  });
});
