import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Ctx } from "./context.ts";

/**
 * Cached data families. Each server process keeps counts and bundles in memory; a write bumps the
 * family's version in the database, in the same transaction, so every process (there may be
 * several, see WORKERS) stops using what it cached before the change.
 */
export type EpochName = "organization" | "recommendation" | "reference";

/** Records that `name` changed: bumped at the end of the current transaction, or at once outside one. */
export async function touch(ctx: Ctx, name: EpochName): Promise<void> {
  if (ctx.db.isTransaction && ctx.touched) ctx.touched.add(name);
  else await bumpEpoch(ctx.db, name);
}

export async function bumpEpoch(db: Kysely<DB>, name: EpochName): Promise<void> {
  await db
    .insertInto("cache_epoch")
    .values({ name, version: 1 })
    .onConflict((oc) => oc.column("name").doUpdateSet({ version: sql`cache_epoch.version + 1` }))
    .execute();
}

export async function readEpoch(db: Kysely<DB>, name: EpochName): Promise<number> {
  const row = await db
    .selectFrom("cache_epoch")
    .select("version")
    .where("name", "=", name)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * A per-process cache of values keyed by the family's version and a key; entries also expire after
 * `ttlMs` (a safety net for writes made outside the application, e.g. by hand in SQL).
 */
export function epochCache<T>(name: EpochName, ttlMs: number, maxEntries = 2000) {
  const entries = new Map<string, { at: number; value: T }>();
  return {
    async get(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
      // Inside a transaction the caller may see its own uncommitted writes: never cache those.
      if (db.isTransaction) return compute();
      const full = `${await readEpoch(db, name)}\u0000${key}`;
      const hit = entries.get(full);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = await compute();
      if (entries.size >= maxEntries) entries.clear();
      entries.set(full, { at: Date.now(), value });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
