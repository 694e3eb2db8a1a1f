import sanitizeHtml from "sanitize-html";
import { uuidv7 } from "uuidv7";
import { type LocalizedText, pickText } from "../../../shared/schemas/common.ts";
import { HOLDS_PLACE } from "../../../shared/schemas/events.ts";
import type {
  AnswerInput,
  Assignee,
  EndorseInput,
  Protection,
  RecListQuery,
  RecommendationInput,
  RecStatus,
} from "../../../shared/schemas/recommendations.ts";
import { foldText, similarityWords } from "../../../shared/text.ts";
import type { RecommendationTable } from "../../db/schema.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { epochCache, touch } from "../../platform/cache-epoch.ts";
import { afterCommit, type Ctx, inTransaction } from "../../platform/context.ts";
import { badRequest, conflict, forbidden, notFound, required, unauthorized } from "../../platform/errors.ts";
import { serverT } from "../../platform/i18n/messages.ts";
import { enqueueJob } from "../../platform/jobs.ts";
import { notify } from "../../platform/notifications.ts";
import { localize } from "../events/mapping.ts";
import { isFocalPoint, membershipsOfPerson } from "../organizations/service.ts";
import { ensurePersonForUser, personByUser } from "../people/service.ts";
import { regionOf } from "../reference/service.ts";

type Row = RecommendationTable;
const PUBLIC_LEVELS: Protection[] = ["public", "group", "anonymous"];

/** Rich text as written by people: a few formatting tags, links with http(s) or mailto only. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "a"],
    allowedAttributes: { a: ["href", "rel"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
  }).trim();
}

const sanitizeAll = (v: Record<string, string> | undefined) =>
  v ? Object.fromEntries(Object.entries(v).map(([k, s]) => [k, sanitize(s)])) : undefined;
const plain = (v: Record<string, string> | undefined) =>
  v
    ? Object.fromEntries(
        Object.entries(v).map(([k, s]) => [
          k,
          sanitizeHtml(s, { allowedTags: [], allowedAttributes: {} }).trim(),
        ]),
      )
    : undefined;

const json = (v: unknown) => JSON.stringify(v ?? null);
const now = (ctx: Ctx) => ctx.now().toISOString();

/**
 * Words of stored text for indexing and similarity. The stored HTML has been through `sanitize`, so
 * removing its tags with a pattern is enough here (and much cheaper than parsing it again); the
 * result is only ever tokenised, never shown.
 */
