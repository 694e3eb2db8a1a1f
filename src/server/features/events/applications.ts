import { randomBytes } from "node:crypto";
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from "kysely";
import { uuidv7 } from "uuidv7";
import type { FieldError } from "../../../shared/schemas/common.ts";
import type {
  ApplicantQuery,
  ApplicantSummary,
  ApplicationInput,
  ApplicationRow,
  ApplicationStatus,
  DiversityPanel,
  DiversityTargets,
  Eligibility,
  EventTarget,
  Question,
} from "../../../shared/schemas/events.ts";
import { HOLDS_PLACE } from "../../../shared/schemas/events.ts";
import { foldText, nameKey } from "../../../shared/text.ts";
import type { ApplicationTable, DB } from "../../db/schema.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { epochCache, touch } from "../../platform/cache-epoch.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  required,
  unauthorized,
} from "../../platform/errors.ts";
import { DOCUMENT_TYPES } from "../../platform/files.ts";
import {
  focalPointEmails,
  isFocalPoint,
  membershipsOfPerson,
  organizationFacts,
} from "../organizations/service.ts";
import { ensurePersonForUser, type PersonRow, personByUser } from "../people/service.ts";
import { regionMembers, regionOf } from "../reference/service.ts";
import { acceptingApplications, type EventRow } from "./mapping.ts";
import { sendEventMail } from "./notify.ts";
import { loadEvent, loadSessions } from "./service.ts";

type AppRow = ApplicationTable;

// Every write to applications goes through these two, which move the "application" cache epoch
// (the secretariat's cached applicants pages), so that no use case can forget it.

export async function updateApplication(tx: Ctx, id: string, values: Partial<AppRow>) {
  await tx.db.updateTable("application").set(values).where("id", "=", id).execute();
  await touch(tx, "application");
}

async function insertApplications(tx: Ctx, rows: AppRow[]) {
  for (let i = 0; i < rows.length; i += 200)
    await tx.db
      .insertInto("application")
      .values(rows.slice(i, i + 200))
      .execute();
  await touch(tx, "application");
}
type Reason = { code: string; message: string };

/** Self-described genders counted as women in the statistics (folded, any of the six languages). */
const WOMEN = new Set([
  "woman",
  "female",
  "f",
  "femme",
  "mujer",
  "женщина",
  "女",
  "女性",
  "امرأة",
  "أنثى",
  "trans woman",
]);
const UNDISCLOSED = new Set(["", "prefer not to say", "undisclosed", "not stated"]);

export function isWoman(gender: string | null): boolean {
  return !!gender && WOMEN.has(foldText(gender));
}
const genderKnown = (g: string | null) => !!g && !UNDISCLOSED.has(foldText(g));

/** Youth when declared, else by birth year in the event's year; null when unknown. */
export function youthOf(p: Pick<PersonRow, "birth_year" | "youth_declared">, year: number): boolean | null {
  if (p.youth_declared != null) return !!p.youth_declared;
  if (p.birth_year == null) return null;
  return year - p.birth_year <= 29;
}

// ------------------------------------------------------------------ eligibility

async function targetCountries(ctx: Ctx, target: EventTarget): Promise<Set<string> | null> {
  if (!target.countries.length && !target.regions.length) return null;
  const set = new Set(target.countries);
  for (const r of target.regions) for (const c of await regionMembers(ctx, r)) set.add(c);
  return set;
}

async function eligibilityFor(
  ctx: Ctx,
  event: EventRow,
  person: PersonRow | undefined,
): Promise<Eligibility> {
  const reasons: Reason[] = [];
  if (!acceptingApplications(event, ctx.now()))
    reasons.push({ code: "applications_closed", message: "The call for applications is not open." });
  if (person) {
    const existing = await ctx.db
      .selectFrom("application")
      .select("status")
      .where("event_id", "=", event.id)
      .where("person_id", "=", person.id)
      .executeTakeFirst();
    if (existing)
      reasons.push({ code: "already_applied", message: "You have already applied to this event." });
  }
  const target = { regions: [], countries: [], orgTypes: [], ...JSON.parse(event.target) } as EventTarget;
  const countries = await targetCountries(ctx, target);
  const memberships = person
    ? (await membershipsOfPerson(ctx, person.id)).filter((m) => m.status === "approved")
    : [];
  if (!memberships.length)
    reasons.push({
      code: "no_organization",
      message: "Applications are made on behalf of an organisation: join or register one first.",
    });
  const organizations = memberships.map((m) => {
    const r: Reason[] = [];
    if (m.organizationStatus !== "verified")
      r.push({ code: "organization_not_verified", message: "The organisation is not verified yet." });
    if (countries && !countries.has(m.organizationCountry))
      r.push({
        code: "country_not_targeted",
        message: "The organisation is not based in a country or region this event is for.",
      });
    if (target.orgTypes.length && !target.orgTypes.includes(m.organizationType as never))
      r.push({ code: "type_not_targeted", message: "This event is not open to this type of organisation." });
    return {
      organizationId: m.organizationId,
      name: m.organizationName,
      eligible: r.length === 0,
      reasons: r,
    };
  });
  if (memberships.length && !organizations.some((o) => o.eligible))
    reasons.push({
      code: "no_eligible_organization",
      message: "None of your organisations meets the conditions of this event.",
    });
  return { eligible: reasons.length === 0, organizations, reasons };
}

