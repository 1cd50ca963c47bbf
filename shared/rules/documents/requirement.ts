/**
 * How one document is needed by one business-type group (REFERENCE.md §4.3): required at acceptance,
 * deferrable (容缺) until a stage, required by a stage, or conditional. Kept as data so a province profile can
 * replace any cell.
 */
import { z } from 'zod';
import { STAGES } from '../../domain/codes';

export const DOC_CONDITIONS = [
  'AGENT_PRESENT',
  'ANYTHING_DEFERRED',
  'PERSON',
  'ORGANISATION',
  'IMPORTANT_CUSTOMER',
  'UNDECIDABLE',
] as const;
export type DocCondition = (typeof DOC_CONDITIONS)[number];

export const docRequirementSchema = z.strictObject({
  /** R: required; D: may be deferred (容缺) until `due`; C: only when `when` holds. */
  need: z.enum(['R', 'D', 'C']),
  /** Stage by which the document must be received (ACCEPT when absent). */
  due: z.enum(STAGES).optional(),
  /** For C: the condition; UNDECIDABLE means the record cannot tell, so the checklist shows it as optional. */
  when: z.enum(DOC_CONDITIONS).optional(),
  /** For C: whether the document may be deferred until `due` when the condition holds. */
  deferrable: z.boolean().optional(),
});
export type DocRequirement = z.infer<typeof docRequirementSchema>;