const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(
      /&(amp|lt|gt|quot|#39|nbsp);/g,
      (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[e] ?? " ",
    );

function searchParts(r: Pick<Row, "title" | "text" | "themes">): string[] {
  const texts = (col: string) =>
    Object.values(JSON.parse(col) as LocalizedText).map((t) => stripTags(t.value));
  return [...texts(r.title), ...texts(r.text), ...(JSON.parse(r.themes) as string[])];
}

/** Filter tags of a recommendation: one row per theme, instrument, article, area, actor, SDG target. */
function tagsOf(
  r: Pick<
    Row,
    "id" | "themes" | "instruments" | "articles" | "engagement_areas" | "addressed_actors" | "sdg_targets"
  >,
) {
  const tags: Array<{ recommendation_id: string; kind: string; value: string }> = [];
  const add = (kind: string, col: string) => {
    for (const v of new Set(JSON.parse(col) as string[]))
      tags.push({ recommendation_id: r.id, kind, value: kind === "theme" ? foldText(v) : v });
  };
  add("theme", r.themes);
  add("instrument", r.instruments);
  add("article", r.articles);
  add("area", r.engagement_areas);
  add("actor", r.addressed_actors);
  add("sdg", r.sdg_targets);
  return tags;
}

async function replaceTags(ctx: Ctx, r: Parameters<typeof tagsOf>[0]) {
  await ctx.db.deleteFrom("recommendation_tag").where("recommendation_id", "=", r.id).execute();
  const tags = tagsOf(r);
  if (tags.length) await ctx.db.insertInto("recommendation_tag").values(tags).execute();
}

/** A new row from an input (sanitised), with what the caller knows of its origin. */
function newRow(
  id: string,
  input: RecommendationInput,
  meta: {
    authorPersonId: string | null;
    region: string | null;
    year: number;
    status: RecStatus;
    createdAt: string;
    createdBy: string | null;
  },
): Row {
  return {
    id,
    title: json(localize(plain(input.title))),
    text: json(localize(sanitizeAll(input.text))),
    rationale: json(localize(sanitizeAll(input.rationale))),
    original_lang: input.originalLang,
    addressed_actors: json(input.addressedActors),
    themes: json(input.themes),
    instruments: json(input.instruments),
    articles: json(input.articles),
    engagement_areas: json(input.engagementAreas),
    sdg_targets: json(input.sdgTargets),
    event_id: input.eventId ?? null,
    session_id: input.sessionId ?? null,
    group_id: input.groupId ?? null,
    organization_id: input.organizationId ?? null,
    author_person_id: meta.authorPersonId,
    region: meta.region,
    year: meta.year,
    protection: input.protection,
    status: meta.status,
    public_status: meta.status,
    answer: "{}",
    pending_answer: null,
    answer_publish_at: null,
    answered_at: null,
    assigned_to: null,
    merged_into: null,
    endorsements: 0,
    created_by: meta.createdBy,
    created_at: meta.createdAt,
    updated_at: meta.createdAt,
  };
}

async function history(ctx: Ctx, id: string, kind: string, data: unknown, isPublic: boolean) {
  await touch(ctx, "recommendation");
  await ctx.db
    .insertInto("recommendation_history")
    .values({
      id: uuidv7(),
      recommendation_id: id,
      at: now(ctx),
      kind,
      data: json(data),
      public: isPublic ? 1 : 0,
    })
    .execute();
}

async function loadRow(ctx: Ctx, id: string): Promise<Row> {
  const r = await ctx.db.selectFrom("recommendation").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw notFound("recommendation");
  return r;
}

async function isAuthor(ctx: Ctx, r: Row): Promise<boolean> {
  if (!ctx.actor) return false;
  if (r.created_by === ctx.actor.userId) return true;
  const me = await personByUser(ctx.db, ctx.actor.userId);
  return !!me && me.id === r.author_person_id;
}

/** May the caller see this recommendation at all? Confidential ones: the secretariat and the author. */
async function canSee(ctx: Ctx, r: Row): Promise<boolean> {
  if (isStaff(ctx.actor)) return true;
  if (r.protection === "confidential") return isAuthor(ctx, r);
  return true;
}

// ------------------------------------------------------------------ create / edit

async function checkOrigin(ctx: Ctx, input: Partial<RecommendationInput>, personId: string) {
  const staff = isStaff(ctx.actor);
  if (input.eventId) {
    const event = await ctx.db
      .selectFrom("event")
      .select(["id", "status"])
      .where("id", "=", input.eventId)
      .executeTakeFirst();
    if (!event || (event.status === "draft" && !staff)) throw notFound("event");
    if (!staff) {
      const app = await ctx.db
        .selectFrom("application")
        .select("status")
        .where("event_id", "=", input.eventId)
        .where("person_id", "=", personId)
        .executeTakeFirst();
      if (!app || !HOLDS_PLACE.includes(app.status as never))
        throw forbidden(
          "Only participants of the event can submit its recommendations.",
          "not_a_participant",
        );
    }
  }
  if (input.sessionId) {
    const s = await ctx.db
      .selectFrom("event_session")
      .select("event_id")
      .where("id", "=", input.sessionId)
      .executeTakeFirst();
    if (!s || s.event_id !== input.eventId)
      throw badRequest("validation", "The session is not part of the event.", [
        { path: "sessionId", message: "not in the event" },
      ]);
  }
  if (input.groupId) {
    const g = await ctx.db
      .selectFrom("breakout_group as g")
      .innerJoin("breakout_set as s", "s.session_id", "g.session_id")
      .select(["s.event_id", "g.session_id"])
      .where("g.id", "=", input.groupId)
      .executeTakeFirst();
    if (!g || g.event_id !== input.eventId)
      throw badRequest("validation", "The group is not part of the event.", [
        { path: "groupId", message: "not in the event" },
      ]);
  }
  if (input.organizationId && !staff) {
    const mine = (await membershipsOfPerson(ctx, personId)).filter((m) => m.status === "approved");
    if (!mine.some((m) => m.organizationId === input.organizationId))
      throw forbidden("You can submit on behalf of an organisation you belong to only.", "not_a_member");
  }
}

async function regionFor(
  ctx: Ctx,
  input: Partial<RecommendationInput>,
  personCountry: string | null,
): Promise<string | null> {
  const regions = await regionOf(ctx);
  if (input.organizationId) {
    const o = await ctx.db
      .selectFrom("organization")
      .select("country")
      .where("id", "=", input.organizationId)
      .executeTakeFirst();
    if (o) return regions.get(o.country) ?? null;
  }
  if (input.eventId) {
    const e = await ctx.db
      .selectFrom("event")
      .select("target")
      .where("id", "=", input.eventId)
      .executeTakeFirst();
    const target = e ? (JSON.parse(e.target) as { regions?: string[] }) : {};
    if (target.regions?.length === 1) return target.regions[0];
  }
  return personCountry ? (regions.get(personCountry) ?? null) : null;
}

export async function createRecommendation(
  ctx: Ctx,
  input: RecommendationInput,
  /** The secretariat recording a recommendation on behalf of its author (e.g. from a group's report). */
  onBehalf?: { authorPersonId: string; createdAt?: string },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  if (onBehalf && !isStaff(actor)) throw forbidden();
  const id = uuidv7();
  await inTransaction(ctx, async (tx) => {
    const person = onBehalf
      ? await tx.db
          .selectFrom("person")
          .selectAll()
          .where("id", "=", onBehalf.authorPersonId)
          .executeTakeFirstOrThrow()
      : await ensurePersonForUser(tx.db, actor);
    await checkOrigin(tx, input, person.id);
    let year = tx.now().getUTCFullYear();
    if (input.eventId) {
      const e = await tx.db
        .selectFrom("event")
        .select("start_date")
        .where("id", "=", input.eventId)
        .executeTakeFirstOrThrow();
      year = Number(e.start_date.slice(0, 4));
    }
    const t = onBehalf?.createdAt ?? now(tx);
    const row = newRow(id, input, {
      authorPersonId: person.id,
      region: await regionFor(tx, input, person.country),
      year,
      status: "received",
      createdAt: t,
      createdBy: actor.userId,
    });
    await tx.db.insertInto("recommendation").values(row).execute();
    await replaceTags(tx, row);
    await tx.search.put(tx.db, "recommendation", id, searchParts(row));
    await history(tx, id, "created", { status: "received" }, row.protection !== "confidential");
    // The audit log is the secretariat's: it records the author, as for every change.
    await writeAudit(tx.db, {
      actor,
      action: "recommendation.create",
      entity: "recommendation",
      entityId: id,
      after: { protection: row.protection, eventId: row.event_id },
      ip: tx.ip,
    });
  });
  return getRecommendation(ctx, id);
}

// ------------------------------------------------------------------ assignment

const STAFF_ROLES = ["admin", "secretariat"];

/**
 * The people a recommendation can be assigned to: users with the admin or secretariat role, with
 * their id and name only, sorted by name in the caller's language (the same on both databases).
 */
export async function listAssignees(ctx: Ctx): Promise<Assignee[]> {
  const rows = await ctx.db
    .selectFrom("user as u")
    .select(["u.id", "u.name"])
    .where("u.id", "in", (eb) =>
      eb.selectFrom("platform_role").select("user_id").where("role", "in", STAFF_ROLES),
    )
    .execute();
  const collator = new Intl.Collator(ctx.locale, { sensitivity: "base" });
  return rows
    .map((r) => ({ id: r.id, name: r.name }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Refuses an assignee who is not (or no longer) a member of the secretariat or an admin. */
async function checkAssignee(ctx: Ctx, userId: string) {
  const role = userId
    ? await ctx.db
        .selectFrom("platform_role")
        .select("user_id")
        .where("user_id", "=", userId)
        .where("role", "in", STAFF_ROLES)
        .executeTakeFirst()
    : undefined;
  if (!role)
    throw badRequest(
      "validation",
      "A recommendation can be assigned only to a member of the secretariat or an administrator.",
      [{ path: "assignedTo", message: "is not a member of the secretariat" }],
    );
}

/** Names of the assignees among these user ids (for the secretariat's views). */
async function assigneeNames(ctx: Ctx, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await ctx.db.selectFrom("user").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function updateRecommendation(
  ctx: Ctx,
  id: string,
  patch: Partial<RecommendationInput> & { assignedTo?: string | null },
) {
  if (!ctx.actor) throw unauthorized();
  await inTransaction(ctx, async (tx) => {
    const before = await loadRow(tx, id);
    const staff = isStaff(tx.actor);
    if (!staff) {
      if (!(await isAuthor(tx, before))) throw notFound("recommendation");
      if (before.status !== "received")
        throw conflict(
          "invalid_transition",
          "A recommendation can be edited by its author until the secretariat takes it up.",
        );
      if (patch.assignedTo !== undefined) throw forbidden();
    }
    if (patch.assignedTo != null && patch.assignedTo !== before.assigned_to)
      await checkAssignee(tx, patch.assignedTo);
    if (
      patch.eventId !== undefined ||
      patch.groupId !== undefined ||
      patch.sessionId !== undefined ||
      patch.organizationId !== undefined
    )
      await checkOrigin(
        tx,
        { ...patch, eventId: patch.eventId ?? before.event_id ?? undefined },
        before.author_person_id ?? "",
      );
    const values: Partial<Row> = {};
    const text = (col: "title" | "text" | "rationale") => JSON.parse(before[col]) as LocalizedText;
    if (patch.title) values.title = json(localize(plain(patch.title), text("title")));
    if (patch.text) values.text = json(localize(sanitizeAll(patch.text), text("text")));
    if (patch.rationale) values.rationale = json(localize(sanitizeAll(patch.rationale), text("rationale")));
    if (patch.originalLang) values.original_lang = patch.originalLang;
    if (patch.addressedActors) values.addressed_actors = json(patch.addressedActors);
    if (patch.themes) values.themes = json(patch.themes);
    if (patch.instruments) values.instruments = json(patch.instruments);
    if (patch.articles) values.articles = json(patch.articles);
    if (patch.engagementAreas) values.engagement_areas = json(patch.engagementAreas);
    if (patch.sdgTargets) values.sdg_targets = json(patch.sdgTargets);
    if (patch.protection) values.protection = patch.protection;
    if (patch.eventId !== undefined) values.event_id = patch.eventId;
    if (patch.sessionId !== undefined) values.session_id = patch.sessionId;
    if (patch.groupId !== undefined) values.group_id = patch.groupId;
    if (patch.organizationId !== undefined) values.organization_id = patch.organizationId;
    if (patch.assignedTo !== undefined) values.assigned_to = patch.assignedTo;
    if (!Object.keys(values).length) return;
    values.updated_at = now(tx);
    await tx.db.updateTable("recommendation").set(values).where("id", "=", id).execute();
    const after = { ...before, ...values } as Row;
    await replaceTags(tx, after);
    await tx.search.put(tx.db, "recommendation", id, searchParts(after));
    await history(tx, id, "edited", { fields: Object.keys(values).filter((k) => k !== "updated_at") }, false);
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "recommendation.update",
      entity: "recommendation",
      entityId: id,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof Row]])),
      after: values,
      ip: tx.ip,
    });
  });
  return getRecommendation(ctx, id);
}

