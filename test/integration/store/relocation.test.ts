import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { searchApplications } from '../../../main/services/search';
import { auditEntriesOf, verifyAudit } from '../../../main/services/audit';
import { openStore, recordFor, type Store } from './storeFixture';
import { refusal } from './support/refusal';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const OLD_ADDRESS = '江苏省南京市江宁区天元中路 18 号';

function relocation(): ApplicationInput {
  const record = recordFor('RELOC', 'LVN');
  return { ...record, existing: { ...record.existing, address: OLD_ADDRESS } };
}

const search = (ctx: ReturnType<Store['ctx']>, text: string) => searchApplications(ctx, { text, limit: 50 }).items;

const count = (sql: string) => store.ctx().db.prepare(sql).pluck().get() as number;

/** Advances `number` to its ARCHIVE stage. */
function walkToArchiveStage(number: string): void {
  let stage = getApplication(store.ctx(), number).stage;
  while (stage !== 'ARCHIVE') stage = moveApplication(store.ctx(), number, { move: 'advance' }).stage;
}

describe('迁址 (RELOC) and the closing of its old site', () => {
  it('accepts the 销户 of the old site with the 迁址, linked both ways, one audit entry each', () => {
    const record = relocation();
    const reloc = createApplication(store.ctx('clerk'), record);
    const detail = getApplication(store.ctx(), reloc.number);
    expect(detail.links).toEqual([
      {
        number: expect.stringMatching(/^NJ0101-20260302-\d{4}$/),
        businessType: 'CLOSE',
        stage: 'ACCEPT',
        status: 'ACTIVE',
        relation: 'oldSiteClosure',
      },
    ]);
    const closure = getApplication(store.ctx(), detail.links[0]!.number);
    expect(closure).toMatchObject({
      businessType: 'CLOSE',
      customerClass: 'LVN',
      address: OLD_ADDRESS,
      accountNo: record.accountNo,
      customerName: record.customer.name,
    });
    expect(closure.record.notes).toMatch(/迁址原址销户/);
    expect(closure.links).toEqual([
      { number: reloc.number, businessType: 'RELOC', stage: 'ACCEPT', status: 'ACTIVE', relation: 'relocation' },
    ]);
    expect(auditEntriesOf(store.ctx().db, 'application', closure.number)[0]?.diff).toMatchObject({
      relocation: { before: null, after: reloc.number },
    });
    expect(count('SELECT count(*) FROM applications')).toBe(2);
    expect(verifyAudit(store.ctx().db)).toMatchObject({ ok: true });
  });

  it('refuses a 迁址 without its old address, naming the field, and writes nothing', () => {
    const record = relocation();
    delete record.existing!.address;
    const before = count('SELECT count(*) FROM audit_log');
    const error = refusal(() => createApplication(store.ctx('clerk'), record));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.problems).toEqual([expect.objectContaining({ field: 'existing.address', ruleId: 'WF-RELOC' })]);
    expect(error.message).toMatch(/原用电地址/);
    expect(count('SELECT count(*) FROM applications')).toBe(0);
    expect(count('SELECT count(*) FROM audit_log')).toBe(before);
  });

  it('rolls the 迁址 back when the closing of its old site breaks a rule', () => {
    // A first 迁址 of this customer already closes the old site; a second one from the same old address (on
    // another account, to another new address) passes on its own, but its closing duplicates the first one's.
    const record = relocation();
    createApplication(store.ctx('clerk'), record);
    const second = {
      ...record,
      accountNo: `${record.accountNo!.slice(0, -1)}${(Number(record.accountNo!.slice(-1)) + 1) % 10}`,
      site: { ...record.site, address: '江苏省南京市鼓楼区中山北路 200 号' },
    };
    const before = count('SELECT count(*) FROM audit_log');
    const error = refusal(() => createApplication(store.ctx('clerk'), second));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toMatch(/^迁址申请未保存，随之受理的原址销户未通过校验：原址销户：.*已有未办结的申请/);
    expect(error.problems).toEqual([
      expect.objectContaining({
        field: 'existing.address',
        ruleId: 'R-DUP-02',
        message: expect.stringMatching(/^原址销户：/),
      }),
    ]);
    expect(count('SELECT count(*) FROM applications')).toBe(2);
    expect(count('SELECT count(*) FROM application_links')).toBe(1);
    expect(count('SELECT count(*) FROM audit_log')).toBe(before);
  });

  it('keeps one application at a time on the account for everything else (R-CHG-01)', () => {
    const record = relocation();
    const reloc = createApplication(store.ctx('clerk'), record);
    const rename = { ...recordFor('RENAME', 'LVN', 9), accountNo: record.accountNo };
    const error = refusal(() => createApplication(store.ctx('clerk'), rename));
    expect(error.problems?.map((p) => p.ruleId)).toContain('R-CHG-01');
    expect(error.message).toContain(reloc.number);
  });

  it('archives the 迁址 only after the old site is closed', () => {
    const reloc = createApplication(store.ctx('clerk'), relocation());
    const closure = getApplication(store.ctx(), reloc.number).links[0]!.number;
    walkToArchiveStage(reloc.number);
    const error = refusal(() => moveApplication(store.ctx(), reloc.number, { move: 'archive' }));
    expect(error.code).toBe('ILLEGAL_STATE');
    expect(error.message).toContain(`归档前须先办结原址销户 ${closure}`);
    expect(getApplication(store.ctx(), reloc.number).status).toBe('ACTIVE');

    walkToArchiveStage(closure);
    expect(moveApplication(store.ctx(), closure, { move: 'archive' }).status).toBe('ARCHIVED');
    expect(moveApplication(store.ctx(), reloc.number, { move: 'archive' }).status).toBe('ARCHIVED');
    expect(verifyAudit(store.ctx().db)).toMatchObject({ ok: true });
  });

  it('carries a corrected old address over to the closing, which keeps its own documents', () => {
    const record = relocation();
    const reloc = createApplication(store.ctx('clerk'), record);
    const closure = getApplication(store.ctx(), reloc.number).links[0]!.number;
    // The closing's own checklist changes first: a document deferred on the 迁址 is received for the closing.
    const closureRecord = getApplication(store.ctx(), closure).record;
    const documents = closureRecord.documents.map((d) => ({ code: d.code, status: 'RECEIVED' as const }));
    updateApplicationRecord(store.ctx('clerk'), closure, { ...closureRecord, documents });

    const corrected = '江苏省南京市江宁区天元中路19号';
    updateApplicationRecord(store.ctx('clerk'), reloc.number, {
      ...record,
      existing: { ...record.existing, address: corrected },
    });
    const after = getApplication(store.ctx(), closure);
    expect(after.address).toBe(corrected);
    expect(after.record.documents).toEqual(documents);
    expect(auditEntriesOf(store.ctx().db, 'application', closure).at(-1)).toMatchObject({
      action: 'application.update',
      diff: { 'record.site.address': { before: OLD_ADDRESS, after: corrected } },
    });
    expect(search(store.ctx(), '天元中路19').map((s) => s.number)).toEqual([closure]);

    // Without an old address the correction is refused and nothing changes.
    const noAddress = relocation();
    delete noAddress.existing!.address;
    const error = refusal(() => updateApplicationRecord(store.ctx('clerk'), reloc.number, noAddress));
    expect(error.problems).toEqual([expect.objectContaining({ field: 'existing.address', ruleId: 'WF-RELOC' })]);
    expect(getApplication(store.ctx(), closure).address).toBe(corrected);
  });

  it('cancels the closing with the 迁址, and refuses to cancel the closing alone', () => {
    const reloc = createApplication(store.ctx('clerk'), relocation());
    const closure = getApplication(store.ctx(), reloc.number).links[0]!.number;
    const alone = refusal(() => moveApplication(store.ctx(), closure, { move: 'cancel', reason: '客户改变主意' }));
    expect(alone.code).toBe('ILLEGAL_STATE');
    expect(alone.message).toContain(`迁址申请 ${reloc.number} 的原址销户`);

    moveApplication(store.ctx(), reloc.number, { move: 'cancel', reason: '客户不再迁址' });
    const cancelled = getApplication(store.ctx(), closure);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.events.at(-1)).toMatchObject({
      action: 'cancel',
      reason: `随迁址申请 ${reloc.number} 终止：客户不再迁址`,
    });
    expect(auditEntriesOf(store.ctx().db, 'application', closure).at(-1)?.action).toBe('application.cancel');
  });
});
