import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";

/** Breakout groups of a session, their members, rapporteurs and the rapporteurs' drafts. */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("breakout_set")
    .addColumn("session_id", "text", (c) => c.primaryKey().references("event_session.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("seed", "integer", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("random_score", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("breakout_group")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) =>
      c.notNull().references("breakout_set.session_id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("rapporteur_person_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("breakout_group_number", ["session_id", "number"])
    .execute();
  await db.schema
    .createTable("breakout_member")
    .addColumn("group_id", "text", (c) => c.notNull().references("breakout_group.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addPrimaryKeyConstraint("breakout_member_pk", ["group_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("breakout_member_person")
    .on("breakout_member")
    .columns(["person_id"])
    .execute();
  await db.schema
    .createTable("breakout_draft")
    .addColumn("group_id", "text", (c) => c.primaryKey().references("breakout_group.id").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
