import { sql } from "kysely";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/index.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { createSearchIndex } from "./db/search.ts";
import { grantRole } from "./features/admin/service.ts";
import { ensureReferenceData } from "./features/reference/service.ts";
import { type Auth, authOptions, createAuth, migrateAuth } from "./platform/auth.ts";
import type { Ctx } from "./platform/context.ts";
import { createFileStore } from "./platform/files.ts";
import { createMailer, type Mailer } from "./platform/mail.ts";
import { ensureUser } from "./platform/users.ts";

export interface Runtime {
  config: Config;
  database: Database;
  auth: Auth;
  mailer: Mailer;
  /** A service context acting as the system (no actor), for start-up tasks and the CLI. */
  systemCtx(): Ctx;
  close(): Promise<void>;
}

/** Opens the database, applies migrations (ours and better-auth's) and wires the services. */
export async function openRuntime(
  config: Config,
  opts: { pgSchema?: string; poolSize?: number } = {},
): Promise<Runtime> {
  const database = openDatabase(config.database, opts);
  await migrateToLatest(database.db, database.dialect);
  await analyze(database);
  const mailer = createMailer(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  const options = authOptions(config, database, mailer);
  await migrateAuth(options);
  const auth = createAuth(options);
  const search = createSearchIndex(database.dialect);
  const files = createFileStore(config.dataDir);
  const systemCtx = (): Ctx => ({
    db: database.db,
    dialect: database.dialect,
    search,
    actor: null,
    mail: mailer,
    files,
    config,
    locale: "en",
    ip: null,
    now: () => new Date(),
  });
  return {
    config,
    database,
    auth,
    mailer,
    systemCtx,
    async close() {
      mailer.close();
      await database.close();
    },
  };
}

/** Refreshes the query planner's statistics (cheap when nothing changed). */
export async function analyze(database: Database): Promise<void> {
  if (database.sqlite) database.sqlite.pragma("optimize=0x10002");
  else await sql`ANALYZE`.execute(database.db);
}

/** Start-up tasks: reference data present, configured admin present. */
export async function prepare(rt: Runtime): Promise<void> {
  const ctx = rt.systemCtx();
  await ensureReferenceData(ctx);
  if (rt.config.admin) {
    const { id } = await ensureUser(rt.auth, {
      ...rt.config.admin,
      name: "Administrator",
      resetPassword: true,
    });
    await grantRole(ctx, id, "admin");
  }
}
