/**
 * The documents the hall prints: 供电方案答复单 (LV/HV), 供用电合同 (居民 / 低压非居民 / 高压) and the 装表接电
 * work sheet. The template follows from the customer class; the services decide whether a record may be printed.
 */
import type { ApplicationInput } from '../../shared/domain/application';
import type { DocumentRecord } from './documentRecord';
import { renderDocument, type RenderOptions, type RenderedDocument } from './renderDocument';
import { loadTemplate } from './templates/loadTemplate';

export const DOCUMENT_KINDS = ['scheme-reply', 'contract', 'work-sheet'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function templateIdFor(kind: DocumentKind, application: Pick<ApplicationInput, 'customerClass'>): string {
  if (kind === 'work-sheet') return 'work-sheet-meter';
  if (kind === 'scheme-reply') return application.customerClass === 'HV' ? 'scheme-reply-hv' : 'scheme-reply-lv';
  const contracts = { LVR: 'contract-residential', LVN: 'contract-lv-nonresidential', HV: 'contract-hv' } as const;
  return contracts[application.customerClass];
}

/** Renders with the current template version, or `templateVersion` (a contract signed under an older one). */
export function renderKind(
  kind: DocumentKind,
  record: DocumentRecord,
  options: RenderOptions & { templateVersion?: string } = {},
): RenderedDocument {
  const { templateVersion, ...renderOptions } = options;
  return renderDocument(loadTemplate(templateIdFor(kind, record.application), templateVersion), record, renderOptions);
}
