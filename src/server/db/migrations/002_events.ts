import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";

/** Events: agenda, call for applications, selection, attendance, certificates, feedback, networking. */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("job").addColumn("dedupe_key", "text").execute();
  await db.schema.createIndex("job_dedupe").on("job").columns(["dedupe_key"]).execute();

  await db.schema
    .createTable("event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text", (c) => c.notNull())
    .addColumn("venue", "text")
    .addColumn("online_link", "text")
    .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("interpretation", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("target", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("capacity", "integer")
    .addColumn("organisers", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("partners", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("applications_open_at", "text")
    .addColumn("applications_close_at", "text")
    .addColumn("questions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("consent_text", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("endorsement_required", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("travel_support", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attendance_threshold", "real", (c) => c.notNull().defaultTo(0.75))
    .addColumn("diversity_targets", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_status_start").on("event").columns(["status", "start_date"]).execute();
  await db.schema.createIndex("event_start").on("event").columns(["start_date"]).execute();

  await db.schema
    .createTable("event_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("engagement_areas", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("speakers", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("materials", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("event_session_event")
    .on("event_session")
    .columns(["event_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("application")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organization.id"))
    .addColumn("status", "text", (c) => c.notNull())
    // Who the applicant was when applying: kept so that the selection can filter and sort fast.
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("region", "text")
    .addColumn("gender", "text")
    .addColumn("youth", "integer")
    .addColumn("org_type", "text", (c) => c.notNull())
    .addColumn("org_name_key", "text", (c) => c.notNull())
    .addColumn("first_time", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("motivation", "text")
    .addColumn("travel_support", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("travel_justification", "text")
    .addColumn("consent_at", "text")
    .addColumn("consent_text", "text")
    .addColumn("endorsement", "text", (c) => c.notNull().defaultTo("none"))
    .addColumn("endorsed_by", "text")
    .addColumn("score", "integer")
    .addColumn("notes", "text")
    .addColumn("invited", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("directory_opt_in", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("checkin_token", "text", (c) => c.unique())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("responded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("application_event_person", ["event_id", "person_id"])
    .execute();
  for (const [name, cols] of [
    ["application_event_status", ["event_id", "status", "created_at"]],
    ["application_event_created", ["event_id", "created_at"]],
    ["application_event_name", ["event_id", "name_key"]],
    ["application_event_org", ["event_id", "org_name_key"]],
    ["application_person", ["person_id"]],
    ["application_org", ["organization_id"]],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on("application")
      .columns([...cols])
      .execute();
  }

  await db.schema
    .createTable("attendance_import")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("session_id", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("matched", "integer", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("attendance_interval")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("session_id", "text")
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("import_id", "text")
    .addColumn("joined_at", "text", (c) => c.notNull())
    .addColumn("left_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("attendance_event_person")
    .on("attendance_interval")
    .columns(["event_id", "person_id"])
    .execute();

  await db.schema
    .createTable("attendance_mapping")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("mapping", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("certificate")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("seconds", "integer", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addUniqueConstraint("certificate_event_person", ["event_id", "person_id"])
    .execute();

  await db.schema
    .createTable("feedback")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    // Null when the participant chose to answer anonymously.
    .addColumn("person_id", "text")
    .addColumn("ratings", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("feedback_event").on("feedback").columns(["event_id"]).execute();
  // Who has answered (so that nobody answers twice), kept apart from the answers themselves.
  await db.schema
    .createTable("feedback_submission")
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("submitted_on", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_submission_pk", ["event_id", "person_id"])
    .execute();

  await db.schema
    .createTable("contact_request")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("event.id").onDelete("cascade"))
    .addColumn("from_person", "text", (c) => c.notNull().references("person.id"))
    .addColumn("to_person", "text", (c) => c.notNull().references("person.id"))
    .addColumn("message", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addUniqueConstraint("contact_request_pair", ["event_id", "from_person", "to_person"])
    .execute();
  await db.schema
    .createIndex("contact_request_to")
    .on("contact_request")
    .columns(["to_person", "status"])
    .execute();
}
