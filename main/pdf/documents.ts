/**
 * The documents the hall prints: 供电方案答复单 (LV/HV), 供用电合同 (居民 / 低压非居民 / 高压), 补充协议, 终止协议
 * and the 装表接电 work sheet. The template follows from the kind and the customer class; the services decide
 * whether a record may be printed.
 */
import type { ApplicationInput } from '../../shared/domain/application';
import type { PaperRecord } from './documentRecord';
import { renderDocument, type RenderOptions, type RenderedDocument } from './renderDocument';
import { loadTemplate } from './templates/loadTemplate';

export const DOCUMENT_KINDS = ['scheme-reply', 'contract', 'agreement', 'termination', 'work-sheet'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const FIXED_TEMPLATES: Partial<Record<DocumentKind, string>> = {
  'work-sheet': 'work-sheet-meter',
  agreement: 'agreement-supplementary',
  termination: 'agreement-termination',
};

export function templateIdFor(kind: DocumentKind, application: Pick<ApplicationInput, 'customerClass'>): string {
  const fixed = FIXED_TEMPLATES[kind];
  if (fixed) return fixed;
  if (kind === 'scheme-reply') return application.customerClass === 'HV' ? 'scheme-reply-hv' : 'scheme-reply-lv';
  const contracts = { LVR: 'contract-residential', LVN: 'contract-lv-nonresidential', HV: 'contract-hv' } as const;
  return contracts[application.customerClass];
}

/** The kind of paper a contract row holds, from its template id. */
export function paperKindOfTemplate(templateId: string): 'contract' | 'agreement' | 'termination' {
  if (templateId === FIXED_TEMPLATES.agreement) return 'agreement';
  if (templateId === FIXED_TEMPLATES.termination) return 'termination';
  return 'contract';
}

/** Renders with the current template version, or `templateVersion` (a contract signed under an older one). */
export function renderKind(
  kind: DocumentKind,
  record: PaperRecord,
  options: RenderOptions & { templateVersion?: string } = {},
): RenderedDocument {
  const { templateVersion, ...renderOptions } = options;
  return renderDocument(loadTemplate(templateIdFor(kind, record.application), templateVersion), record, renderOptions);
}
