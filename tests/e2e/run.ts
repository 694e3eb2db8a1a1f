/**
 * Browser journeys in Chromium against the real server, with an axe (WCAG 2.1 A/AA) check and a
 * screenshot on every page visited. Run with `npm run test:e2e` (it builds the web app first when
 * the build is missing or older than its sources).
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import reference from "../../src/server/features/demo/reference-case.json" with { type: "json" };
import { DEMO_PASSWORD } from "../../src/server/features/demo/seed.ts";
import { totp } from "../../src/server/testing-totp.ts";
import { eventOutcomesJourney } from "./event-outcomes.ts";
import { eventsPagesJourney } from "./events-pages.ts";
import { mergeEndorseJourney } from "./merge-endorse.ts";
import { recommendationsJourney } from "./recommendations.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const SHOTS = join(ROOT, "screenshots", "e2e");
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const RUN = Date.now().toString(36);
const ORG_NAME = `Association Lumière du Mékong ${RUN}`;
const NEWCOMER = {
  name: "Camille Dubois",
  email: `camille.${RUN}@lumiere-mekong.example`,
  password: "Lumiere-Mekong-2024!",
};
const SECRETARIAT = reference.secretariat.find((s) => s.role === "secretariat")!;
const ADMIN = reference.secretariat.find((s) => s.role === "admin")!;

let dataDir = "";
let base = "";
let server: ChildProcess | null = null;
let serverLog = "";
let browser: Browser;
const axeSummary: Array<{ page: string; violations: number }> = [];
/** Mail as received by a real SMTP server (the platform sends through SMTP during the journeys). */
const inbox: Array<{ to: string; raw: string }> = [];
let smtp: SMTPServer | null = null;
const pageErrors: string[] = [];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server?.exitCode != null) throw new Error(`server exited (${server.exitCode}):\n${serverLog}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy in ${ms} ms:\n${serverLog}`);
}

function stopServer() {
  if (server && server.exitCode == null) server.kill("SIGKILL");
  server = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

/** The newest modification time of the files under `dir` (0 when there is none). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The journeys test the built web app: build it when it is missing or older than its sources, so
 * that a run never tests yesterday's pages (`.ci/run` builds first, and then nothing is rebuilt).
 */
function ensureFreshBuild() {
  const index = join(ROOT, "dist", "web", "index.html");
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newest(join(ROOT, "src", "web")), newest(join(ROOT, "src", "shared")));
  if (built >= sources) return;
  console.log(`# the built web app is ${built ? "older than its sources" : "missing"}: npm run build`);
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status})`);
}

before(async () => {
  ensureFreshBuild();
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.startsWith("FAILED-")) rmSync(join(SHOTS, f), { force: true });
  dataDir = mkdtempSync(join(tmpdir(), "untoc-e2e-"));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c) => (raw += c.toString()));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((ok) => smtp!.listen(smtpPort, "127.0.0.1", ok));
  const port = await freePort();
  // "localhost", not an IP address: WebAuthn (passkeys) needs a domain as its relying party id.
  base = `http://localhost:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (serverLog += d));
  server.stderr!.on("data", (d) => (serverLog += d));
  // A server that stops during the journeys says why (the pages would only say "connection refused").
  server.on("exit", (code, signal) => {
    if (signal !== "SIGKILL")
      console.error(`# the server exited (${code ?? signal}):\n${serverLog.slice(-4000)}`);
  });
  await waitForHealth(`${base}/api/health`, 60_000);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await new Promise<void>((ok) => (smtp ? smtp.close(() => ok()) : ok()));
  stopServer();
  console.log("# axe results (WCAG 2.1 A/AA):");
  for (const a of axeSummary)
    console.log(`#   ${a.violations === 0 ? "ok  " : "FAIL"} ${a.page} (${a.violations})`);
  if (pageErrors.length) console.log(`# page errors:\n#   ${pageErrors.join("\n#   ")}`);
});

/* ---------- helpers ---------- */

