/**
 * 脱敏 masking of identity numbers and phones in lists and search results (the detail view shows full values
 * to roles that need them). Pure, so the UI and the CLI mask the same way.
 */

function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** 3201**********1234: region prefix and last four kept. */
export function maskIdNumber(value: string): string {
  return keepEnds(value, 4, 4);
}

/** 138****5678 for mobiles; other numbers keep their first three and last four characters. */
export function maskPhone(value: string): string {
  return keepEnds(value, 3, 4);
}
