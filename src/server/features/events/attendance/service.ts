import { distance } from "fastest-levenshtein";
import { uuidv7 } from "uuidv7";
import { HOLDS_PLACE } from "../../../../shared/schemas/events.ts";
import { nameKey } from "../../../../shared/text.ts";
import { writeAudit } from "../../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../../platform/context.ts";
import { AppError, badRequest, notFound } from "../../../platform/errors.ts";
import { loadEvent, loadSessions } from "../service.ts";
import { coveredSeconds, unionSeconds } from "./intervals.ts";
import { type ColumnMapping, type DateOrder, parseAttendanceReport } from "./parse.ts";

export interface Participant {
  personId: string;
  applicationId: string;
  name: string;
  nameKey: string;
  email: string | null;
  organization: string;
  country: string | null;
}

/** Confirmed (and accepted) participants: the people attendance is recorded for. */
export async function participantsOf(ctx: Ctx, eventId: string): Promise<Participant[]> {
  const rows = await ctx.db
    .selectFrom("application as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .innerJoin("organization as o", "o.id", "a.organization_id")
    .select([
      "a.id as application_id",
      "p.id",
      "p.given_name",
      "p.family_name",
      "p.email",
      "o.name as org_name",
      "a.country",
    ])
    .where("a.event_id", "=", eventId)
    .where("a.status", "in", [...HOLDS_PLACE])
    .orderBy("p.name_key")
    .execute();
  return rows.map((r) => ({
    personId: r.id,
    applicationId: r.application_id,
    name: `${r.given_name} ${r.family_name}`.trim(),
    nameKey: nameKey(`${r.given_name} ${r.family_name}`),
    email: r.email?.toLowerCase() ?? null,
    organization: r.org_name,
    country: r.country,
  }));
}

/** Similarity of two normalised names in [0, 1], also trying the words in another order. */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const sorted = (s: string) => s.split(" ").sort().join(" ");
  const sim = (x: string, y: string) => 1 - distance(x, y) / Math.max(x.length, y.length);
  return Math.max(sim(a, b), sim(sorted(a), sorted(b)));
}

const SUGGEST_AT = 0.75;

export interface ImportInput {
  file: { name: string; bytes: Buffer };
  dryRun: boolean;
  sessionId?: string;
  mapping?: ColumnMapping;
  mappingName?: string;
  dateOrder?: DateOrder;
  /** For rows that did not match: key → personId, or "skip". */
  decisions?: Record<string, string>;
}

interface Attendee {
  key: string;
  name: string;
  email: string | null;
  lines: number[];
  intervals: Array<[number, number]>;
}

/** Groups the report's rows by person as the platform saw them: e-mail, else the name. */
function groupRows(rows: ReturnType<typeof parseAttendanceReport>["rows"]): Attendee[] {
  const map = new Map<string, Attendee>();
  for (const r of rows) {
    const key = r.email ? `email:${r.email}` : `name:${nameKey(r.name)}`;
    let a = map.get(key);
    if (!a) {
      a = { key, name: r.name, email: r.email, lines: [], intervals: [] };
      map.set(key, a);
    }
    a.lines.push(r.line);
    a.intervals.push([Date.parse(r.joinedAt), Date.parse(r.leftAt)]);
  }
  return [...map.values()];
}

