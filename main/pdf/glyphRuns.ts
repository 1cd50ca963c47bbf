/**
 * Per-glyph font fallback: a string becomes runs of consecutive characters that the same font can draw, taking
 * the first font of the chain that has a glyph. A rare name character (䶮, 𠀾) missing from a configured system
 * font thus prints from the bundled face instead of as an empty box.
 */
import type { LoadedFont } from './fonts';

export interface TextRun {
  text: string;
  font: LoadedFont;
}

/** No font of the chain can draw a character: refuse rather than print an empty box in a contract. */
export class MissingGlyphError extends Error {
  constructor(readonly char: string) {
    const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    super(`字符“${char}”（U+${code}）在所有文书字体中都没有字形，无法打印。请在设置中配置包含该字的字体后重新生成。`);
    this.name = 'MissingGlyphError';
  }
}

// Layout characters every face handles through its notdef-free paths, or that pdfkit never draws.
const CONTROL = /[\n\r\t\u200b]/u;

function fontFor(char: string, fonts: readonly LoadedFont[]): LoadedFont {
  if (CONTROL.test(char)) return fonts[0]!;
  const cp = char.codePointAt(0)!;
  const font = fonts.find((f) => f.font.hasGlyphForCodePoint(cp));
  if (!font) throw new MissingGlyphError(char);
  return font;
}

export function splitRuns(text: string, fonts: readonly LoadedFont[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const font = fontFor(char, fonts);
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}
