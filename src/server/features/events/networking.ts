import { uuidv7 } from "uuidv7";
import { HOLDS_PLACE } from "../../../shared/schemas/events.ts";
import { foldText } from "../../../shared/text.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { AppError, conflict, forbidden, notFound, unauthorized } from "../../platform/errors.ts";
import { type PersonRow, personByUser, personView } from "../people/service.ts";
import { updateApplication } from "./applications.ts";
import { sendEventMail } from "./notify.ts";
import { loadEvent, myParticipation } from "./service.ts";

/**
 * The participants' directory of an event: participants who opted in see each other's public
 * profile and institution; nobody sees an e-mail address unless its owner accepted a contact
 * request from that person.
 */
async function myDirectoryState(ctx: Ctx, eventId: string) {
  if (!ctx.actor) throw unauthorized();
  const me = await myParticipation(ctx, eventId);
  return { ...me, optedIn: me.participant && me.app?.directory_opt_in === 1 };
}

export async function setDirectoryOptIn(ctx: Ctx, eventId: string, optIn: boolean) {
  await loadEvent(ctx, eventId);
  const me = await myDirectoryState(ctx, eventId);
  if (!me.participant || !me.app)
    throw forbidden("Only participants of this event can do this.", "not_a_participant");
  const appId = me.app.id;
  await inTransaction(ctx, async (tx) => {
    await updateApplication(tx, appId, {
      directory_opt_in: optIn ? 1 : 0,
      updated_at: tx.now().toISOString(),
    });
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: optIn ? "event.directory.join" : "event.directory.leave",
      entity: "application",
      entityId: appId,
      ip: tx.ip,
    });
  });
  return { optedIn: optIn };
}

