/**
 * Load benchmark: builds a realistic database (20,000 organisations, 100,000 people by default),
 * starts the real application in a child process and measures the public directory with
 * autocannon, then times a 10,000-row import with duplicate detection.
 *
 *   npm run bench -- [--orgs N] [--people N] [--dialects sqlite,postgres] [--duration S]
 *                    [--connections C] [--workers W] [--keep]
 *
 * Environment: BENCH_ORGS, BENCH_PEOPLE, BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Results: a markdown table per dialect on stdout and bench/results/latest-<dialect>.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import pg from "pg";
import { loadConfig } from "../src/server/config.ts";
import { createPgSchema, dropPgSchema } from "../src/server/db/index.ts";
import { importOrganizations } from "../src/server/features/organizations/import.ts";
import { addMembershipsBulk, createOrganizationsBulk } from "../src/server/features/organizations/service.ts";
import { createPeopleBulk } from "../src/server/features/people/service.ts";
import { publicReference } from "../src/server/features/reference/service.ts";
import type { Actor } from "../src/server/platform/actor.ts";
import type { Ctx } from "../src/server/platform/context.ts";
import { openRuntime, prepare, type Runtime } from "../src/server/runtime.ts";
import {
  buildImportCsv,
  type Country,
  generateOrganizations,
  generatePeople,
  prng,
  SEARCH_TERMS,
} from "./data.ts";
import { type EventsInProcess, prepareEventsBench, signInSecretariat } from "./events.ts";
import { prepareRecommendationsBench } from "./recommendations.ts";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const SEED = 20240611;

// ---------------------------------------------------------------------------------------------
// Options

type Dialect = "sqlite" | "postgres";
interface Options {
  orgs: number;
  people: number;
  recommendations: number;
  dialects: Dialect[];
  duration: number;
  connections: number;
  /**
   * Server processes (WORKERS). Default: one per CPU on SQLite; one on PostgreSQL, whose own
   * processes need the same cores here (measured: two Node processes beside PostgreSQL on 2 cores
   * were slower than one).
   */
  workers?: number;
  pgUrl: string;
  keep: boolean;
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const args = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) continue;
    const [k, inline] = a.slice(2).split("=", 2);
    if (inline !== undefined) args.set(k, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) args.set(k, argv[++i]);
    else flags.add(k);
  }
  const num = (key: string, envKey: string | null, def: number) => {
    const raw = args.get(key) ?? (envKey ? env[envKey] : undefined);
    if (raw === undefined || raw === "") return def;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} must be a positive number (got “${raw}”)`);
    return n;
  };
  const dialects = (args.get("dialects") ?? "sqlite,postgres")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean) as Dialect[];
  for (const d of dialects) if (d !== "sqlite" && d !== "postgres") throw new Error(`unknown dialect “${d}”`);
  return {
    orgs: Math.floor(num("orgs", "BENCH_ORGS", 20_000)),
    people: Math.floor(num("people", "BENCH_PEOPLE", 100_000)),
    recommendations: Math.floor(num("recommendations", "BENCH_RECOMMENDATIONS", 100_000)),
    dialects,
    duration: num("duration", null, 5),
    connections: Math.floor(num("connections", null, 16)),
    workers:
      args.has("workers") || env.BENCH_WORKERS ? Math.floor(num("workers", "BENCH_WORKERS", 1)) : undefined,
    pgUrl: env.BENCH_PG_URL || "postgres://postgres@127.0.0.1:5432/test",
    keep: flags.has("keep"),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const log = (msg: string) => console.log(`[bench] ${msg}`);

async function pgReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(BENCH_DIR, "server.ts")], {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let buf = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the benchmark server did not start within 60 s"));
    }, 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      buf += chunk.toString();
      const m = /LISTENING (\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the benchmark server exited early (code ${code})`));
    });
  });
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdin?.end();
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(t);
}

interface ScenarioResult {
  scenario: string;
  urls: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  avgLatency: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Mean `total` across a sample of the rotated list URLs (how many rows each query matched). */
  meanMatches?: number;
}

