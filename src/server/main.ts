import cluster from "node:cluster";
import { buildApp } from "./app.ts";
import { type Config, ConfigError, ensureSecrets, loadConfig } from "./config.ts";
import { demoLoaded, seedDemo } from "./features/demo/seed.ts";
import { jobHandlers } from "./jobs.ts";
import { startJobWorker } from "./platform/jobs.ts";
import { openRuntime, prepare, type Runtime } from "./runtime.ts";

/**
 * Process entry: configuration → database → migrations → reference data → listen.
 *
 * With WORKERS > 1 this process prepares the database once, then forks that many server processes
 * sharing the port (node:cluster). They share everything through the database: sessions, rate
 * limits, jobs (leased), and the cache epochs that tell each process when its cached counts and
 * reference data are out of date. A worker that dies is replaced.
 */
function readConfig(): Config {
  try {
    return ensureSecrets(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

async function prepareDatabase(rt: Runtime) {
  await prepare(rt);
  const ctx = rt.systemCtx();
  const orgCount = await ctx.db
    .selectFrom("organization")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const seed = rt.config.seedDemo ?? (rt.config.database.dialect === "sqlite" && Number(orgCount.n) === 0);
  if (seed && !(await demoLoaded(ctx))) {
    const r = await seedDemo(ctx, rt.auth);
    console.log(
      `Demo data loaded: ${r.organizations} organisations, ${r.people} people, ${r.users} accounts.`,
    );
  }
}

/** Serves HTTP and runs jobs in this process until SIGINT / SIGTERM. */
async function serve(rt: Runtime): Promise<void> {
  const { config } = rt;
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
}

async function primary() {
  const config = readConfig();
  const rt = await openRuntime(config);
  await prepareDatabase(rt);
  const running = () =>
    console.log(
      `UNTOC Engage is running at ${config.publicUrl} (database: ${config.database.dialect}` +
        `${config.workers > 1 ? `, ${config.workers} server processes` : ""})`,
    );
  if (config.workers <= 1) {
    await serve(rt);
    running();
    return;
  }
  await rt.close();
  let stopping = false;
  let listening = 0;
  const recentDeaths: number[] = [];
  const fork = () => {
    const worker = cluster.fork();
    worker.on("listening", () => {
      listening++;
      if (listening === config.workers) running();
      else if (listening > config.workers) console.log(`Server process ${worker.process.pid} is listening.`);
    });
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Server process ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && now - recentDeaths[0] > 60_000) recentDeaths.shift();
    if (recentDeaths.length > config.workers * 3) {
      console.error("Server processes keep stopping; giving up.");
      process.exit(1);
    }
    setTimeout(fork, 500);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  for (let i = 0; i < config.workers; i++) fork();
}

async function worker() {
  // The primary has applied migrations, created secrets and loaded the demo before forking.
  const config = readConfig();
  const rt = await openRuntime(config);
  await serve(rt);
}

(cluster.isPrimary ? primary() : worker()).catch((err) => {
  console.error(err);
  process.exit(1);
});
