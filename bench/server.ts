/**
 * The application server for the benchmark, run in its own process so that the load generator
 * (autocannon, in the parent) does not share its event loop.
 *
 * Environment: BENCH_DATABASE_URL (SQLite file or postgres://…), BENCH_PG_SCHEMA (PostgreSQL
 * only), BENCH_DATA_DIR, BENCH_WORKERS (server processes sharing the port, as WORKERS does for
 * the real server; default one per CPU), BENCH_EPOCH_CACHE=off (no cached pages or totals). Prints `LISTENING <port>` on stdout once every process
 * accepts connections and shuts down on SIGTERM / SIGINT or when stdin closes (so it never
 * outlives the parent).
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { setEpochCaching } from "../src/server/platform/cache-epoch.ts";
import { openRuntime } from "../src/server/runtime.ts";

function benchConfig() {
  const url = process.env.BENCH_DATABASE_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!url || !dataDir) throw new Error("BENCH_DATABASE_URL and BENCH_DATA_DIR are required");
  return loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    PUBLIC_URL: "http://127.0.0.1:3000",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    LOG_LEVEL: "error",
    NODE_ENV: "production",
  });
}

async function main() {
  // Every request computed from the database (BENCH_EPOCH_CACHE=off): what the caches save.
  if (process.env.BENCH_EPOCH_CACHE === "off") setEpochCaching(false);
  const config = benchConfig();
  const rt = await openRuntime(config, { pgSchema: process.env.BENCH_PG_SCHEMA || undefined, poolSize: 10 });
  const app = await buildApp({
    config,
    database: rt.database,
    auth: rt.auth,
    mailer: rt.mailer,
    webRoot: null,
    logger: false,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  if (cluster.isPrimary) process.stdout.write(`LISTENING ${port}\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close().catch(() => {});
    await rt.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
  if (cluster.isPrimary) {
    process.stdin.on("end", () => void shutdown());
    process.stdin.resume();
  }
}

/** Forks the server processes and reports the shared port once all of them listen. */
async function primary(workers: number) {
  // Migrations first, in this process alone (as the real server's primary does).
  const rt = await openRuntime(benchConfig(), {
    pgSchema: process.env.BENCH_PG_SCHEMA || undefined,
    poolSize: 1,
  });
  await rt.close();
  let listening = 0;
  let stopping = false;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on("listening", (address) => {
      listening++;
      if (listening === workers) process.stdout.write(`LISTENING ${address.port}\n`);
    });
  }
  cluster.on("exit", (_w, code) => {
    if (!stopping) {
      console.error(`bench server process exited (${code})`);
      process.exit(1);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.resume();
}

const workers = Number(process.env.BENCH_WORKERS || availableParallelism());
(cluster.isPrimary && workers > 1 ? primary(workers) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
