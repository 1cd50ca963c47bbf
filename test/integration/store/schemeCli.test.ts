/**
 * `yekuo scheme draft|approve` on a real store, so documents can be scripted end to end (issue 12): the CLI saves
 * and approves through the services of schemes.saveDraft and schemes.approve, with their schemas and roles — a
 * clerk drafts, only a supervisor (or above) approves — and the reply then prints with `yekuo pdf scheme`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { addUserWithPassword } from '../../../main/services/auth/passwords';
import { actingAs } from '../../../main/services/auth/storeContext';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { listSchemes } from '../../../main/services/schemes';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { auditEntriesOf } from '../../../main/services/audit';
import { CLI_ADMIN, addCliAdmin, yekuo, yekuoAs } from './cliRunner';
import { HALL_DOCUMENT_SETTINGS, hvNewConnection, openStore, type Store } from './storeFixture';

// The CLI runs on the real clock: the store's clock and the application date are today (Shanghai) too.
const now = new Date();
const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const record = hvNewConnection(today);
const CLERK = { id: 'C001', name: '李娜', role: 'clerk' as const, password: 'clerk-password-1' };
const asClerk = { YEKUO_USER: CLERK.id, YEKUO_PASSWORD: CLERK.password };

let store: Store;
let number = '';
let dir = '';
let schemeFile = '';

beforeEach(async () => {
  store = openStore({ now: now.toISOString() });
  await addCliAdmin(store.ctx('admin'));
  await addUserWithPassword(actingAs(store.ctx('admin'), { ...CLI_ADMIN, role: 'admin' }), CLERK, false);
  ({ number } = createApplication(store.ctx('clerk'), record));
  moveApplication(store.ctx(), number, { move: 'advance' });
  moveApplication(store.ctx(), number, { move: 'advance' });
  setDocumentSettings(store.ctx('admin'), HALL_DOCUMENT_SETTINGS);
  const proposal = proposeScheme(record, 'FA-1', record.applicationDate);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scheme-cli-'));
  schemeFile = path.join(dir, 'scheme.json');
  fs.writeFileSync(
    schemeFile,
    JSON.stringify({
      ...proposal,
      sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
      receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
      metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
    }),
  );
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each CLI run starts tsx and signs in: several seconds on a loaded machine.
describe('yekuo scheme draft|approve', { timeout: 300_000 }, () => {
  it('a clerk drafts from a JSON file, a clerk may not approve, a supervisor does; the reply then prints', async () => {
    const draft = await yekuoAs(store.dir, asClerk, 'scheme', 'draft', number, schemeFile);
    expect(draft.stderr).toBe('');
    expect(draft.stdout).toBe(`已保存申请 ${number} 供电方案草稿第 1 版\n`);
    expect(listSchemes(store.ctx(), number).map((v) => [v.version, v.status, v.createdBy])).toEqual([
      [1, 'draft', CLERK.id],
    ]);

    const refused = await yekuoAs(store.dir, asClerk, 'scheme', 'approve', number);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('无权限：当前角色（营业员）不能执行此操作');
    expect(listSchemes(store.ctx(), number)[0]!.status).toBe('draft');

    const approved = await yekuo(store.dir, 'scheme', 'approve', number);
    expect(approved.stderr).toBe('');
    expect(approved.stdout).toBe(`已审批申请 ${number} 供电方案第 1 版\n`);
    expect(listSchemes(store.ctx(), number)[0]).toMatchObject({ status: 'approved', approvedBy: CLI_ADMIN.id });
    const audit = auditEntriesOf(store.ctx().db, 'application', number).map((e) => [e.action, e.userId]);
    expect(audit).toEqual(
      expect.arrayContaining([
        ['scheme.draft', CLERK.id],
        ['scheme.approve', CLI_ADMIN.id],
      ]),
    );

    const out = path.join(dir, 'reply.pdf');
    const reply = await yekuo(store.dir, 'pdf', 'scheme', number, '--out', out);
    expect(reply.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a scheme file that breaks the schema as bad usage (exit 2), naming the field; and an approve without a draft', async () => {
    const { sources: _sources, ...withoutSources } = JSON.parse(fs.readFileSync(schemeFile, 'utf8')) as Record<
      string,
      unknown
    >;
    fs.writeFileSync(schemeFile, JSON.stringify(withoutSources));
    const bad = await yekuoAs(store.dir, asClerk, 'scheme', 'draft', number, schemeFile);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('供电电源');
    expect(listSchemes(store.ctx(), number)).toEqual([]);

    const none = await yekuo(store.dir, 'scheme', 'approve', number);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('没有待审批的供电方案草稿');
  });
});
