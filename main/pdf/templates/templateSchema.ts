/**
 * Document templates are versioned data (resources/templates/*.json): the clause text is ours, with
 * `{{path|filter}}` placeholders bound to the record. A change of wording is a new template version, and the
 * contract row records which version it was printed from.
 */
import { z } from 'zod';

/**
 * A clause or row is printed only when the path has a value (`scheme.security`) or equals one of the values
 * (`a.b=X`, `a.b=X|Y`).
 */
const when = z.string().optional();

export const clauseSchema = z.union([
  z.string(),
  z.object({
    text: z.string(),
    /** 格式条款 limiting the drafter's liability are printed in bold (民法典 art 496, R-CON-02). */
    bold: z.boolean().optional(),
    when,
  }),
]);

export const TABLE_SOURCES = [
  'sources',
  'metering',
  'fees',
  'transformers',
  'deadlines',
  'changes',
  'agreementChanges',
] as const;

export const blockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('fields'),
    heading: z.string().optional(),
    rows: z.array(z.object({ label: z.string(), value: z.string(), wide: z.boolean().optional(), when })),
  }),
  z.object({ type: z.literal('table'), heading: z.string().optional(), source: z.enum(TABLE_SOURCES), when }),
  z.object({
    type: z.literal('section'),
    /** Other clauses refer to this section as `{{clause:ID}}`; the renderer prints its number (第三条). */
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .optional(),
    heading: z.string(),
    clauses: z.array(clauseSchema),
    when,
    /**
     * Keeps the heading and clauses on the page of the first rows of the table that follows ("见下表"). Opt-in
     * per template: a layout change must come with a new template version, or a signed document would no longer
     * regenerate byte for byte.
     */
    keepWithTable: z.boolean().optional(),
  }),
  z.object({ type: z.literal('paragraph'), text: z.string(), bold: z.boolean().optional(), when }),
  /** An annex after the signatures, on a page of its own: 产权分界示意图 drawn from the scheme's sources. */
  z.object({ type: z.literal('diagram'), heading: z.string(), source: z.literal('boundary') }),
  z.object({
    type: z.literal('signatures'),
    parties: z
      .array(
        z.object({
          role: z.string(),
          name: z.string(),
          lines: z.array(z.string()),
          /** false for a person signing without a seal (the fitter on a work sheet). */
          seal: z.boolean().optional(),
          /**
           * A natural person signs instead of sealing when `when` holds (用电人（签字）, no seal circle), on
           * `lines` (委托代理人（签字）…).
           */
          person: z.object({ when: z.string(), lines: z.array(z.string()) }).optional(),
        }),
      )
      .length(2),
  }),
]);

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: z.string(),
  /** Other titles for the same clauses: the first whose `when` holds (临时供用电合同 for a temporary supply). */
  titles: z.array(z.object({ when: z.string(), title: z.string() })).optional(),
  /** `article`: 第一条, 第二条 … (contracts); `chapter`: 一、二、… (replies and work sheets). */
  numbering: z.enum(['article', 'chapter']),
  /**
   * Layout rules the template was written for. 1: as first shipped. 2: no template id on the page (校验码 in the
   * footer, id and version in the metadata and the QR code), headings kept with two lines, the signature block
   * kept with the last clause, placeholders joined to Chinese text without spaces, numbers glued to units, the
   * seal circle only where a seal goes. 3: as 2, and table columns as wide as their content needs with cells
   * broken only between words (never inside a word nor between a number and its unit), and the text before a
   * table kept with its header and first row rather than the whole section. 4: as 3, and a phrase in a table
   * cell broken only between the words ICU finds in it (Intl.Segmenter), and the 产权分界示意图's labels placed
   * from their measured widths, each on one line (shrunk when needed), none over another. 5: as 4, and body text
   * broken into lines by us, not pdfkit (layout/lineBreaks.ts): a number never parts from its unit, a date stays
   * whole, codes and ratios ("PT 10000/100") stay whole in body and cells, kinsoku for Chinese marks; and one
   * spacing rule for template text and filled-in values alike (typography.ts `spaceText`). 6: as 5, and the
   * page breaks in body text chosen by us (layout/pageBreaks.ts): no paragraph leaves its last line alone at the
   * top of a page nor its first line alone at the foot of one, a heading keeps its text up to where the section
   * may first break. A version's layout never changes, so its documents keep their bytes.
   */
  layout: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]).default(1),
  blocks: z.array(blockSchema),
});

export type DocumentTemplate = z.infer<typeof templateSchema>;
export type LayoutVersion = DocumentTemplate['layout'];
export type TemplateBlock = z.infer<typeof blockSchema>;
export type Clause = z.infer<typeof clauseSchema>;
