import { uuidv7 } from "uuidv7";
import {
  type ApplicationStatus,
  EVENT_TRANSITIONS,
  type EventInput,
  type EventListQuery,
  type EventPatch,
  type EventStatus,
  type EventSummary,
  type EventView,
  HOLDS_PLACE,
  type SessionInput,
  type SessionView,
} from "../../../shared/schemas/events.ts";
import { localDate } from "../../../shared/time.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors.ts";
import { personByUser } from "../people/service.ts";
import {
  type EventRow,
  eventColumns,
  newEventRow,
  type SessionRow,
  sessionColumns,
  toEventSummary,
  toEventView,
  toSessionView,
} from "./mapping.ts";
import { scheduleReminders } from "./reminders.ts";

/** Statuses the public may see (drafts are the secretariat's). */
const PUBLIC_STATUSES: EventStatus[] = [
  "published",
  "applications_open",
  "applications_closed",
  "running",
  "completed",
  "archived",
];

export async function loadEvent(ctx: Ctx, id: string): Promise<EventRow> {
  const row = await ctx.db.selectFrom("event").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || (row.status === "draft" && !isStaff(ctx.actor))) throw notFound("event");
  return row;
}

export async function loadSessions(ctx: Ctx, eventId: string): Promise<SessionRow[]> {
  return ctx.db
    .selectFrom("event_session")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}

export async function listEvents(ctx: Ctx, q: EventListQuery) {
  const staff = isStaff(ctx.actor);
  const today = ctx.now().toISOString().slice(0, 10);
  let query = ctx.db.selectFrom("event");
  if (q.status) {
    if (q.status === "draft" && !staff) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    query = query.where("status", "=", q.status);
  } else if (!staff) query = query.where("status", "in", PUBLIC_STATUSES);
  if (q.type) query = query.where("type", "=", q.type);
  if (q.when === "upcoming") query = query.where("end_date", ">=", today);
  if (q.when === "past") query = query.where("end_date", "<", today);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy("start_date", q.when === "upcoming" ? "asc" : "desc")
      .orderBy("id")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
  ]);
  const now = ctx.now();
  return {
    items: rows.map((r): EventSummary => toEventSummary(r, now)),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The caller's person record and their application to an event (either may be missing), and
 * whether that application holds a place: the one answer to "is the caller a participant?".
 */
export async function myParticipation(ctx: Ctx, eventId: string) {
  const person = ctx.actor ? await personByUser(ctx.db, ctx.actor.userId) : undefined;
  const app = person
    ? await ctx.db
        .selectFrom("application")
        .select(["id", "status", "created_at", "directory_opt_in"])
        .where("event_id", "=", eventId)
        .where("person_id", "=", person.id)
        .executeTakeFirst()
    : undefined;
  return { person, app, participant: !!app && HOLDS_PLACE.includes(app.status as ApplicationStatus) };
}

async function myApplication(ctx: Ctx, eventId: string) {
  const { app } = await myParticipation(ctx, eventId);
  return app ? { id: app.id, status: app.status, createdAt: app.created_at } : null;
}

export async function getEvent(ctx: Ctx, id: string): Promise<EventView> {
  const row = await loadEvent(ctx, id);
  const [sessions, mine] = await Promise.all([loadSessions(ctx, id), myApplication(ctx, id)]);
  // The online link goes to confirmed participants and the secretariat only.
  const showLink = isStaff(ctx.actor) || mine?.status === "confirmed";
  return toEventView(row, sessions, { showLink, myApplication: mine, now: ctx.now() });
}

export async function createEvent(ctx: Ctx, input: EventInput): Promise<EventView> {
  const id = uuidv7();
  await inTransaction(ctx, async (tx) => {
    const row = newEventRow(id, input, tx.actor?.userId ?? null, tx.now().toISOString());
    await tx.db.insertInto("event").values(row).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "event.create",
      entity: "event",
      entityId: id,
      after: row,
      ip: tx.ip,
    });
  });
  return getEvent(ctx, id);
}

