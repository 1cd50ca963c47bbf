/**
 * Which paper a business type signs (REFERENCE.md §7.3, §3.2): a new 供用电合同 for a new connection; a 补充协议
 * to the base contract for every change of use that keeps the contract (增容, 减容, 暂停 and their restorations,
 * 暂换, 改类, 改压, 更名, 移表, 迁址 at the new site, 临时用电延期); for 过户 a new contract with the new holder plus a
 * 终止协议 for the old one; for 销户 a 终止协议; no paper for 暂拆 and 复装 (a work order; the contract stands).
 */
import type { BusinessType } from '../domain/codes';

export const PAPER_KINDS = ['contract', 'agreement', 'termination'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_LABELS: Record<PaperKind, string> = {
  contract: '供用电合同',
  agreement: '供用电合同补充协议',
  termination: '供用电合同终止协议',
};

const CONTRACT: readonly PaperKind[] = ['contract'];
const AGREEMENT: readonly PaperKind[] = ['agreement'];
const NONE: readonly PaperKind[] = [];

const PAPERS: Record<BusinessType, readonly PaperKind[]> = {
  NEW_LVR: CONTRACT,
  NEW_LVN: CONTRACT,
  NEW_HV: CONTRACT,
  NEW_BATCH: CONTRACT,
  NEW_TEMP: CONTRACT,
  // 分户/并户 end in new contracts for the accounts they leave (§3.2 "contracts").
  SPLIT: CONTRACT,
  MERGE: CONTRACT,
  INC_LVR: AGREEMENT,
  INC_LVN: AGREEMENT,
  INC_HV: AGREEMENT,
  RED: AGREEMENT,
  RED_RESTORE: AGREEMENT,
  SUS: AGREEMENT,
  SUS_RESTORE: AGREEMENT,
  TTX: AGREEMENT,
  TTX_RESTORE: AGREEMENT,
  TARIFF_CHANGE: AGREEMENT,
  VOLT_CHANGE: AGREEMENT,
  RENAME: AGREEMENT,
  METER_MOVE: AGREEMENT,
  RELOC: AGREEMENT,
  TEMP_EXTEND: AGREEMENT,
  TRANSFER: ['contract', 'termination'],
  CLOSE: ['termination'],
  TMR: NONE,
  TMR_RESTORE: NONE,
};

/** The papers an application of this type signs, in the order they are signed. */
export function papersFor(type: BusinessType): readonly PaperKind[] {
  return PAPERS[type];
}
