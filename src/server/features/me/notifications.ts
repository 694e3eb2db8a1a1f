import { z } from "zod";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { unauthorized } from "../../platform/errors.ts";

export const PreferenceInput = z.object({
  kind: z.string().regex(/^(\*|[a-z]+(\.[a-z]+)*)$/),
  email: z.boolean(),
  inApp: z.boolean(),
});

export async function myNotifications(ctx: Ctx, opts: { unreadOnly: boolean; limit: number }) {
  if (!ctx.actor) throw unauthorized();
  let q = ctx.db.selectFrom("notification").selectAll().where("user_id", "=", ctx.actor.userId);
  if (opts.unreadOnly) q = q.where("read_at", "is", null);
  const [rows, unread] = await Promise.all([
    q.orderBy("created_at", "desc").limit(opts.limit).execute(),
    ctx.db
      .selectFrom("notification")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("user_id", "=", ctx.actor.userId)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      data: JSON.parse(r.data),
      read: !!r.read_at,
      at: r.created_at,
    })),
  };
}

/** Marks one's own notifications read (audited like every change, when something changed). */
export async function markRead(ctx: Ctx, ids: string[] | "all") {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .updateTable("notification")
      .set({ read_at: ctx.now().toISOString() })
      .where("user_id", "=", actor.userId)
      .where("read_at", "is", null);
    if (ids !== "all") q = q.where("id", "in", ids.length ? ids : [""]);
    const marked = Number((await q.executeTakeFirst()).numUpdatedRows);
    if (marked > 0)
      await writeAudit(tx.db, {
        actor,
        action: "notification.read",
        entity: "user",
        entityId: actor.userId,
        after: { ids: ids === "all" ? "all" : ids, marked },
        ip: ctx.ip,
      });
    return { marked };
  });
}

export async function myPreferences(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  const rows = await ctx.db
    .selectFrom("notification_preference")
    .selectAll()
    .where("user_id", "=", ctx.actor.userId)
    .execute();
  return rows.map((r) => ({ kind: r.kind, email: !!r.email, inApp: !!r.in_app }));
}

export async function setPreference(ctx: Ctx, input: z.infer<typeof PreferenceInput>) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("notification_preference")
      .where("user_id", "=", actor.userId)
      .where("kind", "=", input.kind)
      .execute();
    await trx
      .insertInto("notification_preference")
      .values({
        user_id: actor.userId,
        kind: input.kind,
        email: input.email ? 1 : 0,
        in_app: input.inApp ? 1 : 0,
      })
      .execute();
    await writeAudit(trx, {
      actor,
      action: "notification.preference",
      entity: "user",
      entityId: actor.userId,
      after: input,
      ip: ctx.ip,
    });
  });
  return myPreferences(ctx);
}
