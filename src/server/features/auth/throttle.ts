import type { Kysely } from "kysely";
import { nowIso } from "../../db/index.ts";
import type { DB } from "../../db/schema.ts";

/** Sign-in back-off per account: after 3 failures, wait 2, 4, 8 … seconds (at most 15 minutes). */
export const FREE_FAILURES = 3;
export const MAX_BLOCK_SECONDS = 900;

export function blockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES + 1), MAX_BLOCK_SECONDS);
}

export async function secondsUntilAllowed(db: Kysely<DB>, email: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom("login_throttle")
    .select("blocked_until")
    .where("email", "=", email)
    .executeTakeFirst();
  if (!row?.blocked_until) return 0;
  return Math.max(0, Math.ceil((Date.parse(row.blocked_until) - now.getTime()) / 1000));
}

export async function recordSignIn(db: Kysely<DB>, email: string, ok: boolean, now: Date): Promise<void> {
  if (ok) {
    await db.deleteFrom("login_throttle").where("email", "=", email).execute();
    return;
  }
  const row = await db
    .selectFrom("login_throttle")
    .select("failures")
    .where("email", "=", email)
    .executeTakeFirst();
  const failures = (row?.failures ?? 0) + 1;
  const wait = blockSeconds(failures);
  const values = {
    failures,
    blocked_until: wait ? new Date(now.getTime() + wait * 1000).toISOString() : null,
    updated_at: nowIso(),
  };
  if (row) await db.updateTable("login_throttle").set(values).where("email", "=", email).execute();
  else
    await db
      .insertInto("login_throttle")
      .values({ email, ...values })
      .execute();
}
