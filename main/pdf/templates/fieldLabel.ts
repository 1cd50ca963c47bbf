/**
 * The Chinese name of a document-record path, so a missing-value error says "供电方案·核定容量 (kVA)" and not
 * only `scheme.approvedCapacityKva`.
 */
import { schemaPathLabel } from '../../../shared/api/schemaLabels';
import { agreementRecordSchema, documentRecordSchema } from '../documentRecord';

export function recordFieldLabel(path: string): string {
  return schemaPathLabel(documentRecordSchema, path) ?? schemaPathLabel(agreementRecordSchema, path) ?? path;
}
