/**
 * 合同条款 on a real store, through the IPC handler table (zod, roles) and the documents service: an HV or LV
 * non-residential contract is refused without the customer's 通讯地址 and 开户银行及账号 (a residential contract
 * and a 补充协议 are not) (naming them and where to fill them, using no
 * contract number); contracts.setDetails stores the 特别约定, a temporary supply's purpose and the party details
 * with an audit entry; the generated contract, parsed back with pdftotext, prints them; a signed contract's terms
 * are closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { BusinessType, CustomerClass } from '../../../shared/domain/codes';
import { contractStages } from '../../../shared/workflow/contractStages';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { Prng } from '../../../main/services/demo/prng';
import { signContract } from '../../../main/services/documents/contractLifecycle';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { documentPath } from '../../../main/services/documents/fileStore';
import { generatePaper } from '../../../main/services/documents/generateDocuments';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { advanceTo } from './advanceTo';
import { pdfText, withTempPdf } from './pdfTools';

let store: Store;
beforeEach(() => {
  store = openStore();
  setDocumentSettings(store.ctx(), HALL_DOCUMENT_SETTINGS);
});
afterEach(() => store.close());

const call = (channel: string, input: unknown) => dispatch(store.ctx('clerk'), channel, input);

/** An application in its contract stage with its approved scheme; the customer's party details as `customer` leaves them. */
function inContractStage(
  type: BusinessType,
  customer: (c: ApplicationInput['customer']) => ApplicationInput['customer'],
  cls: CustomerClass = 'HV',
) {
  const ctx = store.ctx();
  const base = recordFor(type, cls);
  const record = { ...base, customer: customer(base.customer) };
  const number = createApplication(ctx, record).number;
  // HV: 签订合同; LV non-residential: from 供电方案 (shared/workflow/contractStages.ts).
  advanceTo(ctx, number, contractStages(type, cls)[0]!);
  const draft = saveSchemeDraft(ctx, number, demoScheme(new Prng(1), record, number, '2026-03-02'), undefined);
  approveScheme(ctx, number, draft.version);
  return number;
}

const withoutParty = ({ address: _a, bankAccount: _b, ...rest }: ApplicationInput['customer']) => rest;
const contractCount = () => store.ctx().db.prepare('SELECT count(*) FROM contracts').pluck().get();
const contractText = (sha256: string) =>
  withTempPdf(fs.readFileSync(path.join(store.dir, documentPath(sha256))), pdfText).replace(/\s+/g, '');

