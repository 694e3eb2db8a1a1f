import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Ctx } from "./context.ts";

/**
 * Cached data families. Each server process keeps counts and bundles in memory; a write bumps the
 * family's version in the database, in the same transaction, so every process (there may be
 * several, see WORKERS) stops using what it cached before the change.
 */
export type EpochName = "application" | "organization" | "person" | "recommendation" | "reference";

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

/** The versions of several families as one string ("3.0.12"), read in one query. */
export async function readEpochs(db: Kysely<DB>, names: readonly EpochName[]): Promise<string> {
  if (names.length === 1) return String(await readEpoch(db, names[0]));
  const rows = await db
    .selectFrom("cache_epoch")
    .select(["name", "version"])
    .where("name", "in", names as EpochName[])
    .execute();
  const by = new Map(rows.map((r) => [r.name, Number(r.version)]));
  return names.map((n) => by.get(n) ?? 0).join(".");
}

let caching = true;
/**
 * Turns every epoch cache off (on by default): for measuring what the cached work costs (the
 * benchmark reports both) and for comparing cached with computed results in tests.
 */
export function setEpochCaching(on: boolean) {
  caching = on;
}

/** The same Kysely database, whichever request's handle asks (tests run several databases in one process). */
const rootOf = (db: Kysely<DB>): object => (db as any).getExecutor?.() ?? db;

/**
 * A per-process cache of values computed from the families' data, valid while their versions
 * stay the same: the first read after a change (in any server process) finds the versions moved
 * and starts afresh. Entries also expire after `ttlMs` (a safety net for writes made outside the
 * application, e.g. by hand in SQL); at most `maxEntries` are kept, the least recently used going
 * first. Nothing computed inside a transaction is cached (it may see its own uncommitted writes).
 */
export function epochCache<T>(names: EpochName | readonly EpochName[], ttlMs: number, maxEntries = 2000) {
  const families = typeof names === "string" ? [names] : names;
  const byDb = new WeakMap<object, { version: string; entries: Map<string, { at: number; value: T }> }>();
  return {
    async get(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
      if (db.isTransaction || !caching) return compute();
      const version = await readEpochs(db, families);
      const root = rootOf(db);
      let state = byDb.get(root);
      if (!state || state.version !== version) {
        state = { version, entries: new Map() };
        byDb.set(root, state);
      }
      const hit = state.entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) {
        state.entries.delete(key);
        state.entries.set(key, hit);
        return hit.value;
      }
      // Computed after reading the versions, so the value is at least as new as they are.
      const value = await compute();
      state.entries.delete(key);
      if (state.entries.size >= maxEntries) state.entries.delete(state.entries.keys().next().value as string);
      state.entries.set(key, { at: Date.now(), value });
      return value;
    },
  };
}