// ------------------------------------------------------------------ reading

interface Origin {
  event: { id: string; title: LocalizedText; startDate: string } | null;
  session: { id: string; title: LocalizedText } | null;
  group: { id: string; number: number; title: LocalizedText } | null;
  organization: { id: string; name: string } | null;
  person: { id: string; name: string } | null;
}

/** What may be said of where a recommendation came from, given its protection and the viewer. */
async function originOf(ctx: Ctx, r: Row, full: boolean): Promise<Origin> {
  const level = full ? "public" : (r.protection as Protection);
  const out: Origin = { event: null, session: null, group: null, organization: null, person: null };
  if (level === "confidential") return out;
  if (r.event_id) {
    const e = await ctx.db
      .selectFrom("event")
      .select(["id", "title", "start_date"])
      .where("id", "=", r.event_id)
      .executeTakeFirst();
    if (e) out.event = { id: e.id, title: JSON.parse(e.title), startDate: e.start_date };
  }
  if (level === "anonymous") return out;
  if (r.session_id) {
    const s = await ctx.db
      .selectFrom("event_session")
      .select(["id", "title"])
      .where("id", "=", r.session_id)
      .executeTakeFirst();
    if (s) out.session = { id: s.id, title: JSON.parse(s.title) };
  }
  if (r.group_id) {
    const g = await ctx.db
      .selectFrom("breakout_group")
      .select(["id", "number", "title"])
      .where("id", "=", r.group_id)
      .executeTakeFirst();
    if (g) out.group = { id: g.id, number: g.number, title: JSON.parse(g.title) };
  }
  if (level === "group") return out;
  if (r.organization_id) {
    const o = await ctx.db
      .selectFrom("organization")
      .select(["id", "name"])
      .where("id", "=", r.organization_id)
      .executeTakeFirst();
    if (o) out.organization = { id: o.id, name: o.name };
  }
  if (r.author_person_id) {
    const p = await ctx.db
      .selectFrom("person")
      .select(["id", "given_name", "family_name", "anonymized_at"])
      .where("id", "=", r.author_person_id)
      .executeTakeFirst();
    if (p && !p.anonymized_at) out.person = { id: p.id, name: `${p.given_name} ${p.family_name}`.trim() };
  }
  return out;
}

