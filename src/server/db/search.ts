import { type Kysely, type RawBuilder, sql } from "kysely";
import { searchDocument, searchTerms, similarityWords } from "../../shared/text.ts";
import type { Dialect } from "./index.ts";

export type SearchEntity = "organization" | "person" | "recommendation";

/**
 * Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector. Both index the same
 * folded document (see shared/text.ts), so results agree across dialects.
 */
export interface SearchIndex {
  put(
    db: Kysely<any>,
    entity: SearchEntity,
    id: string,
    parts: Array<string | null | undefined>,
  ): Promise<void>;
  /** Adds many new documents at once (ids must not be indexed yet). */
  putMany(
    db: Kysely<any>,
    entity: SearchEntity,
    docs: Array<{ id: string; parts: Array<string | null | undefined> }>,
  ): Promise<void>;
  remove(db: Kysely<any>, entity: SearchEntity, id: string): Promise<void>;
  /** A subquery with one column, entity_id, of the matching entities; null when the query has no searchable term. */
  matchIds(entity: SearchEntity, query: string): RawBuilder<unknown> | null;
  /**
   * Where the index itself holds each organisation's status and name key (SQLite): a subquery of
   * the matches with columns entity_id, status and sort_key, so that a plain directory search is
   * filtered, sorted and counted without reading the organisation rows. Null elsewhere, or when
   * the query has no searchable term.
   */
  organizationMatches(query: string): RawBuilder<unknown> | null;
  /** Entities sharing any of the words, best match first (for "similar ones already exist"). */
  ranked(db: Kysely<any>, entity: SearchEntity, words: string[], limit: number): Promise<string[]>;
  /**
   * Entities containing every one of the words, most recent first, unranked: cheap however common
   * each word is (for "similar" look-ups that start from a text's rarest words).
   */
  containingAll(db: Kysely<any>, entity: SearchEntity, words: string[], limit: number): Promise<string[]>;
  /** How many documents contain each word, and how many there are (see search_term). */
  documentCounts(
    db: Kysely<any>,
    entity: "recommendation",
    words: string[],
  ): Promise<{ total: number; counts: Map<string, number> }>;
}

/** Entities whose significant words are counted in search_term. */
const COUNTED = new Set<SearchEntity>(["recommendation"]);

/**
 * Adds (+1) or removes (-1) documents to the word counts. Terms are written in sorted order, so
 * that concurrent transactions lock their rows in the same order (no deadlock on PostgreSQL).
 */
async function countTerms(db: Kysely<any>, entity: SearchEntity, docs: string[], sign: 1 | -1) {
  if (!COUNTED.has(entity) || docs.length === 0) return;
  const counts = new Map<string, number>([["", docs.length]]);
  for (const doc of docs)
    for (const w of new Set(similarityWords(doc))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const rows = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, n]) => ({ entity, term, docs: sign * n }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("search_term")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(["entity", "term"]).doUpdateSet({ docs: sql`search_term.docs + excluded.docs` }),
      )
      .execute();
}

async function termCounts(db: Kysely<any>, entity: SearchEntity, words: string[]) {
  const r = await db
    .selectFrom("search_term")
    .select(["term", "docs"])
    .where("entity", "=", entity)
    .where("term", "in", ["", ...words])
    .execute();
  const counts = new Map<string, number>();
  let total = 0;
  for (const x of r as Array<{ term: string; docs: number }>) {
    if (x.term === "") total = Number(x.docs);
    else if (Number(x.docs) > 0) counts.set(x.term, Number(x.docs));
  }
  return { total, counts };
}

/** Words of the significant-word alphabet only (safe inside FTS5 and tsquery quotes). */
const clean = (words: string[]) => words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);

function ftsExpression(query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  return terms
    .map((t) => (t.kind === "phrase" ? `"${t.tokens.join(" ")}"` : `"${t.tokens[0].replace(/"/g, "")}"*`))
    .join(" AND ");
}

