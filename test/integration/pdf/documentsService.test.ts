/**
 * The documents service on a real store: documents only from an approved scheme, files stored by hash and
 * recorded once, the contract lifecycle with its print log, 副本 reprints, and the scheme lock after signing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractsOf } from '../../../main/db/repositories/contractRepo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { signContract, voidContract } from '../../../main/services/documents/contractLifecycle';
import { confirmPrinted, preparePrint } from '../../../main/services/documents/printJobs';
import { documentHall, setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { generateContract, generateSchemeReply } from '../../../main/services/documents/generateDocuments';
import { assertSchemeUnlocked } from '../../../main/services/documents/schemeGate';
import { dispatch } from '../../../main/ipc/dispatch';
import { loadRecord } from '../../fixtures/pdf/records';
import { addCliAdmin, yekuo } from '../store/cliRunner';
import { advanceTo } from './advanceTo';
import { approveSchemeVersion } from '../../../main/db/repositories/schemeRepo';
import { addSchemeVersion } from './schemeRows';
import { pdfFonts, pdfText } from './pdfTools';
import { openStore, recordFor, type Store } from '../store/storeFixture';

const SETTINGS = {
  utilityName: '国网南京市江宁区供电公司',
  address: '南京市江宁区天元中路 1 号',
  phone: '025-5210 0000',
  contact: '李娜',
  hotline: '95598',
  legalRep: '王建华',
  taxNumber: '91320115MA1XXXXX2K',
  bankAccount: '中国工商银行南京江宁支行 4301 0123 0910 0000 123',
};

let store: Store;
let appNo: string;
let appId: number;

function addScheme(status: 'draft' | 'approved', capacityKva = 2630) {
  addSchemeVersion(store.ctx().db, appId, { ...loadRecord('hv').scheme, approvedCapacityKva: capacityKva }, status);
}

beforeEach(() => {
  store = openStore();
  const record = recordFor('NEW_HV', 'HV');
  record.industryCode = 'C2929';
  const created = createApplication(store.ctx(), record);
  appNo = created.number;
  // A high-voltage contract is drawn up in the 签订合同 stage (REFERENCE.md §3.2).
  advanceTo(store.ctx(), appNo, 'CONTRACT');
  appId = store.ctx().db.prepare('SELECT id FROM applications WHERE number = ?').pluck().get(appNo) as number;
  setDocumentSettings(store.ctx(), SETTINGS);
});
afterEach(() => store.close());

describe('documents from the approved scheme only', () => {
  it('refuses without a scheme and with a draft scheme, each with its own message', () => {
    expect(() => generateContract(store.ctx(), appNo)).toThrow('还没有供电方案');
    addScheme('draft');
    expect(() => generateContract(store.ctx(), appNo)).toThrow('尚未审批');
    expect(() => generateSchemeReply(store.ctx(), appNo)).toThrow('尚未审批');
  });

  it('stores the file by hash, records it once and regenerates byte-identically', () => {
    addScheme('approved');
    const first = generateContract(store.ctx(), appNo);
    const again = generateContract(store.ctx(), appNo);
    expect(again.sha256).toBe(first.sha256);
    const file = path.join(store.dir, first.path);
    expect(fs.readFileSync(file).length).toBe(first.size);
    const [contract, ...others] = contractsOf(store.ctx().db, appId);
    expect(others).toHaveLength(0);
    expect(contract).toMatchObject({ template_id: 'contract-hv', template_version: '1.8.0', pdf_sha256: first.sha256 });
    expect(contract!.scheme_version_id).not.toBeNull();
    const reply = generateSchemeReply(store.ctx(), appNo);
    expect(generateSchemeReply(store.ctx(), appNo).sha256).toBe(reply.sha256);
    const rows = store.ctx().db.prepare('SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY kind').all();
    expect(rows).toEqual([
      { kind: 'contract', n: 1 },
      { kind: 'scheme-reply', n: 1 },
    ]);
  });
});

describe('contract lifecycle', () => {
  it('prints, signs, reprints as 副本 and locks the scheme until the contract is voided', () => {
    addScheme('approved');
    const generated = generateContract(store.ctx(), appNo);
    expect(() => signContract(store.ctx(), { number: generated.documentNo, signedOn: '2026-03-02' })).toThrow(
      '尚未打印',
    );
    const target = { kind: 'contract', number: generated.documentNo } as const;
    const plan = preparePrint(store.ctx('clerk'), target);
    expect(plan).toMatchObject({ copy: false, sha256: generated.sha256, title: `供用电合同 ${generated.documentNo}` });
    const print = (copies: number, printer?: string) =>
      confirmPrinted(store.ctx('clerk'), { target, sha256: preparePrint(store.ctx(), target).sha256, copies, printer });
    expect(print(2, 'HP')).toMatchObject({ copies: 2, sha256: generated.sha256, contract: { status: 'printed' } });
    const signed = signContract(store.ctx(), { number: generated.documentNo, signedOn: '2026-03-02' });
    expect(signed).toMatchObject({ status: 'signed', signedOn: '2026-03-02' });

    // A file printed before the signature no longer matches: the print is refused, not logged.
    expect(() => confirmPrinted(store.ctx('clerk'), { target, sha256: generated.sha256, copies: 1 })).toThrow(
      '打印的不是现行文件',
    );
    const reprint = print(1);
    expect(reprint.copy).toBe(true);
    expect(reprint.sha256).not.toBe(generated.sha256);
    expect(reprint.title).toContain('（副本）');
    const log = store.ctx().db.prepare('SELECT copies, is_copy, user_id FROM print_log ORDER BY id').all();
    expect(log).toEqual([
      { copies: 2, is_copy: 0, user_id: 'clerk-1' },
      { copies: 1, is_copy: 1, user_id: 'clerk-1' },
    ]);

    expect(() => assertSchemeUnlocked(store.ctx().db, appId, appNo)).toThrow('供电方案已锁定');
    expect(() => addScheme('draft', 3150)).toThrow('供电方案已锁定');
    // A draft written before the signature cannot be approved after it either.
    store.ctx().db.prepare("UPDATE contracts SET status = 'printed'").run();
    addScheme('draft', 3150);
    store.ctx().db.prepare("UPDATE contracts SET status = 'signed'").run();
    const draftId = store
      .ctx()
      .db.prepare("SELECT id FROM supply_scheme_versions WHERE status = 'draft'")
      .pluck()
      .get();
    expect(() => approveSchemeVersion(store.ctx().db, draftId as number, 'supervisor-1', 'x', 0)).toThrow(
      '供电方案已锁定',
    );
    store.ctx().db.prepare("DELETE FROM supply_scheme_versions WHERE status = 'draft'").run();

    expect(() => voidContract(store.ctx(), { number: generated.documentNo, reason: ' ' })).toThrow('必须填写原因');
    expect(voidContract(store.ctx(), { number: generated.documentNo, reason: '客户增容，方案变更' })).toMatchObject({
      status: 'void',
      voidReason: '客户增容，方案变更',
    });
    addScheme('approved', 3150);
    const renewed = generateContract(store.ctx(), appNo);
    expect(renewed.documentNo).not.toBe(generated.documentNo);
  });

  it('prints with a configured system font and falls back per glyph to the bundled one', () => {
    addScheme('approved');
    const wqy = { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' };
    setDocumentSettings(store.ctx(), { ...SETTINGS, bodyFont: wqy });
    const doc = generateContract(store.ctx(), appNo);
    const names = pdfFonts(path.join(store.dir, doc.path)).map((f) => f.name);
    expect(names.some((n) => n.endsWith('+WenQuanYiMicroHei'))).toBe(true);
    setDocumentSettings(store.ctx(), { ...SETTINGS, bodyFont: { file: '/nonexistent/simsun.ttc' } });
    expect(() => generateSchemeReply(store.ctx(), appNo)).toThrow('字体文件不存在');
  });

  it('refuses documents until the hall document settings are set', () => {
    const bare = openStore();
    try {
      expect(() => documentHall(bare.ctx())).toThrow('尚未设置文书信息');
    } finally {
      bare.close();
    }
  });
});

describe('handlers and the yekuo pdf commands', () => {
  it('lets only a supervisor void a contract and hands the file to the web harness as a download', async () => {
    addScheme('approved');
    const generated = await dispatch(store.ctx('clerk'), 'contracts.generate', { number: appNo });
    expect(generated.ok).toBe(true);
    const doc = (generated as { value: { sha256: string; documentNo: string } }).value;
    const voided = await dispatch(store.ctx('clerk'), 'contracts.void', { number: doc.documentNo, reason: '测试' });
    expect(voided).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const download = await dispatch(store.ctx('clerk'), 'documents.download', { sha256: doc.sha256 });
    // Saved under what the hall calls it and its number, not a hash.
    expect(download).toMatchObject({
      ok: true,
      value: { mimeType: 'application/pdf', fileName: `供用电合同-${doc.documentNo}.pdf` },
    });
    const bytes = Buffer.from((download as { value: { base64: string } }).value.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const reply = await dispatch(store.ctx('clerk'), 'documents.schemeReply', { number: appNo });
    const replySha = (reply as { value: { sha256: string } }).value.sha256;
    expect(await dispatch(store.ctx('clerk'), 'documents.download', { sha256: replySha })).toMatchObject({
      ok: true,
      value: { fileName: `供电方案答复单-${appNo}.pdf` },
    });
  });

  it('writes the contract with yekuo pdf contract --out, and explains a refusal', async () => {
    await addCliAdmin(store.ctx('admin'));
    const refused = await yekuo(store.dir, 'pdf', 'contract', appNo, '--out', path.join(store.dir, 'x.pdf'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('还没有供电方案');
    addScheme('approved');
    const out = path.join(store.dir, 'contract.pdf');
    const run = await yekuo(store.dir, 'pdf', 'contract', appNo, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(pdfText(out).replace(/\s+/g, '')).toContain('高压供用电合同');
    const reply = await yekuo(store.dir, 'pdf', 'scheme', appNo, '--out', path.join(store.dir, 'reply.pdf'));
    expect(reply.code, reply.stderr).toBe(0);
    // Three CLI processes on a shared two-core machine.
  }, 90_000);
});
