import { uuidv7 } from "uuidv7";
import { z } from "zod";
import {
  assignBreakouts,
  type BalanceScore,
  type BreakoutPerson,
  breakoutIssueText,
  checkAssignmentIssues,
  scoreAssignment,
} from "../../../shared/breakouts.ts";
import { Id, LocalizedInput } from "../../../shared/schemas/common.ts";
import { HOLDS_PLACE } from "../../../shared/schemas/events.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { AppError, badRequest, conflict, notFound, unauthorized } from "../../platform/errors.ts";
import { localize } from "../events/mapping.ts";
import { loadEvent, loadSessions } from "../events/service.ts";
import { personByUser } from "../people/service.ts";

const Weights = z
  .object(
    Object.fromEntries(
      ["country", "region", "sector", "gender", "youth", "language"].map((k) => [
        k,
        z.number().min(0).max(10).optional(),
      ]),
    ),
  )
  .optional();

export const BreakoutInput = z
  .object({
    sessionId: Id,
    groups: z.number().int().min(1).max(1000).optional(),
    size: z.number().int().min(2).max(1000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    together: z.array(z.array(Id).min(2).max(50)).max(100).default([]),
    apart: z.array(z.array(Id).min(2).max(50)).max(100).default([]),
    separateOrganizations: z.boolean().default(true),
    commonLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .nullable()
      .optional(),
    weights: Weights,
    /** Replace groups that already exist for the session (their drafts are kept only if asked). */
    replace: z.boolean().default(false),
  })
  .refine((v) => (v.groups == null) !== (v.size == null), {
    message: "give either the number of groups or their size",
    path: ["groups"],
  });
export type BreakoutInput = z.infer<typeof BreakoutInput>;

export const MoveInput = z.object({ sessionId: Id, personId: Id, toGroup: z.number().int().min(1) });
export const GroupPatch = z.object({
  title: LocalizedInput.optional(),
  rapporteurPersonId: Id.nullable().optional(),
});
export const DraftInput = z.object({ text: z.string().max(50_000), baseVersion: z.number().int().min(0) });

/** The people of a session's breakout: the event's participants, with the attributes balanced. */
async function cohort(ctx: Ctx, eventId: string) {
  const rows = await ctx.db
    .selectFrom("application as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .innerJoin("organization as o", "o.id", "a.organization_id")
    .select([
      "p.id",
      "p.given_name",
      "p.family_name",
      "p.languages",
      "a.country",
      "a.region",
      "a.org_type",
      "a.gender",
      "a.youth",
      "a.organization_id",
      "o.name as org_name",
    ])
    .where("a.event_id", "=", eventId)
    .where("a.status", "in", [...HOLDS_PLACE])
    .where("p.anonymized_at", "is", null)
    .orderBy("p.name_key")
    .execute();
  const people: BreakoutPerson[] = rows.map((r) => ({
    id: r.id,
    country: r.country,
    region: r.region,
    sector: r.org_type,
    gender: r.gender,
    youth: r.youth == null ? null : r.youth === 1,
    languages: JSON.parse(r.languages) as string[],
    organizationId: r.organization_id,
  }));
  const info = new Map(
    rows.map((r) => [
      r.id,
      {
        personId: r.id,
        name: `${r.given_name} ${r.family_name}`.trim(),
        country: r.country,
        organization: r.org_name,
        sector: r.org_type,
        youth: r.youth == null ? null : r.youth === 1,
        languages: JSON.parse(r.languages) as string[],
      },
    ]),
  );
  return { people, info };
}

async function breakoutSession(ctx: Ctx, eventId: string, sessionId: string) {
  const sessions = await loadSessions(ctx, eventId);
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw notFound("session");
  return session;
}

async function loadGroups(ctx: Ctx, sessionId: string) {
  const groups = await ctx.db
    .selectFrom("breakout_group")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("number")
    .execute();
  const members = groups.length
    ? await ctx.db
        .selectFrom("breakout_member")
        .selectAll()
        .where(
          "group_id",
          "in",
          groups.map((g) => g.id),
        )
        .execute()
    : [];
  return groups.map((g) => ({
    ...g,
    members: members.filter((m) => m.group_id === g.id).map((m) => m.person_id),
  }));
}

/** The breakout of a session: all groups for the secretariat, one's own group for a participant. */
export async function getBreakouts(ctx: Ctx, eventId: string, sessionId: string) {
  if (!ctx.actor) throw unauthorized();
  await loadEvent(ctx, eventId);
  await breakoutSession(ctx, eventId, sessionId);
  const set = await ctx.db
    .selectFrom("breakout_set")
    .selectAll()
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!set) throw notFound("breakout");
  const groups = await loadGroups(ctx, sessionId);
  const { people, info } = await cohort(ctx, eventId);
  const options = JSON.parse(set.options);
  const staff = isStaff(ctx.actor);
  let visible = groups;
  if (!staff) {
    const me = await personByUser(ctx.db, ctx.actor.userId);
    visible = groups.filter((g) => me && g.members.includes(me.id));
    if (!visible.length) throw notFound("breakout");
  }
  const assignment = groups.map((g) => g.members.filter((id) => info.has(id)));
  const score = scoreAssignment(people, assignment, options.weights);
  // Unmet constraints name people and organisations by id: the secretariat's only.
  const issues = staff ? checkAssignmentIssues(people, assignment, options) : [];
  const drafts = await ctx.db
    .selectFrom("breakout_draft")
    .select(["group_id", "version", "updated_at"])
    .where(
      "group_id",
      "in",
      groups.map((g) => g.id),
    )
    .execute();
  return {
    sessionId,
    seed: set.seed,
    options,
    score: staff ? score : undefined,
    randomScore: staff ? (JSON.parse(set.random_score) as BalanceScore) : undefined,
    violations: issues.map(breakoutIssueText),
    issues,
    groups: visible.map((g) => ({
      id: g.id,
      number: g.number,
      title: JSON.parse(g.title),
      rapporteurPersonId: g.rapporteur_person_id,
      score: staff ? score.perGroup[g.number - 1] : undefined,
      draft: drafts.find((d) => d.group_id === g.id) ?? null,
      members: g.members.map((id) => {
        const m = info.get(id) ?? {
          personId: id,
          name: "—",
          country: null,
          organization: "",
          sector: null,
          youth: null,
          languages: [],
        };
        // Fellow members see a name and an institution; the attributes balanced are the secretariat's.
        return staff ? m : { personId: m.personId, name: m.name, organization: m.organization };
      }),
    })),
  };
}

export async function createBreakouts(ctx: Ctx, eventId: string, input: BreakoutInput) {
  await loadEvent(ctx, eventId);
  const session = await breakoutSession(ctx, eventId, input.sessionId);
  const { people, info } = await cohort(ctx, eventId);
  if (people.length < 2) throw badRequest("breakout_too_few", "A breakout needs at least two participants.");
  for (const list of [...input.together, ...input.apart])
    for (const id of list)
      if (!info.has(id))
        throw badRequest("validation", "A pinned person is not a participant of the event.", [
          { path: "together", message: `${id} is not a participant` },
        ]);
  const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
  const options = {
    groups: input.groups,
    size: input.size,
    together: input.together,
    apart: input.apart,
    separateOrganizations: input.separateOrganizations,
    commonLanguage: input.commonLanguage ?? null,
    weights: input.weights,
  };
  const result = assignBreakouts(people, { ...options, seed });
  await inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom("breakout_set")
      .select("session_id")
      .where("session_id", "=", session.id)
      .executeTakeFirst();
    if (existing) {
      if (!input.replace)
        throw conflict(
          "breakout_exists",
          "This session already has breakout groups; confirm to replace them.",
        );
      await tx.db.deleteFrom("breakout_set").where("session_id", "=", session.id).execute();
    }
    const now = tx.now().toISOString();
    await tx.db
      .insertInto("breakout_set")
      .values({
        session_id: session.id,
        event_id: eventId,
        seed,
        options: JSON.stringify(options),
        random_score: JSON.stringify(result.randomScore),
        created_by: tx.actor?.userId ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const [i, members] of result.groups.entries()) {
      const id = uuidv7();
      await tx.db
        .insertInto("breakout_group")
        .values({
          id,
          session_id: session.id,
          number: i + 1,
          title: "{}",
          rapporteur_person_id: null,
          created_at: now,
        })
        .execute();
      if (members.length)
        await tx.db
          .insertInto("breakout_member")
          .values(members.map((person_id) => ({ group_id: id, person_id })))
          .execute();
    }
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: existing ? "breakout.replace" : "breakout.create",
      entity: "event_session",
      entityId: session.id,
      after: {
        seed,
        groups: result.groups.length,
        score: result.score.overall,
        randomScore: result.randomScore.overall,
      },
      ip: tx.ip,
    });
  });
  return getBreakouts(ctx, eventId, session.id);
}

