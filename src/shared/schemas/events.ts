import { z } from "zod";
import { Id, Iso3, LocalizedInput, LocalizedText, Paging } from "./common.ts";
import { EngagementArea, OrgType, RegionCode } from "./organizations.ts";

export const EVENT_TYPES = [
  "training",
  "workshop",
  "webinar",
  "constructive_dialogue",
  "preparation_day",
  "national_consultation",
  "side_event",
] as const;
export const EventType = z.enum(EVENT_TYPES);

export const EVENT_FORMATS = ["online", "in_person", "hybrid"] as const;
export const EventFormat = z.enum(EVENT_FORMATS);

export const EVENT_STATUSES = [
  "draft",
  "published",
  "applications_open",
  "applications_closed",
  "running",
  "completed",
  "archived",
] as const;
export const EventStatus = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatus>;

/** Allowed status changes: forward along the life cycle, and back one step where that makes sense. */
export const EVENT_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ["published"],
  published: ["draft", "applications_open", "running"],
  applications_open: ["applications_closed"],
  applications_closed: ["applications_open", "running"],
  running: ["completed"],
  completed: ["running", "archived"],
  archived: ["completed"],
};

export const SESSION_TYPES = [
  "opening",
  "plenary",
  "networking",
  "tools",
  "panel",
  "breakout",
  "closing",
  "other",
] as const;
export const SessionType = z.enum(SESSION_TYPES);

/** Valid IANA time zone names known to the runtime. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return tz.includes("/") || tz === "UTC";
      } catch {
        return false;
      }
    },
    { message: "must be an IANA time zone such as Asia/Bangkok" },
  );

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2020-11-10");
const instant = z.iso.datetime({ offset: true, message: "must be a date and time with its offset" });
const url = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s<>"]+$/i, "must be a web address starting with http:// or https://");
const LangCode = z.string().regex(/^[a-z]{2,3}$/, "must be a language code such as en");

export const EventTarget = z.object({
  regions: z.array(RegionCode).max(5).default([]),
  countries: z.array(Iso3).max(250).default([]),
  orgTypes: z.array(OrgType).max(10).default([]),
  reviewGroup: z.string().trim().max(200).optional(),
});

export type EventTarget = z.infer<typeof EventTarget>;

export const Question = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, "must be a short identifier (a-z, 0-9, - or _)"),
  kind: z.enum(["text", "single", "multiple", "file"]),
  label: LocalizedInput,
  required: z.boolean().default(false),
  options: z
    .array(z.object({ value: z.string().trim().min(1).max(80), label: LocalizedInput }))
    .max(30)
    .optional(),
});
export type Question = z.infer<typeof Question>;

export const DiversityTargets = z.object({
  youthShareMin: z.number().min(0).max(1).optional(),
  womenShareMin: z.number().min(0).max(1).optional(),
  countriesMin: z.number().int().min(0).max(250).optional(),
  maxPerOrganization: z.number().int().min(1).max(100).optional(),
  firstTimeShareMin: z.number().min(0).max(1).optional(),
});
export type DiversityTargets = z.infer<typeof DiversityTargets>;

const EventFields = {
  type: EventType,
  format: EventFormat,
  title: LocalizedInput,
  summary: LocalizedInput.optional(),
  timeZone: TimeZone,
  startDate: isoDate,
  endDate: isoDate,
  venue: z.string().trim().max(500).optional(),
  onlineLink: url.optional(),
  languages: z.array(LangCode).max(10).default([]),
  interpretation: z.array(LangCode).max(10).default([]),
  target: EventTarget.default({ regions: [], countries: [], orgTypes: [] }),
  capacity: z.number().int().min(1).max(100000).optional(),
  organisers: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  partners: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  applicationsOpenAt: instant.optional(),
  applicationsCloseAt: instant.optional(),
  questions: z.array(Question).max(30).default([]),
  consentText: LocalizedInput.optional(),
  endorsementRequired: z.boolean().default(false),
  travelSupport: z.boolean().default(false),
  attendanceThreshold: z.number().min(0).max(1).default(0.75),
  diversityTargets: DiversityTargets.default({}),
};

function checkDates(
  v: { startDate?: string; endDate?: string; applicationsOpenAt?: string; applicationsCloseAt?: string },
  ctx: z.RefinementCtx,
) {
  if (v.startDate && v.endDate && v.endDate < v.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before the start date" });
  if (
    v.applicationsOpenAt &&
    v.applicationsCloseAt &&
    Date.parse(v.applicationsCloseAt) <= Date.parse(v.applicationsOpenAt)
  )
    ctx.addIssue({
      code: "custom",
      path: ["applicationsCloseAt"],
      message: "must be after the opening of applications",
    });
}

function checkQuestions(v: { questions?: Question[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  v.questions?.forEach((q, i) => {
    if (seen.has(q.id))
      ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: "is used twice" });
    seen.add(q.id);
    if ((q.kind === "single" || q.kind === "multiple") && !q.options?.length)
      ctx.addIssue({
        code: "custom",
        path: ["questions", i, "options"],
        message: "a choice question needs options",
      });
  });
}

export const EventInput = z.object(EventFields).superRefine((v, ctx) => {
  checkDates(v, ctx);
  checkQuestions(v, ctx);
});
export type EventInput = z.infer<typeof EventInput>;

/** A patch: any field, plus a status change along the life cycle. No defaults, so absent means unchanged. */
export const EventPatch = z
  .object({
    ...Object.fromEntries(
      Object.entries(EventFields).map(([k, v]) => [
        k,
        (v instanceof z.ZodDefault ? v.unwrap() : v).optional(),
      ]),
    ),
    status: EventStatus.optional(),
  })
  .superRefine((v, ctx) => {
    checkDates(v as never, ctx);
    checkQuestions(v as never, ctx);
  }) as unknown as z.ZodType<Partial<EventInput> & { status?: EventStatus }>;
