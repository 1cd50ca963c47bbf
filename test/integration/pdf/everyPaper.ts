/**
 * Every paper the layout checks run on: each fixture and variant of PAPER_VARIANTS as reply, contract and work
 * sheet, plus the 补充协议 and the 终止协议; and a paper's page text as `pdftotext -bbox-layout` reads it back.
 */
import { renderKind, type DocumentKind } from '../../../main/pdf/documents';
import type { PaperRecord } from '../../../main/pdf/documentRecord';
import { PAPER_VARIANTS, supplementary, termination } from '../../fixtures/pdf/papers';
import { textLines } from './cellChecks';
import { withTempPdf } from './pdfTools';

const KINDS = ['scheme-reply', 'contract', 'work-sheet'] as const;

export const EVERY_PAPER: [string, DocumentKind, () => PaperRecord][] = [
  ...Object.entries(PAPER_VARIANTS).flatMap(([variant, record]) =>
    KINDS.map((kind) => [variant, kind, record] as [string, DocumentKind, () => PaperRecord]),
  ),
  ['高压增容', 'agreement', supplementary],
  ['居民销户', 'termination', termination],
];

/** The printed lines of a paper, rendered with the current template version or `templateVersion`. */
export const paperLines = (kind: DocumentKind, record: PaperRecord, templateVersion?: string) =>
  withTempPdf(renderKind(kind, record, templateVersion ? { templateVersion } : {}).pdf, textLines);
