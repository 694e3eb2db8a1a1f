import { createHash, randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Role } from "../../shared/schemas/common.ts";
import { nowIso } from "../db/index.ts";
import type { DB } from "../db/schema.ts";
import type { Actor } from "./actor.ts";
import type { Auth } from "./auth.ts";

export const TOKEN_PREFIX = "ute_";

export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function loadRoles(db: Kysely<DB>, userId: string): Promise<{ roles: Role[]; states: string[] }> {
  const rows = await db
    .selectFrom("platform_role")
    .select(["role", "state_code"])
    .where("user_id", "=", userId)
    .execute();
  return {
    roles: [...new Set(rows.map((r) => r.role as Role))],
    states: rows.filter((r) => r.role === "state_focal_point" && r.state_code).map((r) => r.state_code),
  };
}

const truthy = (v: unknown) => v === true || v === 1 || v === "1" || v === "true";

/** Finds who is calling: an API token (Authorization: Bearer) or a better-auth session cookie. */
export async function resolveActor(req: FastifyRequest, db: Kysely<DB>, auth: Auth): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const token = header.slice(7).trim();
    const row = await db
      .selectFrom("api_token")
      .innerJoin("user", "user.id", "api_token.user_id")
      .select([
        "api_token.id as tokenId",
        "api_token.last_used_at",
        "user.id",
        "user.email",
        "user.name",
        "user.locale",
        "user.twoFactorEnabled",
      ])
      .where("api_token.token_hash", "=", hashToken(token))
      .where("api_token.revoked_at", "is", null)
      .executeTakeFirst();
    if (!row) return null;
    if (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > 5 * 60_000) {
      await db
        .updateTable("api_token")
        .set({ last_used_at: nowIso() })
        .where("id", "=", row.tokenId)
        .execute();
    }
    return {
      userId: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale ?? "en",
      twoFactorEnabled: truthy(row.twoFactorEnabled),
      via: "token",
      ...(await loadRoles(db, row.id)),
    };
  }
  const cookie = req.headers.cookie;
  if (!cookie?.includes("untoc.session_token")) return null;
  const headers = new Headers();
  headers.set("cookie", cookie);
  const session = await auth.api.getSession({ headers }).catch(() => null);
  if (!session) return null;
  const user = session.user as typeof session.user & { locale?: string; twoFactorEnabled?: boolean };
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale ?? "en",
    twoFactorEnabled: truthy(user.twoFactorEnabled),
    via: "session",
    ...(await loadRoles(db, user.id)),
  };
}
