import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";

/**
 * 1. cache_epoch: one version number per cached family of data (organisations, recommendations,
 *    reference data). A write bumps it in its transaction, so that every server process — there
 *    may be several (WORKERS) — drops counts and bundles it cached before the change.
 * 2. SQLite: the organisation search map carries each organisation's status and name key, kept in
 *    step by triggers, so that a directory search can filter, sort and count its matches from the
 *    index alone instead of fetching every matching organisation row.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("cache_epoch")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  if (dialect !== "sqlite") return;
  for (const stmt of [
    "ALTER TABLE fts_organization_ids ADD COLUMN status TEXT",
    "ALTER TABLE fts_organization_ids ADD COLUMN sort_key TEXT",
    `UPDATE fts_organization_ids SET
       status = (SELECT o.status FROM organization o WHERE o.id = fts_organization_ids.entity_id),
       sort_key = (SELECT o.name_key FROM organization o WHERE o.id = fts_organization_ids.entity_id)`,
    "CREATE INDEX fts_organization_ids_status ON fts_organization_ids (status, sort_key)",
    // Whichever is written first — the organisation or its search entry — the other picks it up.
    `CREATE TRIGGER fts_organization_ids_fill AFTER INSERT ON fts_organization_ids BEGIN
       UPDATE fts_organization_ids SET
         status = (SELECT o.status FROM organization o WHERE o.id = NEW.entity_id),
         sort_key = (SELECT o.name_key FROM organization o WHERE o.id = NEW.entity_id)
       WHERE fts_rowid = NEW.fts_rowid;
     END`,
    `CREATE TRIGGER organization_search_meta_insert AFTER INSERT ON organization BEGIN
       UPDATE fts_organization_ids SET status = NEW.status, sort_key = NEW.name_key
       WHERE entity_id = NEW.id;
     END`,
    `CREATE TRIGGER organization_search_meta_update AFTER UPDATE OF status, name_key ON organization BEGIN
       UPDATE fts_organization_ids SET status = NEW.status, sort_key = NEW.name_key
       WHERE entity_id = NEW.id;
     END`,
  ]) {
    await sql.raw(stmt).execute(db);
  }
}
