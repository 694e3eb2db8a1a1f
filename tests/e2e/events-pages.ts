/**
 * Browser journey through the events pages: the secretariat creates an event with one question and
 * two sessions and opens applications; a stakeholder applies and follows the application in
 * "My events"; the secretariat accepts it in the applicants table and sees the diversity panel
 * change; the stakeholder confirms. Every page is checked with axe and photographed at 1280 and
 * 390 px wide, in English and Arabic (screenshots/e2e/events-*.png).
 *
 * run.ts owns the server, the browser and the helpers; it calls `eventsPagesJourney(ctx)`.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import reference from "../../src/server/features/demo/reference-case.json" with { type: "json" };
import { DEMO_PASSWORD } from "../../src/server/features/demo/seed.ts";
import { journeyKit } from "./kit.ts";

export interface EventsJourneyContext {
  base: string;
  browser: Browser;
  /** Screenshot (fullPage) into screenshots/e2e/<name>.png and an axe check with no violation. */
  check: (page: Page, name: string) => Promise<void>;
  /** The page has rendered: an h1 in main, no loading indicator. */
  ready: (page: Page) => Promise<void>;
  signIn: (page: Page, email: string, password: string, code?: () => string) => Promise<void>;
  switchLanguage: (page: Page, lang: string) => Promise<void>;
  /** Turns on two-step verification on /me/security; returns the base32 secret. */
  enableTwoFactor: (page: Page, password: string, shotName: string) => Promise<string>;
  /** Uncaught page errors are collected here, as run.ts does. */
  pageErrors?: string[];
}

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `src/web/i18n/locales/${lang}.json`), "utf8"));
const en = locale("en");
const ar = locale("ar");

