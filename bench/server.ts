/**
 * The application server for the benchmark, run in its own process so that the load generator
 * (autocannon, in the parent) does not share its event loop.
 *
 * Environment: BENCH_DATABASE_URL (SQLite file or postgres://…), BENCH_PG_SCHEMA (PostgreSQL
 * only), BENCH_DATA_DIR. Prints `LISTENING <port>` on stdout once it accepts connections and
 * shuts down on SIGTERM / SIGINT or when stdin closes (so it never outlives the parent).
 */
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { openRuntime } from "../src/server/runtime.ts";

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!url || !dataDir) throw new Error("BENCH_DATABASE_URL and BENCH_DATA_DIR are required");
  const pgSchema = process.env.BENCH_PG_SCHEMA || undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    PUBLIC_URL: "http://127.0.0.1:3000",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    LOG_LEVEL: "error",
    NODE_ENV: "production",
  });
  const rt = await openRuntime(config, { pgSchema, poolSize: 10 });
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
  process.stdout.write(`LISTENING ${port}\n`);

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
  process.stdin.on("end", () => void shutdown());
  process.stdin.resume();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
