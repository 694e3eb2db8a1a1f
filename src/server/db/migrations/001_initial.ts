import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";

/** The first schema. Portable types only: text, integer, JSON kept as text. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("organization")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("names", "text", (c) => c.notNull())
    .addColumn("original_lang", "text", (c) => c.notNull())
    .addColumn("acronym", "text")
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("countries_of_operation", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("thematic_focus", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("engagement_areas", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("ecosoc_status", "text", (c) => c.notNull().defaultTo("none"))
    .addColumn("youth_led", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("victim_led", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("grassroots", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("website", "text")
    .addColumn("website_domain", "text")
    .addColumn("email", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("logo_file_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_reason", "text")
    .addColumn("merged_into", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ["organization_status_name", ["status", "name_key", "id"]],
    ["organization_status_country", ["status", "country", "name_key", "id"]],
    ["organization_status_type", ["status", "type", "name_key"]],
    ["organization_status_created", ["status", "created_at"]],
    ["organization_country_key", ["country", "name_key"]],
    ["organization_domain", ["website_domain"]],
    ["organization_email", ["email"]],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on("organization")
      .columns([...cols])
      .execute();
  }

  await db.schema
    .createTable("organization_tag")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organization.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("organization_tag_pk", ["kind", "value", "organization_id"])
    .execute();
  await db.schema
    .createIndex("organization_tag_org")
    .on("organization_tag")
    .columns(["organization_id"])
    .execute();

  await db.schema
    .createTable("person")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.unique())
    .addColumn("given_name", "text", (c) => c.notNull())
    .addColumn("family_name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("title", "text")
    .addColumn("country", "text")
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("expertise", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("gender", "text")
    .addColumn("birth_year", "integer")
    .addColumn("youth_declared", "integer")
    .addColumn("bio", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("consent_at", "text")
    .addColumn("consent_version", "text")
    .addColumn("anonymized_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("person_email").on("person").columns(["email"]).execute();
  await db.schema.createIndex("person_name").on("person").columns(["name_key"]).execute();

  await db.schema
    .createTable("membership")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organization.id").onDelete("cascade"),
    )
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("message", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("membership_org_person", ["organization_id", "person_id"])
    .execute();
  await db.schema.createIndex("membership_person").on("membership").columns(["person_id"]).execute();

  await db.schema
    .createTable("stored_file")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("organization_document")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organization.id").onDelete("cascade"),
    )
    .addColumn("file_id", "text", (c) => c.notNull().references("stored_file.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("platform_role")
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("state_code", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("granted_by", "text")
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("platform_role_pk", ["user_id", "role", "state_code"])
    .execute();

  await db.schema
    .createTable("api_token")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("api_token_user").on("api_token").columns(["user_id"]).execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_label", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("audit_at").on("audit_log").columns(["at"]).execute();
  await db.schema
    .createIndex("audit_entity")
    .on("audit_log")
    .columns(["entity", "entity_id", "at"])
    .execute();
  await db.schema.createIndex("audit_actor").on("audit_log").columns(["actor_id", "at"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("html", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_created").on("outbox").columns(["created_at"]).execute();

  await db.schema
    .createTable("reference_dataset")
    .addColumn("dataset", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("sources", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("imported_by", "text")
    .execute();
  await db.schema
    .createTable("reference_item")
    .addColumn("dataset", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("sort", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addPrimaryKeyConstraint("reference_item_pk", ["dataset", "code"])
    .execute();

  await db.schema
    .createTable("job")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("locked_until", "text")
    .addColumn("locked_by", "text")
    .addColumn("last_error", "text")
    .addColumn("done_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("job_due").on("job").columns(["done_at", "run_at"]).execute();

  await db.schema
    .createTable("login_throttle")
    .addColumn("email", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("blocked_until", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Full-text search: one document per entity, kept in sync by the application.
  if (dialect === "sqlite") {
    for (const entity of ["organization", "person"]) {
      await sql
        .raw(
          `CREATE VIRTUAL TABLE fts_${entity} USING fts5(entity_id UNINDEXED, doc, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`,
        )
        .execute(db);
      // FTS5 cannot look up an UNINDEXED column quickly: keep entity id → FTS rowid beside it.
      await sql
        .raw(`CREATE TABLE fts_${entity}_ids (entity_id TEXT PRIMARY KEY, fts_rowid INTEGER NOT NULL UNIQUE)`)
        .execute(db);
    }
  } else {
    await db.schema
      .createTable("search_doc")
      .addColumn("entity", "text", (c) => c.notNull())
      .addColumn("entity_id", "text", (c) => c.notNull())
      .addColumn("doc", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("search_doc_pk", ["entity", "entity_id"])
      .execute();
    await sql`ALTER TABLE search_doc ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', doc)) STORED`.execute(
      db,
    );
    await sql`CREATE INDEX search_doc_tsv ON search_doc USING GIN (tsv)`.execute(db);
  }
}
