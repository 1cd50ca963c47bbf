/**
 * The reply of a changed scheme (REFERENCE.md §6.3, §8 "方案随意变更") on a real store: version 1 is approved and
 * answered, a supervisor changes it with a reason, version 2 is approved, and its reply names the reply it
 * replaces, the reason and every changed item before → after; a first version prints no such section; both
 * regenerate byte for byte whatever the clock says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveSchemeVersion, insertSchemeVersion } from '../../../main/db/repositories/schemeRepo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { generateSchemeReply } from '../../../main/services/documents/generateDocuments';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import type { GeneratedDocument } from '../../../shared/api/documents';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { loadRecord } from '../../fixtures/pdf/records';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { expectSoundDocument } from './pdfChecks';
import { inOrder } from './pdfTools';

const REASON = '客户增加一台 630 kVA 变压器替换原 130 kVA 变压器，核定容量相应调整';

const first: SupplyScheme = loadRecord('hv').scheme;
const second: SupplyScheme = {
  ...first,
  schemeNo: 'FA-20260310-0002',
  approvedCapacityKva: 3130,
  sources: first.sources.map((s) => ({ ...s, capacityKva: 3130 })),
  receiving: {
    ...first.receiving!,
    transformers: [
      { ratingKva: 1250, count: 2 },
      { ratingKva: 630, count: 1 },
    ],
  },
  billing: { ...first.billing, contractDemandKw: 2000 },
};

/** What the v2 reply must list, in schema order: row number, item, before, after. */
const CHANGES = [
  ['方案编号', 'FA-20261020-0003', 'FA-20260310-0002'],
  ['核定容量', '2630 kVA', '3130 kVA'],
  ['供电电源·第 1 项·供电容量', '2630 kVA', '3130 kVA'],
  ['供电电源·第 2 项·供电容量', '2630 kVA', '3130 kVA'],
  ['受电系统·受电变压器·第 2 项·变压器容量', '130 kVA', '630 kVA'],
  ['电价电费·合同最大需量', '1600 kW', '2000 kW'],
];

let store: Store;
let appNo: string;

const file = (doc: GeneratedDocument) => path.join(store.dir, doc.path);

function soundText(doc: GeneratedDocument): string {
  return expectSoundDocument(file(doc), { ...doc, kind: 'scheme-reply', customerClass: 'HV' });
}

beforeEach(() => {
  store = openStore({ now: '2026-03-02T02:00:00Z' });
  const record = recordFor('NEW_HV', 'HV');
  record.industryCode = 'C2929';
  appNo = createApplication(store.ctx('clerk'), record).number;
  setDocumentSettings(store.ctx(), HALL_DOCUMENT_SETTINGS);
  saveSchemeDraft(store.ctx('clerk'), appNo, first, undefined);
  approveScheme(store.ctx('supervisor'), appNo, 1);
});
afterEach(() => store.close());

describe('the reply of a changed scheme', () => {
  it('names the replaced reply, the reason and each change; the first version prints none of it', () => {
    const v1 = generateSchemeReply(store.ctx('clerk'), appNo);
    const v1Text = soundText(v1);
    expect(v1Text).toContain('方案版本：第1版');
    expect(v1Text).not.toContain('方案变更说明');
    expect(v1Text).not.toContain('本答复单替代');
    expect(v1Text).toContain('一、供电电源');

    // A week later the supervisor changes the scheme. Only the approved version prints: while v2 is a draft the
    // reply is still v1's, the same file.
    store.setNow('2026-03-09T03:00:00Z');
    saveSchemeDraft(store.ctx('supervisor'), appNo, second, REASON);
    expect(generateSchemeReply(store.ctx('clerk'), appNo).sha256).toBe(v1.sha256);
    store.setNow('2026-03-10T03:00:00Z');
    approveScheme(store.ctx('supervisor'), appNo, 2);

    const v2 = generateSchemeReply(store.ctx('clerk'), appNo);
    expect(v2).toMatchObject({ documentNo: `${appNo}-FA2`, templateId: 'scheme-reply-hv', templateVersion: '1.8.0' });
    const text = soundText(v2);
    expect(text).toContain('方案版本：第2版');
    expect(text).toContain('本答复单替代第1版供电方案答复单（方案编号FA-20261020-0003，2026年3月2日审批）。');
    expect(text).toContain(`变更理由：${REASON.replace(/\s+/g, '')}`);
    expect(text).toContain(`与第1版相比，变更的项目见下表（共${CHANGES.length}项）。`);
    expect(text).toContain('序号变更项目变更前（第1版）变更后（第2版）');
    // Each row reads number, item, before, after (pdftotext keeps the cells of a one-line row together).
    const rows = CHANGES.map(([label, before, after], i) => `${i + 1}${label}${before}${after}`.replace(/\s+/g, ''));
    expect(
      inOrder(text, ['一、方案变更说明', ...rows, '二、供电电源']),
      'change rows missing or out of order',
    ).toBeNull();
    // Nothing that did not change is listed (the second transformer's count stayed 1).
    const section = text.slice(text.indexOf('一、方案变更说明'), text.indexOf('二、供电电源'));
    expect(section).not.toContain('台数');

    // Regenerated a month later: the same bytes, stored once; v1's file is still in the store as it was.
    store.setNow('2026-04-15T08:00:00Z');
    expect(generateSchemeReply(store.ctx('clerk'), appNo).sha256).toBe(v2.sha256);
    const rows2 = store
      .ctx()
      .db.prepare("SELECT sha256 FROM documents WHERE kind = 'scheme-reply' ORDER BY id")
      .pluck();
    expect(rows2.all()).toEqual([v1.sha256, v2.sha256]);
    expect(fs.existsSync(file(v1))).toBe(true);
  });

  it('says so when a new version changed nothing, and prints no table', () => {
    saveSchemeDraft(store.ctx('supervisor'), appNo, first, '客户要求重新出具答复单');
    approveScheme(store.ctx('supervisor'), appNo, 2);
    const text = soundText(generateSchemeReply(store.ctx('clerk'), appNo));
    expect(text).toContain('与第1版相比，方案内容没有变更。');
    expect(text).not.toContain('变更前（第1版）');
  });

  it('refuses the reply of a change without a recorded reason, naming the field', () => {
    // The scheme service always records a reason; a version written around it must not print without one.
    const { db } = store.ctx();
    const appId = db.prepare('SELECT id FROM applications WHERE number = ?').pluck().get(appNo) as number;
    const row = insertSchemeVersion(db, {
      application_id: appId,
      status: 'draft',
      content_json: JSON.stringify(second),
      change_reason: null,
      created_by: 'supervisor-1',
      created_at: '2026-03-03T02:00:00Z',
      approved_by: null,
      approved_at: null,
      change_seq: 0,
    });
    approveSchemeVersion(db, row.id, 'supervisor-1', '2026-03-03T02:00:00Z', 0);
    expect(() => generateSchemeReply(store.ctx('clerk'), appNo)).toThrow('缺少“方案变更说明·变更理由”');
  });
});