export async function updateEvent(ctx: Ctx, id: string, patch: EventPatch): Promise<EventView> {
  await inTransaction(ctx, async (tx) => {
    const before = await loadEvent(tx, id);
    const values: Partial<EventRow> = eventColumns(patch, before);
    const start = values.start_date ?? before.start_date;
    const end = values.end_date ?? before.end_date;
    if (end < start)
      throw badRequest("validation", "The end date is before the start date.", [
        { path: "endDate", message: "must not be before the start date" },
      ]);
    if (patch.status && patch.status !== before.status) {
      const allowed = EVENT_TRANSITIONS[before.status as EventStatus] ?? [];
      if (!allowed.includes(patch.status))
        throw conflict(
          "invalid_transition",
          `An event cannot go from ${before.status} to ${patch.status}. Possible: ${allowed.join(", ") || "none"}.`,
        );
      values.status = patch.status;
    }
    values.updated_at = tx.now().toISOString();
    await tx.db.updateTable("event").set(values).where("id", "=", id).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action:
        patch.status && patch.status !== before.status ? `event.status.${patch.status}` : "event.update",
      entity: "event",
      entityId: id,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof EventRow]])),
      after: values,
      ip: tx.ip,
    });
    await scheduleReminders(tx, id);
  });
  return getEvent(ctx, id);
}

// ------------------------------------------------------------------ agenda

function checkSessionDates(event: EventRow, startsAt: string, endsAt: string) {
  const first = localDate(event.time_zone, startsAt);
  const last = localDate(event.time_zone, endsAt);
  if (first < event.start_date || last > event.end_date)
    throw badRequest(
      "session_outside_event",
      `The session must take place between ${event.start_date} and ${event.end_date} (${event.time_zone}).`,
      [{ path: "startsAt", message: `must fall between ${event.start_date} and ${event.end_date}` }],
    );
}

export async function listSessions(ctx: Ctx, eventId: string): Promise<SessionView[]> {
  await loadEvent(ctx, eventId);
  return (await loadSessions(ctx, eventId)).map(toSessionView);
}

export async function createSession(ctx: Ctx, eventId: string, input: SessionInput): Promise<SessionView> {
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    checkSessionDates(event, input.startsAt, input.endsAt);
    const now = tx.now().toISOString();
    const row = {
      id: uuidv7(),
      event_id: eventId,
      description: "{}",
      created_at: now,
      updated_at: now,
      ...sessionColumns(input),
    } as SessionRow;
    await tx.db.insertInto("event_session").values(row).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "event.session.create",
      entity: "event_session",
      entityId: row.id,
      after: row,
      ip: tx.ip,
    });
    await scheduleReminders(tx, eventId);
    return toSessionView(row);
  });
}

async function loadSession(ctx: Ctx, eventId: string, sessionId: string): Promise<SessionRow> {
  const row = await ctx.db
    .selectFrom("event_session")
    .selectAll()
    .where("id", "=", sessionId)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  if (!row) throw notFound("session");
  return row;
}

export async function updateSession(
  ctx: Ctx,
  eventId: string,
  sessionId: string,
  patch: Partial<SessionInput>,
): Promise<SessionView> {
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    const before = await loadSession(tx, eventId, sessionId);
    const values = sessionColumns(patch, before);
    const startsAt = values.starts_at ?? before.starts_at;
    const endsAt = values.ends_at ?? before.ends_at;
    if (Date.parse(endsAt) <= Date.parse(startsAt))
      throw badRequest("validation", "The session ends before it starts.", [
        { path: "endsAt", message: "must be after the start" },
      ]);
    checkSessionDates(event, startsAt, endsAt);
    values.updated_at = tx.now().toISOString();
    await tx.db.updateTable("event_session").set(values).where("id", "=", sessionId).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "event.session.update",
      entity: "event_session",
      entityId: sessionId,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof SessionRow]])),
      after: values,
      ip: tx.ip,
    });
    await scheduleReminders(tx, eventId);
    return toSessionView({ ...before, ...values });
  });
}

export async function deleteSession(ctx: Ctx, eventId: string, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await loadEvent(tx, eventId);
    const before = await loadSession(tx, eventId, sessionId);
    const used = await tx.db
      .selectFrom("attendance_interval")
      .select("id")
      .where("session_id", "=", sessionId)
      .limit(1)
      .executeTakeFirst();
    if (used)
      throw new AppError(
        409,
        "session_has_attendance",
        "This session has recorded attendance; it cannot be deleted.",
      );
    await tx.db.deleteFrom("event_session").where("id", "=", sessionId).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "event.session.delete",
      entity: "event_session",
      entityId: sessionId,
      before,
      ip: tx.ip,
    });
    await scheduleReminders(tx, eventId);
  });
}