export async function myEligibility(ctx: Ctx, eventId: string): Promise<Eligibility> {
  if (!ctx.actor) throw unauthorized();
  const event = await loadEvent(ctx, eventId);
  const person = await personByUser(ctx.db, ctx.actor.userId);
  return eligibilityFor(ctx, event, person);
}

// ------------------------------------------------------------------ applying

async function checkAnswers(ctx: Ctx, questions: Question[], answers: ApplicationInput["answers"]) {
  const fields: FieldError[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers))
    if (!known.has(key)) fields.push({ path: `answers.${key}`, message: "is not a question of this event" });
  for (const q of questions) {
    const a = answers[q.id];
    const empty = a === undefined || a === "" || (Array.isArray(a) && a.length === 0);
    if (empty) {
      if (q.required) fields.push(required(`answers.${q.id}`));
      continue;
    }
    const values = new Set((q.options ?? []).map((o) => o.value));
    if (q.kind === "text" && typeof a !== "string")
      fields.push({ path: `answers.${q.id}`, message: "must be text" });
    if (q.kind === "single" && (typeof a !== "string" || !values.has(a)))
      fields.push({
        path: `answers.${q.id}`,
        message: "must be one of the options",
        rule: { code: "invalid_value" },
      });
    if (q.kind === "multiple" && (!Array.isArray(a) || a.some((v) => !values.has(v))))
      fields.push({
        path: `answers.${q.id}`,
        message: "must be among the options",
        rule: { code: "invalid_value" },
      });
    if (q.kind === "file") {
      if (typeof a !== "object" || Array.isArray(a) || !("fileId" in a)) {
        fields.push({ path: `answers.${q.id}`, message: "must be an uploaded file" });
        continue;
      }
      const file = await ctx.db
        .selectFrom("stored_file")
        .select("id")
        .where("id", "=", a.fileId)
        .where("created_by", "=", ctx.actor?.userId ?? "")
        .executeTakeFirst();
      if (!file) fields.push({ path: `answers.${q.id}`, message: "the uploaded file was not found" });
    }
  }
  if (fields.length) throw badRequest("validation", "Some answers are not valid.", fields);
}

/** A place in the statistics: who the applicant is, recorded when they apply. */
async function snapshot(
  ctx: Ctx,
  event: EventRow,
  person: PersonRow,
  org: { id: string; type: string; country: string; name_key: string },
) {
  const regions = await regionOf(ctx);
  const country = person.country ?? org.country;
  const previous = await ctx.db
    .selectFrom("application")
    .select("id")
    .where("organization_id", "=", org.id)
    .where("event_id", "!=", event.id)
    .where("status", "in", [...HOLDS_PLACE])
    .limit(1)
    .executeTakeFirst();
  const youth = youthOf(person, Number(event.start_date.slice(0, 4)));
  return {
    name_key: person.name_key,
    country,
    region: regions.get(country) ?? null,
    gender: person.gender,
    youth: youth == null ? null : youth ? 1 : 0,
    org_type: org.type,
    org_name_key: org.name_key,
    first_time: previous ? 0 : 1,
  };
}

export async function apply(ctx: Ctx, eventId: string, input: ApplicationInput): Promise<ApplicationRow> {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const id = uuidv7();
  await inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    const person = await ensurePersonForUser(tx.db, actor);
    const elig = await eligibilityFor(tx, event, person);
    const general = elig.reasons.find((r) => !["no_eligible_organization"].includes(r.code));
    if (general)
      throw new AppError(general.code === "already_applied" ? 409 : 403, general.code, general.message);
    const org = elig.organizations.find((o) => o.organizationId === input.organizationId);
    if (!org)
      throw forbidden("You can apply only on behalf of an organisation you belong to.", "not_a_member");
    if (!org.eligible) throw new AppError(403, org.reasons[0].code, org.reasons[0].message);
    if (input.travelSupport && !event.travel_support)
      throw badRequest("validation", "This event offers no travel support.", [
        { path: "travelSupport", message: "is not offered" },
      ]);
    await checkAnswers(tx, JSON.parse(event.questions), input.answers);
    const [facts] = await organizationFacts(tx, [input.organizationId]);
    const focal = await isFocalPoint(tx, input.organizationId);
    const endorsement = event.endorsement_required ? (focal ? "endorsed" : "requested") : "none";
    const now = tx.now().toISOString();
    const row: AppRow = {
      id,
      event_id: eventId,
      person_id: person.id,
      organization_id: input.organizationId,
      status: "submitted",
      ...(await snapshot(tx, event, person, facts)),
      answers: JSON.stringify(input.answers),
      motivation: input.motivation ?? null,
      travel_support: input.travelSupport ? 1 : 0,
      travel_justification: input.travelSupport ? (input.travelJustification ?? null) : null,
      consent_at: now,
      consent_text: event.consent_text,
      endorsement,
      endorsed_by: focal && event.endorsement_required ? actor.userId : null,
      score: null,
      notes: null,
      invited: 0,
      directory_opt_in: 0,
      checkin_token: randomBytes(16).toString("base64url"),
      decided_by: null,
      decided_at: null,
      responded_at: null,
      created_at: now,
      updated_at: now,
    };
    await insertApplications(tx, [row]);
    await writeAudit(tx.db, {
      actor,
      action: "application.submit",
      entity: "application",
      entityId: id,
      after: { ...row, checkin_token: "…" },
      ip: tx.ip,
    });
    await sendEventMail(tx, {
      event,
      to: [actor.email],
      template: "applicationReceived",
      kind: "application.received",
    });
    if (endorsement === "requested") {
      const to = await focalPointEmails(tx, input.organizationId);
      await sendEventMail(tx, {
        event,
        to,
        template: "endorsementRequest",
        kind: "application.endorsement",
        vars: { person: actor.name, org: facts.name },
      });
    }
  });
  return getApplication(ctx, id);
}