let contexts = 0;
async function newPage(
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  // The CSP (script-src 'self') would block injecting axe; bypass it for the test context only.
  // Each browser is a different person on a different network (its own address, as a proxy in
  // front of the server reports it): the sign-in rate limit (10 a minute per address) counts the
  // journeys' many sign-ins per person, as in real use, not all together.
  const context = await browser.newContext({
    viewport,
    bypassCSP: true,
    locale: "en-GB",
    extraHTTPHeaders: { "X-Forwarded-For": `10.20.${++contexts >> 8}.${contexts & 255}` },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return { context, page };
}

/** The page has rendered: an h1 in main, no loading indicator, network quiet. */
async function ready(page: Page) {
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading, main [aria-busy="true"]'));
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
}

async function check(page: Page, name: string) {
  await ready(page);
  // A full-page capture of a long page on a busy 2-core machine has taken over 10 s (once in CI, on
  // the report at phone width): allow 30 s and one retry, and say when it was needed.
  const shot = () =>
    page.screenshot({
      path: join(SHOTS, `${name}.png`),
      fullPage: true,
      animations: "disabled",
      timeout: 30_000,
    });
  await shot().catch(async (err) => {
    console.log(`# screenshot of ${name} retried after: ${String(err).split("\n")[0]}`);
    await shot();
  });
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const r = await (window as any).axe.run(document, { runOnly: tags });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => n.target.join(" ")),
    }));
  }, AXE_TAGS);
  axeSummary.push({ page: name, violations: violations.length });
  const text = violations
    .map((v: any) => `  ${v.id} [${v.impact}] ${v.help}\n    ${v.targets.join("\n    ")}`)
    .join("\n");
  assert.equal(violations.length, 0, `axe violations on ${name} (${page.url()}):\n${text}`);
}

