import { randomUUID } from "node:crypto";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { AppError, conflict, forbidden, unauthorized } from "../../platform/errors.ts";
import { loadEvent, myParticipation } from "./service.ts";

/** The post-event survey: five aspects rated 1–5, free text, and the choice to answer anonymously. */
export const FEEDBACK_ASPECTS = ["overall", "relevance", "speakers", "organisation", "usefulness"] as const;

export const FeedbackInput = z.object({
  ratings: z
    .object(Object.fromEntries(FEEDBACK_ASPECTS.map((a) => [a, z.number().int().min(1).max(5).optional()])))
    .refine((r) => Object.values(r).some((v) => v != null), { message: "rate at least one aspect" }),
  comment: z.string().trim().max(5000).optional(),
  anonymous: z.boolean().default(false),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

const OPEN_STATUSES = ["running", "completed"];

async function participantPerson(ctx: Ctx, eventId: string) {
  if (!ctx.actor) throw unauthorized();
  const { person, participant } = await myParticipation(ctx, eventId);
  if (!person || !participant)
    throw forbidden("Only participants of this event can do this.", "not_a_participant");
  return person;
}

export async function feedbackStatus(ctx: Ctx, eventId: string) {
  const event = await loadEvent(ctx, eventId);
  const { person, participant } = await myParticipation(ctx, eventId);
  const answered = person
    ? !!(await ctx.db
        .selectFrom("feedback_submission")
        .select("person_id")
        .where("event_id", "=", eventId)
        .where("person_id", "=", person.id)
        .executeTakeFirst())
    : false;
  return { open: OPEN_STATUSES.includes(event.status), participant, answered, aspects: FEEDBACK_ASPECTS };
}

/**
 * Stores an answer. An anonymous answer keeps no link to the person: who answered is recorded
 * in a separate table (to prevent a second answer) with the day only, and the anonymous answer
 * carries the event's last day and a random id, so the two cannot be joined by time.
 */
export async function submitFeedback(ctx: Ctx, eventId: string, input: FeedbackInput) {
  const event = await loadEvent(ctx, eventId);
  if (!OPEN_STATUSES.includes(event.status))
    throw new AppError(409, "feedback_closed", "The feedback form opens when the event starts.");
  const person = await participantPerson(ctx, eventId);
  await inTransaction(ctx, async (tx) => {
    const done = await tx.db
      .selectFrom("feedback_submission")
      .select("person_id")
      .where("event_id", "=", eventId)
      .where("person_id", "=", person.id)
      .executeTakeFirst();
    if (done) throw conflict("feedback_already_sent", "You have already answered the feedback form.");
    const now = tx.now();
    await tx.db
      .insertInto("feedback_submission")
      .values({ event_id: eventId, person_id: person.id, submitted_on: now.toISOString().slice(0, 10) })
      .execute();
    // A time-ordered id would date an anonymous answer to the millisecond: use a random one.
    const id = input.anonymous ? randomUUID() : uuidv7();
    await tx.db
      .insertInto("feedback")
      .values({
        id,
        event_id: eventId,
        person_id: input.anonymous ? null : person.id,
        ratings: JSON.stringify(input.ratings),
        comment: input.comment || null,
        // Anonymous answers carry the event's last day, not when they were given: a submission date
        // could be matched with the day someone was recorded as having answered.
        created_at: input.anonymous ? `${event.end_date}T00:00:00.000Z` : now.toISOString(),
      })
      .execute();
    await writeAudit(tx.db, {
      actor: input.anonymous ? null : tx.actor,
      action: "feedback.submit",
      entity: "event",
      entityId: eventId,
      after: input.anonymous ? { anonymous: true } : { feedbackId: id },
      ip: input.anonymous ? null : tx.ip,
    });
  });
  return { ok: true as const };
}

export interface FeedbackResults {
  responses: number;
  aspects: Array<{ key: string; average: number | null; count: number; distribution: number[] }>;
  average: number | null;
  comments: Array<{ text: string; author: string | null; at: string }>;
}

/** Aggregated results; comments carry a name only when the person answered in their name. */
export async function feedbackResults(ctx: Ctx, eventId: string): Promise<FeedbackResults> {
  await loadEvent(ctx, eventId);
  return aggregateFeedback(ctx, eventId, isStaff(ctx.actor));
}

/** The aggregation itself, for callers that have already checked access to the event. */
export async function aggregateFeedback(
  ctx: Ctx,
  eventId: string,
  withComments: boolean,
): Promise<FeedbackResults> {
  const rows = await ctx.db
    .selectFrom("feedback as f")
    .leftJoin("person as p", "p.id", "f.person_id")
    .select(["f.ratings", "f.comment", "f.created_at", "p.given_name", "p.family_name", "p.anonymized_at"])
    .where("f.event_id", "=", eventId)
    .orderBy("f.created_at")
    .execute();
  const aspects = FEEDBACK_ASPECTS.map((key) => {
    const distribution = [0, 0, 0, 0, 0];
    let sum = 0;
    let count = 0;
    for (const r of rows) {
      const v = (JSON.parse(r.ratings) as Record<string, number | undefined>)[key];
      if (v == null) continue;
      distribution[v - 1]++;
      sum += v;
      count++;
    }
    return { key, count, distribution, average: count ? Math.round((sum / count) * 100) / 100 : null };
  });
  const overall = aspects.find((a) => a.key === "overall");
  return {
    responses: rows.length,
    aspects,
    average: overall?.average ?? null,
    comments: withComments
      ? rows
          .filter((r) => r.comment)
          .map((r) => ({
            text: r.comment as string,
            author: r.given_name && !r.anonymized_at ? `${r.given_name} ${r.family_name}`.trim() : null,
            at: r.created_at.slice(0, 10),
          }))
      : [],
  };
}