/** Moves one person to another group (keyboard or pointer in the web app); the scores follow. */
export async function movePerson(ctx: Ctx, eventId: string, input: z.infer<typeof MoveInput>) {
  await loadEvent(ctx, eventId);
  await breakoutSession(ctx, eventId, input.sessionId);
  await inTransaction(ctx, async (tx) => {
    const groups = await loadGroups(tx, input.sessionId);
    if (!groups.length) throw notFound("breakout");
    const target = groups.find((g) => g.number === input.toGroup);
    if (!target)
      throw badRequest("validation", "There is no such group.", [
        { path: "toGroup", message: "no such group" },
      ]);
    const from = groups.find((g) => g.members.includes(input.personId));
    if (!from) throw notFound("person in this breakout");
    if (from.id === target.id) return;
    await tx.db
      .deleteFrom("breakout_member")
      .where("group_id", "=", from.id)
      .where("person_id", "=", input.personId)
      .execute();
    await tx.db
      .insertInto("breakout_member")
      .values({ group_id: target.id, person_id: input.personId })
      .execute();
    if (from.rapporteur_person_id === input.personId)
      await tx.db
        .updateTable("breakout_group")
        .set({ rapporteur_person_id: null })
        .where("id", "=", from.id)
        .execute();
    await tx.db
      .updateTable("breakout_set")
      .set({ updated_at: tx.now().toISOString() })
      .where("session_id", "=", input.sessionId)
      .execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "breakout.move",
      entity: "event_session",
      entityId: input.sessionId,
      before: { personId: input.personId, group: from.number },
      after: { personId: input.personId, group: target.number },
      ip: tx.ip,
    });
  });
  return getBreakouts(ctx, eventId, input.sessionId);
}