// ------------------------------------------------------------------ reading

function baseQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom("application as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .innerJoin("organization as o", "o.id", "a.organization_id");
}

/** The columns of an applicant in the secretariat's table (ApplicantSummary). */
const SUMMARY_COLUMNS = [
  "a.id",
  "a.event_id",
  "a.status",
  "a.person_id",
  "a.organization_id",
  "a.country",
  "a.region",
  "a.gender",
  "a.youth",
  "a.org_type",
  "a.first_time",
  "a.travel_support",
  "a.endorsement",
  "a.score",
  "a.invited",
  "a.created_at",
  "a.decided_at",
  "p.given_name",
  "p.family_name",
  "p.email",
  "p.anonymized_at",
  "o.name as org_name",
  "o.country as org_country",
] as const;

/** …and of the whole application: the texts the applicant and the secretariat wrote. */
const COLUMNS = [
  ...SUMMARY_COLUMNS,
  "a.travel_justification",
  "a.notes",
  "a.answers",
  "a.motivation",
] as const;

type Summary = {
  id: string;
  event_id: string;
  status: string;
  person_id: string;
  organization_id: string;
  country: string | null;
  region: string | null;
  gender: string | null;
  youth: number | null;
  org_type: string;
  first_time: number;
  travel_support: number;
  endorsement: string;
  score: number | null;
  invited: number;
  created_at: string;
  decided_at: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
  anonymized_at: string | null;
  org_name: string;
  org_country: string;
};

type Joined = Summary & {
  travel_justification: string | null;
  notes: string | null;
  answers: string;
  motivation: string | null;
};

