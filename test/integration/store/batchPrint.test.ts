/**
 * 批量打印答复单 on a real store: each selected application's reply from the documents service, joined into one
 * PDF that qpdf and poppler read back; the ones that cannot be printed reported with the detail page's reason;
 * the print log written only when the print is confirmed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../main/ipc/context';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { auditEntriesOf, verifyAudit } from '../../../main/services/audit';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import {
  generateSchemeReplies,
  logRepliesPrinted,
  mergeSchemeReplies,
} from '../../../main/services/workstation/printSchemeReplies';
import { loadRecord } from '../../fixtures/pdf/records';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck, withTempPdf } from '../pdf/pdfTools';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store;
afterEach(() => store.close());

/** Three 高压新装: two with an approved scheme (versions 1 and 2), one with a draft only; and one with none. */
function hall() {
  const ctx = store.ctx('supervisor');
  setDocumentSettings(store.ctx('admin'), {
    utilityName: '国网南京市江宁区供电公司',
    address: '南京市江宁区天元中路 1 号',
    phone: '025-5210 0000',
    contact: '李娜',
    hotline: '95598',
  });
  const numbers = [1, 2, 3, 4].map((seed) => {
    const record = recordFor('NEW_HV', 'HV', seed);
    record.industryCode = 'C2929';
    return createApplication(ctx, record).number;
  });
  const scheme = loadRecord('hv').scheme;
  const [a, b, draftOnly] = numbers as [string, string, string, string];
  approveScheme(ctx, a, saveSchemeDraft(ctx, a, scheme, undefined).version);
  // Version 1 was smaller: two 1,000 kVA transformers (核定容量 equals the transformers' total, R-SCH-02).
  const smaller = {
    ...scheme,
    approvedCapacityKva: 2000,
    receiving: { ...scheme.receiving!, transformers: [{ ratingKva: 1000, count: 2 }] },
  };
  approveScheme(ctx, b, saveSchemeDraft(ctx, b, smaller, undefined).version);
  approveScheme(ctx, b, saveSchemeDraft(ctx, b, scheme, '客户调整报装容量').version);
  saveSchemeDraft(ctx, draftOnly, scheme, undefined);
  return numbers;
}

/** What the screen does: generate the replies (in chunks there, for its progress bar), then join the generated ones. */
async function printSchemeReplies(ctx: HandlerContext, numbers: string[]) {
  const outcomes = generateSchemeReplies(ctx, numbers);
  const generated = outcomes.flatMap((o) => (o.ok ? [o.sha256] : []));
  return { outcomes, file: generated.length > 0 ? await mergeSchemeReplies(ctx, generated) : null };
}