export async function importAttendance(ctx: Ctx, eventId: string, input: ImportInput) {
  const event = await loadEvent(ctx, eventId);
  const sessions = await loadSessions(ctx, eventId);
  const session = input.sessionId ? sessions.find((s) => s.id === input.sessionId) : undefined;
  if (input.sessionId && !session) throw notFound("session");
  let mapping = input.mapping;
  if (!mapping && input.mappingName) {
    const saved = await ctx.db
      .selectFrom("attendance_mapping")
      .select("mapping")
      .where("name", "=", input.mappingName)
      .executeTakeFirst();
    if (saved) mapping = JSON.parse(saved.mapping);
  }
  const report = parseAttendanceReport(input.file.bytes, {
    timeZone: event.time_zone,
    mapping,
    dateOrder: input.dateOrder,
  });
  const participants = await participantsOf(ctx, eventId);
  const byEmail = new Map(participants.filter((p) => p.email).map((p) => [p.email as string, p]));
  // Names match whatever the order of their words ("Nguyen, Thi Lan" is Thi Lan Nguyen).
  const wordsKey = (k: string) => k.split(" ").sort().join(" ");
  const byName = new Map<string, Participant[]>();
  for (const p of participants) {
    const k = wordsKey(p.nameKey);
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  const byId = new Map(participants.map((p) => [p.personId, p]));

  const attendees = groupRows(report.rows);
  const matched: Array<{ attendee: Attendee; participant: Participant; via: "email" | "name" | "decision" }> =
    [];
  const unmatched: Array<{
    key: string;
    name: string;
    email: string | null;
    lines: number[];
    seconds: number;
    suggestions: Array<{ personId: string; name: string; similarity: number }>;
    decision: string | null;
  }> = [];
  const decisionErrors: Array<{ path: string; message: string }> = [];
  for (const a of attendees) {
    const viaEmail = a.email ? byEmail.get(a.email) : undefined;
    const sameName = byName.get(wordsKey(nameKey(a.name)));
    if (viaEmail) matched.push({ attendee: a, participant: viaEmail, via: "email" });
    else if (sameName?.length === 1) matched.push({ attendee: a, participant: sameName[0], via: "name" });
    else {
      const decision = input.decisions?.[a.key] ?? null;
      if (decision && decision !== "skip") {
        const p = byId.get(decision);
        if (p) {
          matched.push({ attendee: a, participant: p, via: "decision" });
          continue;
        }
        decisionErrors.push({ path: `decisions.${a.key}`, message: "is not a participant of this event" });
      }
      const k = nameKey(a.name);
      // A similarity of SUGGEST_AT needs lengths within (1 - SUGGEST_AT) of each other: skip the rest.
      const suggestions = participants
        .filter(
          (p) =>
            Math.abs(p.nameKey.length - k.length) <= (1 - SUGGEST_AT) * Math.max(p.nameKey.length, k.length),
        )
        .map((p) => ({ personId: p.personId, name: p.name, similarity: nameSimilarity(k, p.nameKey) }))
        .filter((s) => s.similarity >= SUGGEST_AT)
        .sort((x, y) => y.similarity - x.similarity)
        .slice(0, 3)
        .map((s) => ({ ...s, similarity: Math.round(s.similarity * 100) / 100 }));
      unmatched.push({
        key: a.key,
        name: a.name,
        email: a.email,
        lines: a.lines,
        seconds: unionSeconds(a.intervals),
        suggestions,
        decision,
      });
    }
  }
  if (decisionErrors.length) throw badRequest("validation", "Some decisions are not valid.", decisionErrors);

  // Attendance per matched participant: several rows (rejoins, several devices) are one union.
  const perPerson = new Map<
    string,
    { participant: Participant; intervals: Array<[number, number]>; via: string }
  >();
  for (const m of matched) {
    const e = perPerson.get(m.participant.personId) ?? {
      participant: m.participant,
      intervals: [],
      via: m.via,
    };
    e.intervals.push(...m.attendee.intervals);
    perPerson.set(m.participant.personId, e);
  }
  const window = session ? ([Date.parse(session.starts_at), Date.parse(session.ends_at)] as const) : null;
  const participantsOut = [...perPerson.values()].map((e) => ({
    personId: e.participant.personId,
    name: e.participant.name,
    matchedBy: e.via,
    seconds: window ? coveredSeconds(e.intervals, window[0], window[1]) : unionSeconds(e.intervals),
  }));
  const result = {
    source: report.source,
    columns: report.columns,
    rows: report.rows.length,
    errors: report.errors,
    matched: matched.length,
    unmatched,
    participants: participantsOut,
    dryRun: input.dryRun,
    importId: null as string | null,
  };
  if (input.dryRun) return result;

  const open = unmatched.filter((u) => u.decision !== "skip");
  if (open.length)
    throw new AppError(
      409,
      "attendance_unresolved",
      `${open.length} row group(s) did not match a participant: choose a participant or skip each one, then confirm again.`,
      undefined,
      { unmatched: open.map((u) => u.key) },
    );
  const importId = uuidv7();
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("attendance_import")
      .values({
        id: importId,
        event_id: eventId,
        session_id: session?.id ?? null,
        source: report.source,
        file_name: input.file.name.slice(0, 200),
        rows: report.rows.length,
        matched: matched.length,
        created_by: tx.actor?.userId ?? null,
        created_at: now,
      })
      .execute();
    const values = matched.flatMap((m) =>
      m.attendee.intervals.map(([a, b]) => ({
        id: uuidv7(),
        event_id: eventId,
        session_id: session?.id ?? null,
        person_id: m.participant.personId,
        source: report.source,
        import_id: importId,
        joined_at: new Date(a).toISOString(),
        left_at: new Date(b).toISOString(),
        created_at: now,
      })),
    );
    for (let i = 0; i < values.length; i += 500)
      await tx.db
        .insertInto("attendance_interval")
        .values(values.slice(i, i + 500))
        .execute();
    if (mapping && input.mappingName) {
      const existing = await tx.db
        .selectFrom("attendance_mapping")
        .select("id")
        .where("name", "=", input.mappingName)
        .executeTakeFirst();
      if (existing)
        await tx.db
          .updateTable("attendance_mapping")
          .set({ mapping: JSON.stringify(mapping) })
          .where("id", "=", existing.id)
          .execute();
      else
        await tx.db
          .insertInto("attendance_mapping")
          .values({
            id: uuidv7(),
            name: input.mappingName,
            mapping: JSON.stringify(mapping),
            created_by: tx.actor?.userId ?? null,
            created_at: now,
          })
          .execute();
    }
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "attendance.import",
      entity: "event",
      entityId: eventId,
      after: {
        importId,
        source: report.source,
        file: input.file.name,
        rows: report.rows.length,
        matched: matched.length,
        skipped: unmatched.length,
        sessionId: session?.id ?? null,
      },
      ip: tx.ip,
    });
  });
  return { ...result, importId };
}

