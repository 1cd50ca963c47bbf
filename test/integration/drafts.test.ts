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
    expect(fs.readdirSync(path.join(dir, 'drafts'))).toEqual(['u1.json']);
    await dispatch(ctx, 'drafts.discard', {});
    expect(await dispatch(ctx, 'drafts.get', {})).toEqual({ ok: true, value: null });
  });

  it('treats a damaged draft file as no draft and keeps user ids inside the drafts folder', async () => {
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'drafts', 'u1.json'), '{"savedAt": "2026-11-29T01:00:00Z", "dra');
    expect(await dispatch(ctx, 'drafts.get', {})).toEqual({ ok: true, value: null });
    await dispatch(as('../../evil'), 'drafts.save', { draft: { x: 1 } });
    expect(fs.readdirSync(path.join(dir, 'drafts')).sort()).toEqual(['______evil.json', 'u1.json']);
    expect(fs.existsSync(path.join(dir, '..', 'evil.json'))).toBe(false);
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
