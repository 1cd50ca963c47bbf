/**
 * The fingerprint printed in a document's QR code: the first 16 hex digits of sha256 over the canonical JSON of
 * the data the document was generated from. HQ recomputes it from the record to match paper to record and to
 * spot a printed contract whose data was altered afterwards.
 */
import { createHash } from 'node:crypto';
import type { ApplicationInput } from '../../shared/domain/application';
import type { SupplyScheme } from '../../shared/domain/scheme';
import type { AgreementTerms } from './documentRecord';
import { canonicalJson } from '../services/canonicalJson';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The application with its approved scheme, or (补充协议, 终止协议) with the agreement. */
export type HashedData = { application: ApplicationInput; templateId: string; templateVersion: string } & (
  { scheme: SupplyScheme } | { agreement: AgreementTerms }
);

export function documentDataHash(data: HashedData): string {
  // Exactly these four keys: anything else in the record (hall, contract terms) is not part of the fingerprint.
  const { application, templateId, templateVersion } = data;
  const basis = 'scheme' in data ? { scheme: data.scheme } : { agreement: data.agreement };
  return sha256Hex(canonicalJson({ application, ...basis, templateId, templateVersion }));
}

/**
 * QR payload: `{documentNo}|{first 16 hex of the data hash}`; templates of layout 2 add `|{templateId}@{version}`,
 * which no longer prints on the page.
 */
export function qrPayload(documentNo: string, dataHash: string, template?: { id: string; version: string }): string {
  const base = `${documentNo}|${dataHash.slice(0, 16)}`;
  return template ? `${base}|${template.id}@${template.version}` : base;
}
