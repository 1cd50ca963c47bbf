/**
 * Scheme advice on a real store: a warning (R-MET-06, R-MET-03, R-MET-04) does not refuse the save, and the
 * approval's audit entry records the warnings still standing; a clean scheme's approval records none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { approveScheme, listSchemes, saveSchemeDraft } from '../../../main/services/schemes';
import { loadProvinceProfile } from '../../../main/services/settings/provinceProfile';
import type { MeteringPoint } from '../../../shared/domain/scheme';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { hvNewConnection, openStore, type Store } from '../store/storeFixture';

const record = hvNewConnection();

let store: Store;
beforeEach(() => {
  store = openStore();
  store.setNow('2026-03-02T01:00:00Z');
});
afterEach(() => store.close());

/**
 * Drafts and approves the proposal with the survey's answers, `meterAccuracy` and, when given, the expected monthly
 * energy; returns the approval's diff and the version stored.
 */
function approvedWith(
  meterAccuracy: string,
  expectedMonthlyKwh?: number,
  point: Partial<MeteringPoint> = {},
): Record<string, { before: unknown; after: unknown }> {
  const { number } = createApplication(store.ctx('clerk'), record);
  moveApplication(store.ctx(), number, { move: 'advance' });
  moveApplication(store.ctx(), number, { move: 'advance' });
  const proposal = proposeScheme(record, 'FA-1', '2026-03-02');
  saveSchemeDraft(
    store.ctx('clerk'),
    number,
    {
      ...proposal,
      ...(expectedMonthlyKwh === undefined ? {} : { expectedMonthlyKwh }),
      sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
      receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
      metering: proposal.metering.map((m) => ({
        ...m,
        position: '进线计量柜',
        meterSpec: '三相三线 3×100 V',
        meterAccuracy,
        ...point,
      })),
    },
    undefined,
  );
  approveScheme(store.ctx(), number, 1);
  const row = store
    .ctx()
    .db.prepare("SELECT diff_json AS diff FROM audit_log WHERE action = 'scheme.approve' AND entity_id = ?")
    .get(number) as { diff: string };
  return JSON.parse(row.diff) as Record<string, { before: unknown; after: unknown }>;
}

describe('scheme advice on the store', () => {
  it('saves and approves a scheme with a coarse meter, and the audit keeps the R-MET-06 warning', () => {
    const diff = approvedWith('2');
    const warnings = Object.entries(diff)
      .filter(([key]) => key.startsWith('approvedWithWarnings'))
      .map(([, change]) => String(change.after));
    expect(warnings).toEqual([expect.stringMatching(/^R-MET-06：计量点 1 的电能表精度“2”低于 /)]);
  });

  it('records no warning for the proposal of the capacity class', () => {
    expect(Object.keys(approvedWith(proposeScheme(record, 'FA-1', '2026-03-02').metering[0]!.meterAccuracy))).toEqual([
      'schemeVersion',
    ]);
  });

  it('takes the monthly energy into the class (R-MET-06): 1 GWh a month makes the 0.5S meter and CT class II', () => {
    const standing = (diff: Record<string, { after: unknown }>) =>
      Object.entries(diff)
        .filter(([key]) => key.startsWith('approvedWithWarnings'))
        .map(([, change]) => String(change.after));
    expect(standing(approvedWith('0.5S', 999_999))).toEqual([]);
    store.close();
    store = openStore();
    store.setNow('2026-03-02T01:00:00Z');
    expect(standing(approvedWith('0.5S', 1_000_000))).toEqual([
      expect.stringMatching(
        /^R-MET-06：计量点 1 的电流互感器精度“0\.5S”低于 II 类电能计量装置（容量 \d+ kVA、预计月用电量 1000000 kWh）/,
      ),
    ]);
    const number = (store.ctx().db.prepare('SELECT number FROM applications').get() as { number: string }).number;
    expect(listSchemes(store.ctx('clerk'), number)[0]?.content.expectedMonthlyKwh).toBe(1_000_000);
  });

  it('audits the R-MET-03 and R-MET-04 warnings standing at approval, and none once split and losses are agreed', () => {
    const accurate = proposeScheme(record, 'FA-1', '2026-03-02').metering[0]!.meterAccuracy;
    const standing = (diff: Record<string, { after: unknown }>) =>
      Object.entries(diff)
        .filter(([key]) => key.startsWith('approvedWithWarnings'))
        .map(([, change]) => String(change.after).slice(0, 9));
    const mixed = { tariffCategory: 'RESIDENTIAL', atBoundary: false } as const;
    expect(standing(approvedWith(accurate, undefined, mixed))).toEqual(['R-MET-04：', 'R-MET-03：']);
    store.close();
    store = openStore();
    store.setNow('2026-03-02T01:00:00Z');
    const agreed = { ...mixed, splitRule: '居民生活定比 10%', lossAgreement: '变损由客户承担' };
    expect(standing(approvedWith(accurate, undefined, agreed))).toEqual([]);
  });

  it('follows the metering class table of the province profile (R-MET-06 values are [M], a province setting)', () => {
    // A province that asks for class II (CT 0.2S) from 1,000 kVA: the 1260 kVA HV fixture's 0.5S CT now warns.
    const classes = [
      { class: 'I', fromKva: 10000, fromMonthlyKwh: 5000000, activeMeter: '0.2S', ct: '0.2S' },
      { class: 'II', fromKva: 1000, fromMonthlyKwh: 1000000, activeMeter: '0.2S/0.5S', ct: '0.2S' },
      { class: 'III', fromKva: 315, fromMonthlyKwh: 100000, activeMeter: '0.5S', ct: '0.5S' },
      { class: 'IV', belowKva: 315, activeMeter: '1', ct: '0.5S' },
      { class: 'V', singlePhase: true, activeMeter: '2' },
    ];
    loadProvinceProfile(store.ctx('admin'), JSON.stringify({ metering: { meteringClasses: classes } }));
    const diff = approvedWith('0.5S');
    expect(
      Object.entries(diff)
        .filter(([key]) => key.startsWith('approvedWithWarnings'))
        .map(([, change]) => String(change.after)),
    ).toEqual([expect.stringMatching(/^R-MET-06：计量点 1 的电流互感器精度“0\.5S”低于 II 类电能计量装置/)]);
  });
});