async function cannon(
  base: string,
  paths: string[],
  duration: number,
  connections: number,
  extraHeaders: Record<string, string> = {},
) {
  let k = 0;
  return autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    headers: { accept: "application/json", "accept-language": "en", ...extraHeaders },
    requests: [
      {
        method: "GET",
        setupRequest: (req: any) => {
          req.path = paths[k++ % paths.length];
          return req;
        },
      },
    ],
  });
}

async function runScenario(
  base: string,
  name: string,
  paths: string[],
  o: Options,
  headers: Record<string, string> = {},
): Promise<ScenarioResult> {
  // Warm-up (JIT, statement caches, page cache): one second, not recorded.
  await cannon(base, paths, 1, o.connections, headers);
  const r = await cannon(base, paths, o.duration, o.connections, headers);
  const statusCodes = Object.fromEntries(
    Object.entries((r.statusCodeStats as Record<string, { count: number }>) ?? {}).map(([k, v]) => [
      k,
      v.count,
    ]),
  );
  const res: ScenarioResult = {
    scenario: name,
    urls: paths.length,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    avgLatency: round(r.latency.average, 2),
    rps: round(r.requests.average, 0),
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    statusCodes,
  };
  if (name !== "health" && !name.startsWith("detail")) {
    const totals: number[] = [];
    for (const p of paths.slice(0, 40)) {
      const body = (await (await fetch(base + p, { headers })).json()) as { total?: number };
      if (typeof body.total === "number") totals.push(body.total);
    }
    if (totals.length) res.meanMatches = round(totals.reduce((a, b) => a + b, 0) / totals.length, 0);
  }
  const bad = res.non2xx + res.errors + res.timeouts;
  log(
    `${name.padEnd(22)} p50 ${res.p50} ms  p99 ${res.p99} ms  ${res.rps} req/s  non-2xx ${res.non2xx}  errors ${res.errors}` +
      (res.meanMatches !== undefined ? `  (mean matches ${res.meanMatches})` : ""),
  );
  if (bad > 0) {
    console.warn(
      `[bench] WARNING: ${name}: ${res.non2xx} non-2xx, ${res.errors} errors, ${res.timeouts} timeouts — status codes ${JSON.stringify(statusCodes)}`,
    );
    const sample = await fetch(base + paths[0], { headers });
    if (!sample.ok)
      console.warn(
        `[bench]   e.g. GET ${paths[0]} → ${sample.status} ${(await sample.text()).slice(0, 300)}`,
      );
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// One dialect

interface DialectReport {
  dialect: Dialect;
  skipped?: string;
  dataset?: Record<string, unknown>;
  generation?: Record<string, number>;
  scenarios?: ScenarioResult[];
  import?: Record<string, unknown>;
  events?: EventsInProcess;
  recommendations?: {
    count: number;
    insertMs: number;
    similarRuns: number;
    similarP50Ms: number;
    similarMaxMs: number;
    meanResults: number;
  };
}

async function benchDialect(dialect: Dialect, o: Options): Promise<DialectReport> {
  const dataDir = mkdtempSync(join(tmpdir(), `untoc-bench-${dialect}-`));
  let pgSchema: string | undefined;
  let dbUrl: string;
  if (dialect === "postgres") {
    const problem = await pgReachable(o.pgUrl);
    if (problem) {
      log(`PostgreSQL at ${o.pgUrl.replace(/\/\/[^@]*@/, "//…@")} is unreachable (${problem}) — skipped.`);
      rmSync(dataDir, { recursive: true, force: true });
      return { dialect, skipped: `unreachable: ${problem}` };
    }
    pgSchema = `bench_${process.pid}_${Date.now()}`;
    await createPgSchema(o.pgUrl, pgSchema);
    dbUrl = o.pgUrl;
  } else {
    dbUrl = join(dataDir, "bench.sqlite");
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl,
    PUBLIC_URL: "http://127.0.0.1:3000",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    LOG_LEVEL: "error",
  });
  let rt: Runtime | undefined;
  let server: ChildProcess | undefined;
  try {
    log(`${dialect}: opening ${dialect === "sqlite" ? dbUrl : `schema ${pgSchema}`}`);
    rt = await openRuntime(config, { pgSchema, poolSize: 10 });
    await prepare(rt);
    const ctx = rt.systemCtx();
    const ref = await publicReference(ctx);
    const countries: Country[] = ref.countries.map((c) => ({ code: c.code, name: c.names.en ?? c.code }));

    // --- dataset ------------------------------------------------------------------------------
    let t = process.hrtime.bigint();
    const orgs = generateOrganizations(SEED, o.orgs, countries);
    const people = generatePeople(SEED + 7, o.people, countries);
    const generateMs = ms(t);

    t = process.hrtime.bigint();
    const orgIds: string[] = [];
    for (let i = 0; i < orgs.length; i += 2000)
      orgIds.push(...(await createOrganizationsBulk(ctx, orgs.slice(i, i + 2000))));
    const insertOrgsMs = ms(t);

    t = process.hrtime.bigint();
    const personIds: string[] = [];
    for (let i = 0; i < people.length; i += 5000)
      personIds.push(...(await createPeopleBulk(ctx, people.slice(i, i + 5000))));
    const insertPeopleMs = ms(t);

    // One focal point per organisation, then about half of the remaining people as members.
    t = process.hrtime.bigint();
    const r = prng(SEED + 13);
    const memberships: Array<{ organizationId: string; personId: string; role: "focal_point" | "member" }> =
      [];
    if (personIds.length) {
      for (let i = 0; i < orgIds.length; i++)
        memberships.push({
          organizationId: orgIds[i],
          personId: personIds[i % personIds.length],
          role: "focal_point",
        });
      for (let j = orgIds.length; j < personIds.length; j++) {
        if (r.chance(0.5))
          memberships.push({
            organizationId: orgIds[r.int(orgIds.length)],
            personId: personIds[j],
            role: "member",
          });
      }
    }
    for (let i = 0; i < memberships.length; i += 5000)
      await addMembershipsBulk(ctx, memberships.slice(i, i + 5000));
    const insertMembershipsMs = ms(t);

    let analyzeMs = 0;
    if (dialect === "postgres") {
      // What autovacuum would do within a minute of a bulk load; makes runs repeatable.
      t = process.hrtime.bigint();
      await sql`ANALYZE`.execute(ctx.db);
      analyzeMs = ms(t);
    }
    const generation = {
      generateMs: round(generateMs),
      insertOrganizationsMs: round(insertOrgsMs),
      insertPeopleMs: round(insertPeopleMs),
      insertMembershipsMs: round(insertMembershipsMs),
      analyzeMs: round(analyzeMs),
      totalMs: round(generateMs + insertOrgsMs + insertPeopleMs + insertMembershipsMs + analyzeMs),
    };
    const verified = orgs.map((x, i) => ({ ...x, id: orgIds[i] })).filter((x) => x.status === "verified");
    const nonEnglish = orgs.filter((x) => x.input.originalLang !== "en").length;
    const dataset = {
      organizations: orgs.length,
      verified: verified.length,
      nonEnglishNames: nonEnglish,
      people: people.length,
      memberships: memberships.length,
      countries: countries.length,
    };
    log(
      `${dialect}: dataset ${orgs.length} orgs (${verified.length} verified, ${nonEnglish} non-English), ${people.length} people, ` +
        `${memberships.length} memberships — generated in ${round(generateMs)} ms, inserted in ` +
        `${round(insertOrgsMs)} + ${round(insertPeopleMs)} + ${round(insertMembershipsMs)} ms`,
    );

    // --- scenario URLs ------------------------------------------------------------------------
    const pageSize = 20;
    const maxPage = Math.max(1, Math.ceil(verified.length / pageSize));
    const shallowPages = Array.from(
      { length: Math.min(50, maxPage) },
      (_, i) => `/api/organizations?page=${i + 1}`,
    );
    const deepPages = Array.from(
      { length: 60 },
      (_, i) => `/api/organizations?page=${1 + Math.floor(((i * 7919) % 60) * (maxPage / 60))}`,
    );
    const filterCounts = new Map<string, number>();
    for (const x of verified) {
      if (x.input.type === "ngo" && x.input.engagementAreas.includes("ADVOCACY"))
        filterCounts.set(x.input.country, (filterCounts.get(x.input.country) ?? 0) + 1);
    }
    const byCount = [...filterCounts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    // The 20 largest countries plus 20 others (smaller results), alternating.
    const filterCountries = [
      ...byCount.slice(0, 20),
      ...byCount
        .slice(20)
        .filter((_, i) => i % 3 === 0)
        .slice(0, 20),
    ];
    const filterPaths = filterCountries.map((c) => `/api/organizations?country=${c}&type=ngo&area=ADVOCACY`);
    const searchPaths = SEARCH_TERMS.map((w) => `/api/organizations?q=${encodeURIComponent(w)}`);
    const rd = prng(SEED + 21);
    const detailPaths = Array.from(
      { length: Math.min(2000, verified.length) },
      () => `/api/organizations/${verified[rd.int(verified.length)].id}`,
    );

    // --- events: 2,000 applicants ----------------------------------------------------------------
    t = process.hrtime.bigint();
    const events = await prepareEventsBench(rt, memberships, SEED + 31);
    log(`${dialect}: event with ${events.applicants} applicants prepared in ${round(ms(t))} ms`);

    // --- recommendations ----------------------------------------------------------------------
    const recs = await prepareRecommendationsBench(ctx, SEED + 41, o.recommendations);
    log(`${dialect}: ${recs.count} recommendations inserted in ${recs.insertMs} ms`);
    if (dialect === "postgres") await sql`ANALYZE`.execute(ctx.db);

    // --- HTTP ---------------------------------------------------------------------------------
    const started = await startServer({
      BENCH_DATABASE_URL: dbUrl,
      BENCH_DATA_DIR: dataDir,
      BENCH_PG_SCHEMA: pgSchema ?? "",
      BENCH_WORKERS: String(workersFor(dialect, o)),
    });
    server = started.child;
    const base = `http://127.0.0.1:${started.port}`;
    log(
      `${dialect}: server listening on ${base} (pid ${server.pid}, ${plural(workersFor(dialect, o), "server process", "server processes")}); ${o.connections} connections, ${o.duration} s per scenario`,
    );
    const scenarios: ScenarioResult[] = [];
    for (const [name, paths] of [
      ["health", ["/api/health"]],
      ["directory list (p1-50)", shallowPages],
      ["directory list (deep)", deepPages],
      ["filter", filterPaths],
      ["search", searchPaths],
      ["detail", detailPaths],
    ] as const) {
      scenarios.push(await runScenario(base, name, [...paths], o));
    }
    // The secretariat works in the browser: a session cookie after the two-step sign-in.
    const staffHeaders = { cookie: await signInSecretariat(base, events.staff, "http://127.0.0.1:3000") };
    scenarios.push(
      await runScenario(base, "applicants filter+sort (2,000)", events.applicantPaths, o, staffHeaders),
    );
    // One request at a time: what one member of the secretariat sees.
    scenarios.push(
      await runScenario(
        base,
        "applicants filter+sort (2,000, 1 connection)",
        events.applicantPaths,
        { ...o, connections: 1 },
        staffHeaders,
      ),
    );
    scenarios.push(await runScenario(base, `recommendations list (${recs.count})`, recs.listPaths, o));
    scenarios.push(await runScenario(base, "recommendations filter", recs.filterPaths, o));
    scenarios.push(await runScenario(base, "similar recommendations", recs.similarPaths, o));
    // One query at a time: the latency a person writing a recommendation sees.
    scenarios.push(
      await runScenario(base, "similar recommendations (1 connection)", recs.similarPaths, {
        ...o,
        connections: 1,
      }),
    );
    await stopServer(server);
    server = undefined;

    // The same directory and applicants requests with every page and total computed from the
    // database: what a visitor gets for a page nobody asked for since the last change. (The staff
    // member's session lives in the database, so the cookie signed in above is valid here too.)
    const computed = await startServer({
      BENCH_DATABASE_URL: dbUrl,
      BENCH_DATA_DIR: dataDir,
      BENCH_PG_SCHEMA: pgSchema ?? "",
      BENCH_WORKERS: String(workersFor(dialect, o)),
      BENCH_EPOCH_CACHE: "off",
    });
    server = computed.child;
    const computedBase = `http://127.0.0.1:${computed.port}`;
    for (const [name, paths] of [
      ["directory list (p1-50)", shallowPages],
      ["directory list (deep)", deepPages],
      ["filter", filterPaths],
      ["search", searchPaths],
    ] as const) {
      scenarios.push(await runScenario(computedBase, `${UNCACHED}${name}`, [...paths], o));
    }
    scenarios.push(
      await runScenario(
        computedBase,
        `${UNCACHED}applicants filter+sort (2,000)`,
        events.applicantPaths,
        o,
        staffHeaders,
      ),
      await runScenario(
        computedBase,
        `${UNCACHED}applicants filter+sort (2,000, 1 connection)`,
        events.applicantPaths,
        { ...o, connections: 1 },
        staffHeaders,
      ),
    );
    await stopServer(server);
    server = undefined;

    // --- import -------------------------------------------------------------------------------
    const existing = orgs.map((x) => ({
      name: x.input.names[x.input.originalLang],
      country: x.input.country,
      acronym: x.input.acronym ?? null,
      website: x.input.website ?? null,
      email: x.input.email ?? null,
      type: x.input.type,
    }));
    const csv = buildImportCsv(SEED + 99, 10_000, existing, countries);
    const actor: Actor = {
      userId: "bench",
      email: "bench@example.org",
      name: "Bench",
      roles: ["admin"],
      states: [],
      twoFactorEnabled: true,
      locale: "en",
      via: "token",
    };
    const ictx: Ctx = { ...rt.systemCtx(), actor };
    log(
      `${dialect}: import of ${csv.rows} rows (${(csv.bytes.length / 1024).toFixed(0)} KiB; planted ${csv.planted.exact} exact, ${csv.planted.near} near duplicates)`,
    );
    t = process.hrtime.bigint();
    const dry = (await importOrganizations(ictx, {
      file: { name: "bench.csv", bytes: csv.bytes },
      dryRun: true,
    })) as any;
    const dryMs = ms(t);
    const reasons: Record<string, number> = {};
    for (const row of dry.rows as Array<{ duplicates: Array<{ reason: string }> }>) {
      for (const d of row.duplicates) reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    }
    log(`${dialect}: dry run ${round(dryMs)} ms — ${JSON.stringify(dry.summary)}`);
    t = process.hrtime.bigint();
    const committed = (await importOrganizations(ictx, {
      file: { name: "bench.csv", bytes: csv.bytes },
      dryRun: false,
    })) as any;
    const commitMs = ms(t);
    log(
      `${dialect}: commit ${round(commitMs)} ms — created ${committed.created}, merged ${committed.merged}, skipped ${committed.skipped}`,
    );
    const importReport = {
      rows: csv.rows,
      bytes: csv.bytes.length,
      planted: csv.planted,
      summary: dry.summary,
      duplicateReasons: reasons,
      dryRunMs: round(dryMs),
      commitMs: round(commitMs),
      created: committed.created,
      skipped: committed.skipped,
    };
    log(`${dialect}: attendance import and event report (in process)`);
    const eventsReport = await events.run();
    log(`${dialect}: ${JSON.stringify(eventsReport)}`);
    const similar = await recs.inProcess();
    log(`${dialect}: similar in process ${JSON.stringify(similar)}`);
    const recommendationsReport = { count: recs.count, insertMs: recs.insertMs, ...similar };
    return {
      dialect,
      dataset,
      generation,
      scenarios,
      import: importReport,
      events: eventsReport,
      recommendations: recommendationsReport,
    };
  } finally {
    if (server) await stopServer(server).catch(() => {});
    if (rt) await rt.close().catch(() => {});
    if (pgSchema && !o.keep)
      await dropPgSchema(o.pgUrl, pgSchema).catch((e) =>
        log(`could not drop schema ${pgSchema}: ${e.message}`),
      );
    if (!o.keep) rmSync(dataDir, { recursive: true, force: true });
    else log(`kept ${dialect === "sqlite" ? dataDir : `schema ${pgSchema} and ${dataDir}`}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const TARGET_P99_MS = 25;
/** Scenario prefix for requests served with caching off (BENCH_EPOCH_CACHE=off). */
const UNCACHED = "no cache: ";
const TARGET_IMPORT_MS = 10_000;
const TARGET_APPLICANTS_P99_MS = 50;
const TARGET_ATTENDANCE_MS = 3_000;
const TARGET_REPORT_MS = 200;
const TARGET_RECS_P99_MS = 50;
const TARGET_SIMILAR_MS = 100;

function workersFor(dialect: Dialect, o: Options): number {
  return o.workers ?? (dialect === "sqlite" ? cpus().length : 1);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function markdown(rep: DialectReport, o: Options): string {
  if (rep.skipped) return `### ${rep.dialect}\n\nSkipped (${rep.skipped}).\n`;
  const d = rep.dataset!;
  const g = rep.generation!;
  const lines = [
    `### ${rep.dialect} — ${d.organizations} organisations (${d.verified} verified), ${d.people} people, ${o.connections} connections × ${o.duration} s, ${plural(workersFor(rep.dialect, o), "server process", "server processes")}`,
    "",
    `Data generation: ${g.generateMs} ms in memory; inserts ${g.insertOrganizationsMs} ms organisations, ${g.insertPeopleMs} ms people, ${g.insertMembershipsMs} ms memberships${g.analyzeMs ? `, ${g.analyzeMs} ms ANALYZE` : ""} (total ${g.totalMs} ms).`,
    "",
    "| scenario | p50 ms | p99 ms | req/s | errors |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const s of rep.scenarios!) {
    const errors = s.non2xx + s.errors + s.timeouts;
    lines.push(
      `| ${s.scenario}${s.meanMatches !== undefined ? ` (≈${s.meanMatches} matches)` : ""} | ${s.p50} | ${s.p99} | ${s.rps} | ${errors}${errors ? " ⚠" : ""} |`,
    );
  }
  const im = rep.import as any;
  lines.push(
    "",
    "| import (10,000-row CSV) | rows | duplicates found | ms |",
    "|---|---:|---:|---:|",
    `| dry run (parse, validate, duplicate detection) | ${im.rows} | ${im.summary.duplicates} | ${im.dryRunMs} |`,
    `| commit (same + insert ${im.created} rows) | ${im.rows} | ${im.summary.duplicates} | ${im.commitMs} |`,
    "",
    `Duplicate reasons: ${Object.entries(im.duplicateReasons)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ", ",
      )}; planted ${im.planted.exact} exact and ${im.planted.near} near duplicates; ${im.summary.toCreate} to create, ${im.summary.toSkip} skipped, ${im.summary.invalid} invalid.`,
  );
  const rc = rep.recommendations;
  if (rc)
    lines.push(
      "",
      `Recommendations: ${rc.count} inserted in ${rc.insertMs} ms; similar-recommendation query in process over ${rc.similarRuns} texts: p50 ${rc.similarP50Ms} ms, max ${rc.similarMaxMs} ms (target ≤ ${TARGET_SIMILAR_MS} ms), ${rc.meanResults} results on average.`,
    );
  const ev = rep.events;
  if (ev)
    lines.push(
      "",
      "| events | value | target |",
      "|---|---:|---:|",
      `| attendance import ${ev.attendanceRows} rows — preview (matched ${ev.attendanceMatched}, for review ${ev.attendanceUnmatched}) | ${ev.attendanceDryRunMs} ms | ≤ ${TARGET_ATTENDANCE_MS} ms |`,
      `| attendance import — commit | ${ev.attendanceCommitMs} ms | ≤ ${TARGET_ATTENDANCE_MS} ms |`,
      `| event report (${ev.reportParticipants} attended), ${ev.reportRuns} runs | p50 ${ev.reportP50Ms} ms, max ${ev.reportMaxMs} ms | ≤ ${TARGET_REPORT_MS} ms |`,
    );
  return `${lines.join("\n")}\n`;
}

function misses(rep: DialectReport): string[] {
  if (rep.skipped) return [];
  const out: string[] = [];
  for (const s of rep.scenarios!) {
    if (s.non2xx + s.errors + s.timeouts > 0)
      out.push(`${rep.dialect}: ${s.scenario} had ${s.non2xx} non-2xx / ${s.errors} errors`);
    // The target is checked as the platform serves (cached pages); the same requests computed
    // every time are reported beside them, and listed here when they miss it too.
    const directory = s.scenario.replace(UNCACHED, "");
    if (rep.dialect === "sqlite" && /^(directory|filter|search)/.test(directory) && s.p99 > TARGET_P99_MS) {
      out.push(
        `${rep.dialect}: ${s.scenario} p99 ${s.p99} ms > ${TARGET_P99_MS} ms${directory === s.scenario ? "" : " (informative: every request computed)"}`,
      );
    }
  }
  for (const s of rep.scenarios!) {
    const applicants = s.scenario.replace(UNCACHED, "");
    if (applicants.startsWith("applicants") && s.p99 > TARGET_APPLICANTS_P99_MS)
      out.push(
        `${rep.dialect}: ${s.scenario} p99 ${s.p99} ms > ${TARGET_APPLICANTS_P99_MS} ms${applicants === s.scenario ? "" : " (informative: every request computed)"}`,
      );
  }
  for (const s of rep.scenarios!)
    if (/^recommendations/.test(s.scenario) && s.p99 > TARGET_RECS_P99_MS)
      out.push(`${rep.dialect}: ${s.scenario} p99 ${s.p99} ms > ${TARGET_RECS_P99_MS} ms`);
  if (rep.recommendations && rep.recommendations.similarMaxMs > TARGET_SIMILAR_MS)
    out.push(
      `${rep.dialect}: similar recommendations ${rep.recommendations.similarMaxMs} ms > ${TARGET_SIMILAR_MS} ms`,
    );
  const ev = rep.events;
  if (ev) {
    if (ev.attendanceDryRunMs > TARGET_ATTENDANCE_MS)
      out.push(`${rep.dialect}: attendance preview ${ev.attendanceDryRunMs} ms > ${TARGET_ATTENDANCE_MS} ms`);
    if (ev.attendanceCommitMs > TARGET_ATTENDANCE_MS)
      out.push(`${rep.dialect}: attendance commit ${ev.attendanceCommitMs} ms > ${TARGET_ATTENDANCE_MS} ms`);
    if (ev.reportMaxMs > TARGET_REPORT_MS)
      out.push(`${rep.dialect}: event report ${ev.reportMaxMs} ms > ${TARGET_REPORT_MS} ms`);
  }
  const im = rep.import as any;
  if (im.dryRunMs > TARGET_IMPORT_MS)
    out.push(`${rep.dialect}: import dry run ${im.dryRunMs} ms > ${TARGET_IMPORT_MS} ms`);
  if (im.commitMs > TARGET_IMPORT_MS)
    out.push(`${rep.dialect}: import commit ${im.commitMs} ms > ${TARGET_IMPORT_MS} ms`);
  return out;
}

async function main() {
  const o = parseOptions(process.argv.slice(2), process.env);
  log(
    `node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${JSON.stringify({ ...o, pgUrl: undefined })}`,
  );
  const reports: DialectReport[] = [];
  for (const dialect of o.dialects) {
    const rep = await benchDialect(dialect, o);
    reports.push(rep);
    const outDir = join(BENCH_DIR, "results");
    mkdirSync(outDir, { recursive: true });
    const json = {
      ...rep,
      at: new Date().toISOString(),
      options: { ...o, pgUrl: undefined, workers: workersFor(dialect, o) },
      environment: {
        node: process.version,
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
      },
      markdown: markdown(rep, o),
    };
    if (!rep.skipped)
      writeFileSync(join(outDir, `latest-${dialect}.json`), `${JSON.stringify(json, null, 2)}\n`);
  }
  console.log("");
  for (const rep of reports) console.log(markdown(rep, o));
  const missed = reports.flatMap(misses);
  if (missed.length) {
    console.log("Targets missed:");
    for (const m of missed) console.log(`- ${m}`);
  } else {
    console.log("All targets met.");
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