async function switchLanguage(page: Page, lang: string) {
  const menu = page.locator("button.menu-button");
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) === "false") await menu.click();
  await page.locator("#language-select").selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function signIn(page: Page, email: string, password: string, code?: () => string) {
  if (!page.url().includes("/sign-in")) await page.goto(`${base}/sign-in`);
  await ready(page);
  await page.locator('main input[type="email"]').fill(email);
  await page.locator('main input[type="password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
  if (code) {
    await page.locator('main input[autocomplete="one-time-code"]').fill(code());
    await page.locator('main form button[type="submit"]').click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await page.locator(".header-tools button.btn-ghost").waitFor(); // "sign out" is shown
}

/** Turn on two-step verification on the security page; returns the base32 secret. */
async function enableTwoFactor(page: Page, password: string, shotName: string): Promise<string> {
  await page.goto(`${base}/me/security`);
  await check(page, shotName);
  const card = page.locator('section[aria-labelledby="tfa-title"]');
  await card.locator('input[type="password"]').fill(password);
  await card.locator('button[type="submit"]').click();
  const secret = ((await card.locator(".secret code").textContent()) ?? "").replace(/\s/g, "");
  assert.match(secret, /^[A-Z2-7]{16,}$/, "the secret key is shown");
  await card.locator('input[autocomplete="one-time-code"]').fill(totp(secret));
  await card.locator('button[type="submit"]').click();
  // the confirmation is announced; the backup codes stay on screen until the user leaves
  await card.locator(".live-status").filter({ hasText: /\S/ }).waitFor();
  assert.equal(await card.locator(".error-summary").count(), 0, "no error after confirming the code");
  await page.locator(".banner").waitFor({ state: "detached" });
  return secret;
}

function latestMail(to: string): string {
  const db = new Database(join(dataDir, "untoc-engage.sqlite"), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare("select text from outbox where to_address = ? order by created_at desc limit 1")
      .get(to) as { text: string } | undefined;
    return row?.text ?? "";
  } finally {
    db.close();
  }
}

async function waitForMail(to: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const text = latestMail(to);
    if (text) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} in the outbox`);
}

/** Waits for a message to `to` received by the SMTP server whose raw text matches `pattern`. */
async function waitForSmtp(to: string, pattern: RegExp, ms = 10_000): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const hit = inbox.find((m) => m.to.toLowerCase() === to.toLowerCase() && pattern.test(m.raw));
    if (hit) return hit.raw;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `no mail to ${to} matching ${pattern} at the SMTP server (received: ${inbox.map((m) => m.to).join(", ")})`,
  );
}

const withContext = async (
  fn: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
) => {
  const { context, page } = await newPage(viewport);
  try {
    await fn(page);
  } catch (err) {
    await page
      .screenshot({ path: join(SHOTS, `FAILED-${Date.now()}.png`), fullPage: true })
      .catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
};

/* ---------- journeys ---------- */

/** What every journey gets (read when it starts: the server and browser are set up in before()). */
const journeyContext = () => ({
  base,
  browser,
  check,
  ready,
  signIn,
  switchLanguage,
  enableTwoFactor,
  pageErrors,
});

/** What the event outcomes journey leaves for the recommendations journey. */
let outcomes: { staffEmail: string; staffSecret: string } | null = null;

let orgPath = "";

test("the server serves the built web app and its assets", { concurrency: false }, async () => {
  const html = await (await fetch(base)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 2, "index.html links the built script and stylesheet (run `npm run build`)");
  for (const a of assets) {
    const r = await fetch(base + a);
    assert.equal(r.status, 200, `GET ${a} → ${r.status} ${await r.text()}`);
  }
});

test("a newcomer registers an organisation in French", { concurrency: false }, () =>
  withContext(async (page) => {
    await page.goto(base);
    await check(page, "a-home-en");
    await switchLanguage(page, "fr");
    await check(page, "a-home-fr");

    await page.locator('main a[href="/sign-up"]').click();
    await page.waitForURL("**/sign-up");
    await check(page, "a-sign-up-fr");
    await page.locator('main input[autocomplete="name"]').fill(NEWCOMER.name);
    await page.locator('main input[type="email"]').fill(NEWCOMER.email);
    await page.locator('main input[type="password"]').fill(NEWCOMER.password);
    await page.locator("main form select").selectOption("fr");
    await page.locator('main form button[type="submit"]').click();
    await page.locator('main p[role="status"]').waitFor();
    await check(page, "a-sign-up-sent-fr");

    const mail = await waitForMail(NEWCOMER.email);
    const link = mail.match(/https?:\/\/\S+\/api\/auth\/verify-email\?token=\S+/)?.[0];
    assert.ok(link, `a verification link in the mail:\n${mail}`);
    assert.ok(link.startsWith(base), `the link points at PUBLIC_URL: ${link}`);
    await page.goto(link);
    await page.waitForURL((u) => !u.pathname.startsWith("/api/"));
    await ready(page);

    const signedIn = await page
      .locator(".header-tools button.btn-ghost")
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!signedIn) {
      await page.goto(`${base}/sign-in`);
      await check(page, "a-sign-in-fr");
      await signIn(page, NEWCOMER.email, NEWCOMER.password);
    }

    await page.goto(`${base}/me`);
    await check(page, "a-profile-fr");

    await page.goto(`${base}/organizations/new`);
    await check(page, "a-new-organisation-fr");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
    await page.locator("#org-names input[lang=fr]").fill(ORG_NAME);
    await page.locator("#org-names select").selectOption("fr");
    await page.locator("#org-acronym").fill("ALM");
    await page.locator("#org-type").selectOption("ngo");
    await page.locator("#org-country").selectOption("THA");
    await page.locator("#org-countriesOfOperation select").selectOption("LAO");
    await page.locator("#org-countriesOfOperation button.btn-secondary").click();
    await page.locator("#org-countriesOfOperation .chip").waitFor();
    await page.locator('#org-thematicFocus input[type="checkbox"]').first().check();
    await page.locator("#org-website").fill("https://lumiere-mekong.example");
    await page
      .locator("#org-description textarea")
      .first()
      .fill("Accompagnement juridique des migrants le long du Mékong.");
    await page.locator('main form.org-form > button[type="submit"]').click();

    await page.waitForURL(/\/organizations\/(?!new)[^/]+$/);
    orgPath = new URL(page.url()).pathname;
    const fr = JSON.parse(readFileSync(join(ROOT, "src/web/i18n/locales/fr.json"), "utf8"));
    await page.getByRole("status").filter({ hasText: fr.org.pendingNotice }).waitFor();
    await assert.doesNotReject(page.locator("main h1").filter({ hasText: ORG_NAME }).waitFor());
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
    await check(page, "a-organisation-pending-fr");
  }),
);

test("the secretariat verifies it in Arabic", { concurrency: false }, () =>
  withContext(async (page) => {
    assert.ok(orgPath, "journey a created the organisation");
    await page.goto(`${base}/sign-in`);
    await switchLanguage(page, "ar");
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    await check(page, "b-sign-in-ar");
    await signIn(page, SECRETARIAT.email, DEMO_PASSWORD);
    await page.locator(".banner").waitFor(); // asked to set up two-step verification
    await check(page, "b-home-ar-2fa-banner");

    await enableTwoFactor(page, DEMO_PASSWORD, "b-security-ar");
    await check(page, "b-security-ar-on");

    await page.goto(`${base}/admin`);
    await check(page, "b-admin-vetting-ar");
    const ar = JSON.parse(readFileSync(join(ROOT, "src/web/i18n/locales/ar.json"), "utf8"));
    const card = page.locator("li.org-card").filter({ hasText: ORG_NAME });
    await card.waitFor();
    await card.getByRole("button", { name: `${ar.vetting.verify} ${ORG_NAME}` }).click();
    // once verified it leaves the pending queue (its confirmation message goes with it: see the report)
    await card.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    await check(page, "b-admin-vetting-ar-verified");

    for (const tab of ["outbox", "reference", "import"]) {
      await page.goto(`${base}/admin/${tab}`);
      await check(page, `b-admin-${tab}-ar`);
    }

    await page.goto(`${base}${orgPath}`);
    await page.locator("main h1").filter({ hasText: ORG_NAME }).waitFor();
    assert.equal(await page.locator(".notice").count(), 0, "no pending notice once verified");
    await check(page, "b-organisation-ar");
  }),
);

test("the admin reviews users and the audit log in English", { concurrency: false }, () =>
  withContext(async (page) => {
    await page.goto(`${base}/sign-in`);
    await check(page, "e-sign-in-en");
    await signIn(page, ADMIN.email, DEMO_PASSWORD);
    await enableTwoFactor(page, DEMO_PASSWORD, "e-security-en");
    for (const tab of ["", "users", "audit", "outbox", "reference", "import"]) {
      await page.goto(`${base}/admin${tab ? `/${tab}` : ""}`);
      await check(page, `e-admin-${tab || "vetting"}-en`);
    }
    // the verification is in the audit log
    await page.goto(`${base}/admin/audit`);
    await ready(page);
    await assert.doesNotReject(
      page.locator("main").getByText(ORG_NAME).first().waitFor({ state: "attached" }),
    );
  }),
);

test("a visitor finds it in the directory in Chinese", { concurrency: false }, () =>
  withContext(async (page) => {
    assert.ok(orgPath, "journey a created the organisation");
    await page.goto(base);
    await switchLanguage(page, "zh");
    await page.locator('nav a[href="/organizations"]').click();
    await page.waitForURL("**/organizations");
    await check(page, "c-directory-zh");
    await page.locator('main input[type="search"]').fill(`Lumière ${RUN}`);
    await page.locator("main form.search-form button").click();
    await page.waitForURL(/[?&]q=/);
    // the previous list stays on screen while the search runs: wait for it to be replaced
    await page.waitForFunction(() => document.querySelectorAll("li.org-card").length === 1);
    const hit = page.locator("li.org-card a").filter({ hasText: ORG_NAME });
    await hit.waitFor();
    await check(page, "c-directory-search-zh");
    await hit.click();
    await page.waitForURL(`**${orgPath}`);
    await page.locator("main h1").filter({ hasText: ORG_NAME }).waitFor();
    // the name exists only in French: marked as such for assistive technology
    assert.equal(await page.locator("main h1 [lang=fr]").count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh");
    await check(page, "c-organisation-zh");
  }),
);

test("the directory and organisation page in English", { concurrency: false }, () =>
  withContext(async (page) => {
    await page.goto(`${base}/organizations`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    await check(page, "e-directory-en");
    await page.goto(`${base}${orgPath}`);
    await page.locator("main h1").filter({ hasText: ORG_NAME }).waitFor();
    await check(page, "e-organisation-en");
  }),
);

test("Arabic on a phone: the directory is right-to-left and the filters open", { concurrency: false }, () =>
  withContext(
    async (page) => {
      await page.goto(base);
      await switchLanguage(page, "ar");
      await page.goto(`${base}/organizations`);
      assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
      await check(page, "d-directory-ar-390");
      const toggle = page.locator("button.filters-toggle");
      const search = page.locator('main input[type="search"]');
      assert.equal(await toggle.getAttribute("aria-expanded"), "false");
      assert.equal(await search.isVisible(), false, "filters are folded on a phone");
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-expanded"), "true");
      await search.waitFor({ state: "visible" });
      await check(page, "d-directory-ar-390-filters");
      await toggle.click();
      await search.waitFor({ state: "hidden" });
      // no horizontal scrolling
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
      await page.goto(`${base}${orgPath}`);
      await page.locator("main h1").filter({ hasText: ORG_NAME }).waitFor();
      await check(page, "d-organisation-ar-390");
    },
    { width: 390, height: 844 },
  ),
);

test("a stakeholder adds a passkey and signs in with it", { concurrency: false }, () =>
  withContext(async (page) => {
    // A virtual authenticator (platform, with user verification) through the DevTools protocol.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await signIn(page, NEWCOMER.email, NEWCOMER.password);
    await page.goto(`${base}/me/security`);
    await ready(page);
    const card = page.locator('section[aria-labelledby="passkey-title"]');
    await card.locator("button").click();
    await card.locator(".live-status").filter({ hasText: /\S/ }).waitFor();
    assert.equal(await card.locator(".error-summary").count(), 0, "no error after adding the passkey");
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    assert.equal(credentials.length, 1, "the authenticator holds one credential for the site");
    assert.equal(credentials[0].rpId, "localhost");

    // Sign out, then sign in with the passkey alone: no password typed.
    await page.locator(".header-tools button.btn-ghost").click();
    await page.locator(".header-tools button.btn-ghost").waitFor({ state: "detached" });
    await page.goto(`${base}/sign-in`);
    await ready(page);
    await page.locator("main section button.btn-secondary").first().click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.locator(".header-tools button.btn-ghost").waitFor();
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    assert.equal(me.user?.email, NEWCOMER.email, "signed in as the passkey's owner");
    const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    assert.ok(after.credentials[0].signCount >= 1, "the credential was used to sign in");
  }),
);

test(
  "events: a call for applications from creation to selection, in English and Arabic, on desktop and phone",
  { concurrency: false },
  () => eventsPagesJourney(journeyContext()),
);

test("event outcomes: attendance import with review, check-in, certificates, report, feedback, directory and breakout groups, in English and Arabic, on desktop and phone", {
  concurrency: false,
}, async () => {
  outcomes = await eventOutcomesJourney({ ...journeyContext(), waitForSmtp });
});

test("recommendations: from breakout group to public answer, protection levels, triage, follow-up and notifications, in English and Arabic, on desktop and phone", {
  concurrency: false,
}, () => {
  assert.ok(outcomes, "the event outcomes journey set up the secretariat account and the demo's groups");
  return recommendationsJourney({
    ...journeyContext(),
    staffEmail: outcomes.staffEmail,
    staffSecret: outcomes.staffSecret,
  });
});

test(
  "organisations merged through the staff dialog; a file question and the focal point's endorsement, in English and Arabic, on desktop and phone",
  {
    concurrency: false,
  },
  () =>
    mergeEndorseJourney({
      ...journeyContext(),
      waitForMail,
      // the secretariat account whose two-step secret the outcomes journey knows (when it ran)
      staff: outcomes ? { email: outcomes.staffEmail, secret: outcomes.staffSecret } : undefined,
    }),
);

test("no uncaught errors in the pages", { concurrency: false }, () => {
  assert.deepEqual(pageErrors, []);
});
