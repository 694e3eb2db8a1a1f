import { buildApp } from "./app.ts";
import { ConfigError, ensureSecrets, loadConfig } from "./config.ts";
import { demoLoaded, seedDemo } from "./features/demo/seed.ts";
import { jobHandlers } from "./jobs.ts";
import { startJobWorker } from "./platform/jobs.ts";
import { openRuntime, prepare } from "./runtime.ts";

/** Process entry: configuration → database → migrations → reference data → listen. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = ensureSecrets(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const rt = await openRuntime(config);
  await prepare(rt);
  const ctx = rt.systemCtx();
  const orgCount = await ctx.db
    .selectFrom("organization")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const seed = config.seedDemo ?? (config.database.dialect === "sqlite" && Number(orgCount.n) === 0);
  if (seed && !(await demoLoaded(ctx))) {
    const r = await seedDemo(ctx, rt.auth);
    console.log(
      `Demo data loaded: ${r.organizations} organisations, ${r.people} people, ${r.users} accounts.`,
    );
  }
  const app = await buildApp({ config, database: rt.database, auth: rt.auth, mailer: rt.mailer });
  const stopJobs = startJobWorker(() => rt.systemCtx(), jobHandlers);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    stopJobs();
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  console.log(`UNTOC Engage is running at ${config.publicUrl} (database: ${config.database.dialect})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
