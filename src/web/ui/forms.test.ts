import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../shared/schemas/common.ts";
import type { FieldError } from "../api.ts";
import ar from "../i18n/locales/ar.json";
import en from "../i18n/locales/en.json";
import es from "../i18n/locales/es.json";
import fr from "../i18n/locales/fr.json";
import ru from "../i18n/locales/ru.json";
import zh from "../i18n/locales/zh.json";
import { fieldMessage } from "./forms.tsx";

const resources = { ar, en, es, fr, ru, zh };

describe("field errors in the reader's language", () => {
  const errors: FieldError[] = [
    { path: "type", message: "Invalid input", rule: { code: "required" } },
    { path: "acronym", message: "Too big", rule: { code: "too_big", origin: "string", maximum: 30 } },
    { path: "birthYear", message: "Too small", rule: { code: "too_small", origin: "number", minimum: 1900 } },
    { path: "languages", message: "Too big", rule: { code: "too_big", origin: "array", maximum: 6 } },
    { path: "email", message: "Invalid email", rule: { code: "invalid_format", format: "email" } },
    { path: "website", message: "Invalid URL", rule: { code: "invalid_format", format: "url" } },
    { path: "date", message: "Invalid date", rule: { code: "invalid_format", format: "date" } },
    { path: "ecosoc", message: "Invalid option", rule: { code: "invalid_value" } },
    { path: "x", message: "Custom", rule: { code: "other" } },
  ];

  it.each(LOCALES)("words every rule in %s, with its number", async (lng) => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      resources: Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, { translation: v }])),
      interpolation: { escapeValue: false },
    });
    const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o ?? {}) as string;
    const texts = errors.map((f) => fieldMessage(f, t));
    for (const [i, text] of texts.entries()) {
      // A missing key would come back as the key itself; the English message must not leak through.
      expect(text, errors[i].path).not.toMatch(/^(validation|form)\./);
      if (lng !== "en") expect(text).not.toBe(errors[i].message);
    }
    expect(texts[1]).toContain("30");
    expect(texts[2]).toContain("1900");
    expect(texts[3]).toContain("6");
    if (lng === "en") expect(texts).toContain("Choose one of the options.");
  });

  it("shows an error without a rule as it is (forms translate their own checks)", () => {
    expect(fieldMessage({ path: "names", message: "Donnez le nom" }, (k) => k)).toBe("Donnez le nom");
  });
});
