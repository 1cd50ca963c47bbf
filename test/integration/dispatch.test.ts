import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import type { HandlerContext } from '../../main/ipc/context';
import { dispatch } from '../../main/ipc/dispatch';
import { handlers } from '../../main/ipc/handlers';
import { AppError } from '../../main/services/errors';
import { CHANNELS } from '../../shared/api/contract';

describe('the handler table', () => {
  let dir: string;
  let ctx: HandlerContext;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-dispatch-'));
    ctx = {
      db: openDatabase(path.join(dir, DATABASE_FILE)),
      dataDir: dir,
      session: { userId: 'u1', name: '李娜', role: 'clerk' },
    };
  });
  afterEach(() => {
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('answers system.info from the real database', async () => {
    ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('hall.name', '城东供电营业厅')").run();
    const result = await dispatch(ctx, 'system.info', {});
    expect(result).toMatchObject({
      ok: true,
      value: { hallName: '城东供电营业厅', dataDir: dir, user: { name: '李娜', role: 'clerk' } },
    });
    expect(result.ok && result.value).toHaveProperty('schemaVersion', ctx.db.pragma('user_version', { simple: true }));
  });

  it('refuses unknown channels and malformed input with Chinese messages', async () => {
    expect(await dispatch(ctx, 'system.shutdown', {})).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '未知的操作：system.shutdown' },
    });
    const bad = await dispatch(ctx, 'system.info', { extra: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('BAD_INPUT');
      expect(bad.error.message).toMatch(/^输入有误：.*未知的键/);
    }
    expect((await dispatch(ctx, 'system.info', 'not an object')).ok).toBe(false);
  });

  it('checks the role before running', async () => {
    const run = vi.fn(() => null as never);
    vi.spyOn(handlers, 'system.info', 'get').mockReturnValue({ role: 'supervisor', run });
    const result = await dispatch(ctx, 'system.info', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          '无权限：当前角色（营业员）不能执行此操作，需要班长/审核员或以上权限。请由有权限的同事办理，或换班后以相应账号登录。',
      },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('checks the role before parsing: a clerk sending rubbish to an admin channel learns 无权限, not the schema', async () => {
    const result = await dispatch(ctx, 'users.create', { id: '', role: 'emperor', extra: 1 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^无权限/) },
    });
    expect(result.ok || result.error.problems).toBeUndefined();
  });

  it('turns AppError into a typed error and anything else into INTERNAL without throwing', async () => {
    const problems = [{ field: 'x', ruleId: 'R-1', severity: 'error' as const, message: '错误' }];
    vi.spyOn(handlers, 'system.info', 'get').mockReturnValue({
      role: 'clerk',
      run: () => {
        throw new AppError('RULE_VIOLATION', '不符合规则', problems);
      },
    });
    expect(await dispatch(ctx, 'system.info', {})).toEqual({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: '不符合规则', problems },
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(handlers, 'system.info', 'get').mockReturnValue({
      role: 'clerk',
      run: () => {
        throw new TypeError('boom');
      },
    });
    const internal = await dispatch(ctx, 'system.info', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
