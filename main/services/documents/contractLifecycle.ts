/**
 * 供用电合同 lifecycle: draft → printed → signed (date entered, scanned copy optional) → void (reason).
 * A contract becomes printed when a print of it is confirmed (printJobs.ts); signing locks the scheme version
 * (schemeGate.assertSchemeUnlocked).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContractState } from '../../../shared/api/documents';
import { insertDocument } from '../../db/repositories/contractRepo';
import {
  contractByNumber,
  documentBySha,
  liveContracts,
  signContractRow,
  voidContractRow,
  type ContractLifecycleRow,
} from '../../db/repositories/documentRepo';
import type { HandlerContext } from '../../ipc/context';
import { sha256Hex } from '../../pdf/dataHash';
import { paperKindOfTemplate } from '../../pdf/documents';
import { shanghaiDate } from '../clock';
import { withContractReceived } from '../applications/contractDocument';
import { loadApplication } from '../applications/loadApplication';
import { getApplicationsByIds } from '../../db/repositories/applicationRepo';
import { recordOf } from '../applications/rowMapping';
import { updateApplicationRecord } from '../applications/updateApplication';
import { AppError } from '../errors';
import { inOneTransaction, mutate } from '../mutation';
import { documentPath, storeDocument } from './fileStore';

export const stateOf = (row: ContractLifecycleRow): ContractState => ({
  number: row.number,
  paper: paperKindOfTemplate(row.template_id),
  status: row.status,
  pdfSha256: row.pdf_sha256,
  signedOn: row.signed_on,
  voidReason: row.void_reason,
});

/**
 * The application's papers that still count, for the detail page: of each paper (供用电合同, 终止协议 …) the newest
 * that is not void, in the order they were made — a 过户 shows its new contract and its 终止协议 side by side.
 */
export function currentPapers(ctx: HandlerContext, applicationNo: string): ContractState[] {
  const newest = new Map<string, ContractLifecycleRow>();
  for (const row of liveContracts(ctx.db, loadApplication(ctx.db, applicationNo).id)) newest.set(row.template_id, row);
  return [...newest.values()].sort((a, b) => a.id - b.id).map(stateOf);
}

export function requireContract(ctx: HandlerContext, number: string): ContractLifecycleRow {
  const row = contractByNumber(ctx.db, number);
  if (!row) throw new AppError('NOT_FOUND', `找不到合同编号为 ${number} 的合同：请核对编号。`);
  return row;
}

/**
 * Registers the customer's signature, and in the same transaction the checklist's 供用电合同 as received (an
 * audited update of the application) while the application is open and lists it as still missing.
 */
export function signContract(
  ctx: HandlerContext,
  input: { number: string; signedOn: string; scanFile?: string },
): ContractState {
  return inOneTransaction(ctx, () => {
    const state = registerSignature(ctx, input);
    const row = requireContract(ctx, input.number);
    const [application] = getApplicationsByIds(ctx.db, [row.application_id]);
    const open = application?.status === 'ACTIVE' || application?.status === 'SUSPENDED';
    const received =
      application &&
      paperKindOfTemplate(row.template_id) !== 'termination' &&
      withContractReceived(recordOf(application));
    if (application && open && received) updateApplicationRecord(ctx, application.number, received);
    return state;
  });
}

function registerSignature(
  ctx: HandlerContext,
  input: { number: string; signedOn: string; scanFile?: string },
): ContractState {
  return mutate(ctx, ({ db, clock, changeSeq }) => {
    const row = requireContract(ctx, input.number);
    if (row.status !== 'printed') {
      const why =
        row.status === 'draft' ? '尚未打印，请先打印合同交客户签字' : row.status === 'signed' ? '已签订' : '已作废';
      throw new AppError('ILLEGAL_STATE', `合同 ${row.number} ${why}，不能登记签订。`);
    }
    const created = shanghaiDate(new Date(row.created_at));
    if (input.signedOn > clock.today || input.signedOn < created) {
      throw new AppError(
        'BAD_INPUT',
        `签订日期应在合同生成日 ${created} 与今天 ${clock.today} 之间：请核对客户签字的日期。`,
      );
    }
    let scanId: number | null = null;
    if (input.scanFile) {
      const bytes = fs.readFileSync(input.scanFile);
      const sha256 = sha256Hex(bytes);
      const extension = path.extname(input.scanFile).toLowerCase() || '.bin';
      storeDocument(ctx.dataDir, sha256, bytes, extension);
      scanId =
        documentBySha(db, sha256)?.id ??
        insertDocument(db, {
          application_id: row.application_id,
          contract_id: row.id,
          kind: 'contract-scan',
          path: documentPath(sha256, extension),
          sha256,
          size: bytes.length,
          created_at: clock.at,
          change_seq: changeSeq,
        });
    }
    signContractRow(db, row.id, input.signedOn, scanId, clock.at, changeSeq);
    return {
      result: stateOf(requireContract(ctx, row.number)),
      audit: {
        action: 'contracts.sign',
        entity: 'contract',
        entityId: row.number,
        diff: { status: { before: row.status, after: 'signed' }, signedOn: { before: null, after: input.signedOn } },
      },
    };
  });
}

export function voidContract(ctx: HandlerContext, input: { number: string; reason: string }): ContractState {
  return mutate(ctx, ({ db, clock, changeSeq }) => {
    const row = requireContract(ctx, input.number);
    if (row.status === 'void') throw new AppError('ILLEGAL_STATE', `合同 ${row.number} 已作废。`);
    if (!input.reason.trim()) throw new AppError('BAD_INPUT', '作废合同必须填写原因。');
    voidContractRow(db, row.id, input.reason.trim(), clock.at, changeSeq);
    return {
      result: stateOf(requireContract(ctx, row.number)),
      audit: {
        action: 'contracts.void',
        entity: 'contract',
        entityId: row.number,
        diff: {
          status: { before: row.status, after: 'void' },
          voidReason: { before: null, after: input.reason.trim() },
        },
      },
    };
  });
}
