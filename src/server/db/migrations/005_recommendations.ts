import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";

/** Recommendations: their origin and protection, endorsements, answers, history, notes and actions. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("recommendation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("original_lang", "text", (c) => c.notNull())
    .addColumn("addressed_actors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("themes", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("instruments", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("articles", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("engagement_areas", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("sdg_targets", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("event_id", "text")
    .addColumn("session_id", "text")
    .addColumn("group_id", "text")
    .addColumn("organization_id", "text")
    .addColumn("author_person_id", "text")
    .addColumn("region", "text")
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("protection", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("public_status", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("pending_answer", "text")
    .addColumn("answer_publish_at", "text")
    .addColumn("answered_at", "text")
    .addColumn("assigned_to", "text")
    .addColumn("merged_into", "text")
    .addColumn("endorsements", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    // The tracker walks recommendations newest first and stops after a page: by date, or by date
    // within a status, region or year.
    ["rec_created", ["created_at", "id"]],
    ["rec_public_status_created", ["public_status", "created_at"]],
    ["rec_event", ["event_id", "created_at"]],
    ["rec_status_created", ["status", "created_at"]],
    ["rec_year", ["year", "created_at"]],
    ["rec_region", ["region", "created_at"]],
    ["rec_endorsements", ["endorsements", "created_at"]],
    ["rec_merged", ["merged_into"]],
    ["rec_author", ["author_person_id"]],
  ] as const)
    await db.schema
      .createIndex(name)
      .on("recommendation")
      .columns([...cols])
      .execute();

  await db.schema
    .createTable("recommendation_tag")
    .addColumn("recommendation_id", "text", (c) =>
      c.notNull().references("recommendation.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recommendation_tag_pk", ["kind", "value", "recommendation_id"])
    .execute();

  await db.schema
    .createTable("recommendation_endorsement")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recommendation_id", "text", (c) =>
      c.notNull().references("recommendation.id").onDelete("cascade"),
    )
    .addColumn("person_id", "text")
    .addColumn("organization_id", "text")
    .addColumn("show_identity", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rec_endorsement_rec")
    .on("recommendation_endorsement")
    .columns(["recommendation_id", "person_id", "organization_id"])
    .execute();

  await db.schema
    .createTable("recommendation_history")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recommendation_id", "text", (c) =>
      c.notNull().references("recommendation.id").onDelete("cascade"),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("public", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rec_history_rec")
    .on("recommendation_history")
    .columns(["recommendation_id", "at"])
    .execute();

  await db.schema
    .createTable("recommendation_note")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recommendation_id", "text", (c) =>
      c.notNull().references("recommendation.id").onDelete("cascade"),
    )
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("mentions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  if (dialect === "sqlite") {
    await sql
      .raw(
        "CREATE VIRTUAL TABLE fts_recommendation USING fts5(entity_id UNINDEXED, doc, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')",
      )
      .execute(db);
    await sql
      .raw(
        "CREATE TABLE fts_recommendation_ids (fts_rowid INTEGER PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE)",
      )
      .execute(db);
  }
}
