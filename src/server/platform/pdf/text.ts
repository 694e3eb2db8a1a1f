/**
 * Multilingual text layout on top of pdfkit.
 *
 * pdfkit lays a string out with a single font and never reorders right-to-left text, so this module does
 * the work itself, per paragraph:
 *
 * 1. bidi embedding levels for the whole (logical) paragraph (Unicode bidi algorithm, bidi-js);
 * 2. a font for every character from its script (Arabic, CJK, else Latin/Cyrillic); characters without a
 *    script of their own (spaces, digits, punctuation) take the script of the text before them, and any
 *    character the chosen font lacks falls back to a font that has it;
 * 3. line breaking on the logical text (UAX #14 break opportunities, widths measured with the shaped
 *    glyphs), hard-splitting words that are wider than a line;
 * 4. per line, visual reordering (bidi rule L2, trailing whitespace dropped), then grouping into runs of one
 *    font and one embedding level. Each run is shaped by fontkit as a whole; fontkit itself reverses runs of
 *    right-to-left script (Arabic), so such runs are given in logical order (which keeps the letters joined)
 *    and every other run in the order it must appear.
 */
import bidiFactory, { type EmbeddingLevels } from "bidi-js";
import LineBreaker from "linebreak";
import { type FontKey, getFont, SCRIPTS, type Script, type Weight } from "./fonts.ts";

const bidi = bidiFactory();

export type Dir = "ltr" | "rtl";
/** start/end follow the block's direction; left/right are physical. */
export type Align = "start" | "end" | "center" | "left" | "right";

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
  /** Multiplies the default line height. */
  leading?: number;
  /**
   * Size lines as if text in these scripts were present too, so that blocks side by side (table cells)
   * share line height and baseline whatever their own scripts.
   */
  scripts?: Iterable<Script>;
}

export interface TextContext {
  /** Base (paragraph) direction. */
  dir: Dir;
  /** Script for text that has no letters at all (e.g. "2020 – 2021"). */
  script: Script;
  /**
   * Take each paragraph's bidi direction from its first strong character (`dir` when it has none), e.g. for a
   * Latin name or "3 h 20 min" in an Arabic table. Alignment ("start"/"end") still follows `dir`.
   */
  auto?: boolean;
}

/** A piece of one line in one font, ready for pdfkit: draw `text` at the pen position, then advance by `width`. */
export interface PlacedRun {
  text: string;
  font: FontKey;
  width: number;
}

export interface TextLine {
  /** Left to right. */
  runs: PlacedRun[];
  width: number;
  /**
   * The line's text in logical order, for lines with right-to-left text: written as the /ActualText of the
   * line so that copying or extracting it gives the real characters in reading order, rather than the
   * shaped glyphs in visual order.
   */
  actualText?: string;
}

export interface TextBlock {
  lines: TextLine[];
  size: number;
  color: string;
  dir: Dir;
  lineHeight: number;
  /** Distance from the top of a line to its baseline. */
  ascent: number;
  height: number;
  /** Width of the widest line. */
  width: number;
}

// Line metrics per script, in em. Noto Sans Arabic needs room for marks above and below the letters.
const METRICS: Record<Script, { ascent: number; descent: number; height: number }> = {
  latin: { ascent: 0.95, descent: 0.28, height: 1.38 },
  arabic: { ascent: 1.05, descent: 0.55, height: 1.7 },
  cjk: { ascent: 0.9, descent: 0.16, height: 1.5 },
};

const LETTER = /[\p{L}\p{M}]/u;

/** The script whose font should draw this code point, or null for characters that belong to no script. */
export function scriptOf(cp: number): Script | null {
  if (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x0870 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfefc)
  ) {
    return "arabic";
  }
  if (
    (cp >= 0x2e80 && cp <= 0x2fff) ||
    (cp >= 0x3000 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  ) {
    return "cjk";
  }
  if (cp >= 0x41 && LETTER.test(String.fromCodePoint(cp))) return "latin";
  return null;
}

/** Scripts (by font) that occur in the texts. */
export function scriptsIn(texts: Iterable<string>): Set<Script> {
  const found = new Set<Script>();
  for (const text of texts) {
    for (const ch of text) {
      const script = scriptOf(ch.codePointAt(0)!);
      if (script) found.add(script);
    }
  }
  return found;
}