async function endorsementsOf(ctx: Ctx, ids: string[], full: boolean) {
  if (!ids.length)
    return new Map<string, Array<{ kind: "person" | "organization"; id: string; name: string }>>();
  const rows = await ctx.db
    .selectFrom("recommendation_endorsement as e")
    .leftJoin("person as p", "p.id", "e.person_id")
    .leftJoin("organization as o", "o.id", "e.organization_id")
    .select([
      "e.recommendation_id",
      "e.person_id",
      "e.organization_id",
      "e.show_identity",
      "p.given_name",
      "p.family_name",
      "p.anonymized_at",
      "o.name as org_name",
    ])
    .where("e.recommendation_id", "in", ids)
    .orderBy("e.created_at")
    .execute();
  const map = new Map<string, Array<{ kind: "person" | "organization"; id: string; name: string }>>();
  for (const r of rows) {
    if (!full && (!r.show_identity || r.anonymized_at)) continue;
    const list = map.get(r.recommendation_id) ?? [];
    if (r.organization_id) list.push({ kind: "organization", id: r.organization_id, name: r.org_name ?? "" });
    else if (r.person_id)
      list.push({ kind: "person", id: r.person_id, name: `${r.given_name} ${r.family_name}`.trim() });
    map.set(r.recommendation_id, list);
  }
  return map;
}

function baseView(r: Row, full: boolean, names?: Map<string, string>) {
  const parse = (c: string) => JSON.parse(c);
  return {
    id: r.id,
    title: parse(r.title) as LocalizedText,
    text: parse(r.text) as LocalizedText,
    rationale: parse(r.rationale) as LocalizedText,
    originalLang: r.original_lang,
    addressedActors: parse(r.addressed_actors) as string[],
    themes: parse(r.themes) as string[],
    instruments: parse(r.instruments) as string[],
    articles: parse(r.articles) as string[],
    engagementAreas: parse(r.engagement_areas) as string[],
    sdgTargets: parse(r.sdg_targets) as string[],
    year: r.year,
    region: r.region,
    protection: full
      ? r.protection
      : r.protection === "public"
        ? "public"
        : r.protection === "group"
          ? "group"
          : "anonymous",
    status: (full ? r.status : r.public_status) as RecStatus,
    answer: parse(r.answer) as LocalizedText,
    answeredAt: r.answered_at,
    mergedInto: r.merged_into,
    endorsements: r.endorsements,
    createdAt: full ? r.created_at : r.created_at.slice(0, 10),
    ...(full
      ? {
          internal: {
            status: r.status,
            pendingAnswer: r.pending_answer ? JSON.parse(r.pending_answer) : null,
            answerPublishAt: r.answer_publish_at,
            assignedTo: r.assigned_to,
            /** The assignee's name, for the secretariat only. */
            assigneeName: (r.assigned_to && names?.get(r.assigned_to)) || null,
          },
        }
      : {}),
  };
}

export async function getRecommendation(ctx: Ctx, id: string) {
  const r = await loadRow(ctx, id);
  if (!(await canSee(ctx, r))) throw notFound("recommendation");
  const staff = isStaff(ctx.actor);
  const full = staff || (await isAuthor(ctx, r));
  const [origin, endorsements, timeline, merged, names] = await Promise.all([
    originOf(ctx, r, full),
    endorsementsOf(ctx, [id], staff),
    ctx.db
      .selectFrom("recommendation_history")
      .select(["at", "kind", "data", "public"])
      .where("recommendation_id", "=", id)
      .orderBy("at")
      .execute(),
    ctx.db.selectFrom("recommendation").selectAll().where("merged_into", "=", id).execute(),
    staff ? assigneeNames(ctx, [r.assigned_to]) : undefined,
  ]);
  // Origins of the recommendations merged into this one, each as its own protection allows.
  const mergedOrigins = [];
  for (const m of merged)
    if (await canSee(ctx, m)) mergedOrigins.push({ id: m.id, origin: await originOf(ctx, m, staff) });
  let mine: { endorsed: boolean } | null = null;
  if (ctx.actor) {
    const me = await personByUser(ctx.db, ctx.actor.userId);
    mine = {
      endorsed: !!(
        me &&
        (await ctx.db
          .selectFrom("recommendation_endorsement")
          .select("id")
          .where("recommendation_id", "=", id)
          .where("person_id", "=", me.id)
          .executeTakeFirst())
      ),
    };
  }
  return {
    ...baseView(r, full, names),
    origin,
    mergedFrom: mergedOrigins,
    endorsedBy: endorsements.get(id) ?? [],
    timeline: timeline
      .filter((h) => staff || h.public)
      .map((h) => ({ at: staff ? h.at : h.at.slice(0, 10), kind: h.kind, data: JSON.parse(h.data) })),
    mine,
  };
}

