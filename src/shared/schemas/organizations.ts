import { z } from "zod";
import { Iso3, LocalizedInput, LocalizedText, Paging } from "./common.ts";

export const ORG_TYPES = [
  "ngo",
  "academia",
  "private_sector",
  "media",
  "foundation",
  "network",
  "other",
] as const;
export const OrgType = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof OrgType>;

export const ORG_STATUSES = ["pending", "verified", "rejected", "suspended", "merged"] as const;
export const OrgStatus = z.enum(ORG_STATUSES);
export type OrgStatus = z.infer<typeof OrgStatus>;

export const ECOSOC_STATUSES = ["none", "general", "special", "roster"] as const;
export const EcosocStatus = z.enum(ECOSOC_STATUSES);

export const ENGAGEMENT_AREAS = [
  "ADVOCACY",
  "MONITORING",
  "AWARENESS",
  "RESEARCH",
  "EDUCATION",
  "PARTNERSHIP",
] as const;
export const EngagementArea = z.enum(ENGAGEMENT_AREAS);

export const THEMATIC_CODES = [
  "UNTOC",
  "TIP",
  "SOM",
  "FP",
  "CORRUPTION",
  "MONEY_LAUNDERING",
  "CYBERCRIME",
  "DRUG_TRAFFICKING",
  "WILDLIFE_CRIME",
  "CULTURAL_PROPERTY",
  "FALSIFIED_MEDICINES",
  "ENVIRONMENTAL_CRIME",
  "KIDNAPPING",
  "EXTORTION",
] as const;
export const ThematicCode = z.enum(THEMATIC_CODES);

export const REGION_CODES = ["AFRICAN", "APG", "EEG", "GRULAC", "WEOG"] as const;
export const RegionCode = z.enum(REGION_CODES);

const url = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/i, "must be a web address starting with http:// or https://");

export const OrganizationInput = z.object({
  names: LocalizedInput,
  originalLang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .default("en"),
  acronym: z.string().trim().max(30).nullish(),
  type: OrgType,
  country: Iso3,
  countriesOfOperation: z.array(Iso3).max(250).default([]),
  thematicFocus: z.array(ThematicCode).max(30).default([]),
  engagementAreas: z.array(EngagementArea).max(6).default([]),
  ecosocStatus: EcosocStatus.default("none"),
  youthLed: z.boolean().default(false),
  victimLed: z.boolean().default(false),
  grassroots: z.boolean().default(false),
  website: url.nullish(),
  email: z.email("must be an e-mail address").nullish(),
  description: z.record(z.string(), z.string().trim().max(5000)).default({}),
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

/** A partial update: only the fields sent change (defaults are not applied to a patch). */
export const OrganizationPatch: z.ZodType<Partial<OrganizationInput>> = z.object(
  Object.fromEntries(
    Object.entries(OrganizationInput.shape).map(([k, v]) => [
      k,
      (v instanceof z.ZodDefault ? v.unwrap() : v).optional(),
    ]),
  ),
) as unknown as z.ZodType<Partial<OrganizationInput>>;

/** What anyone may see of an organisation. */
export const OrganizationPublic = z.object({
  id: z.string(),
  name: z.string(),
  names: LocalizedText,
  originalLang: z.string(),
  acronym: z.string().nullable(),
  type: OrgType,
  country: z.string(),
  region: z.string().nullable(),
  countriesOfOperation: z.array(z.string()),
  thematicFocus: z.array(z.string()),
  engagementAreas: z.array(z.string()),
  ecosocStatus: EcosocStatus,
  youthLed: z.boolean(),
  victimLed: z.boolean(),
  grassroots: z.boolean(),
  website: z.string().nullable(),
  description: LocalizedText,
  hasLogo: z.boolean(),
  status: OrgStatus,
  createdAt: z.string(),
});
export type OrganizationPublic = z.infer<typeof OrganizationPublic>;

/** Adds what only the secretariat and the organisation's focal points see. */
export const OrganizationFull = OrganizationPublic.extend({
  email: z.string().nullable(),
  statusReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type OrganizationFull = z.infer<typeof OrganizationFull>;

export const ORG_SORTS = ["name", "-name", "country", "-country", "created", "-created"] as const;

export const OrganizationListQuery = Paging.extend({
  q: z.string().trim().max(200).optional(),
  type: z.union([OrgType, z.array(OrgType)]).optional(),
  country: z.union([Iso3, z.array(Iso3)]).optional(),
  region: RegionCode.optional(),
  theme: ThematicCode.optional(),
  area: EngagementArea.optional(),
  ecosoc: EcosocStatus.optional(),
  youthLed: z.enum(["true", "false"]).optional(),
  victimLed: z.enum(["true", "false"]).optional(),
  grassroots: z.enum(["true", "false"]).optional(),
  /** Only the secretariat may list other statuses; the public sees verified organisations. */
  status: OrgStatus.optional(),
  sort: z.enum(ORG_SORTS).default("name"),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;

export const RejectInput = z.object({ reason: z.string().trim().min(3, "give a reason").max(2000) });
export const SuspendInput = RejectInput;

export const MembershipRequestInput = z.object({ message: z.string().trim().max(1000).optional() });
export const MembershipDecisionInput = z.object({ decision: z.enum(["approved", "rejected"]) });
