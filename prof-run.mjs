import { spawn } from "node:child_process";
import autocannon from "autocannon";
const terms = ["justice","corruption","trafficking","wildlife","transparency","youth","cyber","legal aid","migrant","observatory","nairobi","women"];
const child = spawn(process.execPath, ["--import", "tsx", "bench/server-cluster-tmp.ts"], {
  env: { ...process.env, BENCH_DATABASE_URL: "/tmp/b2.sqlite", BENCH_DATA_DIR: "/tmp/prof/data" }, stdio: ["pipe", "pipe", "inherit"] });
const port = await new Promise((res) => child.stdout.on("data", (d) => { const m = /LISTENING (\d+)/.exec(String(d)); if (m) res(m[1]); }));
const path = process.argv[2] ?? "search";
const requests = path === "search" ? terms.map((t) => ({ method: "GET", path: `/api/organizations?q=${encodeURIComponent(t)}` })) : Array.from({length: 50}, (_, i) => ({ method: "GET", path: `/api/organizations?page=${i+1}` }));
const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 16, duration: 6, requests });
console.log(path, "p50", r.latency.p50, "p99", r.latency.p99, "rps", r.requests.average);
child.kill("SIGTERM");
await new Promise((res) => child.on("exit", res));