function listQuery(ctx: Ctx, q: RecListQuery) {
  const staff = isStaff(ctx.actor);
  const match = q.q ? ctx.search.matchIds("recommendation", q.q) : null;
  let query = ctx.db.selectFrom("recommendation as r");
  if (q.q && !match) query = query.where((eb) => eb.lit(false));
  if (match) query = query.where("r.id", "in", match as never);
  if (!staff) query = query.where("r.protection", "in", PUBLIC_LEVELS);
  else if (q.protection) query = query.where("r.protection", "=", q.protection);
  const statusCol = staff ? "r.status" : "r.public_status";
  if (q.status) query = query.where(statusCol, "=", q.status);
  else query = query.where(statusCol, "!=", "merged");
  if (q.event) query = query.where("r.event_id", "=", q.event);
  if (q.assigned && staff) {
    if (q.assigned === "none") query = query.where("r.assigned_to", "is", null);
    else
      query = query.where("r.assigned_to", "=", q.assigned === "me" ? (ctx.actor?.userId ?? "") : q.assigned);
  }
  if (q.year) query = query.where("r.year", "=", q.year);
  if (q.region) query = query.where("r.region", "=", q.region);
  for (const [kind, value] of [
    ["theme", q.theme ? foldText(q.theme) : undefined],
    ["instrument", q.instrument],
    ["article", q.article],
    ["area", q.area],
  ] as const) {
    if (value)
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("recommendation_tag as t")
            .select("t.recommendation_id")
            .whereRef("t.recommendation_id", "=", "r.id")
            .where("t.kind", "=", kind)
            .where("t.value", "=", value),
        ),
      );
  }
  return query;
}

/**
 * Totals per filter are cached until the next recommendation write (in any server process, through
 * the "recommendation" cache epoch): counting a large filter on every page view would dominate the
 * tracker's cost.
 */
const counts = epochCache<number>("recommendation", 5 * 60_000);

async function cachedCount(
  ctx: Ctx,
  q: RecListQuery,
  query: ReturnType<typeof listQuery>,
): Promise<{ n: number }> {
  const key = JSON.stringify({ ...q, page: 0, pageSize: 0, sort: "", staff: isStaff(ctx.actor) });
  const n = await counts.get(ctx.db, key, async () => {
    const row = await query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  });
  return { n };
}

