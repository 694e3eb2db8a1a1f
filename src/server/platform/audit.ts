import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import { nowIso } from "../db/index.ts";
import type { DB } from "../db/schema.ts";
import type { Actor } from "./actor.ts";

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function writeAudit(
  db: Kysely<DB>,
  entry: {
    actor: Pick<Actor, "userId" | "email"> | null;
    action: string;
    entity: string;
    entityId?: string | null;
    before?: unknown;
    after?: unknown;
    ip?: string | null;
  },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: uuidv7(),
      at: nowIso(),
      actor_id: entry.actor?.userId ?? null,
      actor_label: entry.actor ? entry.actor.email : "system",
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
    })
    .execute();
}
