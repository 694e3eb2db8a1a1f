import { z } from "zod";
import { Id, LocalizedInput, Paging } from "./common.ts";
import { EngagementArea } from "./organizations.ts";

/** Who must see a recommendation's origin. */
export const PROTECTION_LEVELS = ["public", "group", "anonymous", "confidential"] as const;
export const Protection = z.enum(PROTECTION_LEVELS);
export type Protection = z.infer<typeof Protection>;

export const REC_STATUSES = [
  "received",
  "under_consideration",
  "accepted",
  "partially_accepted",
  "not_accepted",
  "noted",
  "in_progress",
  "implemented",
  "merged",
] as const;
export const RecStatus = z.enum(REC_STATUSES);
export type RecStatus = z.infer<typeof RecStatus>;

/** Statuses an answer may give (merged is set by merging). */
export const ANSWER_STATUSES = REC_STATUSES.filter((s) => s !== "merged" && s !== "received");

export const ADDRESSED_ACTORS = [
  "states_parties",
  "law_enforcement",
  "immigration_authorities",
  "judiciary",
  "prosecutors",
  "legislators",
  "media",
  "civil_society",
  "academia",
  "private_sector",
  "education_sector",
  "unodc",
  "other",
] as const;
export const AddressedActor = z.enum(ADDRESSED_ACTORS);

const Code = z.string().regex(/^[A-Z0-9_]{2,20}$/);
/** An article of an instrument: "UNTOC:31", "TIP:9". */
const ArticleRef = z.string().regex(/^[A-Z]{2,6}:\d{1,3}(\.\d{1,2})?$/, "must look like UNTOC:31");
const SdgTarget = z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/, "must look like 16.2");

const RecFields = {
  title: LocalizedInput,
  text: LocalizedInput,
  rationale: LocalizedInput.optional(),
  originalLang: z.string().regex(/^[a-z]{2,3}$/),
  addressedActors: z.array(AddressedActor).max(13).default([]),
  themes: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  instruments: z.array(Code).max(10).default([]),
  articles: z.array(ArticleRef).max(40).default([]),
  engagementAreas: z.array(EngagementArea).max(6).default([]),
  sdgTargets: z.array(SdgTarget).max(30).default([]),
  eventId: Id.optional(),
  sessionId: Id.optional(),
  groupId: Id.optional(),
  organizationId: Id.optional(),
  protection: Protection.default("public"),
};
export const RecommendationInput = z.object(RecFields);
export type RecommendationInput = z.infer<typeof RecommendationInput>;

export const RecommendationPatch = z.object(
  Object.fromEntries(
    Object.entries(RecFields).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.unwrap() : v).optional()]),
  ),
) as unknown as z.ZodType<Partial<RecommendationInput>>;

export const AnswerInput = z.object({
  status: z.enum(ANSWER_STATUSES as [RecStatus, ...RecStatus[]]),
  rationale: LocalizedInput,
  /** Publish now (default), or keep until a date (answers released together), or keep as a draft. */
  publish: z.enum(["now", "later", "draft"]).default("now"),
  publishAt: z.iso.datetime({ offset: true }).optional(),
});

export const RecListQuery = Paging.extend({
  q: z.string().trim().max(200).optional(),
  status: RecStatus.optional(),
  event: Id.optional(),
  theme: z.string().trim().max(60).optional(),
  instrument: Code.optional(),
  article: ArticleRef.optional(),
  region: z.enum(["AFRICAN", "APG", "EEG", "GRULAC", "WEOG"]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  area: EngagementArea.optional(),
  protection: Protection.optional(),
  /** The secretariat's queue: assigned to me, to nobody, or to a colleague (user id). */
  assigned: z.string().max(100).optional(),
  sort: z.enum(["newest", "oldest", "endorsements", "status"]).default("newest"),
});
export type RecListQuery = z.infer<typeof RecListQuery>;

export const EndorseInput = z.object({
  /** Endorse on behalf of an organisation (its focal point) instead of as a person. */
  organizationId: Id.optional(),
  /** Show who endorsed (else counted only). */
  showIdentity: z.boolean().default(true),
  withdraw: z.boolean().default(false),
});
export type EndorseInput = z.infer<typeof EndorseInput>;
export type AnswerInput = z.infer<typeof AnswerInput>;

/** Someone a recommendation can be assigned to (the secretariat and admins). */
export const Assignee = z.object({ id: z.string(), name: z.string() });
export type Assignee = z.infer<typeof Assignee>;