/** The public tracker (and the secretariat's queue): confidential ones only for the secretariat. */
export async function listRecommendations(ctx: Ctx, q: RecListQuery) {
  const staff = isStaff(ctx.actor);
  const query = listQuery(ctx, q);
  let ordered = query.selectAll("r");
  if (q.sort === "oldest") ordered = ordered.orderBy("r.created_at", "asc");
  else if (q.sort === "endorsements")
    ordered = ordered.orderBy("r.endorsements", "desc").orderBy("r.created_at", "desc");
  else if (q.sort === "status")
    ordered = ordered.orderBy(staff ? "r.status" : "r.public_status").orderBy("r.created_at", "desc");
  else ordered = ordered.orderBy("r.created_at", "desc");
  const rows = await ordered
    .orderBy("r.id", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = await cachedCount(ctx, q, query);
  const events = new Map<string, { id: string; title: LocalizedText }>();
  const eventIds = [...new Set(rows.map((r) => r.event_id).filter((e): e is string => !!e))];
  if (eventIds.length)
    for (const e of await ctx.db
      .selectFrom("event")
      .select(["id", "title"])
      .where("id", "in", eventIds)
      .execute())
      events.set(e.id, { id: e.id, title: JSON.parse(e.title) });
  // Progress of the follow-up actions of the page's recommendations.
  const progress = new Map<string, number>();
  if (rows.length) {
    const acts = await ctx.db
      .selectFrom("recommendation_action")
      .select(["recommendation_id", "progress", "status"])
      .where(
        "recommendation_id",
        "in",
        rows.map((r) => r.id),
      )
      .where("status", "!=", "dropped")
      .execute();
    const sums = new Map<string, { n: number; total: number }>();
    for (const a of acts) {
      const x = sums.get(a.recommendation_id) ?? { n: 0, total: 0 };
      sums.set(a.recommendation_id, { n: x.n + 1, total: x.total + a.progress });
    }
    for (const [k, v] of sums) progress.set(k, Math.round(v.total / v.n));
  }
  return {
    items: rows.map((r) => ({
      ...baseView(r, staff),
      event: r.event_id ? (events.get(r.event_id) ?? null) : null,
      progress: progress.get(r.id) ?? null,
    })),
    total: total.n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Counts for the public tracker: never a confidential recommendation. */
export async function statistics(ctx: Ctx, q: RecListQuery) {
  const rows = await listQuery({ ...ctx, actor: null }, { ...q, page: 1, pageSize: 1 })
    .select(["r.public_status as status"])
    .execute();
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return { total: rows.length, byStatus };
}

// ------------------------------------------------------------------ similar

/** Significant words of stored or typed text (tags removed first). */
const words = (text: string) => similarityWords(stripTags(text));

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [, v] of a) na += v * v;
  for (const [k, v] of b) {
    nb += v * v;
    const x = a.get(k);
    if (x) dot += x * v;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const bag = (ws: string[]) => {
  const m = new Map<string, number>();
  for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};

/** Candidates to compare with a text, at most this many. */
const CANDIDATES = 150;

/**
 * Candidates for "similar": recommendations sharing the text's rarest words (counts from
 * search_term). When those words are rare enough, any of them will do, best ranked first. When
 * even the rarest are common, the candidates must contain several of them together: as many of the
 * rarest words as it takes for the expected number of documents with all of them to fall to about
 * CANDIDATES (fewer if that finds too little). Either way the index never ranks a large share of
 * the corpus, so the cost does not grow with it.
 */
async function similarCandidates(ctx: Ctx, distinct: string[]): Promise<string[]> {
  const { total, counts } = await ctx.search.documentCounts(ctx.db, "recommendation", distinct);
  const rare = distinct.filter((w) => counts.has(w)).sort((a, b) => counts.get(a)! - counts.get(b)!);
  if (!rare.length || total === 0) return [];
  const anyOf = rare.slice(0, 8);
  if (anyOf.reduce((n, w) => n + counts.get(w)!, 0) <= 4 * CANDIDATES)
    return ctx.search.ranked(ctx.db, "recommendation", anyOf, CANDIDATES);
  let k = 1;
  let expected = counts.get(rare[0])!;
  while (k < Math.min(rare.length, 6) && expected > CANDIDATES) {
    expected *= counts.get(rare[k])! / total;
    k++;
  }
  const found = new Set<string>();
  for (; k >= 1 && found.size < 10; k--)
    for (const id of await ctx.search.containingAll(ctx.db, "recommendation", rare.slice(0, k), CANDIDATES))
      found.add(id);
  return [...found].slice(0, CANDIDATES);
}

/**
 * Recommendations like a text: candidates from the full-text index (any significant word, best
 * ranked first), then word-vector similarity over every language version of each candidate.
 */
export async function similarRecommendations(
  ctx: Ctx,
  text: string,
  opts: { exclude?: string; limit?: number } = {},
) {
  const ws = words(text);
  if (!ws.length) return [];
  const freq = bag(ws);
  const ids = await similarCandidates(ctx, [...freq.keys()]);
  if (!ids.length) return [];
  const rows = await ctx.db.selectFrom("recommendation").selectAll().where("id", "in", ids).execute();
  const staff = isStaff(ctx.actor);
  const out = [];
  for (const r of rows) {
    if (r.id === opts.exclude || r.merged_into) continue;
    if (!staff && r.protection === "confidential") continue;
    const score = cosine(freq, bag(words(searchParts(r).join(" "))));
    if (score >= 0.12)
      out.push({
        id: r.id,
        title: JSON.parse(r.title) as LocalizedText,
        status: (staff ? r.status : r.public_status) as RecStatus,
        similarity: Math.round(score * 100) / 100,
      });
  }
  return out.sort((a, b) => b.similarity - a.similarity).slice(0, opts.limit ?? 5);
}

// ------------------------------------------------------------------ endorsements

export async function endorse(ctx: Ctx, id: string, input: EndorseInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  await inTransaction(ctx, async (tx) => {
    const r = await loadRow(tx, id);
    if (r.protection === "confidential" || r.merged_into) throw notFound("recommendation");
    const person = await ensurePersonForUser(tx.db, actor);
    if (input.organizationId && !(await isFocalPoint(tx, input.organizationId)))
      throw forbidden("Only the organisation's focal point can endorse on its behalf.");
    let existing = tx.db
      .selectFrom("recommendation_endorsement")
      .select("id")
      .where("recommendation_id", "=", id);
    existing = input.organizationId
      ? existing.where("organization_id", "=", input.organizationId)
      : existing.where("person_id", "=", person.id).where("organization_id", "is", null);
    const found = await existing.executeTakeFirst();
    if (input.withdraw) {
      if (!found) return;
      await tx.db.deleteFrom("recommendation_endorsement").where("id", "=", found.id).execute();
    } else {
      if (found) throw conflict("already_endorsed", "You have already endorsed this recommendation.");
      await tx.db
        .insertInto("recommendation_endorsement")
        .values({
          id: uuidv7(),
          recommendation_id: id,
          person_id: input.organizationId ? null : person.id,
          organization_id: input.organizationId ?? null,
          show_identity: input.showIdentity ? 1 : 0,
          created_at: now(tx),
        })
        .execute();
    }
    const n = await tx.db
      .selectFrom("recommendation_endorsement")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("recommendation_id", "=", id)
      .executeTakeFirstOrThrow();
    await tx.db
      .updateTable("recommendation")
      .set({ endorsements: Number(n.n) })
      .where("id", "=", id)
      .execute();
    await writeAudit(tx.db, {
      actor,
      action: input.withdraw ? "recommendation.endorsement.withdraw" : "recommendation.endorse",
      entity: "recommendation",
      entityId: id,
      after: { organizationId: input.organizationId ?? null, showIdentity: input.showIdentity },
      ip: tx.ip,
    });
  });
  return getRecommendation(ctx, id);
}

// ------------------------------------------------------------------ answers

/** Authors and endorsers (people, and organisations' focal points) to tell about an answer. */
export async function followers(ctx: Ctx, ids: string[]): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom("recommendation as r")
    .leftJoin("person as p", "p.id", "r.author_person_id")
    .select(["p.email", "p.anonymized_at"])
    .where("r.id", "in", ids)
    .execute();
  const endorsers = await ctx.db
    .selectFrom("recommendation_endorsement as e")
    .innerJoin("person as p", "p.id", "e.person_id")
    .select(["p.email", "p.anonymized_at"])
    .where("e.recommendation_id", "in", ids)
    .execute();
  return [
    ...new Set(
      [...rows, ...endorsers]
        .filter((p) => p.email && !p.anonymized_at)
        .map((p) => (p.email as string).toLowerCase()),
    ),
  ];
}

async function notifyAnswer(ctx: Ctx, r: Row, status: string, rationale: LocalizedText) {
  const to = await followers(ctx, [r.id]);
  const title = (locale: string) => pickText(JSON.parse(r.title), locale).value;
  await notify(ctx, {
    emails: to,
    kind: "recommendation.answer",
    data: { recommendationId: r.id, title: JSON.parse(r.title), status },
    message: (locale) => ({
      subject: serverT(locale, "mail.recommendationAnswered.subject", { title: title(locale) }),
      text: serverT(locale, "mail.recommendationAnswered.body", {
        title: title(locale),
        status: serverT(locale, `recommendation.status.${status}`),
        rationale: sanitizeHtml(pickText(rationale, locale).value, {
          allowedTags: [],
          allowedAttributes: {},
        }),
        url: `${ctx.config.publicUrl}/recommendations/${r.id}`,
      }),
    }),
  });
}

async function publish(tx: Ctx, r: Row, status: RecStatus, rationale: LocalizedText) {
  const t = now(tx);
  await tx.db
    .updateTable("recommendation")
    .set({
      status,
      public_status: status,
      answer: json(rationale),
      pending_answer: null,
      answer_publish_at: null,
      answered_at: t,
      updated_at: t,
    })
    .where("id", "=", r.id)
    .execute();
  await history(tx, r.id, "answer", { status, rationale }, r.protection !== "confidential");
  await afterCommit(tx, (root) => notifyAnswer(root, r, status, rationale));
}

export async function answer(ctx: Ctx, ids: string[], input: AnswerInput) {
  if (input.publish === "later" && !input.publishAt)
    throw badRequest("validation", "Give the date on which the answer is published.", [
      { ...required("publishAt"), message: "is required to publish later" },
    ]);
  await inTransaction(ctx, async (tx) => {
    for (const id of ids) {
      const r = await loadRow(tx, id);
      if (r.merged_into)
        throw conflict(
          "invalid_transition",
          "A merged recommendation is answered through the one it was merged into.",
        );
      const rationale = localize(sanitizeAll(input.rationale), JSON.parse(r.answer));
      if (input.publish === "now") await publish(tx, r, input.status, rationale);
      else {
        const at = input.publish === "later" ? new Date(input.publishAt as string).toISOString() : null;
        await tx.db
          .updateTable("recommendation")
          .set({
            status: input.status,
            pending_answer: json({ status: input.status, rationale }),
            answer_publish_at: at,
            updated_at: now(tx),
          })
          .where("id", "=", id)
          .execute();
        await history(tx, id, "answer_prepared", { status: input.status, publishAt: at }, false);
      }
      await writeAudit(tx.db, {
        actor: tx.actor,
        action: `recommendation.answer.${input.publish}`,
        entity: "recommendation",
        entityId: id,
        before: { status: r.status, publicStatus: r.public_status },
        after: { status: input.status, publishAt: input.publishAt ?? null },
        ip: tx.ip,
      });
    }
    if (input.publish === "later")
      await enqueueJob(tx, {
        kind: "recommendation.publishAnswers",
        payload: {},
        runAt: new Date(input.publishAt as string),
        dedupeKey: `recommendation.publish:${new Date(input.publishAt as string).toISOString()}`,
      });
  });
  return ids.length === 1 ? getRecommendation(ctx, ids[0]) : { answered: ids.length };
}

/** Releases prepared answers together: those due (job), or the ones given (the secretariat). */
export async function publishAnswers(ctx: Ctx, ids?: string[]) {
  let count = 0;
  await inTransaction(ctx, async (tx) => {
    let q = tx.db.selectFrom("recommendation").selectAll().where("pending_answer", "is not", null);
    q = ids ? q.where("id", "in", ids.length ? ids : [""]) : q.where("answer_publish_at", "<=", now(tx));
    for (const r of await q.execute()) {
      const p = JSON.parse(r.pending_answer as string) as { status: RecStatus; rationale: LocalizedText };
      await publish(tx, r, p.status, p.rationale);
      count++;
    }
    if (count)
      await writeAudit(tx.db, {
        actor: tx.actor,
        action: "recommendation.answers.publish",
        entity: "recommendation",
        after: { count },
        ip: tx.ip,
      });
  });
  return { published: count };
}

// ------------------------------------------------------------------ merge, notes

export async function merge(ctx: Ctx, id: string, into: string) {
  if (id === into)
    throw badRequest("validation", "A recommendation cannot be merged into itself.", [
      { path: "into", message: "is the same" },
    ]);
  await inTransaction(ctx, async (tx) => {
    const source = await loadRow(tx, id);
    const target = await loadRow(tx, into);
    if (source.merged_into) throw conflict("invalid_transition", "This recommendation is already merged.");
    if (target.merged_into)
      throw conflict("invalid_transition", "The target was itself merged into another one.");
    // Endorsements move to the target, without counting anyone twice.
    const moving = await tx.db
      .selectFrom("recommendation_endorsement")
      .selectAll()
      .where("recommendation_id", "=", id)
      .execute();
    const there = await tx.db
      .selectFrom("recommendation_endorsement")
      .selectAll()
      .where("recommendation_id", "=", into)
      .execute();
    for (const e of moving) {
      const dup = there.some((x) =>
        e.organization_id
          ? x.organization_id === e.organization_id
          : x.person_id === e.person_id && !x.organization_id,
      );
      if (dup) await tx.db.deleteFrom("recommendation_endorsement").where("id", "=", e.id).execute();
      else
        await tx.db
          .updateTable("recommendation_endorsement")
          .set({ recommendation_id: into })
          .where("id", "=", e.id)
          .execute();
    }
    for (const rid of [id, into]) {
      const n = await tx.db
        .selectFrom("recommendation_endorsement")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("recommendation_id", "=", rid)
        .executeTakeFirstOrThrow();
      await tx.db
        .updateTable("recommendation")
        .set({ endorsements: Number(n.n) })
        .where("id", "=", rid)
        .execute();
    }
    const t = now(tx);
    await tx.db
      .updateTable("recommendation")
      .set({ merged_into: into, status: "merged", public_status: "merged", updated_at: t })
      .where("id", "=", id)
      .execute();
    const publicMerge = source.protection !== "confidential" && target.protection !== "confidential";
    await history(tx, id, "merged", { into }, publicMerge);
    await history(
      tx,
      into,
      "merged_from",
      { from: source.protection === "confidential" ? null : id },
      target.protection !== "confidential",
    );
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "recommendation.merge",
      entity: "recommendation",
      entityId: id,
      after: { into },
      ip: tx.ip,
    });
  });
  return getRecommendation(ctx, into);
}

