import { readFileSync } from "node:fs";
import { LOCALES, type Locale } from "../../../shared/schemas/common.ts";

/**
 * The web app's own labels (src/web/i18n/locales), for files the server makes of what a screen
 * shows — e.g. the applicants export, whose headers and values are the table's — so that the two
 * always say the same thing in the same six languages. Read once per language, on first use.
 */
const catalogs = new Map<Locale, Record<string, unknown>>();

function catalog(asked: string): Record<string, unknown> {
  // Only the six files: a locale is the caller's own setting, never a path.
  const lang: Locale = (LOCALES as readonly string[]).includes(asked) ? (asked as Locale) : "en";
  let c = catalogs.get(lang);
  if (!c) {
    c = JSON.parse(
      readFileSync(new URL(`../../../web/i18n/locales/${lang}.json`, import.meta.url), "utf8"),
    ) as Record<string, unknown>;
    catalogs.set(lang, c);
  }
  return c;
}

const lookup = (c: Record<string, unknown>, key: string): string | undefined => {
  let v: unknown = c;
  for (const part of key.split(".")) v = v && typeof v === "object" ? (v as any)[part] : undefined;
  return typeof v === "string" ? v : undefined;
};

/**
 * A web label by its dotted key, in `lang` or else in English; `otherwise` (the key itself by
 * default) if neither has it, e.g. a gender typed freely.
 */
export function webLabel(lang: string, key: string, otherwise = key): string {
  return lookup(catalog(lang), key) ?? lookup(catalog("en"), key) ?? otherwise;
}
