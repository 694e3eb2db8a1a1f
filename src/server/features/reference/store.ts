import type { Kysely } from "kysely";
import { nowIso } from "../../db/index.ts";
import type { DB } from "../../db/schema.ts";
import { readEpoch } from "../../platform/cache-epoch.ts";

export async function listDatasets(db: Kysely<DB>) {
  return db
    .selectFrom("reference_dataset as d")
    .select((eb) => [
      "d.dataset",
      "d.version",
      "d.as_of",
      "d.imported_at",
      eb
        .selectFrom("reference_item as i")
        .whereRef("i.dataset", "=", "d.dataset")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("count"),
    ])
    .orderBy("d.dataset")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, count: Number(r.count ?? 0) })));
}

export async function datasetInfo(db: Kysely<DB>, dataset: string) {
  return db.selectFrom("reference_dataset").selectAll().where("dataset", "=", dataset).executeTakeFirst();
}

export async function items(db: Kysely<DB>, dataset: string) {
  const rows = await db
    .selectFrom("reference_item")
    .select(["code", "data"])
    .where("dataset", "=", dataset)
    .orderBy("sort")
    .execute();
  return rows.map((r) => ({ code: r.code, data: JSON.parse(r.data) as Record<string, any> }));
}

export async function item(db: Kysely<DB>, dataset: string, code: string) {
  const row = await db
    .selectFrom("reference_item")
    .select("data")
    .where("dataset", "=", dataset)
    .where("code", "=", code)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
}

export async function putItem(
  db: Kysely<DB>,
  dataset: string,
  code: string,
  data: unknown,
  by: string | null,
) {
  await db
    .updateTable("reference_item")
    .set({ data: JSON.stringify(data), updated_at: nowIso(), updated_by: by })
    .where("dataset", "=", dataset)
    .where("code", "=", code)
    .execute();
}

export async function replaceDataset(
  db: Kysely<DB>,
  d: {
    dataset: string;
    version: number;
    asOf: string;
    sources: unknown;
    items: Array<{ code: string; sort: number; data: unknown }>;
    by: string | null;
  },
) {
  const now = nowIso();
  await db.deleteFrom("reference_item").where("dataset", "=", d.dataset).execute();
  await db.deleteFrom("reference_dataset").where("dataset", "=", d.dataset).execute();
  await db
    .insertInto("reference_dataset")
    .values({
      dataset: d.dataset,
      version: d.version,
      as_of: d.asOf,
      sources: JSON.stringify(d.sources),
      imported_at: now,
      imported_by: d.by,
    })
    .execute();
  for (let i = 0; i < d.items.length; i += 200) {
    await db
      .insertInto("reference_item")
      .values(
        d.items.slice(i, i + 200).map((it) => ({
          dataset: d.dataset,
          code: it.code,
          sort: it.sort,
          data: JSON.stringify(it.data),
          updated_at: now,
          updated_by: d.by,
        })),
      )
      .execute();
  }
}

/**
 * A per-process cache of the public reference bundle (shared by all requests). It is reloaded when
 * this process changes the data, and when the "reference" cache epoch moved (a change made by
 * another server process), which is checked at most once a second.
 */
let cache: { db: unknown; checkedAt: number; version: number; value: Promise<any> } | null = null;
const CHECK_EVERY_MS = 1000;

export async function cached<T>(db: Kysely<DB>, load: () => Promise<T>): Promise<T> {
  const root = (db as any).getExecutor?.() ?? db;
  if (cache && cache.db === root && Date.now() - cache.checkedAt < CHECK_EVERY_MS) return cache.value;
  const version = await readEpoch(db, "reference");
  if (cache && cache.db === root && cache.version === version) {
    cache.checkedAt = Date.now();
    return cache.value;
  }
  const value = load();
  const entry = { db: root, checkedAt: Date.now(), version, value };
  cache = entry;
  value.catch(() => {
    if (cache === entry) cache = null;
  });
  return value;
}

export function invalidate() {
  cache = null;
}