/** The second secretariat account: the first one's two-step secret belongs to another journey. */
const STAFF = reference.secretariat.filter((s) => s.role === "secretariat")[1];
/** A third one, who belongs to no organisation: the apply page tells them why they cannot apply. */
const NO_ORG = reference.secretariat.filter((s) => s.role === "secretariat")[2];
const STAKEHOLDER = reference.people.find((p) => p.key === "p-01")!;
const STAKEHOLDER_NAME = `${STAKEHOLDER.givenName} ${STAKEHOLDER.familyName}`;
/** A colleague from the same organisation, invited directly by the secretariat. */
const COLLEAGUE = reference.people.find((p) => p.key === "p-02")!;
const COLLEAGUE_NAME = `${COLLEAGUE.givenName} ${COLLEAGUE.familyName}`;

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export async function eventsPagesJourney(ctx: EventsJourneyContext) {
  const run = Date.now().toString(36);
  const TITLE = `Online training for stakeholders from Asia ${run}`;
  const QUESTION = "How does your organisation work on trafficking in persons?";
  const start = isoDay(30);
  const end = isoDay(32);
  /** Browsers whose clock is in Paris, so the agenda shows two time zones (the event is in Bangkok). */
  const { open, both, closeAll } = journeyKit(ctx, { locale: "en-GB", timezoneId: "Europe/Paris" });

  try {
    // ---------------------------------------------------------------- the secretariat prepares the event
    const staff = await open();
    await staff.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(staff, STAFF.email, DEMO_PASSWORD);
    await ctx.enableTwoFactor(staff, DEMO_PASSWORD, "events-0-staff-security-en");

    await staff.goto(`${ctx.base}/admin/events`);
    await ctx.check(staff, "events-1-admin-list-empty-en");
    await staff.locator('main a[href="/admin/events/new"]').first().click();
    await staff.waitForURL("**/admin/events/new");
    await ctx.check(staff, "events-2-admin-new-en");

    // an empty submission shows the errors next to the fields and in a summary
    await staff.locator("#event-eventTitle-main").fill("");
    await staff.locator("main form.event-form > button[type=submit]").click();
    await staff.locator(".error-summary").waitFor();
    await ctx.check(staff, "events-2-admin-new-errors-en");

    await staff.locator("#event-eventType").selectOption("training");
    await staff.locator("#event-format").selectOption("online");
    await staff.locator("#event-eventTitle-main").fill(TITLE);
    await staff
      .locator("#event-summary-main")
      .fill("Three afternoons on the Convention, its Protocols and the Review Mechanism.");
    await staff.locator("#event-timeZone").fill("Asia/Bangkok");
    await staff.locator("#event-startDate").fill(start);
    await staff.locator("#event-endDate").fill(end);
    await staff.locator("#event-onlineLink").fill("https://meet.example.org/untoc-asia");
    // one place only, so that the journey meets the capacity
    await staff.locator("#event-capacity").fill("1");
    await staff.locator("#event-regions-APG").check();
    await staff.locator("#event-applicationsCloseAt").fill(`${start}T09:00`);
    await staff.locator("#questions-add").click();
    await staff.locator("#event-questions-0-label-main").fill(QUESTION);
    await staff.locator("#event-questions li.editor-item input[type=checkbox]").first().check();
    await staff
      .locator("#event-consentText-main")
      .fill("I agree that the secretariat keeps my application to organise this training.");
    await staff.locator("#event-youthShareMin").fill("30");
    await staff.locator("#event-countriesMin").fill("18");
    await staff.locator("#event-maxPerOrganization").fill("2");
    await staff.locator("main form.event-form > button[type=submit]").click();
    await staff.waitForURL(/\/admin\/events\/[^/]+\/edit$/);
    const eventId = staff.url().split("/").at(-2)!;
    await staff.locator(".notice-success").waitFor();

    // two sessions: an opening with a speaker, and the tools session with its engagement areas
    const addSession = async (s: {
      type: string;
      title: string;
      date: string;
      from: string;
      to: string;
      speaker?: [string, string, string];
      areas?: string[];
    }) => {
      await staff.getByRole("button", { name: en.sessionForm.add, exact: true }).click();
      const form = staff.locator("#session-form");
      await form.locator("#session-type").selectOption(s.type);
      await form.locator("#session-sessionTitle-main").fill(s.title);
      await form.locator("#session-date").fill(s.date);
      await form.locator("#session-start").fill(s.from);
      await form.locator("#session-end").fill(s.to);
      for (const a of s.areas ?? []) await form.locator(`#session-engagementAreas-${a}`).check();
      if (s.speaker) {
        await form.getByRole("button", { name: en.sessionForm.addSpeaker }).click();
        await form.locator("#session-speakers-0-name").fill(s.speaker[0]);
        await form.locator("#session-speakers-0-title").fill(s.speaker[1]);
        await form.locator("#session-speakers-0-affiliation").fill(s.speaker[2]);
      }
      if (s.type === "opening") await ctx.check(staff, "events-3-admin-session-form-en");
      await form.locator('button[type="submit"]').click();
      await form.waitFor({ state: "detached" });
      await staff.locator(".sessions-editor .session-title").filter({ hasText: s.title }).waitFor();
    };
    await addSession({
      type: "opening",
      title: "Opening remarks",
      date: start,
      from: "14:00",
      to: "14:30",
      speaker: ["Sofia Lindqvist", "Chief, Civil Society Unit", "UNODC"],
    });
    await addSession({
      type: "tools",
      title: "Tools for engagement in six areas",
      date: isoDay(31),
      from: "14:00",
      to: "15:30",
      areas: ["ADVOCACY", "RESEARCH"],
    });

    // publish, then open the call for applications
    const status = staff.locator(".event-status");
    await status.getByRole("button", { name: en.eventAdmin.to.published }).click();
    await status.locator(".badge").filter({ hasText: en.eventStatus.published }).waitFor();
    await status.getByRole("button", { name: en.eventAdmin.to.applications_open }).click();
    await status.locator(".badge").filter({ hasText: en.eventStatus.applications_open }).waitFor();
    await ctx.check(staff, "events-4-admin-edit-en");

    await staff.goto(`${ctx.base}/admin/events`);
    await staff.locator("main table th a").filter({ hasText: TITLE }).waitFor();
    await ctx.check(staff, "events-1-admin-list-en");

    // ---------------------------------------------------------------- a stakeholder applies
    const person = await open();
    await person.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(person, STAKEHOLDER.email, DEMO_PASSWORD);
    await person.goto(`${ctx.base}/events`);
    const card = person.locator("li.event-card").filter({ hasText: TITLE });
    await card.waitFor();
    assert.ok(await card.locator(".badge").filter({ hasText: en.events.applicationsOpen }).count());
    await both(person, "events-5-list-en");

    await card.locator("a").first().click();
    await person.waitForURL(`**/events/${eventId}`);
    await person.locator("main h1").filter({ hasText: TITLE }).waitFor();
    // the agenda gives each time in Bangkok and in the viewer's zone (Paris)
    const time = person.locator(".session").first().locator(".session-time");
    assert.match((await time.locator(".session-time-event").textContent()) ?? "", /\b(14|2):00\b/);
    assert.match((await time.locator(".session-time-viewer").textContent()) ?? "", /\b0?8:00\b/);
    assert.equal(await person.locator('a[href$="/calendar.ics"]').count(), 1);
    await both(person, "events-6-event-en");

    await person.locator(`main a[href="/events/${eventId}/apply"]`).click();
    await person.waitForURL(`**/events/${eventId}/apply`);
    await person.locator("form.apply-form").waitFor();
    await both(person, "events-7-apply-en");

    // without an answer nor consent: the errors are shown next to the fields
    await person.locator('form.apply-form button[type="submit"]').click();
    await person.locator(".error-summary").waitFor();
    await person.locator("#apply-answers-q1 + .field-error, #apply-answers-q1-error").first().waitFor();
    await ctx.check(person, "events-7-apply-errors-en");

    const org = person.locator('#apply-organizationId input[type="radio"]').first();
    if (!(await org.isChecked())) await org.check();
    await person
      .locator("#apply-answers-q1")
      .fill("We assist migrant workers who were trafficked for labour.");
    await person.locator("#apply-motivation").fill("To bring our cases into the review of Thailand.");
    await person.locator("#apply-consent").check();
    await person.locator('form.apply-form button[type="submit"]').click();
    await person.getByRole("heading", { name: en.apply.doneTitle }).waitFor();
    await ctx.check(person, "events-8-apply-done-en");

    await person.locator('main a[href="/me/events"]').first().click();
    await person.waitForURL("**/me/events");
    const mine = person.locator("li.event-card").filter({ hasText: TITLE });
    await mine.locator(".badge").filter({ hasText: en.applicationStatus.submitted }).waitFor();
    await both(person, "events-9-my-events-en");
    // withdrawing asks first; the dialog works from the keyboard and gives focus back
    const withdraw = mine.getByRole("button", { name: new RegExp(`^${en.myEvents.withdraw}`) });
    await withdraw.focus();
    await person.keyboard.press("Enter");
    const dialog = person.getByRole("alertdialog");
    await dialog.waitFor();
    await person.locator(".modal:not([data-entering])").waitFor(); // the opening animation is over
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), "focus is in the dialog");
    await ctx.check(person, "events-9-my-events-withdraw-dialog-en");
    await person.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.ok(await withdraw.evaluate((b) => b === document.activeElement), "focus returns to the button");

    // ---------------------------------------------------------------- the secretariat selects
    // a direct invitation of a colleague takes the only place
    const call = async (method: string, path: string, data?: unknown) => {
      const r = await staff.request.fetch(`${ctx.base}${path}`, {
        method,
        headers: { "X-Requested-With": "fetch", ...(data ? { "Content-Type": "application/json" } : {}) },
        data: data === undefined ? undefined : JSON.stringify(data),
      });
      assert.ok(r.ok(), `${method} ${path} → ${r.status()} ${await r.text()}`);
      return r.json();
    };
    const orgs = await call("GET", `/api/organizations?q=${encodeURIComponent("Lanna Migrant")}`);
    const orgId = orgs.items[0].id as string;
    const members = await call("GET", `/api/organizations/${orgId}/members`);
    const colleague = (Array.isArray(members) ? members : members.items).find(
      (m: { person: { name: string } }) => m.person.name === COLLEAGUE_NAME,
    );
    assert.ok(colleague, `${COLLEAGUE_NAME} is a member of ${orgId}`);
    await call("POST", `/api/events/${eventId}/invitations`, {
      personId: colleague.person.id,
      organizationId: orgId,
    });

    await staff.goto(`${ctx.base}/admin/events/${eventId}/applicants`);
    const row = staff.locator("table.applicants-table tbody tr").filter({ hasText: STAKEHOLDER_NAME });
    const invited = staff.locator("table.applicants-table tbody tr").filter({ hasText: COLLEAGUE_NAME });
    await row.waitFor();
    const selected = staff.locator(".diversity .stat").first().locator(".stat-value");
    const women = staff.locator(".diversity .stat").nth(3).locator(".stat-value");
    const panelShows = (n: string) =>
      staff.waitForFunction((v) => document.querySelector(".diversity .stat-value")?.textContent === v, n);
    await panelShows("1");
    assert.equal(await women.textContent(), "0%");
    await ctx.check(staff, "events-10-admin-applicants-en");

    // the place is taken: accepting says so clearly
    await row.getByRole("button", { name: `${en.applicants.do.accepted} — ${STAKEHOLDER_NAME}` }).click();
    const alert = staff.locator('.applicants [role="alert"]');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? "", /1/);
    assert.equal(await row.locator(".badge").textContent(), en.applicationStatus.submitted);
    await ctx.check(staff, "events-10-admin-applicants-capacity-en");

    // free the place, then accept: the panel follows each decision
    await invited.getByRole("button", { name: `${en.applicants.do.rejected} — ${COLLEAGUE_NAME}` }).click();
    await invited.locator(".badge").filter({ hasText: en.applicationStatus.rejected }).waitFor();
    await panelShows("0");
    await row.getByRole("button", { name: `${en.applicants.do.accepted} — ${STAKEHOLDER_NAME}` }).click();
    await row.locator(".badge").filter({ hasText: en.applicationStatus.accepted }).waitFor();
    await panelShows("1");
    assert.equal(await selected.textContent(), "1");
    await staff.waitForFunction(
      () => document.querySelectorAll(".diversity .stat-value")[3]?.textContent === "100%",
    );
    assert.equal(await staff.locator('.applicants [role="alert"]').count(), 0, "the alert is gone");
    await staff.locator(".diversity .targets li").first().waitFor();

    // sorting from the keyboard: the column says how it is sorted
    await staff.getByRole("button", { name: en.fields.name, exact: true }).focus();
    await staff.keyboard.press("Enter");
    await staff.waitForURL(/sort=name/);
    await staff.locator('th[aria-sort="ascending"]').filter({ hasText: en.fields.name }).waitFor();

    // the export carries the table's order and the page's language: a real download
    const csvLink = staff.locator(".applicants .exports a").filter({ hasText: "CSV" });
    assert.match((await csvLink.getAttribute("href")) ?? "", /sort=name.*lang=en.*format=csv/);
    const [download] = await Promise.all([staff.waitForEvent("download"), csvLink.click()]);
    assert.match(download.suggestedFilename(), /^applicants-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    assert.ok(csv.startsWith(`\uFEFF${en.fields.name},`), "the CSV starts with the table's headers");
    assert.ok(csv.includes(STAKEHOLDER_NAME) && csv.includes(COLLEAGUE_NAME), "both applicants are in it");
    assert.ok(csv.includes("To bring our cases into the review of Thailand."), "with the motivation");

    // the opened row fetches the whole application: its answers and the motivation
    await row.locator("button.row-toggle").click();
    await staff.locator("tr.row-detail").getByText(QUESTION).waitFor();
    await staff
      .locator("tr.row-detail")
      .getByText("To bring our cases into the review of Thailand.")
      .waitFor();
    await staff
      .locator(".bar-list")
      .filter({ hasText: en.diversity.sectors })
      .getByRole("button", { name: new RegExp(en.diversity.tableView) })
      .click();
    await staff.locator(".bar-list table").first().waitFor();
    await both(staff, "events-11-admin-applicants-accepted-en");

    // ---------------------------------------------------------------- the stakeholder confirms
    await person.goto(`${ctx.base}/me/events`);
    await mine.getByRole("button", { name: new RegExp(`^${en.myEvents.confirm}`) }).click();
    await mine.locator(".badge").filter({ hasText: en.applicationStatus.confirmed }).waitFor();
    await ctx.check(person, "events-12-my-events-confirmed-en");
    await person.goto(`${ctx.base}/events/${eventId}`);
    await person.locator('main a[href="https://meet.example.org/untoc-asia"]').waitFor();
    await ctx.check(person, "events-12-event-confirmed-en");

    // ---------------------------------------------------------------- someone without an organisation
    const newcomer = await open();
    await newcomer.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(newcomer, NO_ORG.email, DEMO_PASSWORD);
    await newcomer.goto(`${ctx.base}/events/${eventId}/apply`);
    await newcomer.locator(".not-eligible").getByText(en.eligibility.reason.no_organization).waitFor();
    assert.equal(await newcomer.locator('.not-eligible a[href="/organizations/new"]').count(), 1);
    await both(newcomer, "events-15-apply-no-organisation-en");
    await ctx.switchLanguage(newcomer, "ar");
    await newcomer.locator(".not-eligible").getByText(ar.eligibility.reason.no_organization).waitFor();
    await both(newcomer, "events-15-apply-no-organisation-ar");

    // ---------------------------------------------------------------- the same pages in Arabic
    await ctx.switchLanguage(person, "ar");
    assert.equal(await person.evaluate(() => document.documentElement.dir), "rtl");
    await person.locator("main h2").filter({ hasText: ar.agenda.title }).waitFor();
    await both(person, "events-13-event-ar");
    await person.goto(`${ctx.base}/events`);
    await person.locator("li.event-card").filter({ hasText: TITLE }).waitFor();
    await both(person, "events-13-list-ar");
    await person.goto(`${ctx.base}/events/${eventId}/apply`);
    // already applied: the reason is given in Arabic, with where to follow the application
    await person.locator(".not-eligible").getByText(ar.eligibility.reason.already_applied).waitFor();
    await both(person, "events-13-apply-not-eligible-ar");
    await person.goto(`${ctx.base}/me/events`);
    await person
      .locator("li.event-card .badge")
      .filter({ hasText: ar.applicationStatus.confirmed })
      .first()
      .waitFor();
    await both(person, "events-13-my-events-ar");

    await ctx.switchLanguage(staff, "ar");
    await staff.locator("main h1").filter({ hasText: ar.applicants.titlePrefix }).waitFor();
    // the applicant's row open, with the application fetched for it, in Arabic
    const openRow = staff.locator("tr.row-detail");
    if (!(await openRow.count())) await row.locator("button.row-toggle").click();
    await openRow.getByText("To bring our cases into the review of Thailand.").waitFor();
    await openRow.getByText(ar.apply.motivation).waitFor();
    await both(staff, "events-14-admin-applicants-ar");
    await staff.goto(`${ctx.base}/admin/events`);
    await staff.locator("main table th a").filter({ hasText: TITLE }).waitFor();
    await both(staff, "events-14-admin-list-ar");
    await staff.goto(`${ctx.base}/admin/events/${eventId}/edit`);
    await staff.locator(".sessions-editor .session-title").first().waitFor();
    await both(staff, "events-14-admin-edit-ar");
    await staff.goto(`${ctx.base}/admin/events/new`);
    await staff.locator("form.event-form").waitFor();
    await both(staff, "events-14-admin-new-ar");
  } finally {
    await closeAll();
  }
}
