import { type Kysely, sql } from "kysely";
import type { Dialect } from "../index.ts";

/** SQLite: the recommendations index's vocabulary with document counts (to pick rare words). */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== "sqlite") return;
  await sql
    .raw("CREATE VIRTUAL TABLE fts_recommendation_vocab USING fts5vocab(fts_recommendation, row)")
    .execute(db);
}
