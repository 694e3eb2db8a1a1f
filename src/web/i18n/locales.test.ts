import { describe, expect, it } from "vitest";
import { BREAKOUT_ISSUE_CODES } from "../../shared/breakouts.ts";
import ar from "./locales/ar.json";
import en from "./locales/en.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";
import ru from "./locales/ru.json";
import zh from "./locales/zh.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

/** i18next plural suffixes differ per language (Arabic has six forms, Chinese one). */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, "");
const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const reference = flatten(en as Tree);
const others = { ar, es, fr, ru, zh } as Record<string, Tree>;

describe("locale files", () => {
  it("English has no empty strings", () => {
    for (const [k, v] of reference) expect(typeof v === "string" && v.trim().length > 0, k).toBe(true);
  });

  for (const [lang, tree] of Object.entries(others)) {
    describe(lang, () => {
      const keys = flatten(tree);
      const baseKeys = new Set([...keys.keys()].map(base));
      const refBase = new Set([...reference.keys()].map(base));

      it("has every English key, non-empty", () => {
        const missing: string[] = [];
        for (const k of reference.keys()) {
          if (PLURAL.test(k)) {
            if (!baseKeys.has(base(k))) missing.push(k);
            continue;
          }
          const v = keys.get(k);
          if (typeof v !== "string" || v.trim() === "") missing.push(k);
        }
        expect(missing).toEqual([]);
      });

      it("has no extra keys", () => {
        const extra = [...keys.keys()].filter(
          (k) => !reference.has(k) && !(PLURAL.test(k) && refBase.has(base(k))),
        );
        expect(extra).toEqual([]);
      });

      it("keeps the same placeholders", () => {
        const wrong: string[] = [];
        for (const [k, v] of keys) {
          const refKey = reference.has(k) ? k : [...reference.keys()].find((r) => base(r) === base(k));
          if (!refKey) continue;
          if (placeholders(v).join() !== placeholders(reference.get(refKey)).join() && !PLURAL.test(k))
            wrong.push(k);
          if (typeof v !== "string" || v.trim() === "") wrong.push(k);
        }
        expect(wrong).toEqual([]);
      });
    });
  }
});

/** The breakouts page translates each unmet constraint by its code (`breakouts.issues.<code>`). */
describe("breakout issue codes", () => {
  const all = { ar, en, es, fr, ru, zh } as Record<string, Tree>;
  for (const [lang, tree] of Object.entries(all))
    it(`${lang} has a text for every code`, () => {
      const keys = flatten(tree);
      const missing = BREAKOUT_ISSUE_CODES.filter((code) => {
        const v = keys.get(`breakouts.issues.${code}`);
        return typeof v !== "string" || v.trim() === "";
      });
      expect(missing).toEqual([]);
    });

  it("has no code that i18next would read as a plural form", () => {
    expect(BREAKOUT_ISSUE_CODES.filter((code) => PLURAL.test(code))).toEqual([]);
  });
});
