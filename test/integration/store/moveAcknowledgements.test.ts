import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { verifyAudit } from '../../../main/services/audit';
import { openStore, type Store } from './storeFixture';
import { refusal } from './support/refusal';

/** The e2e 10 kV company record, made 二级负荷 with its one supply line (R-LG-03 warns from 供电方案 on). */
const secondGrade: ApplicationInput = {
  ...(JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as ApplicationInput),
  loadGrade: 'SECOND',
  applicationDate: '2026-03-02',
};

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const auditRows = () =>
  store.ctx().db.prepare(`SELECT action, diff_json AS diff, user_id AS userId FROM audit_log ORDER BY id`).all() as {
    action: string;
    diff: string;
    userId: string;
  }[];

describe('warnings acknowledged at a move (确认并推进)', () => {
  it('a move refused only by a warning goes through once it is acknowledged; stored in the record and audited', async () => {
    const clerk = store.ctx('clerk');
    const { number } = createApplication(clerk, secondGrade);
    moveApplication(clerk, number, { move: 'advance' }); // 现场勘查

    const error = refusal(() => moveApplication(clerk, number, { move: 'advance' }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.problems?.map((p) => [p.ruleId, p.severity])).toEqual([['R-LG-03', 'warning']]);

    // A blank reason does not pass the boundary.
    const blank = await dispatch(clerk, 'applications.advance', {
      number,
      acknowledgements: [{ ruleId: 'R-LG-03', reason: '  ' }],
    });
    expect(blank.ok).toBe(false);
    expect(getApplication(clerk, number).stage).toBe('SURVEY');

    const moved = await dispatch(clerk, 'applications.advance', {
      number,
      acknowledgements: [{ ruleId: 'R-LG-03', reason: '负荷较小，一回 10 kV 专用架空线' }],
    });
    expect(moved.ok).toBe(true);
    const detail = getApplication(clerk, number);
    expect(detail.stage).toBe('SCHEME');
    // The intake acknowledgement stays; the new one joins it.
    expect(detail.record.acknowledgements).toEqual([
      { ruleId: 'R-NM-01', reason: '已核对营业执照原件' },
      { ruleId: 'R-LG-03', reason: '负荷较小，一回 10 kV 专用架空线' },
    ]);
    const last = auditRows().at(-1);
    expect(last?.action).toBe('application.advance');
    expect(JSON.parse(last?.diff ?? '{}')).toMatchObject({
      stage: { before: 'SURVEY', after: 'SCHEME' },
      'record.acknowledgements.1.ruleId': { before: null, after: 'R-LG-03' },
      'record.acknowledgements.1.reason': { before: null, after: '负荷较小，一回 10 kV 专用架空线' },
    });
    expect(verifyAudit(clerk.db).ok).toBe(true);
  });

  it('errors stay blocking: acknowledging does not move an application an error refuses', () => {
    const clerk = store.ctx('clerk');
    const { number } = createApplication(clerk, { ...secondGrade, loadGrade: 'FIRST_SPECIAL' });
    moveApplication(clerk, number, { move: 'advance' });
    const before = auditRows().length;
    const error = refusal(() =>
      moveApplication(clerk, number, {
        move: 'advance',
        acknowledgements: [{ ruleId: 'R-LG-02', reason: '试图确认错误' }],
      }),
    );
    expect(error.problems?.some((p) => p.ruleId === 'R-LG-02' && p.severity === 'error')).toBe(true);
    expect(getApplication(clerk, number).stage).toBe('SURVEY');
    expect(getApplication(clerk, number).record.acknowledgements).toEqual(secondGrade.acknowledgements);
    expect(auditRows().length).toBe(before);
  });
});