/** Formatting characters that steer the bidi algorithm or line breaking but draw nothing. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x061c ||
    cp === 0x200b ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

/** Direction of the first strong character (rule P2, isolates not skipped), or null. */
function firstStrong(text: string): Dir | null {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === "L") return "ltr";
    if (type === "R" || type === "AL") return "rtl";
  }
  return null;
}

function fontFor(script: Script, weight: Weight): FontKey {
  return `${script}-${weight}`;
}

// ---- measuring -------------------------------------------------------------------------------------------

interface Shaped {
  /** Advance width in em. */
  em: number;
  /** Whether fontkit reverses this string (its first script is right-to-left). */
  rtl: boolean;
}

const shapeCache = new Map<string, Shaped>();
const SHAPE_CACHE_MAX = 20_000;

function shape(key: FontKey, text: string): Shaped {
  const cacheKey = key + "\u0000" + text;
  let shaped = shapeCache.get(cacheKey);
  if (!shaped) {
    const font = getFont(key);
    // An explicit (empty) feature list makes pdfkit shape a whole run at once too (see `drawText`).
    const run = font.layout(text, []);
    shaped = { em: run.advanceWidth / font.unitsPerEm, rtl: run.direction === "rtl" };
    if (shapeCache.size >= SHAPE_CACHE_MAX) shapeCache.clear();
    shapeCache.set(cacheKey, shaped);
  }
  return shaped;
}

// ---- paragraphs ------------------------------------------------------------------------------------------

interface Paragraph {
  text: string;
  embedding: EmbeddingLevels;
  /** Font per UTF-16 code unit; null for characters that are not drawn. */
  fonts: Array<FontKey | null>;
}

function analyse(text: string, weight: Weight, ctx: TextContext, used: Set<Script>): Paragraph {
  const n = text.length;
  const scripts: Array<Script | null> = new Array(n).fill(null);
  const invisible: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const script = scriptOf(cp);
    const hidden = isInvisible(cp);
    for (let k = 0; k < width; k++) {
      scripts[i + k] = script;
      invisible[i + k] = hidden;
    }
    i += width;
  }
  // Characters of no script take the script before them, or failing that the one after them.
  const resolved: Array<Script | null> = new Array(n).fill(null);
  let previous: Script | null = null;
  for (let i = 0; i < n; i++) {
    if (scripts[i]) previous = scripts[i];
    resolved[i] = scripts[i] ?? previous;
  }
  let next: Script | null = null;
  for (let i = n - 1; i >= 0; i--) {
    if (scripts[i]) next = scripts[i];
    if (!resolved[i]) resolved[i] = next ?? ctx.script;
  }
  const fonts: Array<FontKey | null> = new Array(n).fill(null);
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let key: FontKey | null = null;
    if (!invisible[i]) {
      key = fontFor(resolved[i]!, weight);
      if (!getFont(key).hasGlyphForCodePoint(cp)) {
        const alternative = SCRIPTS.map((s) => fontFor(s, weight)).find((k) =>
          getFont(k).hasGlyphForCodePoint(cp),
        );
        if (alternative) key = alternative;
        else if (cp === 0x200c || cp === 0x200d) key = null; // joiners no font draws: drop them
      }
    }
    if (key) used.add(key.slice(0, key.indexOf("-")) as Script);
    for (let k = 0; k < width; k++) fonts[i + k] = key;
    i += width;
  }
  const embedding = bidi.getEmbeddingLevels(text, (ctx.auto && firstStrong(text)) || ctx.dir);
  // bidi-js works on code units: keep both halves of a surrogate pair on one level.
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) embedding.levels[i] = embedding.levels[i - 1];
  }
  return { text, embedding, fonts };
}

/** Width in points of the logical range [from, to), each font run shaped separately. */
function measure(p: Paragraph, from: number, to: number, size: number): number {
  let em = 0;
  let key: FontKey | null = null;
  let buffer = "";
  for (let i = from; i < to; i++) {
    const k = p.fonts[i];
    if (!k) continue;
    if (k !== key) {
      if (key && buffer) em += shape(key, buffer).em;
      key = k;
      buffer = "";
    }
    buffer += p.text[i];
  }
  if (key && buffer) em += shape(key, buffer).em;
  return em * size;
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x3000 || code === 0xa0 || code === 0x200b || (code >= 0x2000 && code <= 0x200a)
  );
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

