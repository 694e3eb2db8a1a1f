import { uuidv7 } from "uuidv7";
import { nowIso } from "../../db/index.ts";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { badRequest, notFound, unauthorized } from "../../platform/errors.ts";
import { newApiToken } from "../../platform/session.ts";
import { forgetMembershipMessages, membershipsOfPerson } from "../organizations/service.ts";
import { anonymizePerson, personByUser, profileOf } from "../people/service.ts";

function requireActor(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  return ctx.actor;
}

export async function getMe(ctx: Ctx) {
  if (!ctx.actor) return { user: null, person: null, memberships: [] };
  const a = ctx.actor;
  const user = await ctx.db
    .selectFrom("user")
    .select(["emailVerified"])
    .where("id", "=", a.userId)
    .executeTakeFirst();
  const person = await personByUser(ctx.db, a.userId);
  const memberships = person
    ? (await membershipsOfPerson(ctx, person.id)).map(({ message: _m, created_at: _c, ...m }) => m)
    : [];
  return {
    user: {
      id: a.userId,
      email: a.email,
      name: a.name,
      locale: a.locale,
      emailVerified: !!user?.emailVerified,
      twoFactorEnabled: a.twoFactorEnabled,
      roles: a.roles,
      states: a.states,
    },
    person: person ? profileOf(person) : null,
    memberships,
  };
}

export async function setLocale(ctx: Ctx, locale: string) {
  const a = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    await tx.db.updateTable("user").set({ locale }).where("id", "=", a.userId).execute();
    await writeAudit(tx.db, {
      actor: a,
      action: "user.locale",
      entity: "user",
      entityId: a.userId,
      before: { locale: a.locale },
      after: { locale },
      ip: ctx.ip,
    });
    return { ok: true as const };
  });
}

/** Everything the platform holds about the caller, as one JSON document. */
export async function exportMyData(ctx: Ctx) {
  const a = requireActor(ctx);
  const user = await ctx.db
    .selectFrom("user")
    .select(["id", "name", "email", "emailVerified", "createdAt", "locale", "twoFactorEnabled"])
    .where("id", "=", a.userId)
    .executeTakeFirst();
  const person = await personByUser(ctx.db, a.userId);
  const memberships = person ? await membershipsOfPerson(ctx, person.id) : [];
  const tokens = await ctx.db
    .selectFrom("api_token")
    .select(["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", a.userId)
    .execute();
  const sessions = await ctx.db
    .selectFrom("session")
    .select(["id", "expiresAt"])
    .where("userId", "=", a.userId)
    .execute();
  const audit = await ctx.db
    .selectFrom("audit_log")
    .select(["at", "action", "entity", "entity_id"])
    .where("actor_id", "=", a.userId)
    .orderBy("at", "desc")
    .limit(5000)
    .execute();
  return {
    exportedAt: nowIso(),
    user,
    roles: a.roles,
    person: person ? profileOf(person) : null,
    memberships,
    apiTokens: tokens,
    sessions: sessions.map((s) => ({ id: s.id, expiresAt: s.expiresAt })),
    activity: audit,
  };
}

/**
 * Deletes the caller's account: credentials, sessions and tokens are removed; the person record is
 * kept as an anonymous shell so that the history it belongs to (memberships, audit) still adds up.
 */
export async function deleteMyAccount(ctx: Ctx, confirm: string) {
  const a = requireActor(ctx);
  if (confirm.trim().toLowerCase() !== a.email.toLowerCase()) {
    throw badRequest("validation", "Type your e-mail address to confirm.", [
      { path: "body.confirm", message: "does not match" },
    ]);
  }
  return inTransaction(ctx, async (tx) => {
    const person = await personByUser(tx.db, a.userId);
    if (person) {
      await anonymizePerson(tx, person.id);
      await forgetMembershipMessages(tx, person.id);
    }
    await tx.db.deleteFrom("api_token").where("user_id", "=", a.userId).execute();
    await tx.db.deleteFrom("platform_role").where("user_id", "=", a.userId).execute();
    for (const table of ["session", "account", "twoFactor", "passkey"] as const) {
      await (tx.db as any).deleteFrom(table).where("userId", "=", a.userId).execute();
    }
    await tx.db.deleteFrom("user").where("id", "=", a.userId).execute();
    await tx.db
      .updateTable("audit_log")
      .set({ actor_label: "deleted user" })
      .where("actor_id", "=", a.userId)
      .execute();
    await writeAudit(tx.db, {
      actor: null,
      action: "user.delete",
      entity: "user",
      entityId: a.userId,
      after: { personId: person?.id ?? null, anonymized: true },
      ip: ctx.ip,
    });
    return { ok: true as const };
  });
}

export async function listTokens(ctx: Ctx) {
  const a = requireActor(ctx);
  const rows = await ctx.db
    .selectFrom("api_token")
    .select(["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", a.userId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

export async function createToken(ctx: Ctx, name: string, userId?: string) {
  const owner = userId ?? requireActor(ctx).userId;
  return inTransaction(ctx, async (tx) => {
    const t = newApiToken();
    const id = uuidv7();
    await tx.db
      .insertInto("api_token")
      .values({
        id,
        user_id: owner,
        name,
        token_hash: t.hash,
        prefix: t.prefix,
        created_at: nowIso(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "token.create",
      entity: "api_token",
      entityId: id,
      after: { name, prefix: t.prefix, userId: owner },
      ip: ctx.ip,
    });
    return { id, name, token: t.token, prefix: t.prefix };
  });
}

export async function revokeToken(ctx: Ctx, id: string) {
  const a = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom("api_token")
      .select(["id", "revoked_at"])
      .where("id", "=", id)
      .where("user_id", "=", a.userId)
      .executeTakeFirst();
    if (!row) throw notFound("token");
    if (!row.revoked_at) {
      await tx.db.updateTable("api_token").set({ revoked_at: nowIso() }).where("id", "=", id).execute();
      await writeAudit(tx.db, {
        actor: a,
        action: "token.revoke",
        entity: "api_token",
        entityId: id,
        ip: ctx.ip,
      });
    }
    return { ok: true as const };
  });
}