export type EventPatch = Partial<EventInput> & { status?: EventStatus };

export const Speaker = z.object({
  name: z.string().trim().min(1).max(200),
  title: LocalizedInput.optional(),
  affiliation: LocalizedInput.optional(),
  personId: Id.optional(),
});

export const Material = z.object({ label: z.string().trim().min(1).max(200), url });

const SessionFields = {
  type: SessionType,
  title: LocalizedInput,
  description: LocalizedInput.optional(),
  startsAt: instant,
  endsAt: instant,
  engagementAreas: z.array(EngagementArea).max(6).default([]),
  speakers: z.array(Speaker).max(30).default([]),
  materials: z.array(Material).max(30).default([]),
};
export const SessionInput = z
  .object(SessionFields)
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ["endsAt"],
    message: "must be after the start",
  });
export type SessionInput = z.infer<typeof SessionInput>;
export const SessionPatch = z.object(
  Object.fromEntries(
    Object.entries(SessionFields).map(([k, v]) => [
      k,
      (v instanceof z.ZodDefault ? v.unwrap() : v).optional(),
    ]),
  ),
) as unknown as z.ZodType<Partial<SessionInput>>;

export const SessionView = z.object({
  id: Id,
  type: SessionType,
  title: LocalizedText,
  description: LocalizedText,
  startsAt: z.string(),
  endsAt: z.string(),
  engagementAreas: z.array(z.string()),
  speakers: z.array(
    z.object({
      name: z.string(),
      title: LocalizedText,
      affiliation: LocalizedText,
      personId: z.string().nullable(),
    }),
  ),
  materials: z.array(z.object({ label: z.string(), url: z.string() })),
});
export type SessionView = z.infer<typeof SessionView>;

