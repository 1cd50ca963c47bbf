/**
 * 争议解决 per province profile (REFERENCE.md §7.3 A.15) on a real store: the profile key
 * contracts.disputeResolution (default: the court of the place of performance) is printed in the contract
 * generated under it, and frozen with that contract: loading another profile changes new contracts only, so an
 * existing contract regenerates byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../shared/rules/profile/defaults';
import { loadProfile } from '../../../shared/rules/profile/loadProfile';
import { createApplication } from '../../../main/services/applications/createApplication';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { Prng } from '../../../main/services/demo/prng';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { documentPath } from '../../../main/services/documents/fileStore';
import { generateContract } from '../../../main/services/documents/generateDocuments';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { loadProvinceProfile } from '../../../main/services/settings/provinceProfile';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { advanceTo } from './advanceTo';
import { pdfText, withTempPdf } from './pdfTools';

const COMMISSION = '南京仲裁委员会';
const ARBITRATION = {
  name: '试验省',
  contracts: { disputeResolution: { method: 'ARBITRATION', arbitrationCommission: COMMISSION } },
};

let store: Store;
beforeEach(() => {
  store = openStore();
  setDocumentSettings(store.ctx(), HALL_DOCUMENT_SETTINGS);
});
afterEach(() => store.close());

function hvContract(seed: number) {
  const ctx = store.ctx();
  const record = recordFor('NEW_HV', 'HV', seed);
  const number = createApplication(ctx, record).number;
  advanceTo(ctx, number, 'CONTRACT');
  const draft = saveSchemeDraft(ctx, number, demoScheme(new Prng(seed), record, number, '2026-03-02'), undefined);
  approveScheme(ctx, number, draft.version);
  const doc = generateContract(ctx, number);
  const text = withTempPdf(fs.readFileSync(path.join(store.dir, documentPath(doc.sha256))), pdfText);
  return { number, doc, flat: text.replace(/\s+/g, '') };
}

const COURT_CLAUSE = '2.调解不成的，双方均可向本合同履行地（产权分界点所在地）人民法院提起诉讼。';
const ARBITRATION_CLAUSE = `2.调解不成的，双方均可将争议提交${COMMISSION}仲裁。`;

describe('争议解决 per province profile', () => {
  it('defaults to the court of the place of performance, and a profile names its arbitration commission', () => {
    expect(DEFAULT_PROFILE.contracts.disputeResolution).toEqual({ method: 'COURT' });
    const loaded = loadProfile(ARBITRATION);
    expect(loaded.ok && loaded.profile.contracts.disputeResolution).toEqual({
      method: 'ARBITRATION',
      arbitrationCommission: COMMISSION,
    });
    const nameless = loadProfile({ contracts: { disputeResolution: { method: 'ARBITRATION' } } });
    expect(nameless.ok).toBe(false);
    expect(nameless.ok ? [] : nameless.problems.join('')).toContain('contracts.disputeResolution');
  });

  it('prints the choice in force when the contract is generated, and keeps it for that contract', () => {
    const court = hvContract(1);
    expect(court.flat).toMatch(/第[一二三四五六七八九十]+条争议解决1\.双方因本合同发生争议的，应协商解决；/);
    expect(court.flat).toContain(COURT_CLAUSE);
    expect(court.flat).not.toContain('仲裁');

    loadProvinceProfile(store.ctx(), JSON.stringify(ARBITRATION));
    const arbitration = hvContract(2);
    expect(arbitration.flat).toContain(ARBITRATION_CLAUSE);
    expect(arbitration.flat).not.toContain('人民法院提起诉讼');
    const audit = store
      .ctx()
      .db.prepare("SELECT entity_id, diff_json FROM audit_log WHERE action = 'contracts.generate' ORDER BY id")
      .all() as { entity_id: string; diff_json: string }[];
    expect(audit.map((row) => JSON.parse(row.diff_json).disputeResolution.after)).toEqual([
      'COURT',
      `ARBITRATION:${COMMISSION}`,
    ]);

    // Another profile later: each contract regenerates with the choice it was generated under.
    loadProvinceProfile(
      store.ctx(),
      JSON.stringify({ name: '试验省', contracts: { disputeResolution: { method: 'COURT' } } }),
    );
    expect(generateContract(store.ctx(), arbitration.number).sha256).toBe(arbitration.doc.sha256);
    loadProvinceProfile(store.ctx(), JSON.stringify(ARBITRATION));
    expect(generateContract(store.ctx(), court.number).sha256).toBe(court.doc.sha256);
  });
});
