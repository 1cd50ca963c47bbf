import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication, type MoveRequest } from '../../../main/services/applications/moveApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { dispatch } from '../../../main/ipc/dispatch';
import { openStore, recordFor, type Store } from './storeFixture';
import { refusal } from './support/refusal';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

/** A refused move leaves the row, its events and the audit log exactly as they were. */
function expectRefusedUntouched(number: string, request: MoveRequest, code: string, text: RegExp) {
  const ctx = store.ctx('supervisor');
  const before = JSON.stringify(getApplication(ctx, number));
  const auditCount = () => ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
  const audits = auditCount().n;
  const error = refusal(() => moveApplication(ctx, number, request));
  expect(error.code).toBe(code);
  expect(error.message).toMatch(text);
  expect(JSON.stringify(getApplication(ctx, number))).toBe(before);
  expect(auditCount().n).toBe(audits);
}

const create = (record: ApplicationInput = recordFor('NEW_HV', 'HV')) =>
  createApplication(store.ctx('clerk'), record).number;

describe('illegal moves are refused with a Chinese message and change nothing', () => {
  it('return to a later stage, to the current stage, to a stage the type does not have, or without reason', () => {
    const number = create();
    moveApplication(store.ctx(), number, { move: 'advance' }); // SURVEY
    expectRefusedUntouched(number, { move: 'return', to: 'SCHEME', reason: '资料有误' }, 'ILLEGAL_STATE', /之前的环节/);
    expectRefusedUntouched(number, { move: 'return', to: 'SURVEY', reason: '资料有误' }, 'ILLEGAL_STATE', /之前的环节/);
    expectRefusedUntouched(number, { move: 'return', to: 'GRID_WORKS', reason: '资料有误' }, 'ILLEGAL_STATE', /没有/);
    expectRefusedUntouched(number, { move: 'return', to: 'ACCEPT', reason: '  ' }, 'BAD_INPUT', /理由/);
  });

  it('advance past the last stage, archive before ARCHIVE, resume when not suspended', () => {
    const number = create(recordFor('RENAME', 'LVR'));
    expectRefusedUntouched(number, { move: 'archive' }, 'ILLEGAL_STATE', /归档/);
    expectRefusedUntouched(number, { move: 'resume' }, 'ILLEGAL_STATE', /未挂起/);
    moveApplication(store.ctx(), number, { move: 'advance' });
    moveApplication(store.ctx(), number, { move: 'advance' });
    expectRefusedUntouched(number, { move: 'advance' }, 'ILLEGAL_STATE', /最后环节/);
  });

  it('moves of a suspended, cancelled or archived application', () => {
    const number = create();
    moveApplication(store.ctx(), number, { move: 'suspend', reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT' });
    expectRefusedUntouched(number, { move: 'advance' }, 'ILLEGAL_STATE', /挂起.*恢复/);
    expectRefusedUntouched(
      number,
      { move: 'suspend', reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT' },
      'ILLEGAL_STATE',
      /挂起/,
    );
    moveApplication(store.ctx(), number, { move: 'cancel', reason: '客户撤回' });
    for (const request of [
      { move: 'advance' },
      { move: 'resume' },
      { move: 'cancel', reason: '再次终止' },
      { move: 'return', to: 'ACCEPT', reason: 'x' },
    ] as MoveRequest[]) {
      expectRefusedUntouched(number, request, 'ILLEGAL_STATE', /已终止/);
    }
  });

  it('suspend needs a customer-caused reason code; cancel needs a reason', () => {
    const number = create();
    expectRefusedUntouched(number, { move: 'suspend', reasonCode: 'STAFF_ON_LEAVE' }, 'BAD_INPUT', /客户原因/);
    expectRefusedUntouched(number, { move: 'cancel', reason: '' }, 'BAD_INPUT', /理由/);
  });

  it('skipping a mandatory stage, or an optional one without a reason', () => {
    const number = create(recordFor('NEW_LVN', 'LVN'));
    expectRefusedUntouched(
      number,
      { move: 'advance', skip: { stages: ['SURVEY'], reason: '不需要' } },
      'ILLEGAL_STATE',
      /不是.*可选环节/,
    );
    moveApplication(store.ctx(), number, { move: 'advance' });
    moveApplication(store.ctx(), number, { move: 'advance' }); // SCHEME
    expectRefusedUntouched(
      number,
      { move: 'advance', skip: { stages: ['GRID_WORKS'], reason: '' } },
      'BAD_INPUT',
      /理由/,
    );
    const moved = moveApplication(store.ctx(), number, {
      move: 'advance',
      skip: { stages: ['GRID_WORKS'], reason: '无需电网配套工程' },
    });
    expect(moved.stage).toBe('METER_CONNECT');
  });

  it('a clerk cannot approve the supply scheme (leave SCHEME)', () => {
    const number = create();
    const clerk = store.ctx('clerk');
    moveApplication(clerk, number, { move: 'advance' });
    moveApplication(clerk, number, { move: 'advance' }); // SCHEME
    const error = refusal(() => moveApplication(clerk, number, { move: 'advance' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/审批/);
    expect(getApplication(clerk, number).stage).toBe('SCHEME');
  });

  it('a deferred document blocks the move into its due stage until it is received', () => {
    const record = recordFor('NEW_LVN', 'LVN');
    record.documents = record.documents.map((d) =>
      d.code === 'LOAD_LIST' ? { code: 'LOAD_LIST', status: 'DEFERRED', dueStage: 'SURVEY' } : d,
    );
    record.documents.push({ code: 'COMMITMENT', status: 'RECEIVED' });
    const number = create(record);
    const error = refusal(() => moveApplication(store.ctx(), number, { move: 'advance' }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.problems?.map((p) => p.ruleId)).toContain('R-DOC-03');
    expect(getApplication(store.ctx(), number).stage).toBe('ACCEPT');
    // Receiving the document (an update of the record) lets it move on.
    record.documents = record.documents.map((d) =>
      d.code === 'LOAD_LIST' ? { code: 'LOAD_LIST', status: 'RECEIVED' } : d,
    );
    updateApplicationRecord(store.ctx(), number, record);
    expect(moveApplication(store.ctx(), number, { move: 'advance' }).stage).toBe('SURVEY');
  });

  it('METER_CONNECT needs a signed contract on record', () => {
    const record = recordFor('NEW_LVR', 'LVR');
    record.documents = record.documents.filter((d) => d.code !== 'CONTRACT');
    const number = create(record);
    const error = refusal(() =>
      moveApplication(store.ctx(), number, { move: 'advance', skip: { stages: ['GRID_WORKS'], reason: '无需' } }),
    );
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.problems?.length).toBeGreaterThan(0);
    expect(getApplication(store.ctx(), number).stage).toBe('ACCEPT');
  });
});

describe('refused creations leave the database untouched', () => {
  it('unknown business type, class mismatch, malformed record', () => {
    const before = fs.statSync(store.file).size;
    const count = () => (store.ctx().db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;
    const unknown = { ...recordFor('NEW_LVR', 'LVR'), businessType: 'NEW_SPACESHIP' };
    expect(refusal(() => createApplication(store.ctx(), unknown)).problems?.[0]).toMatchObject({
      field: 'businessType',
      ruleId: 'SCHEMA',
    });
    const mismatch = { ...recordFor('NEW_LVR', 'LVR'), businessType: 'TTX' };
    expect(refusal(() => createApplication(store.ctx(), mismatch)).problems?.map((p) => p.ruleId)).toContain(
      'WF-CLASS',
    );
    expect(refusal(() => createApplication(store.ctx(), 'not a record')).code).toBe('RULE_VIOLATION');
    expect(count()).toBe(0);
    expect(fs.statSync(store.file).size).toBe(before);
  });

  it('a hall that is not initialised refuses applications', () => {
    store.close();
    store = openStore({ init: false });
    expect(refusal(() => createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR'))).message).toMatch(/yekuo init/);
  });
});

describe('roles through the handler table', () => {
  it('a clerk cannot return, cancel or approve a scheme; a supervisor can', async () => {
    const number = create();
    const clerk = store.ctx('clerk');
    await dispatch(clerk, 'applications.advance', { number });
    await dispatch(clerk, 'applications.advance', { number });
    expect(await dispatch(clerk, 'applications.advance', { number })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dispatch(clerk, 'applications.return', { number, to: 'ACCEPT', reason: '补资料' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dispatch(clerk, 'applications.cancel', { number, reason: '撤回' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const approved = await dispatch(store.ctx('supervisor'), 'applications.advance', { number });
    expect(approved).toMatchObject({ ok: true });
  });
});
