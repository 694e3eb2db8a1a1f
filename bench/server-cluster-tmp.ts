import cluster from "node:cluster";
if (cluster.isPrimary) {
  const n = Number(process.env.W ?? 2);
  let reported = false;
  for (let i = 0; i < n; i++) {
    const w = cluster.fork();
    w.on("message", (m: any) => { if (m?.port && !reported) { reported = true; process.stdout.write(`LISTENING ${m.port}\n`); } });
  }
  process.on("SIGTERM", () => { for (const w of Object.values(cluster.workers ?? {})) w?.kill(); setTimeout(() => process.exit(0), 500); });
} else {
  const { buildApp } = await import("../src/server/app.ts");
  const { loadConfig } = await import("../src/server/config.ts");
  const { openRuntime } = await import("../src/server/runtime.ts");
  const config = loadConfig({ DATA_DIR: process.env.BENCH_DATA_DIR!, DATABASE_URL: process.env.BENCH_DATABASE_URL!, PUBLIC_URL: "http://127.0.0.1:3000", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123", LOG_LEVEL: "error", NODE_ENV: "production" });
  const rt = await openRuntime(config, { poolSize: 10 });
  const app = await buildApp({ config, database: rt.database, auth: rt.auth, mailer: rt.mailer, webRoot: null, logger: false });
  await app.listen({ port: 39999, host: "127.0.0.1" });
  process.send!({ port: 39999 });
}
