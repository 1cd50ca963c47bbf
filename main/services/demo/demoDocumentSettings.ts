/**
 * The 文书抬头 of a demo hall: set by `yekuo demo` (and the demo hall of `npm run dev:web`) when the hall has none,
 * so the README's init → demo → pdf commands work in order. Every field says it is a demonstration, so a printed
 * demo reply can never pass for a real one.
 */
import type { DocumentSettings } from '../../../shared/api/documents';
import type { HandlerContext } from '../../ipc/context';
import { readDocumentSettings, setDocumentSettings } from '../documents/documentSettings';

export const DEMO_DOCUMENT_SETTINGS: DocumentSettings = {
  utilityName: '演示供电公司（演示数据，非真实单位）',
  address: '演示地址（演示数据）',
  phone: '000-0000 0000（演示）',
  contact: '演示经办人',
  hotline: '95598',
  legalRep: '演示法定代表人',
  taxNumber: '演示纳税人识别号',
  bankAccount: '演示银行 演示账号（演示数据）',
};

/** Sets the demo 文书抬头 when none is set; returns whether it did (real settings are never replaced). */
export function ensureDemoDocumentSettings(ctx: HandlerContext): boolean {
  if (readDocumentSettings(ctx)) return false;
  setDocumentSettings(ctx, DEMO_DOCUMENT_SETTINGS);
  return true;
}
