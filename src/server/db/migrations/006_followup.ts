import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";

/** Follow-up of recommendations (actions, milestones), answer templates, in-app notifications. */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("recommendation_action")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recommendation_id", "text", (c) =>
      c.notNull().references("recommendation.id").onDelete("cascade"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("progress", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("milestones", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rec_action_rec")
    .on("recommendation_action")
    .columns(["recommendation_id"])
    .execute();
  await db.schema
    .createTable("answer_template")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("notification")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("notification_user")
    .on("notification")
    .columns(["user_id", "created_at"])
    .execute();
  await db.schema
    .createTable("notification_preference")
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("email", "integer", (c) => c.notNull())
    .addColumn("in_app", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_preference_pk", ["user_id", "kind"])
    .execute();
}