describe('批量打印答复单 documents.batchSchemeReplies, documents.mergeSchemeReplies', () => {
  beforeEach(() => {
    store = openStore();
  });

  it('joins the printable replies into one PDF in the order selected and reports the rest with reasons', async () => {
    const [a, b, draftOnly, none] = hall() as [string, string, string, string];
    const batch = await printSchemeReplies(store.ctx('clerk'), [b, draftOnly, a, none, 'NJ0101-20260302-9999', b]);
    expect(batch.outcomes.map((o) => [o.number, o.ok])).toEqual([
      [b, true],
      [draftOnly, false],
      [a, true],
      [none, false],
      ['NJ0101-20260302-9999', false],
    ]);
    expect(batch.outcomes[1]).toMatchObject({ code: 'ILLEGAL_STATE', message: expect.stringContaining('尚未审批') });
    expect(batch.outcomes[3]).toMatchObject({
      code: 'ILLEGAL_STATE',
      message: expect.stringContaining('还没有供电方案'),
    });
    expect(batch.outcomes[4]).toMatchObject({ code: 'NOT_FOUND' });
    const done = batch.outcomes.filter((o) => o.ok);
    expect(done.map((o) => o.documentNo)).toEqual([`${b}-FA2`, `${a}-FA1`]);

    const file = batch.file!;
    expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: '供电方案答复单-2026-03-02-2份.pdf' });
    const pdf = Buffer.from(file.base64, 'base64');
    withTempPdf(pdf, (path) => {
      expect(qpdfCheck(path)).toContain('No syntax or stream encoding errors');
      const fonts = pdfFonts(path);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded)).toBe(true);
      expect(pdfInfo(path)).toMatch(new RegExp(`Pages:\\s+${file.pageCount}\\n`));
      expect(file.pageCount).toBe(done.reduce((n, o) => n + o.pageCount, 0));
      const text = pdfText(path);
      // Each reply starts on its own page, in the order selected.
      const pages = text.split('\f');
      expect(pages[0]).toContain('供电方案答复单');
      expect(pages[0]).toContain(b);
      expect(pages[done[0]!.pageCount]).toContain(a);
      expect(text.indexOf(`${b}-FA2`)).toBeLessThan(text.indexOf(`${a}-FA1`));
    });
    // The same selection on the same day: the same bytes; nothing is in the print log yet.
    const again = await printSchemeReplies(store.ctx('clerk'), [b, a]);
    expect(again.file!.base64).toBe(file.base64);
    expect(store.ctx().db.prepare('SELECT count(*) FROM print_log').pluck().get()).toBe(0);
  });

  it('offers no file when nothing selected can be printed', async () => {
    const [, , draftOnly, none] = hall() as [string, string, string, string];
    const batch = await printSchemeReplies(store.ctx('clerk'), [draftOnly, none]);
    expect(batch.file).toBeNull();
    expect(batch.outcomes.every((o) => !o.ok)).toBe(true);
  });

  it('writes one print-log entry and one audit entry per reply once the print is confirmed', async () => {
    const [a, b] = hall() as [string, string];
    const batch = await printSchemeReplies(store.ctx('clerk'), [a, b]);
    const documents = batch.outcomes.flatMap((o) => (o.ok ? [o.sha256] : []));
    expect(logRepliesPrinted(store.ctx('clerk'), documents)).toEqual({ logged: 2 });
    const db = store.ctx().db;
    const logged = db
      .prepare(
        `SELECT d.kind, d.sha256, p.copies, p.user_id, p.is_copy FROM print_log p JOIN documents d ON d.id = p.document_id
         ORDER BY p.id`,
      )
      .all();
    expect(logged).toEqual(
      documents.map((sha256) => ({ kind: 'scheme-reply', sha256, copies: 1, user_id: 'clerk-1', is_copy: 0 })),
    );
    for (const number of [a, b]) {
      expect(auditEntriesOf(db, 'application', number).at(-1)).toMatchObject({
        action: 'documents.schemeReply.print',
        userId: 'clerk-1',
      });
    }
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    expect(() => logRepliesPrinted(store.ctx('clerk'), ['0'.repeat(64)])).toThrow(/找不到答复单文件/);
  });

  it('logs nothing for a reply that changed between the file and the confirmation', async () => {
    const [a] = hall() as [string];
    const batch = await printSchemeReplies(store.ctx('clerk'), [a]);
    const documents = batch.outcomes.flatMap((o) => (o.ok ? [o.sha256] : []));
    // The hall's telephone printed on every reply changes while the paper comes out.
    setDocumentSettings(store.ctx('admin'), {
      utilityName: '国网南京市江宁区供电公司',
      address: '南京市江宁区天元中路 1 号',
      phone: '025-5210 9999',
      contact: '李娜',
      hotline: '95598',
    });
    expect(() => logRepliesPrinted(store.ctx('clerk'), documents)).toThrow(/打印的不是现行文件，本次打印未记录/);
    expect(store.ctx().db.prepare('SELECT count(*) FROM print_log').pluck().get()).toBe(0);
  });

  it('is open to clerks through the handler table and checks its input', async () => {
    const [a] = hall() as [string];
    const clerk = store.ctx('clerk');
    const result = await dispatch(clerk, 'documents.batchSchemeReplies', { numbers: [a] });
    expect(result).toMatchObject({ ok: true, value: [{ number: a, ok: true }] });
    const [generated] = result.ok ? (result.value as { sha256: string }[]) : [];
    expect(await dispatch(clerk, 'documents.mergeSchemeReplies', { documents: [generated!.sha256] })).toMatchObject({
      ok: true,
      value: { mimeType: 'application/pdf', pageCount: expect.any(Number) },
    });
    expect(await dispatch(clerk, 'documents.mergeSchemeReplies', { documents: [] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('请先生成答复单') },
    });
    expect(await dispatch(clerk, 'documents.batchSchemeReplies', { numbers: [] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('请先勾选申请') },
    });
    expect(await dispatch(clerk, 'documents.batchPrinted', { documents: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });
});
