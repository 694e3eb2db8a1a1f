import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { Dialect } from "../db/index.ts";
import type { DB } from "../db/schema.ts";
import type { SearchIndex } from "../db/search.ts";
import type { Actor } from "./actor.ts";
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
  locale: string;
  ip: string | null;
  now: () => Date;
}

/** Runs fn in one transaction; the audit entries written through ctx.db commit with the change. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
