import type { Kysely } from "kysely";
import type { Locale } from "../../shared/schemas/common.ts";
import type { Config } from "../config.ts";
import type { Dialect } from "../db/index.ts";
import type { DB } from "../db/schema.ts";
import type { SearchIndex } from "../db/search.ts";
import type { Actor } from "./actor.ts";
import { bumpEpoch, type EpochName } from "./cache-epoch.ts";
import type { FileStore } from "./files.ts";
import type { Mailer } from "./mail.ts";

/** What a service needs to do its work; services never see the HTTP request. */
export interface Ctx {
  db: Kysely<DB>;
  dialect: Dialect;
  search: SearchIndex;
  actor: Actor | null;
  mail: Mailer;
  files: FileStore;
  config: Config;
  locale: Locale;
  ip: string | null;
  now: () => Date;
  /** Work to run once the current transaction has committed (see afterCommit). */
  deferred?: Array<(root: Ctx) => Promise<void>>;
  /** Cached data families changed in the current transaction (see cache-epoch.ts). */
  touched?: Set<EpochName>;
}

/** Runs fn in one transaction; the audit entries written through ctx.db commit with the change. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  const deferred: Array<(root: Ctx) => Promise<void>> = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    const tx: Ctx = { ...ctx, db: trx, deferred, touched: new Set() };
    const out = await fn(tx);
    // Last, so that the version row is locked only for the moment before the commit.
    for (const name of tx.touched ?? []) await bumpEpoch(trx, name);
    return out;
  });
  const root = { ...ctx, deferred: undefined, touched: undefined };
  for (const task of deferred) await task(root);
  return result;
}

/**
 * Runs `task` after the transaction commits (at once outside a transaction): e-mail and other
 * side effects must not announce a change that is rolled back, and the mailer writes its outbox
 * through its own connection. The task receives a context outside the transaction.
 */
export async function afterCommit(ctx: Ctx, task: (root: Ctx) => Promise<void>): Promise<void> {
  if (ctx.deferred && ctx.db.isTransaction) ctx.deferred.push(task);
  else await task(ctx);
}
