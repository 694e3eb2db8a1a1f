import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleOrg } from "./testing.ts";

/**
 * The real entry point with WORKERS=2: two server processes share the port and the SQLite file;
 * a change made through one is seen at once by the other (cache epochs), and a process that dies
 * is replaced. (SQLite only: the PostgreSQL suite runs the same code paths through the API tests.)
 */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!!process.env.DATABASE_URL)("several server processes (WORKERS=2)", () => {
  let dir: string;
  let server: ChildProcess;
  let base: string;
  let output = "";
  let token: string;
  const env = () => ({
    ...process.env,
    DATA_DIR: dir,
    DATABASE_URL: join(dir, "db.sqlite"),
    SEED_DEMO: "false",
    ADMIN_EMAIL: "admin@cluster.test",
    ADMIN_PASSWORD: "cluster-test-password",
    REQUIRE_STAFF_2FA: "false",
    LOG_LEVEL: "warn",
  });
  const waitFor = async (what: () => boolean, ms: number) => {
    const end = Date.now() + ms;
    while (!what()) {
      if (Date.now() > end) throw new Error(`timed out; server output:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** One request per connection, so that both processes answer in turn. */
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { connection: "close" } });
    return { status: res.status, body: await res.json() };
  };
  const workerPids = () =>
    execFileSync("ps", ["-o", "pid=", "--ppid", String(server.pid)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((pid) => pid > 0)
      // tsx starts an esbuild service as a child too: only node processes serve.
      .filter((pid) =>
        /node/.test(execFileSync("ps", ["-o", "comm=", "-p", String(pid)], { encoding: "utf8" })),
      );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "untoc-cluster-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: { ...env(), PORT: String(port), WORKERS: "2" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d) => {
      output += d;
    });
    server.stderr!.on("data", (d) => {
      output += d;
    });
    await waitFor(() => output.includes("2 server processes"), 60_000);
    token = execFileSync(
      process.execPath,
      ["--import", "tsx", "src/server/cli.ts", "create-token", "--email", "admin@cluster.test"],
      { env: env(), encoding: "utf8" },
    ).trim();
  }, 90_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers from both processes and keeps their totals in step after a write", async () => {
    expect(workerPids()).toHaveLength(2);
    for (let i = 0; i < 4; i++) expect((await get("/api/organizations?q=quokka")).body.total).toBe(0);
    const auth = {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      connection: "close",
    };
    const created = await fetch(`${base}/api/organizations`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(sampleOrg({ names: { en: "Quokka Watch" } })),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const verified = await fetch(`${base}/api/organizations/${id}/verify`, {
      method: "POST",
      headers: auth,
      body: "{}",
    });
    expect(verified.status).toBe(200);
    // Both processes had cached a total of 0 for this search; neither may serve it now.
    for (let i = 0; i < 6; i++) {
      const { body } = await get("/api/organizations?q=quokka");
      expect(body.total).toBe(1);
      expect(body.items.map((o: { name: string }) => o.name)).toEqual(["Quokka Watch"]);
    }
  });

  it("replaces a server process that dies", async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim, "SIGKILL");
    await waitFor(() => output.includes("starting another"), 10_000);
    await waitFor(() => workerPids().length === 2 && !workerPids().includes(victim), 30_000);
    expect(workerPids()).toContain(survivor);
    await waitFor(() => /Server process \d+ is listening/.test(output), 30_000);
    for (let i = 0; i < 4; i++) expect((await get("/api/health")).status).toBe(200);
  });
});
