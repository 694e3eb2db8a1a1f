import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";

/**
 * The applicants table filters an event's applications on any of their own columns and sorts them
 * on several: one index holding all of those (and the id) lets every filter and sort read the
 * index alone, instead of fetching each candidate row to test it (measured on 2,000 applicants:
 * country filter sorted by organisation 0.45 → 0.05 ms, youth filter sorted by status 0.39 →
 * 0.16 ms, all applicants sorted by country 0.40 → 0.24 ms).
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex("application_event_cover")
    .on("application")
    .columns([
      "event_id",
      "status",
      "country",
      "region",
      "gender",
      "youth",
      "org_type",
      "travel_support",
      "score",
      "created_at",
      "name_key",
      "org_name_key",
      "id",
    ])
    .execute();
}
