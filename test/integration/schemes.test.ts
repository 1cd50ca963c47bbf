import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import type { HandlerContext } from '../../main/ipc/context';
import { dispatch } from '../../main/ipc/dispatch';
import type { ApplicationInput } from '../../shared/domain/application';
import type { Role } from '../../shared/domain/codes';
import { proposeScheme } from '../../shared/domain/schemeProposal';
import { supplySchemeSchema } from '../../shared/domain/scheme';

const record = JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as ApplicationInput;

describe('supply-scheme versions', () => {
  let dir: string;
  let ctx: HandlerContext;
  let number: string;
  const as = (role: Role): HandlerContext => ({ ...ctx, session: { userId: `u-${role}`, name: role, role } });
  const call = async (role: Role, channel: string, input: unknown) => dispatch(as(role), channel, input);
  const value = async <T>(role: Role, channel: string, input: unknown): Promise<T> => {
    const result = await call(role, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  const surveyed = () => {
    const proposal = proposeScheme(record, 'FA-1', '2026-11-29');
    return {
      ...proposal,
      sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
      receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
      metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
    };
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-schemes-'));
    ctx = {
      db: openDatabase(path.join(dir, DATABASE_FILE)),
      dataDir: dir,
      session: { userId: 'x', name: 'x', role: 'admin' },
    };
    await value('admin', 'hall.init', { code: 'ZJ0101', name: '西湖供电营业厅' });
    number = (await value<{ number: string }>('clerk', 'applications.create', { record })).number;
  });
  afterEach(() => {
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('proposes a scheme that the schema accepts once the survey blanks are filled, and not before', () => {
    expect(supplySchemeSchema.safeParse(proposeScheme(record, 'FA-1', '2026-11-29')).success).toBe(false);
    expect(supplySchemeSchema.safeParse(surveyed()).success).toBe(true);
  });

  it('names blank survey fields in Chinese when a draft is saved', async () => {
    const result = await call('clerk', 'schemes.saveDraft', {
      number,
      content: proposeScheme(record, 'FA-1', '2026-11-29'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('供电电源·第 1 项·产权分界点');
  });

  it('drafts (clerk), edits the draft, approves (supervisor only) and audits each step', async () => {
    await value('clerk', 'schemes.saveDraft', { number, content: surveyed() });
    await value('clerk', 'schemes.saveDraft', { number, content: { ...surveyed(), validityMonths: 6 } });
    expect(await call('clerk', 'schemes.approve', { number, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const approved = await value<{ status: string; content: { validityMonths: number } }>(
      'supervisor',
      'schemes.approve',
      { number, version: 1 },
    );
    expect(approved).toMatchObject({ status: 'approved', content: { validityMonths: 6 } });
    const again = await call('supervisor', 'schemes.approve', { number, version: 1 });
    expect(again).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STATE' } });
    const actions = (await value<{ action: string }[]>('clerk', 'audit.forApplication', { number })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['scheme.draft', 'scheme.edit', 'scheme.approve']));
    expect(() =>
      ctx.db.prepare("UPDATE supply_scheme_versions SET content_json = '{}' WHERE version = 1").run(),
    ).toThrow(/immutable/);
  });

  it('changes an approved scheme only as a supervisor with a reason, as a new version that supersedes on approval', async () => {
    await value('clerk', 'schemes.saveDraft', { number, content: surveyed() });
    await value('supervisor', 'schemes.approve', { number, version: 1 });
    const base = surveyed();
    // One more 630 kVA transformer: the approved kVA stays the transformer total (R-SCH-02).
    const transformers = [...base.receiving.transformers, { ratingKva: 630, count: 1 }];
    const bigger = {
      ...base,
      approvedCapacityKva: base.approvedCapacityKva! + 630,
      receiving: { ...base.receiving, transformers },
    };
    expect(await call('clerk', 'schemes.saveDraft', { number, content: bigger, reason: '增加变压器' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const noReason = await call('supervisor', 'schemes.saveDraft', { number, content: bigger });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('变更理由') },
    });
    const v2 = await value<{ version: number; changeReason: string }>('supervisor', 'schemes.saveDraft', {
      number,
      content: bigger,
      reason: '增加变压器',
    });
    expect(v2).toMatchObject({ version: 2, changeReason: '增加变压器' });
    await value('supervisor', 'schemes.approve', { number, version: 2 });
    const versions = await value<{ version: number; status: string }[]>('clerk', 'schemes.list', { number });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'approved'],
    ]);
  });
});