export async function participantDirectory(
  ctx: Ctx,
  eventId: string,
  q: { country?: string; expertise?: string; q?: string },
) {
  await loadEvent(ctx, eventId);
  const staff = isStaff(ctx.actor);
  const me = await myDirectoryState(ctx, eventId);
  if (!staff && !me.optedIn)
    throw forbidden(
      "Join the participants' directory to see the other participants.",
      "directory_opt_in_required",
    );
  let query = ctx.db
    .selectFrom("application as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .innerJoin("organization as o", "o.id", "a.organization_id")
    .selectAll("p")
    .select(["o.id as org_id", "o.name as org_name", "o.type as org_type"])
    .where("a.event_id", "=", eventId)
    .where("a.status", "in", [...HOLDS_PLACE])
    .where("a.directory_opt_in", "=", 1)
    .where("p.anonymized_at", "is", null)
    .orderBy("p.name_key");
  if (q.country) query = query.where("p.country", "=", q.country);
  const rows = await query.execute();
  const contacts = me.person ? await contactMap(ctx, eventId, me.person.id) : new Map();
  const needle = q.q ? foldText(q.q) : null;
  const expertise = q.expertise ? foldText(q.expertise) : null;
  const items = rows
    .map((r) => {
      const view = personView(r as PersonRow, { full: false });
      // Never an e-mail address from the profile here; only through an accepted contact request.
      delete view.email;
      const contact = contacts.get(r.id);
      return {
        ...view,
        organization: { id: r.org_id, name: r.org_name, type: r.org_type },
        isMe: r.id === me.person?.id,
        contact: contact
          ? {
              id: contact.id,
              status: contact.status,
              direction: contact.direction,
              email: contact.email,
              message: contact.message,
            }
          : null,
      };
    })
    .filter((v) => !expertise || (v.expertise ?? []).some((e: string) => foldText(e).includes(expertise)))
    .filter(
      (v) =>
        !needle ||
        foldText(`${v.name} ${v.organization.name} ${(v.expertise ?? []).join(" ")}`).includes(needle),
    );
  return { optedIn: me.optedIn, participant: me.participant, items, total: items.length };
}

/**
 * The caller's contact requests in this event with each other person (email only once accepted;
 * the sender's note is shown to both).
 */
async function contactMap(ctx: Ctx, eventId: string, personId: string) {
  const rows = await ctx.db
    .selectFrom("contact_request")
    .selectAll()
    .where("event_id", "=", eventId)
    .where((eb) => eb.or([eb("from_person", "=", personId), eb("to_person", "=", personId)]))
    .execute();
  const others = rows.map((r) => (r.from_person === personId ? r.to_person : r.from_person));
  const emails = others.length
    ? await ctx.db.selectFrom("person").select(["id", "email"]).where("id", "in", others).execute()
    : [];
  const map = new Map<
    string,
    {
      id: string;
      status: string;
      direction: "sent" | "received";
      email: string | null;
      message: string | null;
    }
  >();
  for (const r of rows) {
    const other = r.from_person === personId ? r.to_person : r.from_person;
    map.set(other, {
      id: r.id,
      status: r.status,
      direction: r.from_person === personId ? "sent" : "received",
      email: r.status === "accepted" ? (emails.find((e) => e.id === other)?.email ?? null) : null,
      // The note the sender wrote with the request, for the two people concerned only.
      message: r.message,
    });
  }
  return map;
}

export async function requestContact(ctx: Ctx, eventId: string, toPersonId: string, message?: string) {
  const event = await loadEvent(ctx, eventId);
  const me = await myDirectoryState(ctx, eventId);
  if (!me.optedIn || !me.person)
    throw forbidden(
      "Join the participants' directory to contact other participants.",
      "directory_opt_in_required",
    );
  const from = me.person;
  const target = await ctx.db
    .selectFrom("application as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .select(["p.id", "p.email", "a.status", "a.directory_opt_in"])
    .where("a.event_id", "=", eventId)
    .where("a.person_id", "=", toPersonId)
    .executeTakeFirst();
  if (
    !target ||
    !HOLDS_PLACE.includes(target.status as never) ||
    target.directory_opt_in !== 1 ||
    target.id === from.id
  )
    throw notFound("participant");
  const existing = await ctx.db
    .selectFrom("contact_request")
    .select("id")
    .where("event_id", "=", eventId)
    .where((eb) =>
      eb.or([
        eb.and([eb("from_person", "=", from.id), eb("to_person", "=", target.id)]),
        eb.and([eb("from_person", "=", target.id), eb("to_person", "=", from.id)]),
      ]),
    )
    .executeTakeFirst();
  if (existing)
    throw conflict("contact_exists", "There is already a contact request between you and this person.");
  const id = uuidv7();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto("contact_request")
      .values({
        id,
        event_id: eventId,
        from_person: from.id,
        to_person: target.id,
        message: message?.trim() || null,
        status: "pending",
        created_at: tx.now().toISOString(),
        decided_at: null,
      })
      .execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "contact.request",
      entity: "contact_request",
      entityId: id,
      ip: tx.ip,
    });
    if (target.email)
      await sendEventMail(tx, {
        event,
        to: [target.email],
        template: "contactRequest",
        kind: "contact.request",
        vars: {
          person: `${from.given_name} ${from.family_name}`.trim(),
          url: `${tx.config.publicUrl}/events/${eventId}/participants`,
        },
      });
  });
  return { id, status: "pending" as const };
}

export async function answerContact(ctx: Ctx, requestId: string, accept: boolean) {
  if (!ctx.actor) throw unauthorized();
  const person = await personByUser(ctx.db, ctx.actor.userId);
  const req = await ctx.db
    .selectFrom("contact_request")
    .selectAll()
    .where("id", "=", requestId)
    .executeTakeFirst();
  if (!req || !person || req.to_person !== person.id) throw notFound("contact request");
  if (req.status !== "pending")
    throw new AppError(409, "invalid_transition", "This request has already been answered.");
  const status = accept ? "accepted" : "declined";
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable("contact_request")
      .set({ status, decided_at: tx.now().toISOString() })
      .where("id", "=", requestId)
      .execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: `contact.${status}`,
      entity: "contact_request",
      entityId: requestId,
      before: { status: "pending" },
      after: { status },
      ip: tx.ip,
    });
  });
  return { id: requestId, status };
}
