/**
 * Diagnostics for the directory queries on a benchmark database kept with `npm run bench -- --keep`:
 * prints each SQL statement the list service issues, its query plan and its mean execution time.
 *
 *   node --import tsx bench/explain.ts /tmp/untoc-bench-sqlite-XXXX/bench.sqlite [--analyze]
 *   node --import tsx bench/explain.ts postgres://…  --schema bench_…
 */
import SQLite from "better-sqlite3";
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { loadConfig } from "../src/server/config.ts";
import type { DB } from "../src/server/db/schema.ts";
import { createSearchIndex } from "../src/server/db/search.ts";
import { getOrganization, listOrganizations } from "../src/server/features/organizations/service.ts";
import type { Ctx } from "../src/server/platform/context.ts";
import { OrganizationListQuery } from "../src/shared/schemas/organizations.ts";

const [target, ...rest] = process.argv.slice(2);
if (!target) {
  console.error(
    "usage: explain.ts <sqlite file | postgres url> [--schema S] [--analyze] [--query 'q=justice&…']",
  );
  process.exit(2);
}
const opt = (k: string) => {
  const i = rest.indexOf(`--${k}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
const isPg = /^postgres/.test(target);
const captured: Array<{ sql: string; params: readonly unknown[] }> = [];
const logger = (e: LogEvent) => {
  if (e.level === "query") captured.push({ sql: e.query.sql, params: e.query.parameters });
};

let sqlite: SQLite.Database | undefined;
let pool: pg.Pool | undefined;
let db: Kysely<DB>;
if (isPg) {
  const schema = opt("schema");
  pool = new pg.Pool({
    connectionString: target,
    max: 2,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: logger });
} else {
  sqlite = new SQLite(target);
  sqlite.pragma("cache_size = -64000");
  if (rest.includes("--analyze")) {
    const t = performance.now();
    sqlite.exec("ANALYZE");
    console.log(`ANALYZE: ${(performance.now() - t).toFixed(0)} ms`);
  }
  db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log: logger });
}

const config = loadConfig({ DATA_DIR: "/tmp", DATABASE_URL: target, AUTH_SECRET: "x".repeat(40) });
const ctx: Ctx = {
  db,
  dialect: isPg ? "postgres" : "sqlite",
  search: createSearchIndex(isPg ? "postgres" : "sqlite"),
  actor: null,
  mail: null as any,
  files: null as any,
  config,
  locale: "en",
  ip: null,
  now: () => new Date(),
};

async function timeIt(fn: () => Promise<unknown>, n = 50) {
  await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - t) / n;
}

async function explain(label: string, query: Record<string, string>) {
  const q = OrganizationListQuery.parse(query);
  await listOrganizations(ctx, q); // warm the reference cache
  captured.length = 0;
  const res = await listOrganizations(ctx, q);
  const queries = captured.splice(0);
  const total = await timeIt(() => listOrganizations(ctx, q));
  captured.length = 0;
  console.log(
    `\n=== ${label}: ${JSON.stringify(query)} → total ${res.total}; listOrganizations ${total.toFixed(2)} ms`,
  );
  for (const c of queries) {
    if (/reference_/.test(c.sql)) continue;
    console.log(`\n  ${c.sql}\n  params ${JSON.stringify(c.params)}`);
    if (sqlite) {
      const stmt = sqlite.prepare(c.sql);
      for (const row of sqlite
        .prepare(`EXPLAIN QUERY PLAN ${c.sql}`)
        .all(...(c.params as unknown[])) as Array<{ detail: string; id: number; parent: number }>) {
        console.log(`    plan: ${"  ".repeat(row.parent ? 1 : 0)}${row.detail}`);
      }
      const t = performance.now();
      for (let i = 0; i < 50; i++) stmt.all(...(c.params as unknown[]));
      console.log(`    ${((performance.now() - t) / 50).toFixed(2)} ms per execution`);
    } else {
      const r = await pool!.query(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.params as unknown[]);
      for (const row of r.rows) console.log(`    ${row["QUERY PLAN"]}`);
    }
  }
}

const custom = opt("query");
if (custom) {
  await explain("custom", Object.fromEntries(new URLSearchParams(custom)));
} else {
  await explain("list p1", { page: "1" });
  await explain("list p40", { page: "40" });
  await explain("list deep", { page: "900" });
  await explain("filter large", { country: "USA", type: "ngo", area: "ADVOCACY" });
  await explain("filter small", { country: "NOR", type: "ngo", area: "ADVOCACY" });
  await explain("search justice", { q: "justice" });
  await explain("search zh", { q: "反腐败" });
  await explain("search ar", { q: "الفساد" });
  const one = await db
    .selectFrom("organization")
    .select("id")
    .where("status", "=", "verified")
    .executeTakeFirstOrThrow();
  const t = await timeIt(() => getOrganization(ctx, one.id));
  console.log(`\n=== detail: getOrganization ${t.toFixed(2)} ms`);
}
await db.destroy();