/** Score and notes are the secretariat's: only staff read them (`staff`). */
function toSummary(r: Summary, staff: boolean): ApplicantSummary {
  return {
    id: r.id,
    eventId: r.event_id,
    status: r.status as ApplicationStatus,
    personId: r.person_id,
    name: `${r.given_name} ${r.family_name}`.trim(),
    email: r.anonymized_at ? null : r.email,
    country: r.country,
    region: r.region,
    gender: r.gender,
    youth: r.youth == null ? null : !!r.youth,
    organizationId: r.organization_id,
    organizationName: r.org_name,
    organizationType: r.org_type,
    organizationCountry: r.org_country,
    firstTime: !!r.first_time,
    travelSupport: !!r.travel_support,
    endorsement: r.endorsement,
    score: staff ? r.score : null,
    invited: !!r.invited,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

function toRow(r: Joined, staff: boolean): ApplicationRow {
  return {
    ...toSummary(r, staff),
    travelJustification: r.travel_justification,
    notes: staff ? r.notes : null,
    answers: JSON.parse(r.answers),
    motivation: r.motivation,
  };
}

async function loadApplication(ctx: Ctx, id: string): Promise<AppRow> {
  const row = await ctx.db.selectFrom("application").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("application");
  return row;
}

async function isOwn(ctx: Ctx, app: AppRow): Promise<boolean> {
  if (!ctx.actor) return false;
  const person = await personByUser(ctx.db, ctx.actor.userId);
  return person?.id === app.person_id;
}

/** The applicant, the secretariat and the organisation's focal point (for endorsement) may read it. */
export async function getApplication(ctx: Ctx, id: string): Promise<ApplicationRow> {
  if (!ctx.actor) throw unauthorized();
  const app = await loadApplication(ctx, id);
  const staff = isStaff(ctx.actor);
  const own = staff || (await isOwn(ctx, app));
  if (!own && !(await isFocalPoint(ctx, app.organization_id))) throw notFound("application");
  const row = await baseQuery(ctx).select(COLUMNS).where("a.id", "=", id).executeTakeFirstOrThrow();
  const out = toRow(row as Joined, staff);
  return own ? out : forFocalPoint(out);
}

/**
 * What an organisation's focal point sees of a member's application (to endorse it): not the
 * member's contact, gender or age group, which the member may keep private.
 */
function forFocalPoint(row: ApplicationRow): ApplicationRow {
  return { ...row, email: null, gender: null, youth: null };
}

/** Sorts on columns that may be empty put the empty ones last. */
const NULLABLE_SORTS = new Set(["country", "score"]);

const SORT_COLUMNS = {
  created: "a.created_at",
  name: "a.name_key",
  country: "a.country",
  score: "a.score",
  organization: "a.org_name_key",
  status: "a.status",
} as const;

/**
 * Applicants' pages as served, per process, until an application, a person or an organisation
 * changes (any write moves these epochs, in every process) — the secretariat pages, sorts and
 * filters the same table between decisions. Pages of up to 100 rows (the table asks for 25), at
 * most 300 of them (≈12 KB of rows and as much of JSON per 25 rows), 60 s at most; a longer page
 * is computed each time.
 */
const applicantPages = epochCache<ApplicantPage>(["application", "person", "organization"], 60_000, 300);
const CACHED_PAGE_SIZE = 100;
type ApplicantPage = Awaited<ReturnType<typeof computeApplicants>>;

export async function listApplications(ctx: Ctx, eventId: string, q: ApplicantQuery) {
  // The pages carry scores and are the same for every caller: the secretariat's only (the route
  // says so too).
  if (!isStaff(ctx.actor)) throw forbidden("Only the secretariat can see the applicants.");
  if (q.pageSize > CACHED_PAGE_SIZE) return computeApplicants(ctx, eventId, q);
  const key = `${eventId}\n${JSON.stringify(q)}`;
  return applicantPages.get(ctx.db, key, () => computeApplicants(ctx, eventId, q));
}

/** The table's filters and sort, without its paging (the export takes every match). */
export type ApplicantFilter = Omit<ApplicantQuery, "page" | "pageSize">;

/**
 * The applications of an event that match the table's filters, and its order. Filters and sort use
 * the application's own columns (who the applicant was when applying).
 */
export function applicantsQuery(ctx: Ctx, eventId: string, q: ApplicantFilter) {
  let query = ctx.db.selectFrom("application as a").where("a.event_id", "=", eventId);
  if (q.status) query = query.where("a.status", "=", q.status);
  if (q.country) query = query.where("a.country", "=", q.country);
  if (q.region) query = query.where("a.region", "=", q.region);
  if (q.gender) query = query.where("a.gender", "=", q.gender);
  if (q.youth) query = query.where("a.youth", "=", q.youth === "true" ? 1 : 0);
  if (q.orgType) query = query.where("a.org_type", "=", q.orgType);
  if (q.travel) query = query.where("a.travel_support", "=", q.travel === "true" ? 1 : 0);
  if (q.q) {
    const k = `%${nameKey(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`a.name_key LIKE ${k} ESCAPE '\\'`,
        sql<SqlBool>`a.org_name_key LIKE ${k} ESCAPE '\\'`,
      ] as Expression<SqlBool>[]),
    );
  }
  const col = SORT_COLUMNS[q.sort];
  // Empty values last in both directions, written so that every key runs the same way: one index
  // per sort (migration 011) then gives the page by walking it, forwards or backwards, and
  // stopping after the page (a mixed `x IS NULL ASC, x DESC` would make SQLite sort every match).
  const order = <Q extends SelectQueryBuilder<DB, any, any>>(qb: Q): Q => {
    let o = qb;
    if (NULLABLE_SORTS.has(q.sort))
      o = o.orderBy(sql.raw(q.dir === "asc" ? `${col} IS NULL` : `${col} IS NOT NULL`), q.dir) as Q;
    return o.orderBy(col, q.dir).orderBy("a.id", q.dir) as Q;
  };
  return { query, order };
}

async function computeApplicants(ctx: Ctx, eventId: string, q: ApplicantQuery) {
  const { query, order } = applicantsQuery(ctx, eventId, q);
  // The page's ids from the application alone, then people and organisations for that page only,
  // with the total as an uncorrelated subquery (computed once): one statement. (One pass with count(*) over () was 3–5× slower: it
  // sorts every filtered row.) Rows mean the event exists, and the list is for staff, who may see
  // drafts; an empty page asks for the event and the total apart.
  const page = order(query.select("a.id"))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const count = query.select((eb) => eb.fn.countAll().as("n"));
  const rows = await order(
    ctx.db
      .selectFrom(page.as("pg"))
      .innerJoin("application as a", "a.id", "pg.id")
      .innerJoin("person as p", "p.id", "a.person_id")
      .innerJoin("organization as o", "o.id", "a.organization_id")
      .select(SUMMARY_COLUMNS)
      .select(count.as("total")),
  ).execute();
  // On PostgreSQL the event and the count run at once on separate connections.
  const total = rows.length
    ? rows[0].total
    : (await Promise.all([loadEvent(ctx, eventId), count.executeTakeFirstOrThrow()]))[1].n;
  return {
    items: rows.map((r) => toSummary(r, true)),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every application that matches the table's filters, in its order, with its texts (staff only). */
export async function applicantsForExport(ctx: Ctx, eventId: string, q: ApplicantFilter, max: number) {
  const { query, order } = applicantsQuery(ctx, eventId, q);
  const rows = await order(
    query
      .innerJoin("person as p", "p.id", "a.person_id")
      .innerJoin("organization as o", "o.id", "a.organization_id")
      .select(COLUMNS),
  )
    .limit(max)
    .execute();
  return rows.map((r) => toRow(r as Joined, true));
}

/** The caller's applications, newest first. */
export async function myApplications(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  const person = await personByUser(ctx.db, ctx.actor.userId);
  if (!person) return [];
  const rows = await baseQuery(ctx)
    .innerJoin("event as e", "e.id", "a.event_id")
    .select([...COLUMNS, "e.title as event_title", "e.start_date", "e.end_date", "e.time_zone"])
    .where("a.person_id", "=", person.id)
    .orderBy("e.start_date", "desc")
    .execute();
  return rows.map((r) => ({
    ...toRow(r as Joined, false),
    event: {
      title: JSON.parse(r.event_title),
      startDate: r.start_date,
      endDate: r.end_date,
      timeZone: r.time_zone,
    },
  }));
}

// ------------------------------------------------------------------ selection

export async function reviewApplication(
  ctx: Ctx,
  id: string,
  input: { score?: number | null; notes?: string },
) {
  await inTransaction(ctx, async (tx) => {
    const before = await loadApplication(tx, id);
    const values: Partial<AppRow> = { updated_at: tx.now().toISOString() };
    if (input.score !== undefined) values.score = input.score;
    if (input.notes !== undefined) values.notes = input.notes || null;
    await updateApplication(tx, id, values);
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "application.review",
      entity: "application",
      entityId: id,
      before: { score: before.score, notes: before.notes },
      after: { score: values.score ?? before.score, notes: values.notes ?? before.notes },
      ip: tx.ip,
    });
  });
  return getApplication(ctx, id);
}

async function placesTaken(ctx: Ctx, eventId: string): Promise<number> {
  const r = await ctx.db
    .selectFrom("application")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "in", [...HOLDS_PLACE])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const DECIDABLE: readonly string[] = ["submitted", "waitlisted", "accepted", "rejected", "confirmed"];
const TEMPLATE = {
  accepted: "applicationAccepted",
  waitlisted: "applicationWaitlisted",
  rejected: "applicationRejected",
} as const;

async function applicantEmail(ctx: Ctx, app: AppRow): Promise<string | null> {
  const p = await ctx.db
    .selectFrom("person")
    .select(["email", "anonymized_at"])
    .where("id", "=", app.person_id)
    .executeTakeFirst();
  return p && !p.anonymized_at ? p.email : null;
}

export async function decide(
  ctx: Ctx,
  id: string,
  input: { decision: "accepted" | "waitlisted" | "rejected"; notify: boolean },
): Promise<ApplicationRow> {
  await inTransaction(ctx, async (tx) => {
    const app = await loadApplication(tx, id);
    const event = await loadEvent(tx, app.event_id);
    if (!DECIDABLE.includes(app.status))
      throw conflict("invalid_transition", `An application that is ${app.status} cannot be decided on.`);
    if (app.status === input.decision || (app.status === "confirmed" && input.decision === "accepted"))
      return;
    const held = HOLDS_PLACE.includes(app.status as ApplicationStatus);
    if (input.decision === "accepted" && !held && event.capacity != null) {
      if ((await placesTaken(tx, event.id)) >= event.capacity)
        throw conflict(
          "capacity_reached",
          `All ${event.capacity} places are taken. Waitlist the applicant or raise the capacity.`,
        );
    }
    const now = tx.now().toISOString();
    await updateApplication(tx, id, {
      status: input.decision,
      decided_by: tx.actor?.userId ?? null,
      decided_at: now,
      updated_at: now,
    });
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: `application.${input.decision}`,
      entity: "application",
      entityId: id,
      before: { status: app.status },
      after: { status: input.decision },
      ip: tx.ip,
    });
    const email = await applicantEmail(tx, app);
    if (input.notify && email)
      await sendEventMail(tx, {
        event,
        to: [email],
        template: TEMPLATE[input.decision],
        kind: `application.${input.decision}`,
      });
    if (held && input.decision !== "accepted") await promoteFromWaitlist(tx, event);
  });
  return getApplication(ctx, id);
}

/** Fills freed places from the waiting list: best score first, then earliest application. */
export async function promoteFromWaitlist(tx: Ctx, event: EventRow): Promise<number> {
  if (event.capacity == null) return 0;
  let promoted = 0;
  let free = event.capacity - (await placesTaken(tx, event.id));
  while (free > 0) {
    const next = await tx.db
      .selectFrom("application")
      .selectAll()
      .where("event_id", "=", event.id)
      .where("status", "=", "waitlisted")
      .orderBy(sql.raw("score IS NULL"))
      .orderBy("score", "desc")
      .orderBy("created_at")
      .limit(1)
      .executeTakeFirst();
    if (!next) break;
    const now = tx.now().toISOString();
    await updateApplication(tx, next.id, {
      status: "accepted",
      decided_at: now,
      decided_by: null,
      updated_at: now,
    });
    await writeAudit(tx.db, {
      actor: null,
      action: "application.promoted",
      entity: "application",
      entityId: next.id,
      before: { status: "waitlisted" },
      after: { status: "accepted" },
    });
    const email = await applicantEmail(tx, next);
    if (email)
      await sendEventMail(tx, {
        event,
        to: [email],
        template: "applicationPromoted",
        kind: "application.promoted",
      });
    free--;
    promoted++;
  }
  return promoted;
}

/** Once an event is over, places can no longer be confirmed, declined or given up. */
function requireNotOver(event: EventRow) {
  if (event.status === "completed" || event.status === "archived")
    throw conflict("invalid_transition", "This event is over; its participation can no longer change.");
}

/** The applicant confirms or declines an offered place. */
export async function respond(ctx: Ctx, id: string, confirm: boolean): Promise<ApplicationRow> {
  await inTransaction(ctx, async (tx) => {
    const app = await loadApplication(tx, id);
    if (!(await isOwn(tx, app))) throw notFound("application");
    if (app.status !== "accepted")
      throw conflict("invalid_transition", "Only an accepted application can be confirmed or declined.");
    const event = await loadEvent(tx, app.event_id);
    requireNotOver(event);
    const status = confirm ? "confirmed" : "declined";
    const now = tx.now().toISOString();
    await updateApplication(tx, id, { status, responded_at: now, updated_at: now });
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: `application.${status}`,
      entity: "application",
      entityId: id,
      before: { status: app.status },
      after: { status },
      ip: tx.ip,
    });
    if (confirm) {
      const email = await applicantEmail(tx, app);
      if (email)
        await sendEventMail(tx, {
          event,
          sessions: await loadSessions(tx, event.id),
          to: [email],
          template: "participationConfirmed",
          kind: "application.confirmed",
          ics: true,
          withLink: true,
        });
    } else await promoteFromWaitlist(tx, event);
  });
  return getApplication(ctx, id);
}

export async function withdraw(ctx: Ctx, id: string): Promise<ApplicationRow> {
  await inTransaction(ctx, async (tx) => {
    const app = await loadApplication(tx, id);
    if (!(await isOwn(tx, app))) throw notFound("application");
    if (!["submitted", "waitlisted", "accepted", "confirmed"].includes(app.status))
      throw conflict("invalid_transition", `An application that is ${app.status} cannot be withdrawn.`);
    requireNotOver(await loadEvent(tx, app.event_id));
    const now = tx.now().toISOString();
    await updateApplication(tx, id, { status: "withdrawn", updated_at: now });
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "application.withdrawn",
      entity: "application",
      entityId: id,
      before: { status: app.status },
      after: { status: "withdrawn" },
      ip: tx.ip,
    });
    if (HOLDS_PLACE.includes(app.status as ApplicationStatus))
      await promoteFromWaitlist(tx, await loadEvent(tx, app.event_id));
  });
  return getApplication(ctx, id);
}

/** The organisation's focal point endorses (or not) a member's application. */
export async function endorse(ctx: Ctx, id: string, endorse: boolean): Promise<ApplicationRow> {
  await inTransaction(ctx, async (tx) => {
    const app = await loadApplication(tx, id);
    if (!(await isFocalPoint(tx, app.organization_id)))
      throw forbidden("Only the organisation's focal point can endorse its members' applications.");
    if (app.endorsement !== "requested" && app.endorsement !== "endorsed" && app.endorsement !== "declined")
      throw conflict("invalid_transition", "This application does not need an endorsement.");
    const value = endorse ? "endorsed" : "declined";
    await updateApplication(tx, id, {
      endorsement: value,
      endorsed_by: tx.actor?.userId ?? null,
      updated_at: tx.now().toISOString(),
    });
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: `application.endorsement.${value}`,
      entity: "application",
      entityId: id,
      before: { endorsement: app.endorsement },
      after: { endorsement: value },
      ip: tx.ip,
    });
  });
  return getApplication(ctx, id);
}

/** A direct invitation by the secretariat: a place offered without an application. */
export async function invite(ctx: Ctx, eventId: string, input: { personId: string; organizationId: string }) {
  let id = "";
  await inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    const person = await tx.db
      .selectFrom("person")
      .selectAll()
      .where("id", "=", input.personId)
      .executeTakeFirst();
    if (!person || person.anonymized_at) throw notFound("person");
    const [org] = await organizationFacts(tx, [input.organizationId]);
    if (!org) throw notFound("organisation");
    if (event.capacity != null && (await placesTaken(tx, eventId)) >= event.capacity)
      throw conflict("capacity_reached", `All ${event.capacity} places are taken.`);
    const existing = await tx.db
      .selectFrom("application")
      .selectAll()
      .where("event_id", "=", eventId)
      .where("person_id", "=", person.id)
      .executeTakeFirst();
    const now = tx.now().toISOString();
    if (existing) {
      if (HOLDS_PLACE.includes(existing.status as ApplicationStatus))
        throw conflict("already_applied", "This person already has a place at the event.");
      id = existing.id;
      await updateApplication(tx, id, {
        status: "accepted",
        invited: 1,
        decided_by: tx.actor?.userId ?? null,
        decided_at: now,
        updated_at: now,
      });
    } else {
      id = uuidv7();
      await insertApplications(tx, [
        {
          id,
          event_id: eventId,
          person_id: person.id,
          organization_id: org.id,
          status: "accepted",
          ...(await snapshot(tx, event, person, org)),
          answers: "{}",
          motivation: null,
          travel_support: 0,
          travel_justification: null,
          consent_at: null,
          consent_text: null,
          endorsement: "none",
          endorsed_by: null,
          score: null,
          notes: null,
          invited: 1,
          directory_opt_in: 0,
          checkin_token: randomBytes(16).toString("base64url"),
          decided_by: tx.actor?.userId ?? null,
          decided_at: now,
          responded_at: null,
          created_at: now,
          updated_at: now,
        },
      ]);
    }
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "application.invited",
      entity: "application",
      entityId: id,
      after: { personId: person.id, organizationId: org.id },
      ip: tx.ip,
    });
    if (person.email)
      await sendEventMail(tx, {
        event,
        to: [person.email],
        template: "eventInvitation",
        kind: "application.invited",
      });
  });
  return getApplication(ctx, id);
}

// ------------------------------------------------------------------ diversity

const share = (n: number, d: number) => (d > 0 ? n / d : null);

function counts(values: Array<string | null>): Array<{ key: string; count: number }> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v ?? "unknown", (m.get(v ?? "unknown") ?? 0) + 1);
  return [...m]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The live diversity panel: the selection (or all applicants) measured against the targets. */
export async function diversity(
  ctx: Ctx,
  eventId: string,
  scope: "selected" | "applicants",
): Promise<DiversityPanel> {
  const event = await loadEvent(ctx, eventId);
  let q = ctx.db
    .selectFrom("application")
    .select(["country", "region", "gender", "youth", "org_type", "first_time", "organization_id"])
    .where("event_id", "=", eventId);
  q =
    scope === "selected"
      ? q.where("status", "in", [...HOLDS_PLACE])
      : q.where("status", "not in", ["withdrawn"]);
  const rows = await q.execute();
  const total = rows.length;
  const youthKnown = rows.filter((r) => r.youth != null);
  const youthCount = youthKnown.filter((r) => r.youth === 1).length;
  const genderKnownRows = rows.filter((r) => genderKnown(r.gender));
  const women = genderKnownRows.filter((r) => isWoman(r.gender)).length;
  const firstTime = rows.filter((r) => r.first_time === 1).length;
  const perOrg = counts(rows.map((r) => r.organization_id));
  const countries = counts(rows.map((r) => r.country));
  const youthShare = share(youthCount, total);
  const womenShare = share(women, genderKnownRows.length);
  const targets = JSON.parse(event.diversity_targets) as DiversityTargets;
  const out: DiversityPanel["targets"] = [];
  const countryCount = countries.filter((c) => c.key !== "unknown").length;
  if (targets.youthShareMin != null)
    out.push({
      key: "youthShare",
      target: targets.youthShareMin,
      actual: youthShare,
      met: (youthShare ?? 0) >= targets.youthShareMin,
    });
  if (targets.womenShareMin != null)
    out.push({
      key: "womenShare",
      target: targets.womenShareMin,
      actual: womenShare,
      met: (womenShare ?? 0) >= targets.womenShareMin,
    });
  if (targets.countriesMin != null)
    out.push({
      key: "countries",
      target: targets.countriesMin,
      actual: countryCount,
      met: countryCount >= targets.countriesMin,
    });
  if (targets.maxPerOrganization != null) {
    const max = perOrg[0]?.count ?? 0;
    out.push({
      key: "maxPerOrganization",
      target: targets.maxPerOrganization,
      actual: max,
      met: max <= targets.maxPerOrganization,
    });
  }
  if (targets.firstTimeShareMin != null) {
    const s = share(firstTime, total);
    out.push({
      key: "firstTimeShare",
      target: targets.firstTimeShareMin,
      actual: s,
      met: (s ?? 0) >= targets.firstTimeShareMin,
    });
  }
  return {
    scope,
    total,
    countries,
    regions: counts(rows.map((r) => r.region)),
    genders: counts(rows.map((r) => (genderKnown(r.gender) ? foldText(r.gender as string) : null))),
    sectors: counts(rows.map((r) => r.org_type)),
    youth: { count: youthCount, known: youthKnown.length, share: youthShare },
    women: { count: women, known: genderKnownRows.length, share: womenShare },
    firstTime: { count: firstTime, share: share(firstTime, total) },
    perOrganization: { max: perOrg[0]?.count ?? 0, organizations: perOrg.length },
    capacity: event.capacity,
    targets: out,
  };
}

/** Many applications at once, with their decisions already taken (demo data, migrations from other tools). */
export async function createApplicationsBulk(
  ctx: Ctx,
  eventId: string,
  items: Array<{
    personId: string;
    organizationId: string;
    status: ApplicationStatus;
    createdAt: string;
    decidedAt?: string | null;
    invited?: boolean;
    directoryOptIn?: boolean;
    motivation?: string;
    /** Answers to the event's custom questions, by question id. */
    answers?: Record<string, unknown>;
    /** A travel-support request with its justification. */
    travelJustification?: string;
    score?: number | null;
    notes?: string;
  }>,
): Promise<string[]> {
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    const people = await tx.db
      .selectFrom("person")
      .selectAll()
      .where(
        "id",
        "in",
        items.map((i) => i.personId),
      )
      .execute();
    const orgs = await organizationFacts(
      tx,
      items.map((i) => i.organizationId),
    );
    const ids: string[] = [];
    const rows: AppRow[] = [];
    for (const item of items) {
      const person = people.find((p) => p.id === item.personId);
      const org = orgs.find((o) => o.id === item.organizationId);
      if (!person || !org) throw notFound("person or organisation");
      const id = uuidv7();
      ids.push(id);
      rows.push({
        id,
        event_id: eventId,
        person_id: person.id,
        organization_id: org.id,
        status: item.status,
        ...(await snapshot(tx, event, person, org)),
        answers: JSON.stringify(item.answers ?? {}),
        motivation: item.motivation ?? null,
        travel_support: item.travelJustification ? 1 : 0,
        travel_justification: item.travelJustification ?? null,
        consent_at: item.invited ? null : item.createdAt,
        consent_text: item.invited ? null : event.consent_text,
        endorsement: "none",
        endorsed_by: null,
        score: item.score ?? null,
        notes: item.notes ?? null,
        invited: item.invited ? 1 : 0,
        directory_opt_in: item.directoryOptIn ? 1 : 0,
        checkin_token: randomBytes(16).toString("base64url"),
        decided_by: null,
        decided_at: item.decidedAt ?? null,
        responded_at: null,
        created_at: item.createdAt,
        updated_at: item.decidedAt ?? item.createdAt,
      });
    }
    await insertApplications(tx, rows);
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "application.bulk_create",
      entity: "event",
      entityId: eventId,
      after: { count: rows.length },
    });
    return ids;
  });
}

/** The participant's personal check-in code (for a QR code shown at the venue's entrance). */
export async function checkinCode(ctx: Ctx, id: string): Promise<{ token: string; url: string }> {
  const app = await loadApplication(ctx, id);
  if (!(await isOwn(ctx, app))) throw notFound("application");
  if (!HOLDS_PLACE.includes(app.status as ApplicationStatus) || !app.checkin_token)
    throw conflict("invalid_transition", "A check-in code is available once you have a place.");
  return { token: app.checkin_token, url: `${ctx.config.publicUrl}/checkin/${app.checkin_token}` };
}

/** A file for a "file" question, uploaded before the application is sent (PDF or image, sniffed). */
export async function uploadApplicationFile(
  ctx: Ctx,
  eventId: string,
  file: { name: string; bytes: Buffer },
) {
  if (!ctx.actor) throw unauthorized();
  const event = await loadEvent(ctx, eventId);
  if (!acceptingApplications(event, ctx.now()))
    throw new AppError(403, "applications_closed", "The call for applications is not open.");
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const saved = await tx.files.save(tx.db, {
      name: file.name,
      bytes: file.bytes,
      allowed: DOCUMENT_TYPES,
      createdBy: actor.userId,
    });
    await writeAudit(tx.db, {
      actor,
      action: "application.file.upload",
      entity: "event",
      entityId: eventId,
      after: { fileId: saved.id, name: file.name, mime: saved.mime, size: saved.size },
      ip: tx.ip,
    });
    return { fileId: saved.id, name: file.name, mime: saved.mime, size: saved.size };
  });
}

/** A file attached to an application: its applicant and the secretariat may read it. */
export async function readApplicationFile(ctx: Ctx, applicationId: string, fileId: string) {
  const app = await getApplication(ctx, applicationId);
  const referenced = Object.values(app.answers).some(
    (a) => typeof a === "object" && a && !Array.isArray(a) && (a as { fileId?: string }).fileId === fileId,
  );
  if (!referenced) throw notFound("file");
  const meta = await ctx.db.selectFrom("stored_file").selectAll().where("id", "=", fileId).executeTakeFirst();
  if (!meta) throw notFound("file");
  return { meta, bytes: await ctx.files.read(fileId) };
}

/** Applications waiting for the caller's endorsement, as focal point of their organisations. */
export async function endorsementRequests(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  const me = await personByUser(ctx.db, ctx.actor.userId);
  if (!me) return [];
  const orgs = (await membershipsOfPerson(ctx, me.id))
    .filter((m) => m.status === "approved" && m.role === "focal_point")
    .map((m) => m.organizationId);
  if (!orgs.length) return [];
  const rows = await baseQuery(ctx)
    .innerJoin("event as e", "e.id", "a.event_id")
    .select([...COLUMNS, "e.title as event_title", "e.start_date", "e.end_date"])
    .where("a.organization_id", "in", orgs)
    .where("a.endorsement", "in", ["requested", "endorsed", "declined"])
    .where("a.status", "not in", ["withdrawn"])
    .orderBy("a.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    ...forFocalPoint(toRow(r as Joined, false)),
    event: { title: JSON.parse(r.event_title), startDate: r.start_date, endDate: r.end_date },
  }));
}
