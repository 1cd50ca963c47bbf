/**
 * Typesetting rules of templates with `layout: 2`: a filled-in value joins the Chinese text around it without a
 * space ("以交流 220 V电压", not "以 交流 220 V 电压"), and a number never parts from its unit at a line end
 * ("6050 kVA" is glued with a no-break space). Older template versions keep their spacing, so documents signed
 * under them still regenerate byte for byte.
 */

/** Han characters and CJK punctuation (、。，；：（）“”…). */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d]';
const BEFORE_PLACEHOLDER = new RegExp(`(${CJK}) +(?=\\{\\{)`, 'gu');
const AFTER_PLACEHOLDER = new RegExp(`(\\}\\}) +(?=${CJK})`, 'gu');

/** Drops the template's spaces between a placeholder and the Chinese text next to it. */
export function trimAroundPlaceholders(template: string): string {
  return template.replace(BEFORE_PLACEHOLDER, '$1').replace(AFTER_PLACEHOLDER, '$1');
}

/**
 * Units written after a number (or a rating's closing bracket, "1.5(6) A") with a space; "kVA" before "kV" and
 * "kW" so the longer one wins.
 */
const UNIT_AFTER_NUMBER = /([\d)]) (kVA|kvar|kW|kV|Hz|V|A|%|‰)(?![A-Za-z])/g;
const NO_BREAK_SPACE = '\u00a0';

export function glueUnits(text: string): string {
  return text.replace(UNIT_AFTER_NUMBER, `$1${NO_BREAK_SPACE}$2`);
}