export async function addNote(ctx: Ctx, id: string, text: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  await loadRow(ctx, id);
  const mentions = [
    ...new Set([...text.matchAll(/@([\w.+-]+@[\w-]+(\.[\w-]+)+)/g)].map((m) => m[1].toLowerCase())),
  ];
  const staffUsers = mentions.length
    ? await ctx.db
        .selectFrom("user as u")
        .innerJoin("platform_role as r", "r.user_id", "u.id")
        .select(["u.email", "u.locale"])
        .where("u.email", "in", mentions)
        .where("r.role", "in", ["admin", "secretariat"])
        .execute()
    : [];
  const noteId = uuidv7();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto("recommendation_note")
      .values({
        id: noteId,
        recommendation_id: id,
        author_id: actor.userId,
        text,
        mentions: json(staffUsers.map((u) => u.email)),
        created_at: now(tx),
      })
      .execute();
    await writeAudit(tx.db, {
      actor,
      action: "recommendation.note",
      entity: "recommendation",
      entityId: id,
      after: { noteId, mentions: staffUsers.map((u) => u.email) },
      ip: tx.ip,
    });
    await afterCommit(tx, async (root) => {
      for (const u of new Map(staffUsers.map((x) => [x.email, x])).values())
        await root.mail.send({
          to: u.email,
          locale: u.locale ?? "en",
          kind: "recommendation.mention",
          subject: serverT(u.locale ?? "en", "mail.recommendationMention.subject", { person: actor.name }),
          text: serverT(u.locale ?? "en", "mail.recommendationMention.body", {
            person: actor.name,
            url: `${root.config.publicUrl}/admin/recommendations/${id}`,
          }),
        });
    });
  });
  return listNotes(ctx, id);
}

