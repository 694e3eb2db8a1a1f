import { type Kysely, sql } from "kysely";
import { similarityWords } from "../../../shared/text.ts";
import type { Dialect } from "../index.ts";

/**
 * search_term: how many recommendations contain each significant word (and, under the empty term,
 * how many are indexed), kept by the search index as documents come and go. "Similar
 * recommendations" reads it to start from the rarest words of a text; the same table serves
 * SQLite and PostgreSQL (PostgreSQL has no cheap document frequency of its own).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("search_term")
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("term", "text", (c) => c.notNull())
    .addColumn("docs", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("search_term_pk", ["entity", "term"])
    .execute();
  const docs =
    dialect === "sqlite"
      ? await sql<{ doc: string }>`SELECT c1 AS doc FROM fts_recommendation_content`.execute(db)
      : await sql<{ doc: string }>`SELECT doc FROM search_doc WHERE entity = 'recommendation'`.execute(db);
  const counts = new Map<string, number>([["", docs.rows.length]]);
  for (const { doc } of docs.rows)
    for (const w of new Set(similarityWords(doc))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const rows = [...counts].map(([term, n]) => ({ entity: "recommendation", term, docs: n }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("search_term")
      .values(rows.slice(i, i + 500))
      .execute();
}
