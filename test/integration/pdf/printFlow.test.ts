/**
 * `documents.print` as the Electron shell runs it (main/ipc/printDocument.ts), on a real store through the
 * handler table, with a fake operating-system printer: the print log and the draft → printed move are written
 * only when the printer reports the paper came out; a cancelled or failed print leaves no trace.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintOutcome, PrintTarget } from '../../../shared/api/documents';
import type { Result } from '../../../shared/api/result';
import { dispatch } from '../../../main/ipc/dispatch';
import { printDocument, type PrinterOutcome, type Printer } from '../../../main/ipc/printDocument';
import { sha256Hex } from '../../../main/pdf/dataHash';
import { advanceTo } from './advanceTo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { Prng } from '../../../main/services/demo/prng';
import { signContract, voidContract } from '../../../main/services/documents/contractLifecycle';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { generateContract } from '../../../main/services/documents/generateDocuments';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { pdfText } from './pdfTools';

interface Job {
  file: string;
  copies: number;
  title: string;
  sha256: string;
  /** What the store held while the dialog was open. */
  logRows: number;
  status: string;
}

/** Stands in for the preview window and the system print dialog; answers as told. */
class FakePrinter implements Printer {
  readonly jobs: Job[] = [];
  constructor(
    private readonly store: Store,
    private readonly answer: () => PrinterOutcome = () => ({ printed: true }),
  ) {}

  async print(file: string, job: { copies: number; title: string }): Promise<PrinterOutcome> {
    const db = this.store.ctx().db;
    this.jobs.push({
      file,
      ...job,
      sha256: sha256Hex(fs.readFileSync(file)),
      logRows: db.prepare('SELECT count(*) FROM print_log').pluck().get() as number,
      status: db.prepare('SELECT status FROM contracts').pluck().get() as string,
    });
    return this.answer();
  }
}

let store: Store;
let appNo: string;
let contractNo: string;
let contractSha: string;

const call = (channel: string, input: unknown) => dispatch(store.ctx('clerk'), channel, input);
const print = (printer: Printer, target: PrintTarget, copies = 2) =>
  printDocument(call, store.dir, printer, { target, copies }) as Promise<Result<PrintOutcome>>;
const printLog = () =>
  store
    .ctx()
    .db.prepare(
      `SELECT d.kind, d.sha256, p.copies, p.is_copy, p.user_id FROM print_log p JOIN documents d ON d.id = p.document_id
       ORDER BY p.id`,
    )
    .all();
const contractStatus = () => store.ctx().db.prepare('SELECT status FROM contracts').pluck().get();

beforeEach(() => {
  store = openStore();
  const ctx = store.ctx();
  const record = recordFor('NEW_HV', 'HV');
  appNo = createApplication(ctx, record).number;
  advanceTo(ctx, appNo, 'CONTRACT');
  const draft = saveSchemeDraft(ctx, appNo, demoScheme(new Prng(1), record, appNo, '2026-03-02'), undefined);
  approveScheme(ctx, appNo, draft.version);
  setDocumentSettings(ctx, {
    utilityName: '国网南京市江宁区供电公司',
    address: '南京市江宁区天元中路 1 号',
    phone: '025-5210 0000',
    contact: '李娜',
    hotline: '95598',
    legalRep: '王建华',
    taxNumber: '91320115MA1XXXXX2K',
    bankAccount: '中国工商银行南京江宁支行 4301 0123 0910 0000 123',
  });
  const contract = generateContract(ctx, appNo);
  contractNo = contract.documentNo;
  contractSha = contract.sha256;
  // Creating, advancing and approving through the services on a shared two-core machine.
}, 60_000);
afterEach(() => store.close());

