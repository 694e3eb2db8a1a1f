/**
 * Text normalisation shared by search indexing, search queries and duplicate detection.
 * Case- and accent-insensitive in every script; Arabic letter variants folded; CJK split into
 * single characters so that word-less scripts can be searched with an ordinary tokenizer.
 */

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const CJK_G = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af])/gu;

export function foldText(input: string): string {
  return (
    input
      .normalize("NFKD")
      // combining marks: Latin accents, Arabic harakat, etc.
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      // Arabic: alef variants, alef maqsura, ta marbuta, tatweel
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u0640/g, "")
      .replace(/ß/g, "ss")
      // Latin letters that carry no combining mark: Vietnamese đ, Nordic ø, Polish ł, Turkish ı…
      .replace(/[đð]/g, "d")
      .replace(/ø/g, "o")
      .replace(/ł/g, "l")
      .replace(/ı/g, "i")
      .replace(/æ/g, "ae")
      .replace(/œ/g, "oe")
      .replace(/þ/g, "th")
      .replace(/[’'`]/g, "")
  );
}

/** Text as stored in the search index. */
export function searchDocument(parts: Array<string | null | undefined>): string {
  return foldText(parts.filter(Boolean).join(" "))
    .replace(CJK_G, " $1 ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A query as a list of terms; each CJK run becomes a phrase of single characters. */
export function searchTerms(query: string): Array<{ kind: "prefix" | "phrase"; tokens: string[] }> {
  const folded = foldText(query).slice(0, 200);
  const out: Array<{ kind: "prefix" | "phrase"; tokens: string[] }> = [];
  for (const word of folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    if (CJK.test(word)) {
      const pieces = word.replace(CJK_G, " $1 ").split(/\s+/).filter(Boolean);
      out.push({ kind: "phrase", tokens: pieces });
    } else {
      out.push({ kind: "prefix", tokens: [word] });
    }
    if (out.length >= 12) break;
  }
  return out;
}

/** Normalised name used to detect duplicates: folded, punctuation and legal-form noise removed. */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(CJK_G, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\b(the|of|and|for|inc|ltd|llc|co|foundation)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function websiteDomain(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
    return u.hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

export function normalizeEmail(email: string | null | undefined): string | null {
  return email ? email.trim().toLowerCase() : null;
}

const SIMILARITY_STOP = new Set(
  "the and for with that this from should their have been into than they them also such which where while shall must could would will more most other these those about between each very only every over under all any its our your".split(
    " ",
  ),
);

/**
 * The significant words of a text for "similar" look-ups: folded, four letters or more, common
 * English function words left out. The same function counts words when documents are indexed and
 * reads the query, so both sides agree.
 */
export function similarityWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !SIMILARITY_STOP.has(w));
}