function tsQueryExpression(query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const esc = (s: string) => `'${s.replace(/'/g, "''").replace(/\\/g, "")}'`;
  return terms
    .map((t) => (t.kind === "phrase" ? `(${t.tokens.map(esc).join(" <-> ")})` : `${esc(t.tokens[0])}:*`))
    .join(" & ");
}

export function createSearchIndex(dialect: Dialect): SearchIndex {
  if (dialect === "sqlite") {
    const tables = (entity: SearchEntity) => ({
      fts: sql.table(`fts_${entity}`),
      ids: sql.table(`fts_${entity}_ids`),
    });
    const removeSqlite = async (db: Kysely<any>, entity: SearchEntity, id: string) => {
      const t = tables(entity);
      const row = await sql<{
        fts_rowid: number;
      }>`SELECT fts_rowid FROM ${t.ids} WHERE entity_id = ${id}`.execute(db);
      if (row.rows[0]) {
        if (COUNTED.has(entity)) {
          const old = await sql<{
            doc: string;
          }>`SELECT doc FROM ${t.fts} WHERE rowid = ${row.rows[0].fts_rowid}`.execute(db);
          await countTerms(
            db,
            entity,
            old.rows.map((o) => o.doc),
            -1,
          );
        }
        await sql`DELETE FROM ${t.fts} WHERE rowid = ${row.rows[0].fts_rowid}`.execute(db);
        await sql`DELETE FROM ${t.ids} WHERE entity_id = ${id}`.execute(db);
      }
    };
    const insertSqlite = async (
      db: Kysely<any>,
      entity: SearchEntity,
      docs: Array<{ id: string; parts: Array<string | null | undefined> }>,
    ) => {
      const t = tables(entity);
      for (let i = 0; i < docs.length; i += 400) {
        const batch = docs.slice(i, i + 400);
        const texts = batch.map((d) => searchDocument(d.parts));
        await countTerms(db, entity, texts, 1);
        const rows = batch.map((d, k) => sql`(${d.id}, ${texts[k]})`);
        const inserted = await sql`INSERT INTO ${t.fts} (entity_id, doc) VALUES ${sql.join(rows)}`.execute(
          db,
        );
        // One statement takes consecutive rowids after the current maximum, ending at the last insert id.
        const last = Number(inserted.insertId);
        const map = batch.map((d, k) => sql`(${d.id}, ${last - batch.length + 1 + k})`);
        await sql`INSERT INTO ${t.ids} (entity_id, fts_rowid) VALUES ${sql.join(map)}`.execute(db);
      }
    };
    return {
      async put(db, entity, id, parts) {
        await removeSqlite(db, entity, id);
        await insertSqlite(db, entity, [{ id, parts }]);
      },
      putMany: insertSqlite,
      remove: removeSqlite,
      matchIds(entity, query) {
        const expr = ftsExpression(query);
        if (!expr) return null;
        const t = tables(entity);
        // Read FTS rowids only (reading an UNINDEXED column is slow) and map them to entity ids
        // through the unique fts_rowid index; CROSS JOIN keeps the FTS scan as the outer loop.
        return sql`(SELECT m.entity_id FROM ${t.fts} CROSS JOIN ${t.ids} m ON m.fts_rowid = ${t.fts}.rowid WHERE ${t.fts} MATCH ${expr})`;
      },
      organizationMatches(query) {
        const expr = ftsExpression(query);
        if (!expr) return null;
        return sql`(SELECT m.entity_id, m.status, m.sort_key FROM fts_organization CROSS JOIN fts_organization_ids m ON m.fts_rowid = fts_organization.rowid WHERE fts_organization MATCH ${expr})`;
      },
      documentCounts: termCounts,
      async containingAll(db, entity, words, limit) {
        const w = clean(words);
        if (!w.length) return [];
        const t = tables(entity);
        const expr = w.map((x) => `"${x}"`).join(" AND ");
        const r = await sql<{
          entity_id: string;
        }>`SELECT m.entity_id FROM ${t.fts} CROSS JOIN ${t.ids} m ON m.fts_rowid = ${t.fts}.rowid WHERE ${t.fts} MATCH ${expr} ORDER BY ${t.fts}.rowid DESC LIMIT ${limit}`.execute(
          db,
        );
        return r.rows.map((x) => x.entity_id);
      },
      async ranked(db, entity, words, limit) {
        const w = clean(words);
        if (!w.length) return [];
        const t = tables(entity);
        const expr = w.map((x) => `"${x}"`).join(" OR ");
        const r = await sql<{
          entity_id: string;
        }>`SELECT m.entity_id FROM ${t.fts} CROSS JOIN ${t.ids} m ON m.fts_rowid = ${t.fts}.rowid WHERE ${t.fts} MATCH ${expr} ORDER BY ${t.fts}.rank LIMIT ${limit}`.execute(
          db,
        );
        return r.rows.map((x) => x.entity_id);
      },
    };
  }
  return {
    async put(db, entity, id, parts) {
      const doc = searchDocument(parts);
      if (COUNTED.has(entity)) {
        const old = await sql<{
          doc: string;
        }>`SELECT doc FROM search_doc WHERE entity = ${entity} AND entity_id = ${id}`.execute(db);
        await countTerms(
          db,
          entity,
          old.rows.map((o) => o.doc),
          -1,
        );
        await countTerms(db, entity, [doc], 1);
      }
      await sql`INSERT INTO search_doc (entity, entity_id, doc) VALUES (${entity}, ${id}, ${doc})
        ON CONFLICT (entity, entity_id) DO UPDATE SET doc = excluded.doc`.execute(db);
    },
    async putMany(db, entity, docs) {
      for (let i = 0; i < docs.length; i += 1000) {
        const texts = docs.slice(i, i + 1000).map((d) => ({ id: d.id, doc: searchDocument(d.parts) }));
        await countTerms(
          db,
          entity,
          texts.map((x) => x.doc),
          1,
        );
        const rows = texts.map((d) => sql`(${entity}, ${d.id}, ${d.doc})`);
        await sql`INSERT INTO search_doc (entity, entity_id, doc) VALUES ${sql.join(rows)}`.execute(db);
      }
    },
    async remove(db, entity, id) {
      const old = await sql<{
        doc: string;
      }>`DELETE FROM search_doc WHERE entity = ${entity} AND entity_id = ${id} RETURNING doc`.execute(db);
      await countTerms(
        db,
        entity,
        old.rows.map((o) => o.doc),
        -1,
      );
    },
    matchIds(entity, query) {
      const expr = tsQueryExpression(query);
      if (!expr) return null;
      return sql`(SELECT entity_id FROM search_doc WHERE entity = ${entity} AND tsv @@ to_tsquery('simple', ${expr}))`;
    },
    documentCounts: termCounts,
    async containingAll(db, entity, words, limit) {
      const w = clean(words);
      if (!w.length) return [];
      const expr = w.map((x) => `'${x}'`).join(" & ");
      const r = await sql<{
        entity_id: string;
      }>`SELECT entity_id FROM search_doc WHERE entity = ${entity} AND tsv @@ to_tsquery('simple', ${expr}) LIMIT ${limit}`.execute(
        db,
      );
      return r.rows.map((x) => x.entity_id);
    },
    organizationMatches() {
      return null;
    },
    async ranked(db, entity, words, limit) {
      const w = clean(words);
      if (!w.length) return [];
      const expr = w.map((x) => `'${x}'`).join(" | ");
      const r = await sql<{
        entity_id: string;
      }>`SELECT entity_id FROM search_doc WHERE entity = ${entity} AND tsv @@ to_tsquery('simple', ${expr}) ORDER BY ts_rank(tsv, to_tsquery('simple', ${expr})) DESC LIMIT ${limit}`.execute(
        db,
      );
      return r.rows.map((x) => x.entity_id);
    },
  };
}
