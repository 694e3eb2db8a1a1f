import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import { preparingPool } from "./prepared.ts";
import type { DB } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw SQLite handle (for backups); undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** The pg pool (better-auth shares it); undefined on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) as a string (int8); treat int8 as a JS number everywhere.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** What Kysely's SQLite driver calls on a prepared statement. */
type KyselyStatement = Pick<SQLite.Statement, "reader" | "all" | "run" | "iterate">;

/**
 * Rows as plain objects built by a function compiled once per statement from its column names:
 * better-sqlite3 builds each row object key by key, which costs more than reading the values
 * (measured: 50 rows × 27 columns 0.44 ms that way, 0.27 ms as arrays turned into objects here).
 * Same result: one own property per column name, in order, the last of duplicate names winning.
 */
export function fastRows(st: SQLite.Statement): KyselyStatement {
  if (!st.reader) return st;
  const names = st.columns().map((c) => c.name);
  // An object literal would set the prototype for this name instead of a property.
  if (names.includes("__proto__")) return st;
  const make = new Function(
    "r",
    `return {${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(", ")}};`,
  ) as (row: unknown[]) => Record<string, unknown>;
  st.raw(true);
  return {
    reader: true,
    all: (...params: unknown[]) => (st.all(...params) as unknown[][]).map(make),
    run: (...params: unknown[]) => st.run(...params),
    *iterate(...params: unknown[]) {
      for (const row of st.iterate(...params) as IterableIterator<unknown[]>) yield make(row);
    },
  } as KyselyStatement;
}

export function openDatabase(
  cfg: Config["database"],
  opts: { pgSchema?: string; poolSize?: number } = {},
): Database {
  if (cfg.dialect === "sqlite") {
    if (cfg.file !== ":memory:") mkdirSync(dirname(cfg.file), { recursive: true });
    const sqlite = new SQLite(cfg.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("cache_size = -64000");
    // Reuse prepared statements: Kysely prepares every query afresh, which costs more than running it.
    const statements = new Map<string, KyselyStatement>();
    const cached = {
      prepare(text: string) {
        let st = statements.get(text);
        if (!st) {
          if (statements.size >= 1000) statements.clear();
          st = fastRows(sqlite.prepare(text));
          statements.set(text, st);
        }
        return st;
      },
      close: () => sqlite.close(),
    };
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: cached as unknown as SQLite.Database }),
    });
    return { db, dialect: "sqlite", sqlite, close: () => db.destroy() };
  }
  // Web requests are short: parallel query workers cost more to start (~10 ms) than they save on
  // the page-sized queries here, so the application's sessions run without them.
  const settings = ["-c max_parallel_workers_per_gather=0"];
  if (opts.pgSchema) settings.push(`-c search_path=${opts.pgSchema}`);
  const pool = new pg.Pool({
    connectionString: cfg.url,
    max: opts.poolSize ?? 10,
    options: settings.join(" "),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return { db, dialect: "postgres", pool, close: () => db.destroy() };
}

/** Creates a PostgreSQL schema (for isolated test runs) through a short-lived connection. */
export async function createPgSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export const nowIso = (): string => new Date().toISOString();

export async function ping(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
