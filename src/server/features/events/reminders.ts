import type { Ctx } from "../../platform/context.ts";
import { cancelJobs, enqueueJob } from "../../platform/jobs.ts";
import { sendEventMail, sessionTime } from "./notify.ts";

/** Reminders go to confirmed participants a day and an hour before the first session. */
export const REMINDER_OFFSETS = [
  { key: "24h", ms: 24 * 3600_000 },
  { key: "1h", ms: 3600_000 },
] as const;

const ACTIVE = ["published", "applications_open", "applications_closed", "running"];

/** (Re)schedules the reminders of an event after its dates, agenda or status changed. */
export async function scheduleReminders(ctx: Ctx, eventId: string): Promise<void> {
  const event = await ctx.db
    .selectFrom("event")
    .select(["status"])
    .where("id", "=", eventId)
    .executeTakeFirst();
  const first = await ctx.db
    .selectFrom("event_session")
    .select("starts_at")
    .where("event_id", "=", eventId)
    .orderBy("starts_at")
    .limit(1)
    .executeTakeFirst();
  for (const r of REMINDER_OFFSETS) {
    const key = `event.reminder:${eventId}:${r.key}`;
    await cancelJobs(ctx, key);
    if (!event || !ACTIVE.includes(event.status) || !first) continue;
    const runAt = new Date(Date.parse(first.starts_at) - r.ms);
    if (runAt.getTime() <= ctx.now().getTime()) continue;
    await enqueueJob(ctx, {
      kind: "event.reminder",
      payload: { eventId, firstStartsAt: first.starts_at, offset: r.key },
      runAt,
      dedupeKey: key,
    });
  }
}

/** Job handler: the reminder e-mail, unless the agenda moved since it was scheduled. */
export async function sendReminder(
  ctx: Ctx,
  payload: { eventId: string; firstStartsAt: string; offset: string },
): Promise<void> {
  const event = await ctx.db
    .selectFrom("event")
    .selectAll()
    .where("id", "=", payload.eventId)
    .executeTakeFirst();
  if (!event || !ACTIVE.includes(event.status)) return;
  const sessions = await ctx.db
    .selectFrom("event_session")
    .selectAll()
    .where("event_id", "=", event.id)
    .orderBy("starts_at")
    .execute();
  if (sessions[0]?.starts_at !== payload.firstStartsAt) return;
  const recipients = await ctx.db
    .selectFrom("application as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .select("p.email")
    .where("a.event_id", "=", event.id)
    .where("a.status", "=", "confirmed")
    .where("p.anonymized_at", "is", null)
    .execute();
  const to = recipients.map((r) => r.email).filter((e): e is string => !!e);
  await sendEventMail(ctx, {
    event,
    sessions,
    to,
    template: "eventReminder",
    kind: "event.reminder",
    withLink: true,
    vars: (locale) => ({
      start: `${sessionTime(sessions[0].starts_at, event.time_zone, locale)} (${event.time_zone})`,
    }),
  });
}
