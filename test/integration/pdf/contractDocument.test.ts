/**
 * The checklist's 供用电合同 and the generated contract are one paper (a walk found them apart: the clerk ticked
 * 登记已收 in 资料清单 while the contract stood 已打印, unsigned, and the application went on to 装表接电).
 * On a real store through the handler table: the checklist refuses while the contract is unsigned; signing
 * registers it, in the same transaction, audited as an application update.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../shared/api/applications';
import type { ApplicationInput } from '../../../shared/domain/application';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { Prng } from '../../../main/services/demo/prng';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { advanceTo } from './advanceTo';

let store: Store;
let number: string;
const call = (channel: string, input: unknown) => dispatch(store.ctx('clerk'), channel, input);
const detail = async () => {
  const got = await call('applications.get', { number });
  if (!got.ok) throw new Error(got.error.message);
  return got.value as ApplicationDetail;
};
const contractDocument = async () => (await detail()).record.documents.find((d) => d.code === 'CONTRACT');
const withContract = (record: ApplicationInput, status: 'RECEIVED' | 'DEFERRED'): ApplicationInput => ({
  ...record,
  documents: record.documents.map((d) =>
    d.code === 'CONTRACT'
      ? status === 'RECEIVED'
        ? { code: d.code, status }
        : { code: d.code, status, dueStage: 'METER_CONNECT' }
      : d,
  ),
});

beforeEach(() => {
  store = openStore();
  const ctx = store.ctx();
  const base = withContract(recordFor('NEW_HV', 'HV'), 'DEFERRED');
  // A deferral comes with the customer's signed commitment (R-DOC-04).
  const record: ApplicationInput = {
    ...base,
    documents: [...base.documents.filter((d) => d.code !== 'COMMITMENT'), { code: 'COMMITMENT', status: 'RECEIVED' }],
  };
  number = createApplication(ctx, record).number;
  advanceTo(ctx, number, 'CONTRACT');
  const draft = saveSchemeDraft(ctx, number, demoScheme(new Prng(1), record, number, '2026-03-02'), undefined);
  approveScheme(ctx, number, draft.version);
  setDocumentSettings(ctx, HALL_DOCUMENT_SETTINGS);
}, 60_000);
afterEach(() => store.close());

describe('供用电合同 in 资料清单 follows the generated contract', () => {
  it('refuses 登记已收 while the contract is unsigned; signing registers it in one audited transaction', async () => {
    const generated = await call('contracts.generate', { number });
    if (!generated.ok) throw new Error(generated.error.message);
    const { documentNo, sha256 } = generated.value as { documentNo: string; sha256: string };
    const target = { kind: 'contract', number: documentNo };
    expect(await call('documents.confirmPrinted', { target, sha256, copies: 2 })).toMatchObject({ ok: true });

    const ticked = await call('applications.update', {
      number,
      record: withContract((await detail()).record, 'RECEIVED'),
    });
    expect(ticked).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STATE' } });
    expect(ticked.ok ? '' : ticked.error.message).toBe(
      `本申请的供用电合同 ${documentNo} 尚未登记签订，资料清单不能登记为“已收”：请在“合同与文书”中登记已签订，登记后资料清单自动登记为已收。`,
    );
    expect(await contractDocument()).toMatchObject({ status: 'DEFERRED' });

    const auditBefore = store.ctx().db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    expect(await call('contracts.sign', { number: documentNo, signedOn: '2026-03-02' })).toMatchObject({ ok: true });
    expect(await contractDocument()).toEqual({ code: 'CONTRACT', status: 'RECEIVED' });
    const entries = store
      .ctx()
      .db.prepare('SELECT action, entity_id FROM audit_log WHERE id > ? ORDER BY id')
      .all(auditBefore) as { action: string; entity_id: string }[];
    expect(entries).toEqual([
      { action: 'contracts.sign', entity_id: documentNo },
      { action: 'application.update', entity_id: number },
    ]);
  });
});