async function loadGroup(ctx: Ctx, groupId: string) {
  const g = await ctx.db
    .selectFrom("breakout_group")
    .selectAll()
    .where("id", "=", groupId)
    .executeTakeFirst();
  if (!g) throw notFound("group");
  const set = await ctx.db
    .selectFrom("breakout_set")
    .selectAll()
    .where("session_id", "=", g.session_id)
    .executeTakeFirstOrThrow();
  return { group: g, set };
}

export async function updateGroup(ctx: Ctx, groupId: string, patch: z.infer<typeof GroupPatch>) {
  const { group, set } = await loadGroup(ctx, groupId);
  if (patch.rapporteurPersonId) {
    const member = await ctx.db
      .selectFrom("breakout_member")
      .select("person_id")
      .where("group_id", "=", groupId)
      .where("person_id", "=", patch.rapporteurPersonId)
      .executeTakeFirst();
    if (!member)
      throw badRequest("validation", "The rapporteur must be a member of the group.", [
        { path: "rapporteurPersonId", message: "is not a member of this group" },
      ]);
  }
  await inTransaction(ctx, async (tx) => {
    const values: Record<string, unknown> = {};
    if (patch.title !== undefined)
      values.title = JSON.stringify(localize(patch.title, JSON.parse(group.title)));
    if (patch.rapporteurPersonId !== undefined) values.rapporteur_person_id = patch.rapporteurPersonId;
    if (!Object.keys(values).length) return;
    await tx.db.updateTable("breakout_group").set(values).where("id", "=", groupId).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "breakout.group.update",
      entity: "breakout_group",
      entityId: groupId,
      before: { title: group.title, rapporteur: group.rapporteur_person_id },
      after: values,
      ip: tx.ip,
    });
  });
  return getBreakouts(ctx, set.event_id, set.session_id);
}

