import { sql } from "kysely";
import type { Role } from "../../../shared/schemas/common.ts";
import { nowIso } from "../../db/index.ts";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { badRequest, notFound, required } from "../../platform/errors.ts";

const truthy = (v: unknown) => v === true || v === 1 || v === "1";

export async function listUsers(ctx: Ctx, q: { q?: string; role?: Role; page: number; pageSize: number }) {
  let base = ctx.db.selectFrom("user as u");
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[%_]/g, "")}%`;
    base = base.where((eb) =>
      eb.or([eb(sql`lower(u.email)`, "like", like), eb(sql`lower(u.name)`, "like", like)]),
    );
  }
  if (q.role)
    base = base.where("u.id", "in", (eb) =>
      eb.selectFrom("platform_role").select("user_id").where("role", "=", q.role!),
    );
  const [rows, total] = await Promise.all([
    base
      .select(["u.id", "u.email", "u.name", "u.emailVerified", "u.twoFactorEnabled", "u.createdAt"])
      .orderBy("u.email")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const roles = rows.length
    ? await ctx.db
        .selectFrom("platform_role")
        .select(["user_id", "role", "state_code"])
        .where(
          "user_id",
          "in",
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      emailVerified: truthy(r.emailVerified),
      twoFactorEnabled: truthy(r.twoFactorEnabled),
      createdAt: new Date(r.createdAt as string).toISOString(),
      roles: roles
        .filter((x) => x.user_id === r.id)
        .map((x) => ({ role: x.role as Role, stateCode: x.state_code || null })),
    })),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function grantRole(ctx: Ctx, userId: string, role: Role, stateCode?: string | null) {
  if (role === "state_focal_point" && !stateCode)
    throw badRequest("validation", "A State focal point is bound to one State.", [
      required("body.stateCode"),
    ]);
  return inTransaction(ctx, async (tx) => {
    const user = await tx.db.selectFrom("user").select("id").where("id", "=", userId).executeTakeFirst();
    if (!user) throw notFound("user");
    const state = role === "state_focal_point" ? stateCode! : "";
    const exists = await tx.db
      .selectFrom("platform_role")
      .select("role")
      .where("user_id", "=", userId)
      .where("role", "=", role)
      .where("state_code", "=", state)
      .executeTakeFirst();
    if (!exists) {
      await tx.db
        .insertInto("platform_role")
        .values({
          user_id: userId,
          role,
          state_code: state,
          granted_by: ctx.actor?.userId ?? null,
          granted_at: nowIso(),
        })
        .execute();
      await writeAudit(tx.db, {
        actor: ctx.actor,
        action: "role.grant",
        entity: "user",
        entityId: userId,
        after: { role, stateCode: state || null },
        ip: ctx.ip,
      });
    }
    return { ok: true as const };
  });
}

export async function revokeRole(ctx: Ctx, userId: string, role: Role, stateCode?: string | null) {
  if (ctx.actor?.userId === userId && role === "admin")
    throw badRequest("self_demotion", "You cannot remove your own admin role.");
  return inTransaction(ctx, async (tx) => {
    let q = tx.db.deleteFrom("platform_role").where("user_id", "=", userId).where("role", "=", role);
    if (stateCode) q = q.where("state_code", "=", stateCode);
    const res = await q.executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound("role");
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "role.revoke",
      entity: "user",
      entityId: userId,
      before: { role, stateCode: stateCode ?? null },
      ip: ctx.ip,
    });
    return { ok: true as const };
  });
}

export async function listAudit(
  ctx: Ctx,
  q: {
    entity?: string;
    entityId?: string;
    action?: string;
    actor?: string;
    from?: string;
    to?: string;
    page: number;
    pageSize: number;
  },
) {
  let base = ctx.db.selectFrom("audit_log");
  if (q.entity) base = base.where("entity", "=", q.entity);
  if (q.entityId) base = base.where("entity_id", "=", q.entityId);
  if (q.action) base = base.where("action", "like", `${q.action.replace(/[%_]/g, "")}%`);
  if (q.actor) base = base.where("actor_label", "like", `%${q.actor.replace(/[%_]/g, "")}%`);
  if (q.from) base = base.where("at", ">=", q.from);
  if (q.to) base = base.where("at", "<=", q.to.length === 10 ? `${q.to}T23:59:59.999Z` : q.to);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
      ip: r.ip,
    })),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function listOutbox(ctx: Ctx, q: { to?: string; page: number; pageSize: number }) {
  let base = ctx.db.selectFrom("outbox");
  if (q.to) base = base.where("to_address", "like", `%${q.to.toLowerCase().replace(/[%_]/g, "")}%`);
  const [rows, total] = await Promise.all([
    base
      .select(["id", "created_at", "to_address", "subject", "kind", "locale", "status"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      to: r.to_address,
      subject: r.subject,
      kind: r.kind,
      locale: r.locale,
      status: r.status,
    })),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getOutboxMessage(ctx: Ctx, id: string) {
  const r = await ctx.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw notFound("message");
  return {
    id: r.id,
    createdAt: r.created_at,
    to: r.to_address,
    subject: r.subject,
    kind: r.kind,
    locale: r.locale,
    status: r.status,
    text: r.text,
    error: r.error,
  };
}
