import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import type { HandlerContext } from '../../main/ipc/context';
import { dispatch } from '../../main/ipc/dispatch';

describe('intake drafts', () => {
  let dir: string;
  let ctx: HandlerContext;
  const as = (userId: string): HandlerContext => ({ ...ctx, session: { ...ctx.session, userId } });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-drafts-'));
    ctx = {
      db: openDatabase(path.join(dir, DATABASE_FILE)),
      dataDir: dir,
      session: { userId: 'u1', name: '赵敏', role: 'clerk' },
    };
  });
  afterEach(() => {
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one draft per user, replaced whole, until discarded', async () => {
    expect(await dispatch(ctx, 'drafts.get', {})).toEqual({ ok: true, value: null });
    await dispatch(ctx, 'drafts.save', { draft: { businessType: 'NEW_LVR', values: { customer: { name: '赵敏' } } } });
    await dispatch(ctx, 'drafts.save', { draft: { businessType: 'NEW_LVN', values: {} } });
    const got = await dispatch(ctx, 'drafts.get', {});
    expect(got).toMatchObject({ ok: true, value: { draft: { businessType: 'NEW_LVN', values: {} } } });
    expect(await dispatch(as('u2'), 'drafts.get', {})).toEqual({ ok: true, value: null });
    await dispatch(ctx, 'drafts.discard', {});
    expect(await dispatch(ctx, 'drafts.get', {})).toEqual({ ok: true, value: null });
  });

  it('keeps the personal data of a draft encrypted in the database, never in a file in clear', async () => {
    const phone = '13987654321';
    await dispatch(ctx, 'drafts.save', { draft: { values: { customer: { name: '赵敏', phone } } } });
    await dispatch(as('../../evil'), 'drafts.save', { draft: { x: 1 } });
    expect(await dispatch(as('../../evil'), 'drafts.get', {})).toMatchObject({ value: { draft: { x: 1 } } });
    // No drafts folder; the support log (logs/) holds events, never a record's values.
    expect(fs.readdirSync(dir).sort()).toEqual([
      'keys',
      'logs',
      DATABASE_FILE,
      `${DATABASE_FILE}-shm`,
      `${DATABASE_FILE}-wal`,
    ]);
    expect(fs.readFileSync(path.join(dir, 'logs', 'yekuo.log')).includes(Buffer.from(phone))).toBe(false);
    ctx.db.close();
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).includes(Buffer.from(phone))).toBe(false);
    ctx = { ...ctx, db: openDatabase(path.join(dir, DATABASE_FILE)) };
    expect(await dispatch(ctx, 'drafts.get', {})).toMatchObject({
      value: { draft: { values: { customer: { phone } } } },
    });
  });

  it('moves the clear-text draft files of older versions into the database and deletes them', async () => {
    fs.mkdirSync(path.join(dir, 'drafts'));
    const old = { savedAt: '2026-11-29T01:00:00.000Z', draft: { values: { customer: { phone: '13900001111' } } } };
    fs.writeFileSync(path.join(dir, 'drafts', 'u1.json'), JSON.stringify(old));
    fs.writeFileSync(path.join(dir, 'drafts', 'u2.json'), '{"savedAt": "2026-11-29T01:00:00Z", "dra');
    await dispatch(as('u3'), 'drafts.save', { draft: { x: 3 } });
    expect(fs.existsSync(path.join(dir, 'drafts'))).toBe(false);
    expect(await dispatch(ctx, 'drafts.get', {})).toEqual({ ok: true, value: old });
    // A file cut short by a crash of old code counted as no draft, and still does.
    expect(await dispatch(as('u2'), 'drafts.get', {})).toEqual({ ok: true, value: null });
    expect(await dispatch(as('u3'), 'drafts.get', {})).toMatchObject({ value: { draft: { x: 3 } } });
  });

  it('refuses a draft that is not an object or is too large, in Chinese', async () => {
    const notObject = await dispatch(ctx, 'drafts.save', { draft: 'text' });
    expect(notObject).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const huge = await dispatch(ctx, 'drafts.save', { draft: { blob: 'x'.repeat(300 * 1024) } });
    expect(huge).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('草稿过大') },
    });
  });
});
