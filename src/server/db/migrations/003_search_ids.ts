import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";

/**
 * SQLite: the map from full-text rows to entities is keyed by the FTS rowid itself (INTEGER
 * PRIMARY KEY), so that turning a match into an entity id is one B-tree lookup instead of two.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== "sqlite") return;
  for (const entity of ["organization", "person"]) {
    const name = `fts_${entity}_ids`;
    await sql
      .raw(`CREATE TABLE ${name}_new (fts_rowid INTEGER PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE)`)
      .execute(db);
    await sql
      .raw(`INSERT INTO ${name}_new (fts_rowid, entity_id) SELECT fts_rowid, entity_id FROM ${name}`)
      .execute(db);
    await sql.raw(`DROP TABLE ${name}`).execute(db);
    await sql.raw(`ALTER TABLE ${name}_new RENAME TO ${name}`).execute(db);
  }
}