export async function savedMappings(ctx: Ctx) {
  const rows = await ctx.db.selectFrom("attendance_mapping").selectAll().orderBy("name").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mapping: JSON.parse(r.mapping) as ColumnMapping }));
}

// ------------------------------------------------------------------ check-in

export async function checkIn(
  ctx: Ctx,
  eventId: string,
  sessionId: string,
  who: { personId?: string; token?: string },
) {
  const sessions = await loadSessions(ctx, eventId);
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw notFound("session");
  let q = ctx.db.selectFrom("application").select(["person_id", "status"]).where("event_id", "=", eventId);
  if (who.token) q = q.where("checkin_token", "=", who.token);
  else if (who.personId) q = q.where("person_id", "=", who.personId);
  else throw badRequest("validation", "Give the participant or the code from their QR code.");
  const app = await q.executeTakeFirst();
  if (!app || !HOLDS_PLACE.includes(app.status as never))
    throw new AppError(404, "not_a_participant", "No participant of this event has this code.");
  await inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom("attendance_interval")
      .select("id")
      .where("event_id", "=", eventId)
      .where("session_id", "=", sessionId)
      .where("person_id", "=", app.person_id)
      .where("source", "in", ["manual", "qr"])
      .executeTakeFirst();
    if (existing) return;
    const id = uuidv7();
    await tx.db
      .insertInto("attendance_interval")
      .values({
        id,
        event_id: eventId,
        session_id: sessionId,
        person_id: app.person_id,
        source: who.token ? "qr" : "manual",
        import_id: null,
        joined_at: session.starts_at,
        left_at: session.ends_at,
        created_at: tx.now().toISOString(),
      })
      .execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "attendance.checkin",
      entity: "event_session",
      entityId: sessionId,
      after: { personId: app.person_id, via: who.token ? "qr" : "manual" },
      ip: tx.ip,
    });
  });
  return { personId: app.person_id, sessionId, checkedIn: true };
}