export const EventView = z.object({
  id: Id,
  type: EventType,
  format: EventFormat,
  status: EventStatus,
  title: LocalizedText,
  summary: LocalizedText,
  timeZone: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string().nullable(),
  /** Shown only to confirmed participants and the secretariat. */
  onlineLink: z.string().nullable(),
  hasOnlineLink: z.boolean(),
  languages: z.array(z.string()),
  interpretation: z.array(z.string()),
  target: z.object({
    regions: z.array(z.string()),
    countries: z.array(z.string()),
    orgTypes: z.array(z.string()),
    reviewGroup: z.string().optional(),
  }),
  capacity: z.number().nullable(),
  organisers: z.array(z.string()),
  partners: z.array(z.string()),
  applicationsOpenAt: z.string().nullable(),
  applicationsCloseAt: z.string().nullable(),
  acceptingApplications: z.boolean(),
  questions: z.array(z.any()),
  consentText: LocalizedText,
  endorsementRequired: z.boolean(),
  travelSupport: z.boolean(),
  attendanceThreshold: z.number(),
  diversityTargets: DiversityTargets,
  sessions: z.array(SessionView),
  /** The caller's own application, if any. */
  myApplication: z.object({ id: Id, status: z.string(), createdAt: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventView = z.infer<typeof EventView>;

export const EventSummary = EventView.pick({
  id: true,
  type: true,
  format: true,
  status: true,
  title: true,
  summary: true,
  timeZone: true,
  startDate: true,
  endDate: true,
  venue: true,
  languages: true,
  capacity: true,
  acceptingApplications: true,
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventListQuery = Paging.extend({
  status: EventStatus.optional(),
  type: EventType.optional(),
  when: z.enum(["upcoming", "past", "all"]).default("all"),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

// ---------------------------------------------------------------- applications

export const APPLICATION_STATUSES = [
  "submitted",
  "accepted",
  "waitlisted",
  "rejected",
  "confirmed",
  "declined",
  "withdrawn",
] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Places taken against the capacity. */
export const HOLDS_PLACE: readonly ApplicationStatus[] = ["accepted", "confirmed"];

export const Answer = z.union([
  z.string().max(5000),
  z.array(z.string().max(80)).max(30),
  z.object({ fileId: Id }),
]);

export const ApplicationInput = z
  .object({
    organizationId: Id,
    answers: z.record(z.string(), Answer).default({}),
    motivation: z.string().trim().max(5000).optional(),
    travelSupport: z.boolean().default(false),
    travelJustification: z.string().trim().max(3000).optional(),
    consent: z.literal(true, { message: "consent is required to apply" }),
  })
  .refine((a) => !a.travelSupport || !!a.travelJustification, {
    path: ["travelJustification"],
    message: "explain why travel support is needed",
  });
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const Decision = z.enum(["accepted", "waitlisted", "rejected"]);
export const DecisionInput = z.object({
  decision: Decision,
  /** Send the decision e-mail (default yes). */
  notify: z.boolean().default(true),
});

export const ApplicationReview = z.object({
  score: z.number().int().min(0).max(10).nullable().optional(),
  notes: z.string().trim().max(5000).optional(),
});

export const ApplicationRow = z.object({
  id: Id,
  eventId: Id,
  status: ApplicationStatus,
  personId: Id,
  name: z.string(),
  email: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  gender: z.string().nullable(),
  youth: z.boolean().nullable(),
  organizationId: Id,
  organizationName: z.string(),
  organizationType: z.string(),
  organizationCountry: z.string(),
  firstTime: z.boolean(),
  travelSupport: z.boolean(),
  travelJustification: z.string().nullable(),
  endorsement: z.string(),
  score: z.number().nullable(),
  notes: z.string().nullable(),
  answers: z.record(z.string(), z.any()),
  motivation: z.string().nullable(),
  invited: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ApplicationRow = z.infer<typeof ApplicationRow>;

/**
 * An applicant in the secretariat's table: what the table shows and what identifies the person.
 * The texts the applicant or the secretariat wrote (motivation, answers, travel justification,
 * notes) come with the application itself (`GET /api/applications/:id`), opened one at a time:
 * real motivations run to a thousand characters and more, and 50 of them per page tripled the
 * cost of every page of the table.
 */
export const ApplicantSummary = ApplicationRow.omit({
  answers: true,
  motivation: true,
  travelJustification: true,
  notes: true,
});
export type ApplicantSummary = z.infer<typeof ApplicantSummary>;

export const APPLICANT_SORTS = ["created", "name", "country", "score", "organization", "status"] as const;
export const ApplicantQuery = Paging.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  status: ApplicationStatus.optional(),
  country: Iso3.optional(),
  region: RegionCode.optional(),
  gender: z.string().max(40).optional(),
  youth: z.enum(["true", "false"]).optional(),
  orgType: OrgType.optional(),
  travel: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(APPLICANT_SORTS).default("created"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type ApplicantQuery = z.infer<typeof ApplicantQuery>;

export const Eligibility = z.object({
  eligible: z.boolean(),
  organizations: z.array(
    z.object({
      organizationId: Id,
      name: z.string(),
      eligible: z.boolean(),
      reasons: z.array(z.object({ code: z.string(), message: z.string() })),
    }),
  ),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type Eligibility = z.infer<typeof Eligibility>;

const Count = z.object({ key: z.string(), count: z.number().int() });
export const DiversityPanel = z.object({
  scope: z.enum(["selected", "applicants"]),
  total: z.number().int(),
  countries: z.array(Count),
  regions: z.array(Count),
  genders: z.array(Count),
  sectors: z.array(Count),
  youth: z.object({ count: z.number().int(), known: z.number().int(), share: z.number().nullable() }),
  women: z.object({ count: z.number().int(), known: z.number().int(), share: z.number().nullable() }),
  firstTime: z.object({ count: z.number().int(), share: z.number().nullable() }),
  perOrganization: z.object({ max: z.number().int(), organizations: z.number().int() }),
  capacity: z.number().nullable(),
  targets: z.array(
    z.object({ key: z.string(), target: z.number(), actual: z.number().nullable(), met: z.boolean() }),
  ),
});
export type DiversityPanel = z.infer<typeof DiversityPanel>;

/** The event report computed from the data (GET /api/events/:id/report). */
export interface EventReport {
  eventId: string;
  title: LocalizedText;
  startDate: string;
  endDate: string;
  timeZone: string;
  /** Participants who attended (met the attendance threshold). */
  participants: number;
  /** Participants confirmed or accepted (the registered list). */
  registered: number;
  countries: number;
  countryList: string[];
  byCountry: Record<string, number> | null;
  regions: Record<string, number>;
  youth: number;
  youthShare: number | null;
  women: number;
  womenShare: number | null;
  genderKnown: number;
  bySector: Record<string, number>;
  organizations: number;
  firstTimeOrganizations: number;
  applications: {
    received: number;
    invited: number;
    accepted: number;
    waitlisted: number;
    rejected: number;
    declined: number;
    withdrawn: number;
  };
  attendanceThreshold: number;
  sessions: Array<{
    id: string;
    title: LocalizedText;
    startsAt: string;
    endsAt: string;
    attendees: number;
  }>;
  feedback: { responses: number; average: number | null };
  recommendations: number;
  newsText: string;
  lang: string;
  generatedAt: string;
}
