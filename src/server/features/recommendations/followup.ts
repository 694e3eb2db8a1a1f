import sanitizeHtml from "sanitize-html";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { LocalizedInput, pickText } from "../../../shared/schemas/common.ts";
import { RecStatus } from "../../../shared/schemas/recommendations.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { touch } from "../../platform/cache-epoch.ts";
import { afterCommit, type Ctx, inTransaction } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { serverT } from "../../platform/i18n/messages.ts";
import { notify } from "../../platform/notifications.ts";
import { localize } from "../events/mapping.ts";
import { followers } from "./service.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2027-06-30");
export const Milestone = z.object({
  title: z.string().trim().min(1).max(300),
  due: isoDate.optional(),
  done: z.boolean().default(false),
});
export const ActionInput = z.object({
  title: LocalizedInput,
  owner: z.string().trim().min(1).max(200),
  dueDate: isoDate.optional(),
  progress: z.number().int().min(0).max(100).default(0),
  status: z.enum(["planned", "in_progress", "done", "dropped"]).default("planned"),
  milestones: z.array(Milestone).max(30).default([]),
});
export const ActionPatch = ActionInput.partial();
export type ActionInput = z.infer<typeof ActionInput>;

const plain = (v: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(v).map(([k, s]) => [
      k,
      sanitizeHtml(s, { allowedTags: [], allowedAttributes: {} }).trim(),
    ]),
  );

async function visibleRec(ctx: Ctx, id: string) {
  const r = await ctx.db.selectFrom("recommendation").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r || (r.protection === "confidential" && !isStaff(ctx.actor))) throw notFound("recommendation");
  return r;
}

/** Actions taken on a recommendation (public unless the recommendation is confidential). */
export async function listActions(ctx: Ctx, recId: string) {
  await visibleRec(ctx, recId);
  const rows = await ctx.db
    .selectFrom("recommendation_action")
    .selectAll()
    .where("recommendation_id", "=", recId)
    .orderBy("created_at")
    .execute();
  const actions = rows.map((a) => ({
    id: a.id,
    title: JSON.parse(a.title),
    owner: a.owner,
    dueDate: a.due_date,
    progress: a.progress,
    status: a.status,
    milestones: JSON.parse(a.milestones),
    updatedAt: a.updated_at.slice(0, 10),
  }));
  const live = actions.filter((a) => a.status !== "dropped");
  return {
    actions,
    progress: live.length ? Math.round(live.reduce((n, a) => n + a.progress, 0) / live.length) : null,
  };
}

async function progressChanged(
  tx: Ctx,
  recId: string,
  action: { title: string; progress: number; status: string },
) {
  const r = await tx.db
    .selectFrom("recommendation")
    .selectAll()
    .where("id", "=", recId)
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto("recommendation_history")
    .values({
      id: uuidv7(),
      recommendation_id: recId,
      at: tx.now().toISOString(),
      kind: "progress",
      data: JSON.stringify(action),
      public: r.protection === "confidential" ? 0 : 1,
    })
    .execute();
  await afterCommit(tx, async (root) => {
    const to = await followers(root, [recId]);
    await notify(root, {
      emails: to,
      kind: "recommendation.progress",
      data: { recommendationId: recId, progress: action.progress, status: action.status },
      message: (locale) => ({
        subject: serverT(locale, "mail.recommendationProgress.subject", {
          title: pickText(JSON.parse(r.title), locale).value,
        }),
        text: serverT(locale, "mail.recommendationProgress.body", {
          title: pickText(JSON.parse(r.title), locale).value,
          action: action.title,
          progress: `${action.progress}%`,
          url: `${root.config.publicUrl}/recommendations/${recId}`,
        }),
      }),
    });
  });
}