/** Index just after the longest prefix of [from, to) that fits (at least one code point). */
function fitPrefix(p: Paragraph, from: number, to: number, size: number, maxWidth: number): number {
  const stops: number[] = [];
  for (let i = from; i < to; ) {
    const cp = p.text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    // Do not separate a base character from the combining marks after it.
    const nextCp = i < to ? p.text.codePointAt(i)! : 0;
    if (i === to || !/\p{M}/u.test(String.fromCodePoint(nextCp))) stops.push(i);
  }
  let lo = 0;
  let hi = stops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(p, from, stops[mid], size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return stops[lo];
}

/** Logical [start, end) ranges of the lines of a paragraph. */
function breakLines(p: Paragraph, size: number, maxWidth: number): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  const breaker = new LineBreaker(p.text);
  let lineStart = 0;
  let lineWidth = 0;
  let segStart = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const segEnd = bk.position;
    if (segEnd <= segStart) continue;
    const inkEnd = trimEnd(p.text, segStart, segEnd);
    const inkWidth = measure(p, segStart, inkEnd, size);
    if (segStart > lineStart && lineWidth + inkWidth > maxWidth) {
      lines.push([lineStart, segStart]);
      lineStart = segStart;
      lineWidth = 0;
    }
    if (segStart === lineStart && inkWidth > maxWidth) {
      let from = segStart;
      while (from < inkEnd && measure(p, from, inkEnd, size) > maxWidth) {
        const cut = fitPrefix(p, from, inkEnd, size, maxWidth);
        lines.push([from, cut]);
        from = cut;
      }
      lineStart = from;
      lineWidth = measure(p, from, segEnd, size);
    } else {
      lineWidth += measure(p, segStart, segEnd, size);
    }
    if (bk.required && segEnd < p.text.length) {
      lines.push([lineStart, segEnd]);
      lineStart = segEnd;
      lineWidth = 0;
    }
    segStart = segEnd;
  }
  if (lineStart < p.text.length || lines.length === 0) lines.push([lineStart, p.text.length]);
  return lines;
}

function reverseCodePoints(text: string): string {
  return Array.from(text).reverse().join("");
}

/** Visual runs of one line (logical range [from, to)). */
function buildLine(p: Paragraph, from: number, to: number, size: number): TextLine {
  const end = trimEnd(p.text, from, to);
  if (end <= from) return { runs: [], width: 0 };
  const levels = p.embedding.levels;
  const order = bidi.getReorderedIndices(p.text, p.embedding, from, end - 1).slice(from, end);
  const mirrored = bidi.getMirroredCharactersMap(p.text, levels, from, end - 1);

  const groups: Array<{ key: FontKey; level: number; indices: number[] }> = [];
  const adjacent = (prev: number, cur: number, level: number) => {
    const step = level % 2 ? -1 : 1;
    let j = prev + step;
    while (j !== cur && j >= from && j < end && p.fonts[j] === null) j += step;
    return j === cur;
  };
  for (const i of order) {
    const key = p.fonts[i];
    if (!key) continue;
    const level = levels[i];
    const group = groups[groups.length - 1];
    if (group && group.key === key && group.level === level && adjacent(group.indices.at(-1)!, i, level)) {
      group.indices.push(i);
    } else {
      groups.push({ key, level, indices: [i] });
    }
  }

  const runs: PlacedRun[] = [];
  let width = 0;
  let rightToLeft = false;
  for (const group of groups) {
    if (group.level % 2 === 1 || group.key.startsWith("arabic")) rightToLeft = true;
    const logical = group.indices
      .slice()
      .sort((a, b) => a - b)
      .map((i) => mirrored.get(i) ?? p.text[i])
      .join("");
    const rtlLevel = group.level % 2 === 1;
    // fontkit reverses right-to-left scripts itself: hand it the order that comes out right.
    const text = shape(group.key, logical).rtl === rtlLevel ? logical : reverseCodePoints(logical);
    const runWidth = shape(group.key, text).em * size;
    runs.push({ text, font: group.key, width: runWidth });
    width += runWidth;
  }
  if (!rightToLeft) return { runs, width };
  let actualText = "";
  for (let i = from; i < end; i++) if (p.fonts[i]) actualText += p.text[i];
  return { runs, width, actualText };
}

