import { hostname } from "node:os";
import { uuidv7 } from "uuidv7";
import type { Ctx } from "./context.ts";

/**
 * A small durable job queue in the application's own database (the `job` table): jobs survive a
 * restart, several server processes can share the queue (a job is claimed with a lease before it
 * runs), failures are retried with back-off up to max_attempts.
 */
export type JobHandler = (ctx: Ctx, payload: any) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

const WORKER = `${hostname()}:${process.pid}`;
const LEASE_MS = 5 * 60_000;

export async function enqueueJob(
  ctx: Ctx,
  job: { kind: string; payload: unknown; runAt: Date; dedupeKey?: string; maxAttempts?: number },
): Promise<string> {
  if (job.dedupeKey) await cancelJobs(ctx, job.dedupeKey);
  const id = uuidv7();
  await ctx.db
    .insertInto("job")
    .values({
      id,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt.toISOString(),
      attempts: 0,
      max_attempts: job.maxAttempts ?? 5,
      locked_until: null,
      locked_by: null,
      last_error: null,
      done_at: null,
      created_at: ctx.now().toISOString(),
      dedupe_key: job.dedupeKey ?? null,
    })
    .execute();
  return id;
}

/** Removes pending (not started) jobs with this key. */
export async function cancelJobs(ctx: Ctx, dedupeKey: string): Promise<void> {
  await ctx.db
    .deleteFrom("job")
    .where("dedupe_key", "=", dedupeKey)
    .where("done_at", "is", null)
    .where("attempts", "=", 0)
    .where("locked_until", "is", null)
    .execute();
}

/** Claims and runs the jobs that are due; returns how many ran (successfully or not). */
export async function runDueJobs(ctx: Ctx, handlers: JobHandlers, limit = 20): Promise<number> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const due = await ctx.db
    .selectFrom("job")
    .select(["id"])
    .where("done_at", "is", null)
    .where("run_at", "<=", nowIso)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
    .whereRef("attempts", "<", "max_attempts")
    .orderBy("run_at")
    .limit(limit)
    .execute();
  let ran = 0;
  for (const { id } of due) {
    // Claim: only one worker wins the update.
    const claimed = await ctx.db
      .updateTable("job")
      .set({ locked_until: new Date(now.getTime() + LEASE_MS).toISOString(), locked_by: WORKER })
      .where("id", "=", id)
      .where("done_at", "is", null)
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const job = await ctx.db.selectFrom("job").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    ran++;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await handler(ctx, JSON.parse(job.payload));
      await ctx.db
        .updateTable("job")
        .set({ done_at: ctx.now().toISOString(), attempts: job.attempts + 1, locked_until: null })
        .where("id", "=", id)
        .execute();
    } catch (err) {
      const attempts = job.attempts + 1;
      const backoffMs = Math.min(60 * 60_000, 30_000 * 2 ** attempts);
      await ctx.db
        .updateTable("job")
        .set({
          attempts,
          last_error: String((err as Error).message ?? err).slice(0, 1000),
          locked_until: null,
          run_at: new Date(ctx.now().getTime() + backoffMs).toISOString(),
        })
        .where("id", "=", id)
        .execute();
    }
  }
  return ran;
}

/** Polls the queue every `intervalMs` until stopped. */
export function startJobWorker(ctx: () => Ctx, handlers: JobHandlers, intervalMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await runDueJobs(ctx(), handlers);
    } catch (err) {
      console.error("job worker:", err);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
