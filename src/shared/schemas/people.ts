import { z } from "zod";
import { Iso3 } from "./common.ts";

export const PERSON_FIELDS = [
  "email",
  "title",
  "country",
  "languages",
  "expertise",
  "gender",
  "birthYear",
  "bio",
  "organizations",
] as const;
export const PersonField = z.enum(PERSON_FIELDS);
export const Visibility = z.enum(["public", "private"]);
export const VisibilityMap = z.partialRecord(PersonField, Visibility);

/** Fields private unless the person says otherwise. */
export const DEFAULT_VISIBILITY: Record<(typeof PERSON_FIELDS)[number], "public" | "private"> = {
  email: "private",
  title: "public",
  country: "public",
  languages: "public",
  expertise: "public",
  gender: "private",
  birthYear: "private",
  bio: "public",
  organizations: "public",
};

export const CONSENT_VERSION = "2026-11";

export const ProfileInput = z.object({
  givenName: z.string().trim().min(1, "required").max(100),
  familyName: z.string().trim().max(100).default(""),
  title: z.string().trim().max(200).nullish(),
  country: Iso3.nullish(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .max(20)
    .default([]),
  expertise: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  gender: z.string().trim().max(60).nullish(),
  birthYear: z.number().int().min(1900).max(new Date().getUTCFullYear()).nullish(),
  youthDeclared: z.boolean().nullish(),
  bio: z.record(z.string(), z.string().trim().max(3000)).default({}),
  visibility: VisibilityMap.default({}),
  /** A profile is kept on the person's consent (withdrawing it means deleting the account). */
  consent: z.literal(true, { message: "consent is required to keep a profile" }),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const PersonPublic = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  languages: z.array(z.string()).optional(),
  expertise: z.array(z.string()).optional(),
  bio: z.record(z.string(), z.any()).optional(),
  email: z.string().nullable().optional(),
  gender: z.string().nullable().optional(),
  birthYear: z.number().nullable().optional(),
  youth: z.boolean().optional(),
  organizations: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })).optional(),
});
export type PersonPublic = z.infer<typeof PersonPublic>;

/** Youth: aged under 30 in the reference year (UN youth definitions vary; the threshold is a setting). */
export const YOUTH_MAX_AGE = 29;
export function isYouth(
  birthYear: number | null | undefined,
  declared: boolean | null | undefined,
  year: number,
) {
  if (declared != null) return declared;
  if (birthYear == null) return false;
  return year - birthYear <= YOUTH_MAX_AGE;
}
