/**
 * Issue 5's acceptance on demo data: `yekuo demo` approves a supply scheme for every application past the stage
 * where it is fixed, and for every customer class the scheme reply and the contract generate from it through
 * the services behind `yekuo pdf scheme|contract`, pass the tool checks and regenerate byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { BusinessType, CustomerClass, Stage } from '../../../shared/domain/codes';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { papersFor } from '../../../shared/workflow/contractPaper';
import { contractStages } from '../../../shared/workflow/contractStages';
import { stageIndex, stagePlan } from '../../../shared/workflow/stagePlans';
import { verifyAudit } from '../../../main/services/audit';
import { runDemo } from '../../../main/services/demo/runDemo';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { generateContract, generateSchemeReply } from '../../../main/services/documents/generateDocuments';
import { RESIDENTIAL_BOUNDARY } from '../../../main/services/documents/residentialRecord';
import { openStore, type Store } from '../store/storeFixture';
import { cellTexts, textLines } from './cellChecks';
import { expectSoundDocument } from './pdfChecks';

const SETTINGS = {
  utilityName: '国网南京供电公司',
  address: '南京市秦淮区中山南路 1 号',
  phone: '025-8400 0000',
  contact: '李娜',
  hotline: '95598',
  legalRep: '王建华',
  taxNumber: '91320115MA1XXXXX2K',
  bankAccount: '中国工商银行南京江宁支行 4301 0123 0910 0000 123',
};

interface DemoApp {
  id: number;
  number: string;
  businessType: BusinessType;
  customerClass: CustomerClass;
  stage: Stage;
  status: string;
  record: ApplicationInput;
  scheme: SupplyScheme | null;
}

let store: Store;
let apps: DemoApp[];

beforeAll(() => {
  store = openStore();
  runDemo(store.ctx(), { count: 160, seed: 5, endDate: new Date('2026-11-27T00:00:00Z'), days: 120 });
  setDocumentSettings(store.ctx(), SETTINGS);
  const rows = store
    .ctx()
    .db.prepare(
      `SELECT a.id, a.number, a.business_type, a.customer_class, a.stage, a.status, a.record_json,
              (SELECT content_json FROM supply_scheme_versions s WHERE s.application_id = a.id AND s.status = 'approved')
                AS scheme_json
       FROM applications a ORDER BY a.id`,
    )
    .all() as Record<string, string | number | null>[];
  apps = rows.map((row) => ({
    id: row.id as number,
    number: row.number as string,
    businessType: row.business_type as BusinessType,
    customerClass: row.customer_class as CustomerClass,
    stage: row.stage as Stage,
    status: row.status as string,
    record: JSON.parse(row.record_json as string) as ApplicationInput,
    scheme: row.scheme_json ? (JSON.parse(row.scheme_json as string) as SupplyScheme) : null,
  }));
}, 60_000);
afterAll(() => store.close());

describe('yekuo demo approves supply schemes', () => {
  it('for every application past SCHEME and every residential connection past acceptance, and for no other', () => {
    const residentialConnection = stagePlan('NEW_LVR', 'LVR');
    for (const app of apps) {
      const plan = stagePlan(app.businessType, app.customerClass);
      const fixedAt = stageIndex(plan, 'SCHEME') >= 0 ? 'SCHEME' : plan === residentialConnection ? 'ACCEPT' : null;
      const past = fixedAt !== null && stageIndex(plan, app.stage) > stageIndex(plan, fixedAt);
      expect(app.scheme !== null, `${app.number} ${app.businessType} at ${app.stage}`).toBe(past);
    }
    const versions = store.ctx().db.prepare('SELECT status, count(*) AS n FROM supply_scheme_versions GROUP BY status');
    expect(versions.all()).toEqual([{ status: 'approved', n: apps.filter((a) => a.scheme).length }]);
    expect(verifyAudit(store.ctx().db).ok).toBe(true);
  });
});

/** One demo application of each class with an approved scheme; HV both with and without a capacity charge. */
const CASES = [
  { name: 'LVR', customerClass: 'LVR', twoPart: false },
  { name: 'LVN', customerClass: 'LVN', twoPart: false },
  { name: 'HV two-part', customerClass: 'HV', twoPart: true },
  { name: 'HV single-part', customerClass: 'HV', twoPart: false },
] as const;

