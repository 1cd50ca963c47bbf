/** The text of a generated contract, agreement or termination, after the checks every paper passes. */
import path from 'node:path';
import { expect } from 'vitest';
import type { GeneratedDocument } from '../../../shared/api/documents';
import type { CustomerClass } from '../../../shared/domain/codes';
import {
  crossReferenceProblems,
  internalTextProblems,
  layoutText,
  signaturePageProblems,
  unitBreakProblems,
} from './paperChecks';
import { expectSoundDocument } from './pdfChecks';
import { pdfText } from './pdfTools';

/**
 * The paper's file under the store folder `dir`, checked like every document (fonts embedded, qpdf, title, order)
 * and on the paper checks; returns its text in layout order without whitespace.
 */
export function checkedPaperText(dir: string, doc: GeneratedDocument, cls: CustomerClass): string {
  const file = path.join(dir, doc.path);
  expect(doc.kind).not.toBe('scheme-reply');
  expectSoundDocument(file, {
    kind: doc.kind as 'contract' | 'agreement' | 'termination',
    customerClass: cls,
    documentNo: doc.documentNo,
    pageCount: doc.pageCount,
    dataHash: doc.dataHash,
  });
  const raw = pdfText(file);
  expect(crossReferenceProblems(layoutText(file))).toEqual([]);
  expect(internalTextProblems(raw)).toEqual([]);
  expect(unitBreakProblems(raw)).toEqual([]);
  expect(signaturePageProblems(file, doc.pageCount, ['供电人（盖章）'])).toEqual([]);
  // In page layout order: a one-row table's cells come out of plain pdftotext after the next clause.
  return layoutText(file).replace(/\s+/g, '');
}
