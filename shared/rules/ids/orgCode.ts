/**
 * 组织机构代码 check character (GB 11714-1997, REFERENCE.md §5.1.4): also positions 9–17 of a credit code.
 * Letter values A=10 … Z=35; weights 3,7,9,10,5,8,4,2; c = 11 − (S mod 11), 10 → X, 11 → 0.
 */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function charValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** The check character for an 8-character body, or undefined when the body has other characters. */
export function orgCodeCheckChar(body: string): string | undefined {
  if (body.length !== 8) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = charValue(body[i] as string);
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Whether a 9-character organisation code passes its check. */
export function isValidOrgCode(code: string): boolean {
  return code.length === 9 && orgCodeCheckChar(code.slice(0, 8)) === code[8];
}