describe('合同条款', () => {
  it('refuses an HV contract without the customer party details, naming them and the way through, using no number', async () => {
    const number = inContractStage('NEW_HV', withoutParty);
    const refused = await call('contracts.generate', { number });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('缺少“用电人·通讯地址”、“用电人·开户银行及账号”');
    expect(message).toContain('申请详情 › 合同与文书 › 合同条款');
    expect(message).toContain('未占用合同编号');
    expect(refused.ok ? [] : refused.error.problems?.map((p) => p.field)).toEqual([
      'customer.address',
      'customer.bankAccount',
    ]);
    expect(contractCount()).toBe(0);

    // Only the address: still refused, naming what is left.
    await call('contracts.setDetails', { number, address: '南京市江宁区秣陵街道胜太路 88 号' });
    const still = await call('contracts.generate', { number });
    expect(still.ok ? '' : still.error.message).toMatch(/缺少“用电人·开户银行及账号”：/);

    const saved = await call('contracts.setDetails', {
      number,
      bankAccount: '中国银行南京江宁支行 5123 0000 0000 8888',
      email: 'finance@example.com',
      specialTerms: '用电人自备 400 kW 柴油发电机组作为应急电源，未经供电人同意不得与电网并列运行。',
    });
    expect(saved).toMatchObject({ ok: true });
    const generated = await call('contracts.generate', { number });
    expect(generated).toMatchObject({ ok: true });
    const doc = generated.ok ? (generated.value as { documentNo: string; sha256: string }) : null;
    // The refusals took no number: this is the day's first contract.
    expect(doc?.documentNo).toMatch(/-HT-\d{8}-0001$/);
    const text = contractText(doc!.sha256);
    expect(text).toContain('通讯地址南京市江宁区秣陵街道胜太路88号');
    expect(text).toContain('中国银行南京江宁支行5123000000008888');
    expect(text).toContain('finance@example.com');
    expect(text).toMatch(/特别约定用电人自备400kW柴油发电机组作为应急电源，未经供电人同意不得与电网并列运行。/);
  });

  it('records each change with an audit entry and parses the input at the boundary', async () => {
    const number = inContractStage('NEW_HV', (c) => c);
    const tooLong = await call('contracts.setDetails', { number, specialTerms: '约'.repeat(2001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(tooLong.ok ? '' : tooLong.error.message).toContain('特别约定不能超过 2000 个字符');
    const badMail = await call('contracts.setDetails', { number, email: 'finance' });
    expect(badMail.ok ? '' : badMail.error.message).toContain('电子邮箱格式不正确');

    await call('contracts.setDetails', { number, specialTerms: '双方另行签订电力调度协议。' });
    await call('contracts.setDetails', { number, specialTerms: '' });
    const audits = store
      .ctx()
      .db.prepare("SELECT user_id, diff_json FROM audit_log WHERE action = 'contracts.setDetails' ORDER BY id")
      .all() as { user_id: string; diff_json: string }[];
    expect(audits.map((a) => [a.user_id, JSON.parse(a.diff_json)])).toEqual([
      ['clerk-1', { 'record.specialTerms': { before: null, after: '双方另行签订电力调度协议。' } }],
      ['clerk-1', { 'record.specialTerms': { before: '双方另行签订电力调度协议。', after: null } }],
    ]);
    const generated = await call('contracts.generate', { number });
    const sha = generated.ok ? (generated.value as { sha256: string }).sha256 : '';
    expect(contractText(sha)).toMatch(/第[一二三四五六七八九十]+条特别约定无。/);

    // Signed: the contract reprints byte for byte from these values, so they are closed.
    const contractNo = generated.ok ? (generated.value as { documentNo: string }).documentNo : '';
    const target = { kind: 'contract', number: contractNo };
    expect(await call('documents.confirmPrinted', { target, sha256: sha, copies: 2 })).toMatchObject({ ok: true });
    signContract(store.ctx(), { number: contractNo, signedOn: '2026-03-02' });
    const closed = await call('contracts.setDetails', { number, specialTerms: '补充约定' });
    expect(closed).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STATE' } });
    expect(closed.ok ? '' : closed.error.message).toContain('已签订，合同条款不能再修改');
  });

  it('refuses an LV non-residential contract (here a temporary one) without the party details too, and prints them', async () => {
    const number = inContractStage('NEW_TEMP', withoutParty, 'LVN');
    const refused = await call('contracts.generate', { number });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('低压非居民供用电合同须载明用电人的通讯地址和开户银行及账号');
    expect(message).toContain('缺少“用电人·通讯地址”、“用电人·开户银行及账号”');
    expect(message).toContain('申请详情 › 合同与文书 › 合同条款');
    expect(contractCount()).toBe(0);
    await call('contracts.setDetails', {
      number,
      address: '南京市江宁区秣陵街道胜太路 88 号',
      bankAccount: '中国银行南京江宁支行 5123 0000 0000 8888',
    });
    const generated = await call('contracts.generate', { number });
    const text = contractText(generated.ok ? (generated.value as { sha256: string }).sha256 : '');
    expect(text).toContain('临时供用电合同');
    expect(text).toContain('通讯地址南京市江宁区秣陵街道胜太路88号');
    expect(text).toContain('开户银行及账号中国银行南京江宁支行5123000000008888');
  });

  it('asks no party details for the residential contract (REFERENCE.md §7.3 C) nor for a 补充协议 (§7.3 E)', () => {
    const ctx = store.ctx();
    const residential = recordFor('NEW_LVR', 'LVR');
    const lvr = createApplication(ctx, { ...residential, customer: withoutParty(residential.customer) }).number;
    expect(contractStages('NEW_LVR', 'LVR')).toContain('ACCEPT');
    expect(generatePaper(ctx, lvr).kind).toBe('contract');
    const suspension = recordFor('SUS', 'LVN');
    const sus = createApplication(ctx, { ...suspension, customer: withoutParty(suspension.customer) }).number;
    advanceTo(ctx, sus, 'CONTRACT');
    expect(generatePaper(ctx, sus).kind).toBe('agreement');
    expect(contractCount()).toBe(2);
  });

  it('prints the purpose of a temporary supply as the clerk entered it, and refuses the contract without one', async () => {
    const number = inContractStage('NEW_TEMP', (c) => c);
    await call('contracts.setDetails', { number, purpose: '' });
    const refused = await call('contracts.generate', { number });
    expect(refused.ok ? '' : refused.error.message).toContain('用电用途及项目');
    expect(contractCount()).toBe(0);
    await call('contracts.setDetails', { number, purpose: '江宁万达广场二期土建施工临时用电' });
    const generated = await call('contracts.generate', { number });
    const sha = generated.ok ? (generated.value as { sha256: string }).sha256 : '';
    expect(contractText(sha)).toContain('临时用电用途及项目：江宁万达广场二期土建施工临时用电。');
  });
});
