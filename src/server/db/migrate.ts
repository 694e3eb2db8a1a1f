import { type Kysely, type Migration, Migrator, sql } from "kysely";
import type { Dialect } from "./index.ts";
import * as m001 from "./migrations/001_initial.ts";
import * as m002 from "./migrations/002_events.ts";
import * as m003 from "./migrations/003_search_ids.ts";
import * as m004 from "./migrations/004_breakouts.ts";
import * as m005 from "./migrations/005_recommendations.ts";
import * as m006 from "./migrations/006_followup.ts";
import * as m007 from "./migrations/007_search_vocab.ts";
import * as m008 from "./migrations/008_directory_speed.ts";
import * as m009 from "./migrations/009_search_terms.ts";
import * as m010 from "./migrations/010_applicants_index.ts";
import * as m011 from "./migrations/011_applicant_sorts.ts";

type DialectMigration = { up(db: Kysely<any>, dialect: Dialect): Promise<void> };

const migrations: Record<string, DialectMigration> = {
  "001_initial": m001,
  "002_events": m002,
  "003_search_ids": m003,
  "004_breakouts": m004,
  "005_recommendations": m005,
  "006_followup": m006,
  "007_search_vocab": m007,
  "008_directory_speed": m008,
  "009_search_terms": m009,
  "010_applicants_index": m010,
  "011_applicant_sorts": m011,
};

/** Applies the application's migrations (the same set on SQLite and PostgreSQL). */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, m]) => [name, { up: (d: Kysely<any>) => m.up(d, dialect) }]),
      );
    },
  };
  // On PostgreSQL, keep the migration tables in the schema we work in: Kysely otherwise looks for
  // them in every schema, and one found elsewhere (another application, a kept benchmark) would
  // be taken for ours.
  const migrationTableSchema =
    dialect === "postgres"
      ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