/** Only the group's rapporteur (or the secretariat) writes the group's draft. */
async function requireRapporteur(ctx: Ctx, groupId: string) {
  if (!ctx.actor) throw unauthorized();
  const { group, set } = await loadGroup(ctx, groupId);
  if (isStaff(ctx.actor)) return { group, set };
  const me = await personByUser(ctx.db, ctx.actor.userId);
  if (!me || group.rapporteur_person_id !== me.id) {
    const member = me
      ? await ctx.db
          .selectFrom("breakout_member")
          .select("person_id")
          .where("group_id", "=", groupId)
          .where("person_id", "=", me.id)
          .executeTakeFirst()
      : undefined;
    if (!member) throw notFound("group");
    throw new AppError(403, "not_rapporteur", "Only the group's rapporteur can write its draft.");
  }
  return { group, set };
}

export async function getDraft(ctx: Ctx, groupId: string) {
  if (!ctx.actor) throw unauthorized();
  const { group } = await loadGroup(ctx, groupId);
  if (!isStaff(ctx.actor)) {
    const me = await personByUser(ctx.db, ctx.actor.userId);
    const member = me
      ? await ctx.db
          .selectFrom("breakout_member")
          .select("person_id")
          .where("group_id", "=", groupId)
          .where("person_id", "=", me.id)
          .executeTakeFirst()
      : undefined;
    if (!member) throw notFound("group");
  }
  const d = await ctx.db
    .selectFrom("breakout_draft")
    .selectAll()
    .where("group_id", "=", group.id)
    .executeTakeFirst();
  return { groupId, text: d?.text ?? "", version: d?.version ?? 0, updatedAt: d?.updated_at ?? null };
}

/**
 * Saves the rapporteur's draft as it is typed. Optimistic concurrency: the save names the version
 * it was based on; a stale save (another tab, a reconnect after someone else saved) is refused
 * with the current text so that nothing is overwritten silently.
 */
export async function saveDraft(ctx: Ctx, groupId: string, input: z.infer<typeof DraftInput>) {
  await requireRapporteur(ctx, groupId);
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom("breakout_draft")
      .selectAll()
      .where("group_id", "=", groupId)
      .executeTakeFirst();
    const version = current?.version ?? 0;
    if (input.baseVersion !== version)
      throw new AppError(
        409,
        "draft_conflict",
        "The draft was changed elsewhere; merge your text with the current one.",
        undefined,
        {
          current: { text: current?.text ?? "", version },
        },
      );
    const now = tx.now().toISOString();
    if (current)
      await tx.db
        .updateTable("breakout_draft")
        .set({
          text: input.text,
          version: version + 1,
          updated_by: tx.actor?.userId ?? null,
          updated_at: now,
        })
        .where("group_id", "=", groupId)
        .where("version", "=", version)
        .execute();
    else
      await tx.db
        .insertInto("breakout_draft")
        .values({
          group_id: groupId,
          text: input.text,
          version: 1,
          updated_by: tx.actor?.userId ?? null,
          updated_at: now,
        })
        .execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "breakout.draft.save",
      entity: "breakout_group",
      entityId: groupId,
      after: { version: version + 1, length: input.text.length },
      ip: tx.ip,
    });
    return { groupId, text: input.text, version: version + 1, updatedAt: now };
  });
}