export async function undoCheckIn(ctx: Ctx, eventId: string, sessionId: string, personId: string) {
  await inTransaction(ctx, async (tx) => {
    const r = await tx.db
      .deleteFrom("attendance_interval")
      .where("event_id", "=", eventId)
      .where("session_id", "=", sessionId)
      .where("person_id", "=", personId)
      .where("source", "in", ["manual", "qr"])
      .executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound("check-in");
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "attendance.checkin.undo",
      entity: "event_session",
      entityId: sessionId,
      before: { personId },
      ip: tx.ip,
    });
  });
  return { ok: true as const };
}

// ------------------------------------------------------------------ who attended

export interface AttendanceSummary {
  threshold: number;
  totalSeconds: number;
  sessions: Array<{ id: string; title: unknown; startsAt: string; endsAt: string; attendees: number }>;
  participants: Array<{
    personId: string;
    applicationId: string;
    name: string;
    organization: string;
    country: string | null;
    seconds: number;
    share: number;
    attended: boolean;
    sessions: Record<string, number>;
  }>;
}

/**
 * Attendance time per participant: the union of their intervals inside each session's time (so a
 * rejoin or a second device is not counted twice); "attended" when the share of the agenda's
 * total time reaches the event's threshold. Without an agenda, any recorded time counts.
 */
export async function attendanceSummary(ctx: Ctx, eventId: string): Promise<AttendanceSummary> {
  const event = await loadEvent(ctx, eventId);
  const [sessions, participants, intervals] = await Promise.all([
    loadSessions(ctx, eventId),
    participantsOf(ctx, eventId),
    ctx.db
      .selectFrom("attendance_interval")
      .select(["person_id", "joined_at", "left_at"])
      .where("event_id", "=", eventId)
      .execute(),
  ]);
  const byPerson = new Map<string, Array<[number, number]>>();
  for (const i of intervals) {
    const list = byPerson.get(i.person_id) ?? [];
    list.push([Date.parse(i.joined_at), Date.parse(i.left_at)]);
    byPerson.set(i.person_id, list);
  }
  const windows = sessions.map((s) => ({ id: s.id, a: Date.parse(s.starts_at), b: Date.parse(s.ends_at) }));
  const totalSeconds = windows.reduce((n, w) => n + (w.b - w.a) / 1000, 0);
  const threshold = Number(event.attendance_threshold);
  const attendeesPerSession = new Map<string, number>();
  const out = participants.map((p) => {
    const list = byPerson.get(p.personId) ?? [];
    const perSession: Record<string, number> = {};
    let seconds = 0;
    if (windows.length) {
      for (const w of windows) {
        const s = coveredSeconds(list, w.a, w.b);
        perSession[w.id] = s;
        seconds += s;
        if (s > 0) attendeesPerSession.set(w.id, (attendeesPerSession.get(w.id) ?? 0) + 1);
      }
    } else seconds = unionSeconds(list);
    const share = totalSeconds > 0 ? seconds / totalSeconds : seconds > 0 ? 1 : 0;
    return {
      personId: p.personId,
      applicationId: p.applicationId,
      name: p.name,
      organization: p.organization,
      country: p.country,
      seconds,
      share: Math.round(share * 1000) / 1000,
      attended: seconds > 0 && share >= threshold - 1e-9,
      sessions: perSession,
    };
  });
  return {
    threshold,
    totalSeconds,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: JSON.parse(s.title),
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      attendees: attendeesPerSession.get(s.id) ?? 0,
    })),
    participants: out,
  };
}