/** Lays text out in lines no wider than `maxWidth` points. Newlines start new paragraphs. */
export function layoutText(text: string, style: TextStyle, ctx: TextContext, maxWidth: number): TextBlock {
  const size = style.size;
  const weight = style.weight ?? "regular";
  const used = new Set<Script>();
  const lines: TextLine[] = [];
  const paragraphs = text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").split("\n");
  for (const paragraph of paragraphs) {
    if (!paragraph.trim()) {
      lines.push({ runs: [], width: 0 });
      continue;
    }
    const p = analyse(paragraph, weight, ctx, used);
    for (const [from, to] of breakLines(p, size, maxWidth)) lines.push(buildLine(p, from, to, size));
  }
  for (const script of style.scripts ?? []) used.add(script);
  if (used.size === 0) used.add(ctx.script);
  const metrics = [...used].map((s) => METRICS[s]);
  const ascentEm = Math.max(...metrics.map((m) => m.ascent));
  const descentEm = Math.max(...metrics.map((m) => m.descent));
  const heightEm = Math.max(...metrics.map((m) => m.height)) * (style.leading ?? 1);
  const lineHeight = heightEm * size;
  const ascent = (ascentEm + Math.max(0, heightEm - ascentEm - descentEm) / 2) * size;
  return {
    lines,
    size,
    color: style.color ?? "#000000",
    dir: ctx.dir,
    lineHeight,
    ascent,
    height: lines.length * lineHeight,
    width: Math.max(0, ...lines.map((l) => l.width)),
  };
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<FontKey>>();

/** Selects one of our fonts, registering it with this document on first use. */
export function useFont(doc: PDFKit.PDFDocument, key: FontKey): void {
  let keys = registered.get(doc);
  if (!keys) {
    keys = new Set();
    registered.set(doc, keys);
  }
  if (!keys.has(key)) {
    // pdfkit takes an already parsed fontkit font as well as bytes (its types only list the latter), so the
    // cached parse is reused by every document.
    doc.registerFont(key, getFont(key) as unknown as Buffer);
    keys.add(key);
  }
  doc.font(key);
}

function resolveAlign(align: Align, dir: Dir): "left" | "right" | "center" {
  if (align === "center" || align === "left" || align === "right") return align;
  return (align === "start") === (dir === "ltr") ? "left" : "right";
}

/** Draws a laid-out block with its top-left corner at (x, y) in a box `width` wide. Returns its height. */
export function drawText(
  doc: PDFKit.PDFDocument,
  block: TextBlock,
  x: number,
  y: number,
  width: number,
  align: Align = "start",
): number {
  const side = resolveAlign(align, block.dir);
  let baseline = y + block.ascent;
  doc.fillColor(block.color);
  for (const line of block.lines) {
    let pen = side === "left" ? x : side === "right" ? x + width - line.width : x + (width - line.width) / 2;
    if (line.actualText) doc.markContent("Span", { actual: line.actualText });
    for (const run of line.runs) {
      useFont(doc, run.font);
      doc.fontSize(block.size);
      // `features: []` makes pdfkit shape the run in one piece; without it pdfkit shapes word by word and
      // puts the words of an Arabic run in logical (left-to-right) order.
      doc.text(run.text, pen, baseline, { lineBreak: false, baseline: "alphabetic", features: [] });
      pen += run.width;
    }
    if (line.actualText) doc.endMarkedContent();
    baseline += block.lineHeight;
  }
  return block.height;
}

/** Lays out and draws in one go; returns the height used. */
export function writeText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  ctx: TextContext,
  box: { x: number; y: number; width: number; align?: Align },
): number {
  const block = layoutText(text, style, ctx, box.width);
  return drawText(doc, block, box.x, box.y, box.width, box.align);
}
