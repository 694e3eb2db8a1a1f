import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";

/**
 * One index per sort of the applicants table, each starting with the event and the sort key and
 * holding every filtered column: the page is found by walking the index in order (forwards or
 * backwards) and stopping once the page is full, instead of sorting every match. The nullable
 * keys (country, score) have two, `key IS NULL` for ascending and `key IS NOT NULL` for descending
 * order, so that empty values come last in both directions with every key running the same way.
 * They replace the event-and-key indexes of migration 002 and the single covering index of 010.
 * Measured on 2,000 applicants, over 8 filters × 6 sorts × 2 directions: the page query 0.26 →
 * 0.06 ms on average, 0.86 → 0.15 ms at worst.
 */
const FILTERED = [
  "status",
  "country",
  "region",
  "gender",
  "youth",
  "org_type",
  "travel_support",
  "name_key",
  "org_name_key",
];

/** Name, sort key, and the column the key reads (not repeated among the filtered ones). */
const APPLICANT_SORT_INDEXES: ReadonlyArray<readonly [string, string, string]> = [
  ["application_sort_created", "created_at", "created_at"],
  ["application_sort_name", "name_key", "name_key"],
  ["application_sort_org", "org_name_key", "org_name_key"],
  ["application_sort_status", "status", "status"],
  ["application_sort_country_asc", "(country IS NULL), country", "country"],
  ["application_sort_country_desc", "(country IS NOT NULL), country", "country"],
  ["application_sort_score_asc", "(score IS NULL), score", "score"],
  ["application_sort_score_desc", "(score IS NOT NULL), score", "score"],
];

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const name of [
    "application_event_cover",
    "application_event_status",
    "application_event_created",
    "application_event_name",
    "application_event_org",
  ])
    await db.schema.dropIndex(name).execute();
  for (const [name, key, column] of APPLICANT_SORT_INDEXES) {
    const rest = FILTERED.filter((c) => c !== column).join(", ");
    await sql`CREATE INDEX ${sql.ref(name)} ON application (event_id, ${sql.raw(key)}, id, ${sql.raw(rest)})`.execute(
      db,
    );
  }
}
