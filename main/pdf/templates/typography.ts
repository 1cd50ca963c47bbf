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

/** A Latin unit after a number: one space before it ("2630 kVA", "10 kV", "3×1.5(6) A"). */
const LATIN_UNIT = /([\d)])[ \u00a0]*(kVA|kvar|kWh|kW|kV|Hz|V|A)(?![A-Za-z])/g;
/** Spaces between a Han character or Chinese mark and a number or Latin word, either way round. */
const HAN_THEN_LATIN = new RegExp(`(${CJK})[ \\u00a0]+(?=[0-9A-Za-z(±#])`, 'gu');
const LATIN_THEN_HAN = new RegExp(`([0-9A-Za-z)%#])[ \\u00a0]+(?=${CJK})`, 'gu');
/** A space between two Han characters or marks is a stray one ("以 交流"). */
const HAN_SPACE_HAN = new RegExp(`(${CJK})[ \\u00a0]+(?=${CJK})`, 'gu');
/** No space before %, ‰ or ℃. */
const BEFORE_SIGN = /[ \u00a0]+(?=[%‰℃])/g;

/**
 * Layout 5's one spacing rule, for the template's own text and filled-in values alike: no space between Chinese
 * text and a number or Latin word ("不低于0.95", "为2630 kVA"), nor between two Chinese characters; one space between a number and a Latin unit
 * ("2630 kVA", "10 kV"); none before %, ℃, 元 or a Chinese unit ("95%", "2 台" → "2台"). Spaces between
 * numbers ("3305 0161 6200") and between Latin words stay.
 */
export function spaceText(text: string): string {
  return text
    .replace(HAN_SPACE_HAN, '$1')
    .replace(HAN_THEN_LATIN, '$1')
    .replace(LATIN_THEN_HAN, '$1')
    .replace(BEFORE_SIGN, '')
    .replace(LATIN_UNIT, '$1 $2');
}

/** A filled-in value or cell as the layout prints it: layout 2 glues units, layout 5 applies `spaceText` first. */
export function typeset(text: string, layout: number): string {
  return glueUnits(layout >= 5 ? spaceText(text) : text);
}