describe('documents.print with the printer', () => {
  it('logs the print and marks the contract printed only after the printer reports it printed', async () => {
    const printer = new FakePrinter(store);
    const outcome = await print(printer, { kind: 'contract', number: contractNo }, 3);

    expect(printer.jobs).toEqual([
      expect.objectContaining({ copies: 3, title: `供用电合同 ${contractNo}`, sha256: contractSha, logRows: 0 }),
    ]);
    expect(printer.jobs[0]!.status, 'still a draft while the dialog is open').toBe('draft');
    expect(outcome).toMatchObject({
      ok: true,
      value: { printed: true, record: { copies: 3, copy: false, contract: { status: 'printed' } } },
    });
    expect(printLog()).toEqual([{ kind: 'contract', sha256: contractSha, copies: 3, is_copy: 0, user_id: 'clerk-1' }]);
  });

  it('logs nothing when the print is cancelled or the printer fails', async () => {
    const cancelled = await print(new FakePrinter(store, () => ({ printed: false, failure: 'Print job canceled' })), {
      kind: 'contract',
      number: contractNo,
    });
    expect(cancelled).toEqual({
      ok: true,
      value: { printed: false, reason: '未打印（Print job canceled），未记录打印。' },
    });
    const broken = new FakePrinter(store, () => {
      throw new Error('预览无法打开文件');
    });
    expect(await print(broken, { kind: 'contract', number: contractNo })).toMatchObject({
      ok: true,
      value: { printed: false },
    });
    expect(printLog()).toEqual([]);
    expect(contractStatus()).toBe('draft');
    const audits = store.ctx().db.prepare("SELECT count(*) FROM audit_log WHERE action LIKE '%print%'").pluck();
    expect(audits.get()).toBe(0);
  });

  it('prints a signed contract as a 副本, recorded as a file only once its print is confirmed', async () => {
    await print(new FakePrinter(store), { kind: 'contract', number: contractNo });
    signContract(store.ctx(), { number: contractNo, signedOn: '2026-03-02' });
    const copies = () =>
      store.ctx().db.prepare("SELECT count(*) FROM documents WHERE kind = 'contract-copy'").pluck().get();

    const cancelled = new FakePrinter(store, () => ({ printed: false }));
    await print(cancelled, { kind: 'contract', number: contractNo });
    expect(copies(), 'a cancelled 副本 leaves no row').toBe(0);

    const printer = new FakePrinter(store);
    const outcome = await print(printer, { kind: 'contract', number: contractNo }, 1);
    const job = printer.jobs[0]!;
    expect(job.title).toBe(`供用电合同 ${contractNo}（副本）`);
    expect(job.sha256).not.toBe(contractSha);
    expect(pdfText(job.file)).toContain('副本');
    expect(outcome).toMatchObject({ ok: true, value: { printed: true, record: { copy: true, sha256: job.sha256 } } });
    expect(copies()).toBe(1);
    expect(printLog()).toEqual([
      { kind: 'contract', sha256: contractSha, copies: 2, is_copy: 0, user_id: 'clerk-1' },
      { kind: 'contract-copy', sha256: job.sha256, copies: 1, is_copy: 1, user_id: 'clerk-1' },
    ]);
    expect(contractStatus()).toBe('signed');
  });

  it('logs a scheme reply print against the reply file, generated or not', async () => {
    const printer = new FakePrinter(store);
    const outcome = await print(printer, { kind: 'scheme-reply', number: appNo }, 1);
    const job = printer.jobs[0]!;
    expect(job.title).toBe(`供电方案答复单 ${appNo}-FA1`);
    expect(pdfText(job.file).replace(/\s+/g, '')).toContain('高压供电方案答复单');
    expect(outcome).toMatchObject({ ok: true, value: { printed: true, record: { contract: null, copies: 1 } } });
    expect(printLog()).toEqual([
      { kind: 'scheme-reply', sha256: job.sha256, copies: 1, is_copy: 0, user_id: 'clerk-1' },
    ]);
    const audit = store.ctx().db.prepare('SELECT action, entity_id FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(audit).toEqual({ action: 'documents.schemeReply.print', entity_id: appNo });
  });

  it('says the paper is out when the log refuses it afterwards', async () => {
    const voidDuringDialog = new FakePrinter(store, () => {
      voidContract(store.ctx(), { number: contractNo, reason: '客户要求变更方案' });
      return { printed: true };
    });
    const outcome = await print(voidDuringDialog, { kind: 'contract', number: contractNo }, 1);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STATE' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/^已打印 1 份，但未能记录打印：合同 .* 已作废/);
    expect(printLog()).toEqual([]);
  });

  it('refuses bad input before anything is printed, and the handler table has no printer', async () => {
    const printer = new FakePrinter(store);
    const refused = await printDocument(call, store.dir, printer, { target: { kind: 'contract', number: contractNo } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(printer.jobs).toEqual([]);
    const harness = await call('documents.print', { target: { kind: 'contract', number: contractNo }, copies: 1 });
    expect(harness).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STATE' } });
    expect(!harness.ok && harness.error.message).toContain('确认已打印');
  });
});
