/**
 * `yekuo pdf agreement|termination|worksheet NO` on a real store (issue 12: the CLI reaches every document of every
 * type): each command writes a real PDF where --out says, reports its number, pages and hash, and the file parsed
 * back with pdftotext is the paper the application needs, checked like every paper.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractsOf } from '../../../main/db/repositories/contractRepo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { BusinessType, CustomerClass } from '../../../shared/domain/codes';
import { loadRecord } from '../../fixtures/pdf/records';
import { addCliAdmin, yekuo } from '../store/cliRunner';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { advanceTo } from './advanceTo';
import { pdfText } from './pdfTools';
import { addSchemeVersion } from './schemeRows';

// The CLI runs on the real clock: the store's clock and the application date are today (Shanghai) too.
const now = new Date();
const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

let store: Store;
let dir = '';
beforeEach(async () => {
  store = openStore({ now: now.toISOString() });
  await addCliAdmin(store.ctx('admin'));
  setDocumentSettings(store.ctx('admin'), HALL_DOCUMENT_SETTINGS);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-cli-'));
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function create(type: BusinessType, cls: CustomerClass, edit: (r: ApplicationInput) => void = () => {}): string {
  const record = recordFor(type, cls, 1, today);
  edit(record);
  return createApplication(store.ctx(), record).number;
}

const applicationId = (number: string): number =>
  store.ctx().db.prepare('SELECT id FROM applications WHERE number = ?').pluck().get(number) as number;

/** Runs `yekuo pdf <command> <number> --out`, checks the report line, returns the file's text without spaces. */
async function printed(command: string, number: string): Promise<{ text: string; documentNo: string }> {
  const out = path.join(dir, `${command}.pdf`);
  const run = await yekuo(store.dir, 'pdf', command, number, '--out', out);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = /^(\S+)：(\d+) 页，(\d+) 字节，sha256 ([0-9a-f]{64})，已写入 (.+)\n$/.exec(run.stdout);
  expect(report, run.stdout).not.toBeNull();
  const [, documentNo, , size, , written] = report!;
  expect(written).toBe(out);
  expect(fs.statSync(out).size).toBe(Number(size));
  return { text: pdfText(out).replace(/\s+/g, ''), documentNo: documentNo! };
}

// Each CLI run starts tsx and signs in: several seconds on a loaded machine.
describe('yekuo pdf agreement|termination|worksheet', { timeout: 300_000 }, () => {
  it('agreement: the 补充协议 of a 暂停, on the base contract, with the changed rows', async () => {
    const number = create('SUS', 'LVN');
    advanceTo(store.ctx(), number, 'CONTRACT');
    const { text, documentNo } = await printed('agreement', number);
    expect(text).toContain('供用电合同补充协议');
    expect(text).toContain(documentNo);
    expect(text).toContain('办理业务暂停');
    expect(text).toContain(`户号${recordFor('SUS', 'LVN', 1, today).accountNo}项下的供用电合同`);
    expect(text).toMatch(/用电状态正常用电暂停用电至\d{4}年\d+月\d+日/);
    expect(contractsOf(store.ctx().db, applicationId(number)).map((c) => c.number)).toEqual([documentNo]);
  });

  it('termination: the 终止协议 of a 销户 with the final reading and the settlement', async () => {
    const number = create('CLOSE', 'LVR', (r) => {
      r.existing = { ...r.existing, arrearsFen: 0, finalMeterReading: 12876.4, depositFen: 20000 };
    });
    advanceTo(store.ctx(), number, 'CONTRACT');
    const { text, documentNo } = await printed('termination', number);
    expect(text).toContain('供用电合同终止协议');
    expect(text).toContain(documentNo);
    expect(text).toContain('最终抄见示数为12876.4kWh');
    expect(text).toContain('欠费：无欠费');
  });

  it('worksheet: the 装表接电工作单 from the approved scheme, and a refusal without one', async () => {
    const number = create('INC_LVN', 'LVN');
    const refused = await yekuo(store.dir, 'pdf', 'worksheet', number, '--out', path.join(dir, 'none.pdf'));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('供电方案');
    expect(fs.existsSync(path.join(dir, 'none.pdf'))).toBe(false);

    const scheme = loadRecord('lvn').scheme;
    addSchemeVersion(store.ctx().db, applicationId(number), scheme, 'approved');
    const { text, documentNo } = await printed('worksheet', number);
    expect(text).toContain('装表接电工作单');
    expect(text).toContain(documentNo);
    expect(text).toContain(number);
    expect(text).toContain(scheme.sources[0]!.boundaryPoint.replace(/\s+/g, ''));
  });
});