/**
 * A contract is drawn up only for a type that signs one (not a 补充协议), in the stages its flow signs it, while
 * the application is being worked on.
 */
const contractAllowed = (a: DemoApp) =>
  papersFor(a.businessType)[0] === 'contract' &&
  a.status === 'ACTIVE' &&
  contractStages(a.businessType, a.customerClass).includes(a.stage);

describe.each(CASES)('documents from demo data: $name', ({ customerClass, twoPart }) => {
  const pick = (kind: 'scheme-reply' | 'contract') => {
    const app = apps.find(
      (a) =>
        a.customerClass === customerClass &&
        // A 居民 contract is signed at acceptance: from the application when no scheme was approved.
        (a.scheme || (kind === 'contract' && customerClass === 'LVR')) &&
        (a.scheme?.billing.structure === 'TWO_PART') === twoPart &&
        (kind === 'scheme-reply' || contractAllowed(a)),
    );
    if (!app) throw new Error(`the demo run has no ${customerClass} application with an approved scheme`);
    return app;
  };

  it.each([
    ['scheme-reply', generateSchemeReply],
    ['contract', generateContract],
  ] as const)('%s passes the tool checks and regenerates byte for byte', (kind, generate) => {
    const app = pick(kind);
    const boundary = app.scheme?.sources[0]!.boundaryPoint ?? RESIDENTIAL_BOUNDARY;
    const first = generate(store.ctx('clerk'), app.number);
    const file = path.join(store.dir, first.path);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBe(first.size);

    const temporary = kind === 'contract' && ['NEW_TEMP', 'TEMP_EXTEND'].includes(app.businessType);
    const text = expectSoundDocument(
      file,
      { ...first, kind, customerClass, ...(temporary ? { title: '临时供用电合同' } : {}) },
      [app.record.customer.name, app.record.site.address, app.number],
    );
    // The boundary point is printed whole in its cell (pdftotext's plain order may put a cell's lines apart).
    const cells = cellTexts(textLines(file)).map((cell) => cell.replace(/\s+/g, ''));
    expect(
      cells.some((cell) => cell.includes(boundary.replace(/\s+/g, ''))),
      boundary,
    ).toBe(true);
    if (kind === 'contract' && customerClass !== 'LVR') expect(text).toContain(app.record.industryCode);

    // The stored file is removed, so the second generation has to write the same bytes again.
    fs.rmSync(file);
    const second = generate(store.ctx('clerk'), app.number);
    expect(second).toEqual(first);
    expect(fs.readFileSync(file).equals(bytes), 'two generations are byte-identical').toBe(true);
    const rows = store.ctx().db.prepare('SELECT count(*) FROM documents WHERE sha256 = ?').pluck();
    expect(rows.get(first.sha256)).toBe(1);
  });
});

describe('contracts only where the flow signs one (REFERENCE.md §3.2)', () => {
  it('refuses a contract for cancelled, archived and not-yet-due applications, using no contract number', () => {
    const refused = [
      apps.find((a) => a.status === 'CANCELLED' && a.scheme),
      apps.find((a) => a.status === 'ARCHIVED' && a.scheme),
      apps.find((a) => a.customerClass === 'HV' && a.stage === 'CUSTOMER_WORKS' && a.status === 'ACTIVE' && a.scheme),
    ];
    const contracts = () => store.ctx().db.prepare('SELECT count(*) FROM contracts').pluck().get() as number;
    const counter = () =>
      JSON.stringify(store.ctx().db.prepare("SELECT * FROM number_counters WHERE scope = 'CONTRACT'").all());
    const before = { contracts: contracts(), counter: counter() };
    for (const app of refused) {
      expect(app, 'the demo run has such an application').toBeDefined();
      expect(() => generateContract(store.ctx('clerk'), app!.number)).toThrow(
        /不能生成(供用电合同|供用电合同补充协议|供用电合同终止协议)/,
      );
    }
    expect(contracts()).toBe(before.contracts);
    expect(counter()).toBe(before.counter);
  });
});
