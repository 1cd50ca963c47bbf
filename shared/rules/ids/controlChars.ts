/**
 * Invisible characters a name or address must not carry: C0/C1 controls and format characters (zero-width
 * spaces and joiners, bidi overrides that reorder what the clerk sees, the soft hyphen). They arrive by pasting
 * from other systems, print as nothing or as boxes, and make two equal-looking names differ. White space is left
 * to the boundary normalisation (shared/domain/normalize.ts), which collapses it to one space.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const SPACE = /\s/;

/** The first invisible character of `text`: its 1-based position and code point (U+XXXX); undefined if none. */
export function controlCharIn(text: string): { position: number; code: string } | undefined {
  // One scan for the usual clean text; the character walk only when something is there (it runs per keystroke).
  if (!INVISIBLE.test(text)) return undefined;
  let position = 0;
  for (const char of text) {
    position++;
    if (INVISIBLE.test(char) && !SPACE.test(char)) {
      return { position, code: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
    }
  }
  return undefined;
}
