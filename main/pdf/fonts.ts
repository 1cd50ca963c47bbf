/**
 * Fonts for generated documents. Each font file is parsed once per process with fontkit and the parsed font is
 * handed to pdfkit (registering a path would re-parse a 24 MB font for every document: 2–4× slower).
 * A configured system font (e.g. Windows 宋体 simsun.ttc) may replace the bundled body or heading face; the
 * bundled faces always stay in the chain so a character the system font lacks still prints (per glyph).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { resourceDir } from './resourceDir';

export interface LoadedFont {
  /** Name under which the font is registered in each pdfkit document. */
  key: string;
  font: fontkit.Font;
}

/** A face in a font file; a collection (.ttc) needs the PostScript name of the face, e.g. `SimSun`. */
export interface FontFace {
  file: string;
  postscriptName?: string;
}

export interface FontConfig {
  body?: FontFace;
  heading?: FontFace;
}

/** Fonts of one document: each chain is tried in order, character by character. */
export interface FontSet {
  body: LoadedFont[];
  heading: LoadedFont[];
}

const bundled = (file: string): FontFace => ({ file: path.join(resourceDir(), 'fonts', file) });

const parsed = new Map<string, LoadedFont>();

/** A configured font that cannot be used; the message says which setting to fix. */
export class FontLoadError extends Error {
  override name = 'FontLoadError';
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * Layout without OpenType shaping: glyphs straight from the cmap with their advance widths. Han text needs no
 * ligatures, contextual forms or kerning, and the chained-context GSUB lookups of the Noto CJK faces took over
 * half of the time of a 4-page contract (measured with --cpu-prof, 2026-11-29).
 */
function unshapedLayout(font: fontkit.Font) {
  return (text: string) => {
    const glyphs = font.glyphsForString(text);
    const positions: Position[] = glyphs.map((g) => ({
      xAdvance: g.advanceWidth,
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }));
    return {
      glyphs,
      positions,
      // A getter: pdfkit scales the positions after the call and reads the total afterwards.
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
}

interface CffSubsetInternals {
  cff: { stream: { buffer: Uint8Array } };
  subsetSubrs(subrs: { offset: number; length: number }[], used: Record<number, boolean>): Uint8Array[];
}

const RETURN_ONLY = new Uint8Array([11]); // a Type 2 charstring `return`

/**
 * fontkit 2.0.4 (pinned) keeps every subroutine index entry of a CFF subset: used ones are copied out of the
 * font, each unused one becomes a freshly allocated one-byte `return`. Noto CJK has about 3,000 subroutines
 * per font dictionary, so that loop took about 40 % of the time of a 4-page contract. The same entries as
 * views into the font buffer and one shared stub give byte-identical output (checked by the byte-identity
 * and reference-image tests) in half the time: p50 110 → 65 ms on the build machine.
 */
function withSharedSubrStubs<T extends object>(subset: T): T {
  const internals = subset as unknown as CffSubsetInternals;
  if (typeof internals.subsetSubrs !== 'function') return subset;
  internals.subsetSubrs = function (subrs, used) {
    const buffer = this.cff.stream.buffer;
    return subrs.map((s, i) => (used[i] ? buffer.subarray(s.offset, s.offset + s.length) : RETURN_ONLY));
  };
  return subset;
}

/** The parsed font as pdfkit sees it: every property forwarded, except `layout` and `createSubset`. */
function withUnshapedLayout(font: fontkit.Font): fontkit.Font {
  const layout = unshapedLayout(font);
  const createSubset = () => withSharedSubrStubs(font.createSubset());
  return new Proxy(font, {
    get: (target, prop) =>
      prop === 'layout' ? layout : prop === 'createSubset' ? createSubset : Reflect.get(target, prop, target),
  });
}

function load(face: FontFace): LoadedFont {
  const id = `${face.file}#${face.postscriptName ?? ''}`;
  const cached = parsed.get(id);
  if (cached) return cached;
  if (!fs.existsSync(face.file)) throw new FontLoadError(`字体文件不存在：${face.file}，请检查“文书字体”设置。`);
  const opened = fontkit.openSync(face.file, face.postscriptName);
  if (!('layout' in opened)) {
    throw new Error(`字体文件 ${face.file} 是字体集合，请同时设置字体的 PostScript 名称（例如 SimSun）。`);
  }
  // fontkit keeps one glyph object per glyph id, with the code point that first reached it, and pdfkit's
  // ToUnicode map prints that code point: the faces draw U+00A0 (the no-break space glued between a number and
  // its unit) with the space glyph, so a process whose first document printed a no-break space before any space
  // wrote U+00A0 for every space of every later document, and a 副本 lost its bytes. The space comes first.
  opened.glyphForCodePoint(0x20);
  const loaded = { key: `F${parsed.size}-${opened.postscriptName}`, font: withUnshapedLayout(opened) };
  parsed.set(id, loaded);
  return loaded;
}

function chain(first: FontFace | undefined, ...rest: FontFace[]): LoadedFont[] {
  const faces = first ? [first, ...rest] : rest;
  const fonts = faces.map(load);
  return fonts.filter((f, i) => fonts.indexOf(f) === i);
}

/** Body: configured face, then bundled serif, then bundled sans; headings: configured, bundled sans, serif. */
export function loadFontSet(config: FontConfig = {}): FontSet {
  return {
    body: chain(config.body, bundled('NotoSerifCJKsc-Regular.otf'), bundled('NotoSansCJKsc-Bold.otf')),
    heading: chain(config.heading, bundled('NotoSansCJKsc-Bold.otf'), bundled('NotoSerifCJKsc-Regular.otf')),
  };
}
