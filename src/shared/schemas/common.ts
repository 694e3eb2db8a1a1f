import { z } from "zod";

export const LOCALES = ["ar", "en", "es", "fr", "ru", "zh"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const RTL_LOCALES: readonly Locale[] = ["ar"];

export const ROLES = ["admin", "secretariat", "state_focal_point", "bureau_member"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Iso3 = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code such as THA");

export const Id = z.string().uuid();

/** How a piece of text came to be in a language. */
export const TextOrigin = z.enum(["original", "human", "machine"]);
export const LocalizedText = z.record(
  z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/),
  z.object({ value: z.string().max(20000), origin: TextOrigin }),
);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Input form of localized text: plain strings per language. */
export const LocalizedInput = z
  .record(
    z.string().regex(/^[a-z]{2,3}$/, "must be a language code such as en"),
    z.string().trim().max(20000),
  )
  .refine((v) => Object.values(v).some((s) => s.length > 0), {
    message: "at least one language is required",
  });

/**
 * What a field broke, in a form a client can put into words in its own language (the field's
 * `message` stays in English, for API users and logs).
 */
export const FieldRule = z.object({
  code: z.enum([
    "required",
    "too_small",
    "too_big",
    "invalid_format",
    "invalid_value",
    "invalid_type",
    "other",
  ]),
  /** string, number, array…: what was too small or too big. */
  origin: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  /** email, url, regex…: the format expected. */
  format: z.string().optional(),
});
export type FieldRule = z.infer<typeof FieldRule>;

export const FieldError = z.object({ path: z.string(), message: z.string(), rule: FieldRule.optional() });
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  fields: z.array(FieldError).optional(),
});

export const Paging = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const Ok = z.object({ ok: z.literal(true) });

/** Picks the best text for a locale and says whether it is a fallback. */
export function pickText(
  text: LocalizedText | undefined,
  locale: string,
  original?: string,
): { value: string; lang: string; fallback: boolean; origin?: string } {
  if (!text) return { value: "", lang: locale, fallback: false };
  const exact = text[locale];
  if (exact?.value) return { value: exact.value, lang: locale, fallback: false, origin: exact.origin };
  const orig = original && text[original]?.value ? original : Object.keys(text).find((k) => text[k]?.value);
  if (!orig) return { value: "", lang: locale, fallback: false };
  return { value: text[orig].value, lang: orig, fallback: true, origin: text[orig].origin };
}
