import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { Locale, type Role } from "../../shared/schemas/common.ts";
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
  return rolesOf(
    await db
      .selectFrom("platform_role")
      .select(["role", "state_code"])
      .where("user_id", "=", userId)
      .execute(),
  );
}

/** Roles from the caller's rows (one per role; a user without roles has one row of nulls). */
function rolesOf(rows: Array<{ role: string | null; state_code: string | null }>): {
  roles: Role[];
  states: string[];
} {
  const roles = new Set<Role>();
  const states: string[] = [];
  for (const r of rows) {
    if (!r.role) continue;
    roles.add(r.role as Role);
    if (r.role === "state_focal_point" && r.state_code) states.push(r.state_code);
  }
  return { roles: [...roles], states };
}

const truthy = (v: unknown) => v === true || v === 1 || v === "1" || v === "true";

/** The caller's columns, with one row per role (`r` joined to the user), beside a token or a session. */
const CALLER = [
  "user.id",
  "user.email",
  "user.name",
  "user.locale",
  "user.twoFactorEnabled",
  "r.role",
  "r.state_code",
] as const;

function actorOf(
  user: { id: string; email: string; name: string; locale?: string | null; twoFactorEnabled?: unknown },
  via: Actor["via"],
  roles: { roles: Role[]; states: string[] },
): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    // Sign-up takes any text for the locale: anything but the six languages is English.
    locale: Locale.catch("en").parse(user.locale),
    twoFactorEnabled: truthy(user.twoFactorEnabled),
    via,
    ...roles,
  };
}

/** Finds who is calling: an API token (Authorization: Bearer) or a better-auth session cookie. */
export async function resolveActor(
  req: FastifyRequest,
  db: Kysely<DB>,
  auth: Auth,
  setCookies?: (cookies: string[]) => void,
): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const token = header.slice(7).trim();
    // The caller and their roles in one query (one row per role).
    const rows = await db
      .selectFrom("api_token")
      .innerJoin("user", "user.id", "api_token.user_id")
      .leftJoin("platform_role as r", "r.user_id", "user.id")
      .select(["api_token.id as tokenId", "api_token.last_used_at", ...CALLER])
      .where("api_token.token_hash", "=", hashToken(token))
      .where("api_token.revoked_at", "is", null)
      .execute();
    const row = rows[0];
    if (!row) return null;
    if (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > 5 * 60_000) {
      await db
        .updateTable("api_token")
        .set({ last_used_at: nowIso() })
        .where("id", "=", row.tokenId)
        .execute();
    }
    return actorOf(row, "token", rolesOf(rows));
  }
  const cookie = req.headers.cookie;
  if (!cookie?.includes("untoc.session_token")) return null;
  const fast = await sessionFromCookie(req.cookies, db, auth);
  if (fast !== "ask-better-auth") return fast;
  const headers = new Headers();
  headers.set("cookie", cookie);
  const result = await auth.api.getSession({ headers, returnHeaders: true }).catch(() => null);
  // The cookies better-auth sets on the way: a session extended by a day gets a cookie that lasts
  // as long as it does (else the browser drops it a week after sign-in), an ended one is cleared.
  const cookies = result?.headers?.getSetCookie() ?? [];
  if (cookies.length) setCookies?.(cookies);
  const session = result?.response;
  if (!session) return null;
  const user = session.user as typeof session.user & { locale?: string; twoFactorEnabled?: boolean };
  return actorOf(user, "session", await loadRoles(db, user.id));
}

type SessionCookieConfig = { name: string; secret: string; expiresInMs: number; updateAgeMs: number };
const cookieConfigs = new WeakMap<Auth, Promise<SessionCookieConfig>>();

/** better-auth's cookie name, secret and session ages, read once per instance. */
function cookieConfig(auth: Auth): Promise<SessionCookieConfig> {
  let c = cookieConfigs.get(auth);
  if (!c) {
    c = auth.$context.then((ctx) => ({
      name: ctx.authCookies.sessionToken.name,
      secret: ctx.secret,
      expiresInMs: ctx.sessionConfig.expiresIn * 1000,
      updateAgeMs: ctx.sessionConfig.updateAge * 1000,
    }));
    cookieConfigs.set(auth, c);
    // A failed start is not kept: the next request tries again.
    c.catch(() => cookieConfigs.delete(auth));
  }
  return c;
}

/**
 * The session token in better-auth's signed cookie value (`token.base64(HMAC-SHA256(secret,
 * token))`, as better-call signs it; already URI-decoded by @fastify/cookie), or null when the
 * value is missing or its signature does not match.
 */
export function signedSessionToken(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  // Compared as text, as better-call does: a base64url spelling of the same bytes is not the signature.
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

const toMs = (v: string | Date | number) =>
  v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(v);

/**
 * A signed-in browser's request without better-auth's getSession, which costs ~0.9 ms a request
 * (a WebCrypto key import and verification, its adapter) — more than most of our endpoints. The
 * cookie's signature is checked with node:crypto and the session read from the database on every
 * request, so a signed-out or revoked session is refused at once, as before. Whatever is not the
 * plain case goes to better-auth, which handles it as it always did: a session that has expired
 * (it deletes it) or is due for its daily extension (it extends it).
 */
async function sessionFromCookie(
  cookies: Record<string, string | undefined>,
  db: Kysely<DB>,
  auth: Auth,
): Promise<Actor | null | "ask-better-auth"> {
  const config = await cookieConfig(auth);
  const token = signedSessionToken(cookies[config.name], config.secret);
  if (!token) return "ask-better-auth";
  // The caller and their roles in one query (one row per role).
  const rows = await db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .leftJoin("platform_role as r", "r.user_id", "user.id")
    .select(["session.expiresAt", ...CALLER])
    .where("session.token", "=", token)
    .execute();
  const row = rows[0];
  // Signed by us but ended (signed out, revoked): better-auth refuses it and clears the cookie.
  if (!row) return "ask-better-auth";
  const expiresAt = toMs(row.expiresAt);
  const now = Date.now();
  if (!(expiresAt > now) || expiresAt - config.expiresInMs + config.updateAgeMs <= now)
    return "ask-better-auth";
  return actorOf(row, "session", rolesOf(rows));
}
