/**
 * Fonts for server-side PDFs. They ship inside npm packages (never system fonts) as whole TrueType files:
 *
 * - Latin, Cyrillic, Greek: Noto Sans (`@expo-google-fonts/noto-sans`)
 * - Arabic: Noto Sans Arabic (`@expo-google-fonts/noto-sans-arabic`)
 * - Simplified Chinese (all of CJK Unified Ideographs, not a GB2312 subset): Noto Sans SC
 *   (`@expo-google-fonts/noto-sans-sc`)
 *
 * Each file is parsed once with fontkit and the parsed font is kept for the life of the process; pdfkit
 * accepts a fontkit font object and only writes the glyphs that a document uses (subsetting).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

export type Script = "latin" | "arabic" | "cjk";
export type Weight = "regular" | "bold";
export type FontKey = `${Script}-${Weight}`;

export const SCRIPTS: readonly Script[] = ["latin", "arabic", "cjk"];
export const WEIGHTS: readonly Weight[] = ["regular", "bold"];

const FILES: Record<FontKey, string> = {
  "latin-regular": "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  "latin-bold": "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  "arabic-regular": "@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
  "arabic-bold": "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
  "cjk-regular": "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  "cjk-bold": "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
};

const require_ = createRequire(import.meta.url);
const cache = new Map<FontKey, fontkit.Font>();

export function fontKey(script: Script, weight: Weight): FontKey {
  return `${script}-${weight}`;
}

/** Absolute path of a font file inside node_modules. */
export function fontPath(key: FontKey): string {
  return require_.resolve(FILES[key]);
}

/** The parsed font, loaded on first use and cached. */
export function getFont(key: FontKey): fontkit.Font {
  let font = cache.get(key);
  if (!font) {
    const parsed = fontkit.create(readFileSync(fontPath(key)));
    if (!("layout" in parsed)) throw new Error(`${FILES[key]} is a font collection, expected a single font`);
    font = parsed;
    cache.set(key, font);
  }
  return font;
}

/** PostScript names of the fonts, as they appear (after the subset tag) in a PDF's /BaseFont. */
export function postscriptName(key: FontKey): string {
  return getFont(key).postscriptName;
}
