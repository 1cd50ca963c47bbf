/**
 * 副本 of a signed contract (issue 12: "A reprint of a signed contract stays possible as 副本"; "a regenerated
 * 副本 of a signed contract shows that date") on a real store: the 副本 is the signed text with the 副本 mark on
 * every page and the recorded signing date in the term, nothing else; it renders the same bytes every time; its
 * print is logged and audited as a print of a copy; once the rows it is printed from no longer give the signed
 * file, it is refused rather than printed with text the customer did not sign.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { loadApplication } from '../../../main/services/applications/loadApplication';
import { recordOf } from '../../../main/services/applications/rowMapping';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { Prng } from '../../../main/services/demo/prng';
import { signContract } from '../../../main/services/documents/contractLifecycle';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { generateContract } from '../../../main/services/documents/generateDocuments';
import { confirmPrinted, preparePrint } from '../../../main/services/documents/printJobs';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { advanceTo } from './advanceTo';
import { differingShare, parsePgm, pdfText, renderFirstPage } from './pdfTools';

let store: Store;
let contractNo: string;
let appNo: string;
let signedFile: string;
const target = () => ({ kind: 'contract' as const, number: contractNo });

beforeEach(() => {
  store = openStore();
  const ctx = store.ctx();
  setDocumentSettings(ctx, HALL_DOCUMENT_SETTINGS);
  const record = recordFor('NEW_HV', 'HV');
  const number = createApplication(ctx, record).number;
  appNo = number;
  advanceTo(ctx, number, 'CONTRACT');
  const draft = saveSchemeDraft(ctx, number, demoScheme(new Prng(1), record, number, '2026-03-02'), undefined);
  approveScheme(ctx, number, draft.version);
  const contract = generateContract(ctx, number);
  contractNo = contract.documentNo;
  signedFile = path.join(store.dir, contract.path);
  confirmPrinted(ctx, { target: target(), sha256: contract.sha256, copies: 2 });
  signContract(ctx, { number: contractNo, signedOn: '2026-03-02' });
}, 60_000);
afterEach(() => store.close());

const pages = (file: string) =>
  pdfText(file)
    .split('\f')
    .map((page) => page.replace(/\s+/g, ''));

describe('副本 of a signed contract', () => {
  it('is the signed text with the 副本 mark on every page and the signing date in the term, nothing else', () => {
    const plan = preparePrint(store.ctx('clerk'), target());
    expect(plan).toMatchObject({ copy: true, title: `供用电合同 ${contractNo}（副本）` });
    const copyFile = path.join(store.dir, plan.path);
    const signed = pages(signedFile);
    const copy = pages(copyFile);
    // The term with its dates is a line longer, which may carry the last clause and the signatures overleaf.
    expect(copy.length - signed.length).toBeGreaterThanOrEqual(0);
    expect(copy.length - signed.length).toBeLessThanOrEqual(1);
    expect(signed.join('')).not.toContain('副本');
    for (const page of copy.filter(Boolean)) expect(page.startsWith('副本')).toBe(true);
    const unmarked = copy.map((page) => page.replace(/^副本/, ''));
    const term = (text: string) => text.replace(/有效期3年，[^。]*。/, '有效期3年，<term>。');
    // The text without the running header and footer each page repeats (pdftotext gives each its own line).
    const body = (file: string) => {
      const text = pdfText(file);
      const check = text.match(/校验码 [0-9a-f]{16}/)![0];
      const furniture = new Set(['国网南京市江宁区供电公司', '南京江宁营业厅', `编号：${contractNo}`, '副本', check]);
      const lines = text.split('\n').map((line) => line.trim());
      const kept = lines.filter((line) => !furniture.has(line) && !/^第\d+页共\d+页$/.test(line));
      return term(kept.join('')).replace(/\s+/g, '');
    };
    expect(body(copyFile)).toBe(body(signedFile));
    expect(signed.join('')).toContain('有效期3年，自签订之日起计算。');
    expect(unmarked.join('')).toContain('有效期3年，自2026年3月2日（签订之日）起至2029年3月1日止。');

    // On paper: page 1 differs only where the mark is.
    const share = differingShare(parsePgm(renderFirstPage(signedFile, 60)), parsePgm(renderFirstPage(copyFile, 60)));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.01);

    // The same 副本 every time it is printed.
    expect(preparePrint(store.ctx('clerk'), target()).sha256).toBe(plan.sha256);
    expect(
      fs.readFileSync(copyFile).equals(fs.readFileSync(path.join(store.dir, preparePrint(store.ctx(), target()).path))),
    ).toBe(true);
  });

  it('is logged and audited as a print of a copy', () => {
    const plan = preparePrint(store.ctx('clerk'), target());
    const record = confirmPrinted(store.ctx('clerk'), { target: target(), sha256: plan.sha256, copies: 1 });
    expect(record).toMatchObject({ copy: true, copies: 1, contract: { status: 'signed' } });
    const db = store.ctx().db;
    expect(db.prepare('SELECT copies, is_copy, user_id FROM print_log ORDER BY id').all()).toEqual([
      { copies: 2, is_copy: 0, user_id: 'supervisor-1' },
      { copies: 1, is_copy: 1, user_id: 'clerk-1' },
    ]);
    const audit = db
      .prepare("SELECT user_id, entity_id, diff_json FROM audit_log WHERE action = 'contracts.printCopy'")
      .all() as { user_id: string; entity_id: string; diff_json: string }[];
    expect(audit.map((a) => [a.user_id, a.entity_id])).toEqual([['clerk-1', contractNo]]);
    expect(audit[0]!.diff_json).toContain(`1 × ${plan.sha256.slice(0, 16)} 副本`);
  });

  it('still prints after progress is recorded, which prints nowhere (三不指定 recorded after signing)', () => {
    const before = preparePrint(store.ctx('clerk'), target());
    const record = recordOf(loadApplication(store.ctx().db, appNo));
    const designer = { name: '南京苏电电力设计有限公司', choice: 'CUSTOMER_CHOICE' as const };
    updateApplicationRecord(store.ctx('clerk'), appNo, { ...record, customerWorks: { designer } });
    const after = preparePrint(store.ctx('clerk'), target());
    // The fingerprint in the QR code covers the whole record; the text does not move.
    expect(after.sha256).not.toBe(before.sha256);
    const text = (plan: { path: string }) =>
      pages(path.join(store.dir, plan.path)).map((page) => page.replace(/校验码[0-9a-f]{16}/g, '校验码'));
    expect(text(after)).toEqual(text(before));
  });

  it('is the way to another paper of a signed contract: generating it again is refused, naming 副本 and 补充协议', () => {
    // Signing registered the checklist's 供用电合同 (资料清单) as received: progress that prints nowhere.
    const documents = recordOf(loadApplication(store.ctx().db, appNo)).documents;
    expect(documents.find((d) => d.code === 'CONTRACT')?.status).toBe('RECEIVED');
    const before = store.ctx().db.prepare('SELECT count(*) FROM contracts').pluck().get();
    expect(() => generateContract(store.ctx('clerk'), appNo)).toThrow(
      new RegExp(
        `供用电合同 ${contractNo} 已于2026年3月2日签订，签订后不再重新生成：.*点“打印”（打印件每页标注“副本”）.*签订补充协议`,
      ),
    );
    expect(store.ctx().db.prepare('SELECT count(*) FROM contracts').pluck().get()).toBe(before);
    expect(preparePrint(store.ctx('clerk'), target()).copy).toBe(true);
  });

  it('is refused once the rows it prints from no longer give the signed text, and nothing is logged', () => {
    setDocumentSettings(store.ctx(), { ...HALL_DOCUMENT_SETTINGS, contractCopies: 4 });
    expect(() => preparePrint(store.ctx('clerk'), target())).toThrow(
      /已签订，但申请、供电方案或文书抬头自签订后已修改.*不能打印副本：请下载签订时的文件或签字扫描件/,
    );
    expect(store.ctx().db.prepare('SELECT count(*) FROM print_log WHERE is_copy = 1').pluck().get()).toBe(0);
    setDocumentSettings(store.ctx(), HALL_DOCUMENT_SETTINGS);
    expect(preparePrint(store.ctx('clerk'), target()).copy).toBe(true);
  });
});
