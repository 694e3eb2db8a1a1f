import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Role } from "../shared/schemas/common.ts";
import { buildApp } from "./app.ts";
import { type Config, loadConfig } from "./config.ts";
import { createPgSchema, dropPgSchema } from "./db/index.ts";
import { grantRole } from "./features/admin/service.ts";
import { createToken } from "./features/me/service.ts";
import type { Actor } from "./platform/actor.ts";
import type { Ctx } from "./platform/context.ts";
import { ensureUser } from "./platform/users.ts";
import { openRuntime, prepare, type Runtime } from "./runtime.ts";

/**
 * A real application on a real database for API tests: a temporary SQLite file, or a fresh
 * PostgreSQL schema when DATABASE_URL points at PostgreSQL (npm run test:pg).
 */
export interface TestApp {
  app: FastifyInstance;
  rt: Runtime;
  config: Config;
  /** Creates a verified user with the given roles and returns a bearer token for it. */
  user(opts?: {
    roles?: Role[];
    email?: string;
    name?: string;
    password?: string;
    state?: string;
  }): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  auth: { authorization: string };
}

let counter = 0;

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "untoc-test-"));
  const pgUrl = process.env.DATABASE_URL;
  const pgSchema = pgUrl ? `t_${process.pid}_${Date.now()}_${counter++}` : undefined;
  if (pgUrl && pgSchema) await createPgSchema(pgUrl, pgSchema);
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: pgUrl ?? join(dataDir, "test.sqlite"),
      PUBLIC_URL: "http://localhost:3000",
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
      LOG_LEVEL: "error",
      ...env,
    }),
  };
  const rt = await openRuntime(config, { pgSchema, poolSize: 4 });
  await prepare(rt);
  const app = await buildApp({
    config,
    database: rt.database,
    auth: rt.auth,
    mailer: rt.mailer,
    webRoot: null,
    logger: false,
  });
  await app.ready();
  let n = 0;
  return {
    app,
    rt,
    config,
    async user(opts = {}) {
      n++;
      const email = opts.email ?? `user${n}-${Math.random().toString(36).slice(2, 8)}@test.example`;
      const password = opts.password ?? "correct-horse-battery";
      const { id } = await ensureUser(rt.auth, { email, password, name: opts.name ?? `Test User ${n}` });
      for (const role of opts.roles ?? []) await grantRole(rt.systemCtx(), id, role, opts.state);
      const { token } = await createToken(rt.systemCtx(), "test", id);
      return { id, email, password, token, auth: { authorization: `Bearer ${token}` } };
    },
    async close() {
      await app.close();
      await rt.close();
      if (pgUrl && pgSchema) await dropPgSchema(pgUrl, pgSchema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in with e-mail and password through better-auth; returns the session cookie header. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: "http://localhost:3000" },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  return cookies.map((c) => c.split(";")[0]).join("; ");
}

/** Creates an event through the API as `staff` (a draft unless the payload says otherwise); its id. */
export async function createTestEvent(
  t: TestApp,
  staff: TestUser,
  payload: Record<string, unknown>,
): Promise<string> {
  const res = await t.app.inject({ method: "POST", url: "/api/events", headers: staff.auth, payload });
  if (res.statusCode !== 201) throw new Error(`event not created: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** An online training in Bangkok's time zone, as the tests create it; `over` changes any field. */
export const sampleEvent = (over: Record<string, unknown> = {}) => ({
  type: "training",
  format: "online",
  title: { en: "Online training" },
  timeZone: "Asia/Bangkok",
  startDate: "2026-03-10",
  endDate: "2026-03-11",
  ...over,
});

/** The system's context acting as the secretariat, for services a test calls directly. */
export function secretariatCtx(t: TestApp): Ctx {
  const ctx = t.rt.systemCtx();
  return { ...ctx, actor: { ...(ctx.actor as Actor), roles: ["secretariat"] } };
}

export const sampleOrg = (over: Record<string, unknown> = {}) => ({
  names: { en: "Mekong Youth Network" },
  originalLang: "en",
  acronym: "MYN",
  type: "ngo",
  country: "THA",
  countriesOfOperation: ["THA", "LAO"],
  thematicFocus: ["TIP"],
  engagementAreas: ["ADVOCACY"],
  ecosocStatus: "none",
  youthLed: true,
  website: "https://mekong-youth.example",
  email: "contact@mekong-youth.example",
  description: { en: "Young people against trafficking." },
  ...over,
});

/**
 * Registers organisations through the API as `by` (English name and country only, so that none
 * looks like a duplicate of another) and verifies those marked so as `staff`; their ids by name.
 */
export async function registerOrganizations(
  t: TestApp,
  by: TestUser,
  staff: TestUser,
  orgs: Array<{ name: string; country: string; verified: boolean }>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const o of orgs) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: by.auth,
      payload: sampleOrg({
        names: { en: o.name },
        acronym: undefined,
        country: o.country,
        website: undefined,
        email: undefined,
      }),
    });
    if (res.statusCode !== 201) throw new Error(`registering ${o.name}: ${res.statusCode} ${res.body}`);
    ids[o.name] = res.json().id;
    if (!o.verified) continue;
    const verified = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${ids[o.name]}/verify`,
      headers: staff.auth,
      payload: {},
    });
    if (verified.statusCode !== 200)
      throw new Error(`verifying ${o.name}: ${verified.statusCode} ${verified.body}`);
  }
  return ids;
}

const BOUNDARY = "----untoc-test-boundary";
/** The content type of every body built by `multipart`. */
export const MULTIPART_HEADERS = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };

/** A multipart/form-data body as a browser sends it: the fields, then the file in the field `file`. */
export function multipart(
  file: { name: string; bytes: Buffer; type?: string },
  fields: Record<string, string> = {},
): { payload: Buffer; headers: typeof MULTIPART_HEADERS } {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: MULTIPART_HEADERS };
}