export async function listNotes(ctx: Ctx, id: string) {
  const rows = await ctx.db
    .selectFrom("recommendation_note as n")
    .leftJoin("user as u", "u.id", "n.author_id")
    .select(["n.id", "n.text", "n.mentions", "n.created_at", "u.name as author"])
    .where("n.recommendation_id", "=", id)
    .orderBy("n.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    mentions: JSON.parse(r.mentions),
    at: r.created_at,
    author: r.author,
  }));
}

/** Many recommendations at once (imports of past compilations, benchmarks), on the one write path. */
export async function insertRecommendationsBulk(
  ctx: Ctx,
  items: Array<
    RecommendationInput & {
      authorPersonId?: string | null;
      region?: string | null;
      year: number;
      status?: RecStatus;
      createdAt: string;
    }
  >,
): Promise<string[]> {
  const ids: string[] = [];
  await inTransaction(ctx, async (tx) => {
    for (let i = 0; i < items.length; i += 500) {
      const rows: Row[] = items.slice(i, i + 500).map((input) => {
        const id = uuidv7();
        ids.push(id);
        return newRow(id, input, {
          authorPersonId: input.authorPersonId ?? null,
          region: input.region ?? null,
          year: input.year,
          status: input.status ?? "received",
          createdAt: input.createdAt,
          createdBy: tx.actor?.userId ?? null,
        });
      });
      await tx.db.insertInto("recommendation").values(rows).execute();
      const tags = rows.flatMap(tagsOf);
      for (let k = 0; k < tags.length; k += 1000)
        await tx.db
          .insertInto("recommendation_tag")
          .values(tags.slice(k, k + 1000))
          .execute();
      await tx.search.putMany(
        tx.db,
        "recommendation",
        rows.map((r) => ({ id: r.id, parts: searchParts(r) })),
      );
    }
    await touch(tx, "recommendation");
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "recommendation.bulk_create",
      entity: "recommendation",
      after: { count: items.length },
      ip: tx.ip,
    });
  });
  return ids;
}

/**
 * Clusters of similar recommendations for the secretariat, across events and languages (every
 * language version of a text counts, so a translation links an English and a French original).
 * Pairs come from shared rare words; a pair is linked above the similarity threshold; clusters are
 * the connected groups (union-find).
 */
export async function clusters(ctx: Ctx, q: RecListQuery, threshold = 0.3) {
  const rows = await listQuery(ctx, { ...q, page: 1, pageSize: 1 })
    .selectAll("r")
    .where("r.merged_into", "is", null)
    .orderBy("r.created_at", "desc")
    .limit(2000)
    .execute();
  const bags = rows.map((r) => bag(words(searchParts(r).join(" "))));
  const df = new Map<string, number>();
  for (const b of bags) for (const w of b.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const rare = Math.max(2, rows.length * 0.05);
  const postings = new Map<string, number[]>();
  bags.forEach((b, i) => {
    for (const w of b.keys()) {
      if ((df.get(w) ?? 0) > rare) continue;
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root];
    parent[i] = root;
    return root;
  };
  const seen = new Set<string>();
  for (const list of postings.values())
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const key = `${list[a]}:${list[b]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (cosine(bags[list[a]], bags[list[b]]) >= threshold) parent[find(list[a])] = find(list[b]);
      }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  const staff = isStaff(ctx.actor);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => ({
      size: g.length,
      recommendations: g.map((i) => ({
        id: rows[i].id,
        title: JSON.parse(rows[i].title) as LocalizedText,
        originalLang: rows[i].original_lang,
        status: (staff ? rows[i].status : rows[i].public_status) as RecStatus,
        eventId: rows[i].event_id,
        year: rows[i].year,
      })),
    }))
    .sort((a, b) => b.size - a.size);
}