export async function addAction(ctx: Ctx, recId: string, input: ActionInput) {
  await visibleRec(ctx, recId);
  const id = uuidv7();
  await inTransaction(ctx, async (tx) => {
    const t = tx.now().toISOString();
    const row = {
      id,
      recommendation_id: recId,
      title: JSON.stringify(localize(plain(input.title))),
      owner: input.owner,
      due_date: input.dueDate ?? null,
      progress: input.progress,
      status: input.status,
      milestones: JSON.stringify(input.milestones),
      created_at: t,
      updated_at: t,
    };
    await tx.db.insertInto("recommendation_action").values(row).execute();
    // Work on an accepted recommendation puts it in progress.
    await tx.db
      .updateTable("recommendation")
      .set({ status: "in_progress", public_status: "in_progress", updated_at: t })
      .where("id", "=", recId)
      .where("public_status", "in", ["accepted", "partially_accepted"])
      .execute();
    await touch(tx, "recommendation");
    await progressChanged(tx, recId, {
      title: Object.values(plain(input.title))[0] ?? "",
      progress: input.progress,
      status: input.status,
    });
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "recommendation.action.add",
      entity: "recommendation",
      entityId: recId,
      after: row,
      ip: tx.ip,
    });
  });
  return listActions(ctx, recId);
}

export async function updateAction(ctx: Ctx, actionId: string, patch: z.infer<typeof ActionPatch>) {
  const before = await ctx.db
    .selectFrom("recommendation_action")
    .selectAll()
    .where("id", "=", actionId)
    .executeTakeFirst();
  if (!before) throw notFound("action");
  await inTransaction(ctx, async (tx) => {
    const values: Record<string, unknown> = { updated_at: tx.now().toISOString() };
    if (patch.title) values.title = JSON.stringify(localize(plain(patch.title), JSON.parse(before.title)));
    if (patch.owner !== undefined) values.owner = patch.owner;
    if (patch.dueDate !== undefined) values.due_date = patch.dueDate;
    if (patch.progress !== undefined) values.progress = patch.progress;
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.milestones !== undefined) values.milestones = JSON.stringify(patch.milestones);
    await tx.db.updateTable("recommendation_action").set(values).where("id", "=", actionId).execute();
    const progress = (values.progress as number | undefined) ?? before.progress;
    const status = (values.status as string | undefined) ?? before.status;
    if (progress !== before.progress || status !== before.status) {
      await progressChanged(tx, before.recommendation_id, {
        title: (Object.values(JSON.parse(before.title)) as Array<{ value: string }>)[0]?.value ?? "",
        progress,
        status,
      });
      // When every live action is done, the recommendation is implemented.
      const all = await tx.db
        .selectFrom("recommendation_action")
        .select(["status"])
        .where("recommendation_id", "=", before.recommendation_id)
        .execute();
      const live = all.filter((a) => a.status !== "dropped");
      if (live.length && live.every((a) => a.status === "done"))
        await tx.db
          .updateTable("recommendation")
          .set({ status: "implemented", public_status: "implemented", updated_at: tx.now().toISOString() })
          .where("id", "=", before.recommendation_id)
          .where("public_status", "=", "in_progress")
          .execute();
      await touch(tx, "recommendation");
    }
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "recommendation.action.update",
      entity: "recommendation",
      entityId: before.recommendation_id,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, (before as Record<string, unknown>)[k]])),
      after: values,
      ip: tx.ip,
    });
  });
  return listActions(ctx, before.recommendation_id);
}

// ------------------------------------------------------------------ answer templates

export const TemplateInput = z.object({
  name: z.string().trim().min(1).max(100),
  status: RecStatus,
  text: LocalizedInput,
});

export async function listTemplates(ctx: Ctx) {
  const rows = await ctx.db.selectFrom("answer_template").selectAll().orderBy("name").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, text: JSON.parse(r.text) }));
}

export async function addTemplate(ctx: Ctx, input: z.infer<typeof TemplateInput>) {
  const id = uuidv7();
  await inTransaction(ctx, async (tx) => {
    const row = {
      id,
      name: input.name,
      status: input.status,
      text: JSON.stringify(localize(input.text)),
      created_by: tx.actor?.userId ?? null,
      created_at: tx.now().toISOString(),
    };
    await tx.db.insertInto("answer_template").values(row).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "answer_template.add",
      entity: "answer_template",
      entityId: id,
      after: row,
      ip: tx.ip,
    });
  });
  return listTemplates(ctx);
}

export async function deleteTemplate(ctx: Ctx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom("answer_template")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!before) throw notFound("template");
    await tx.db.deleteFrom("answer_template").where("id", "=", id).execute();
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "answer_template.delete",
      entity: "answer_template",
      entityId: id,
      before,
      ip: tx.ip,
    });
  });
  return listTemplates(ctx);
}
