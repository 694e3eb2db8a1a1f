/**
 * Browser journey through what an event leaves behind. The secretariat creates a hybrid workshop;
 * a stakeholder applies, is accepted and confirms, and the confirmation mail with its calendar file
 * reaches the SMTP server; a colleague is invited directly. The secretariat imports a Zoom report
 * generated here (one row matches nobody and is decided in the review table, another is skipped),
 * checks both participants in for the second session, issues certificates; the stakeholder downloads
 * the certificate and verifies its code; the report shows the numbers of this data; the stakeholder
 * answers the feedback form. On the reference-case training of November 2020 (the demo), the report
 * shows 40 participants from 18 countries and 30% youth; the secretariat makes breakout groups and
 * moves a person with the keyboard; a rapporteur writes the group's draft, which is saved as typed
 * and shows both texts after a conflicting save; a participant uses the participants' directory.
 * Every new page is checked with axe at 1280 and 390 px, in English and Arabic
 * (screenshots/e2e/outcomes-*.png).
 *
 * run.ts owns the server, the browser, the SMTP server and the helpers; it calls
 * `eventOutcomesJourney(ctx)`.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import reference from "../../src/server/features/demo/reference-case.json" with { type: "json" };
import { DEMO_PASSWORD } from "../../src/server/features/demo/seed.ts";
import type { EventsJourneyContext } from "./events-pages.ts";
import { journeyKit } from "./kit.ts";

export interface OutcomesJourneyContext extends EventsJourneyContext {
  /** Waits for a message to `to` received by the SMTP server whose raw text matches `pattern`. */
  waitForSmtp: (to: string, pattern: RegExp, ms?: number) => Promise<string>;
}

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `src/web/i18n/locales/${lang}.json`), "utf8"));
const en = locale("en");
const ar = locale("ar");

/** A secretariat account no other journey turns two-step verification on for. */
const STAFF = reference.secretariat.filter((s) => s.role === "secretariat")[2];
/** The stakeholder who applies: the demo's member account (a participant of the 2020 training as well). */
const PERSON = reference.people.find((p) => p.key === "p-01")!;
const PERSON_NAME = `${PERSON.givenName} ${PERSON.familyName}`;
/** A young colleague from another country, invited directly by the secretariat. */
const INVITEE = reference.people.find((p) => p.key === "p-19")!;
const INVITEE_NAME = `${INVITEE.givenName} ${INVITEE.familyName}`;
const DEMO_TITLE = reference.event.title.en;

const TIME_ZONE = "Asia/Manila";

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const percent = (x: number) =>
  new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 }).format(x);

/** "11/28/2026 09:05:00 AM" as Zoom writes a wall-clock time (month first). */
function zoomTime(day: string, hhmm: string) {
  const [y, m, d] = day.split("-");
  const [h, min] = hhmm.split(":").map(Number);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${m}/${d}/${y} ${String(h12).padStart(2, "0")}:${String(min).padStart(2, "0")}:00 ${h < 12 ? "AM" : "PM"}`;
}

/** The text of the first MIME part with this content type, decoded (base64 or quoted-printable). */
function mimePart(raw: string, type: string): string {
  const unfolded = raw.replace(/\r\n/g, "\n");
  const at = unfolded.search(new RegExp(`^Content-Type:\\s*${type.replace("/", "\\/")}`, "im"));
  assert.ok(at >= 0, `a ${type} part in the message`);
  const rest = unfolded.slice(at);
  const headerEnd = rest.indexOf("\n\n");
  const headers = rest.slice(0, headerEnd);
  const body = rest.slice(headerEnd + 2).split(/\n--/)[0];
  const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase() ?? "7bit";
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable")
    return Buffer.from(
      body
        .replace(/=\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(Number.parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  return body;
}

/** What a later journey needs: the secretariat account whose two-step secret this journey set. */
export interface OutcomesJourneyResult {
  staffEmail: string;
  staffSecret: string;
}

export async function eventOutcomesJourney(ctx: OutcomesJourneyContext): Promise<OutcomesJourneyResult> {
  const run = Date.now().toString(36);
  const TITLE = `Hybrid workshop on the protection of victims ${run}`;
  const day1 = isoDay(-1);
  const day2 = isoDay(0);
  const { open, both, api, shootAll, closeAll } = journeyKit(ctx, {
    locale: "en-GB",
    timezoneId: "Europe/Vienna",
    acceptDownloads: true,
  });
  const figure = (page: Page, key: string) =>
    page.locator(`[data-figure="${key}"] .stat-value`).first().textContent();

  try {
    // ---------------------------------------------------------------- the secretariat prepares a workshop
    const staff = await open();
    await staff.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(staff, STAFF.email, DEMO_PASSWORD);
    const staffSecret = await ctx.enableTwoFactor(staff, DEMO_PASSWORD, "outcomes-00-staff-security-en");
    const call = api(staff);
    const event = await call("POST", "/api/events", {
      type: "workshop",
      format: "hybrid",
      title: { en: TITLE },
      summary: { en: "Two mornings on the Trafficking in Persons Protocol and the protection of victims." },
      timeZone: TIME_ZONE,
      startDate: day1,
      endDate: isoDay(1),
      venue: "UN House, Manila",
      onlineLink: "https://meet.example.org/untoc-manila",
      languages: ["en"],
      target: { regions: ["APG"], countries: [], orgTypes: [] },
      capacity: 10,
      attendanceThreshold: 0.75,
    });
    const eventId = event.id as string;
    const session1 = await call("POST", `/api/events/${eventId}/sessions`, {
      type: "plenary",
      title: { en: "The Protocol in practice" },
      startsAt: `${day1}T09:00:00+08:00`,
      endsAt: `${day1}T10:00:00+08:00`,
    });
    const session2 = await call("POST", `/api/events/${eventId}/sessions`, {
      type: "breakout",
      title: { en: "Working groups on referral" },
      startsAt: `${day2}T09:00:00+08:00`,
      endsAt: `${day2}T10:00:00+08:00`,
    });
    for (const status of ["published", "applications_open"])
      await call("PATCH", `/api/events/${eventId}`, { status });

    // ---------------------------------------------------------------- a stakeholder applies
    const person = await open();
    await person.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(person, PERSON.email, DEMO_PASSWORD);
    // mail goes out in the account's language, which another journey may have set to Arabic
    await api(person)("PATCH", "/api/me/locale", { locale: "en" });
    await person.goto(`${ctx.base}/events/${eventId}/apply`);
    await person.locator("form.apply-form").waitFor();
    const org = person.locator('#apply-organizationId input[type="radio"]').first();
    if ((await org.count()) && !(await org.isChecked())) await org.check();
    await person
      .locator("#apply-motivation")
      .fill("We assist migrant workers who were trafficked for labour.");
    await person.locator("#apply-consent").check();
    await person.locator('form.apply-form button[type="submit"]').click();
    await person.getByRole("heading", { name: en.apply.doneTitle }).waitFor();

    // a young colleague from Cambodia is invited directly (a place without an application)
    const orgs = await call("GET", `/api/organizations?q=${encodeURIComponent("Tonle Youth")}`);
    const inviteeOrg = orgs.items[0].id as string;
    const members = await call("GET", `/api/organizations/${inviteeOrg}/members`);
    const invitee = (Array.isArray(members) ? members : members.items).find(
      (m: { person: { name: string } }) => m.person.name === INVITEE_NAME,
    );
    assert.ok(invitee, `${INVITEE_NAME} is a member of ${inviteeOrg}`);
    const inviteeId = invitee.person.id as string;
    await call("POST", `/api/events/${eventId}/invitations`, {
      personId: inviteeId,
      organizationId: inviteeOrg,
    });

    // ---------------------------------------------------------------- the secretariat accepts
    await staff.goto(`${ctx.base}/admin/events/${eventId}/applicants`);
    const row = staff.locator("table.applicants-table tbody tr").filter({ hasText: PERSON_NAME });
    await row.getByRole("button", { name: `${en.applicants.do.accepted} — ${PERSON_NAME}` }).click();
    await row.locator(".badge").filter({ hasText: en.applicationStatus.accepted }).waitFor();
    // the event's tabs lead to the new pages
    assert.equal(
      await staff.locator(`nav.event-subnav a[href="/admin/events/${eventId}/attendance"]`).count(),
      1,
      "the applicants page links the attendance page",
    );

    // ---------------------------------------------------------------- the stakeholder confirms: mail with ICS
    await person.goto(`${ctx.base}/me/events`);
    const mine = person.locator("li.event-card").filter({ hasText: TITLE });
    await mine.getByRole("button", { name: new RegExp(`^${en.myEvents.confirm}`) }).click();
    await mine.locator(".badge").filter({ hasText: en.applicationStatus.confirmed }).waitFor();
    // (the other journey's confirmation to the same person has a calendar file too: look for this event's)
    const raw = await ctx.waitForSmtp(
      PERSON.email,
      new RegExp(`^(?=[\\s\\S]*text\\/calendar)(?=[\\s\\S]*${run})`, "i"),
      15_000,
    );
    const ics = mimePart(raw, "text/calendar");
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, new RegExp(`TZID[:=]${TIME_ZONE}`), "the calendar file is in the event's time zone");
    assert.match(ics, /DTSTART;TZID=Asia\/Manila:\d{8}T090000/, "the sessions start at 09:00 in Manila");
    // a hybrid event: the personal check-in QR code is shown and loads
    const qr = mine.locator(".checkin-qr img");
    await qr.waitFor();
    await person.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await qr.elementHandle(),
    );
    assert.match((await qr.getAttribute("alt")) ?? "", new RegExp(TITLE));
    await both(person, "outcomes-01-my-events-qr-en");

    // ---------------------------------------------------------------- attendance: Zoom report with a review
    for (const status of ["applications_closed", "running"])
      await call("PATCH", `/api/events/${eventId}`, { status });
    const zoom = [
      "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
      `"812 0000 4321","${TITLE}",${zoomTime(day1, "08:55")},${zoomTime(day1, "10:05")},${STAFF.email},70,4`,
      "",
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent",
      `${PERSON_NAME},${PERSON.email},${zoomTime(day1, "09:00")},${zoomTime(day1, "09:30")},30,No,Y`,
      `${PERSON_NAME},${PERSON.email},${zoomTime(day1, "09:32")},${zoomTime(day1, "10:00")},28,No,Y`,
      `${INVITEE_NAME}m,,${zoomTime(day1, "09:05")},${zoomTime(day1, "10:00")},55,Yes,Y`,
      `iPhone de Juan,,${zoomTime(day1, "09:10")},${zoomTime(day1, "09:20")},10,Yes,Y`,
      "",
    ].join("\r\n");

    await staff.goto(`${ctx.base}/admin/events/${eventId}/attendance`);
    await staff.locator("#attendance-summary-title").waitFor();
    await both(staff, "outcomes-02-attendance-en");
    // a file from another tool is not recognised: the columns are chosen by hand
    const otherTool = [
      "Participant,Mail,Start,End",
      `${PERSON_NAME},${PERSON.email},${day1} 09:00,${day1} 09:45`,
      "",
    ].join("\n");
    await staff.locator('.attendance-form input[type="file"]').setInputFiles({
      name: "other-tool.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(otherTool, "utf8"),
    });
    await staff.getByRole("button", { name: en.attendance.check }).click();
    await staff.locator("#mapping-title").waitFor();
    await staff.locator(".error-summary").first().waitFor();
    await staff.locator("#mapping-name").selectOption("Participant");
    await staff.locator("#mapping-email").selectOption("Mail");
    await staff.locator("#mapping-join").selectOption("Start");
    await staff.getByRole("button", { name: en.attendance.mapping.check }).click();
    await staff.locator("#mapping-leave-error").waitFor(); // the leave time or the duration is needed
    await staff.locator("#mapping-leave").selectOption("End");
    await staff.locator("#mapping-save-as").fill(`Other tool ${run}`);
    await ctx.check(staff, "outcomes-02-attendance-mapping-en");
    await staff.getByRole("button", { name: en.attendance.mapping.check }).click();
    await staff.locator(".import-preview").waitFor();
    assert.equal(
      await staff.locator(".import-preview .stat").first().locator(".stat-value").textContent(),
      en.attendance.sources.csv,
    );
    await staff.locator(".import-preview").getByRole("button", { name: en.common.cancel }).click();
    await staff.locator(".import-preview").waitFor({ state: "detached" });

    await staff.locator('.attendance-form input[type="file"]').setInputFiles({
      name: "zoom-participants.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${zoom}`, "utf8"),
    });
    await staff.locator("#attendance-session").selectOption(session1.id);
    await staff.locator("#attendance-date-order").selectOption("mdy");
    await staff.getByRole("button", { name: en.attendance.check }).click();
    const preview = staff.locator(".import-preview");
    await preview.waitFor();
    assert.equal(
      await preview.locator(".stat").first().locator(".stat-value").textContent(),
      en.attendance.sources.zoom,
    );
    const review = preview.locator("table.review-table tbody tr");
    assert.equal(await review.count(), 2, "two row groups match no participant");
    // confirming with rows undecided says which ones, with links to them
    await staff.getByRole("button", { name: en.attendance.confirm }).click();
    await preview.locator(".error-summary a").first().waitFor();
    await both(staff, "outcomes-03-attendance-review-en");
    // decide from the keyboard: the suggestion for the misspelt name, skip for the phone
    const misspelt = review.filter({ hasText: `${INVITEE_NAME}m` });
    assert.match((await misspelt.textContent()) ?? "", new RegExp(INVITEE_NAME), "the invitee is suggested");
    const select = misspelt.locator("select");
    await select.focus();
    await staff.keyboard.press("ArrowDown"); // the first suggestion
    assert.equal(await select.inputValue(), inviteeId, "the suggestion is chosen with the keyboard");
    await review.filter({ hasText: "iPhone de Juan" }).locator("select").selectOption("skip");
    await staff.getByRole("button", { name: en.attendance.confirm }).click();
    await staff.locator(".import-done").waitFor();
    assert.match(
      (await staff.locator(".import-done").textContent()) ?? "",
      /participants with time recorded: 2; rows skipped: 1/,
    );

    // check-in for the second session: a wrong code is refused, then both are ticked
    const checkin = staff.locator("section.checkin");
    await checkin.locator("#checkin-session").selectOption(session2.id);
    await checkin.locator("#checkin-code").fill(`${ctx.base}/checkin/NOTATOKEN0000000000`);
    await checkin.getByRole("button", { name: en.checkin.submit }).click();
    await checkin.locator("#checkin-code-error").filter({ hasText: en.checkin.unknownCode }).waitFor();
    for (const name of [PERSON_NAME, INVITEE_NAME]) {
      const box = checkin
        .locator(".checkin-list li")
        .filter({ hasText: name })
        .locator('input[type="checkbox"]');
      await box.check();
      await staff.waitForFunction(
        (n) =>
          [...document.querySelectorAll(".attendance-table tbody tr")].some(
            (tr) => tr.textContent?.includes(n) && tr.querySelector(".attended-yes"),
          ),
        name,
      );
    }
    await both(staff, "outcomes-04-attendance-summary-en");

    // ---------------------------------------------------------------- certificates
    await staff.getByRole("button", { name: en.certificates.issue }).click();
    const dialog = staff.getByRole("dialog");
    await dialog.waitFor();
    await ctx.check(staff, "outcomes-05-certificates-dialog-en");
    await dialog.getByRole("button", { name: en.certificates.confirm }).click();
    const issued = staff.locator(".certificates-result");
    await issued.waitFor();
    assert.equal(await figure(staff, "issued"), "2", "both participants get a certificate");
    // the certificate mail (the demo's certificates were issued without mail)
    await ctx.waitForSmtp(PERSON.email, /^Subject:\s+Your\s+certificate:/m, 15_000);
    await call("PATCH", `/api/events/${eventId}`, { status: "completed" });

    // ---------------------------------------------------------------- the certificate: PDF and verification
    await person.goto(`${ctx.base}/me/events`);
    const certLink = mine.locator(".certificate-box a[download]");
    await certLink.waitFor();
    const [download] = await Promise.all([person.waitForEvent("download"), certLink.click()]);
    const pdf = readFileSync((await download.path())!);
    assert.equal(pdf.subarray(0, 4).toString("latin1"), "%PDF", "the certificate is a PDF");
    const code = ((await mine.locator(".certificate-code").textContent()) ?? "").trim();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await both(person, "outcomes-06-my-events-certificate-en");

    const visitor = await open();
    await visitor.goto(`${ctx.base}/verify`);
    await both(visitor, "outcomes-07-verify-form-en");
    await visitor.getByLabel(en.verify.code).fill(code.toLowerCase().replace(/-/g, " "));
    await visitor.getByRole("button", { name: en.verify.submit }).click();
    await visitor.waitForURL(`**/verify/${code}`);
    const result = visitor.locator(".verify-result");
    await result.filter({ hasText: en.verify.valid }).waitFor();
    assert.match((await result.textContent()) ?? "", new RegExp(PERSON_NAME));
    assert.match((await result.textContent()) ?? "", new RegExp(TITLE));
    assert.doesNotMatch(
      (await result.textContent()) ?? "",
      /@/,
      "no e-mail address on the verification page",
    );
    await both(visitor, "outcomes-07-verify-valid-en");
    await visitor.goto(`${ctx.base}/verify/AAAA-BBBB-CCCC`);
    await visitor.locator(".verify-result").filter({ hasText: en.verify.notFoundTitle }).waitFor();
    await ctx.check(visitor, "outcomes-07-verify-unknown-en");

    // ---------------------------------------------------------------- the report, computed from this data
    const apps = await call("GET", `/api/events/${eventId}/applications?pageSize=50`);
    const selected = (
      apps.items as Array<{ status: string; youth: boolean; gender: string; country: string }>
    ).filter((a) => ["accepted", "confirmed"].includes(a.status));
    assert.equal(selected.length, 2);
    const youth = selected.filter((a) => a.youth).length / selected.length;
    const known = selected.filter((a) => a.gender);
    const women = known.filter((a) => /^(woman|female)$/i.test(a.gender)).length / known.length;
    const countries = new Set(selected.map((a) => a.country)).size;

    await visitor.goto(`${ctx.base}/events/${eventId}/report`);
    await visitor.locator('[data-figure="participants"]').waitFor();
    assert.equal(await figure(visitor, "participants"), "2");
    assert.equal(await figure(visitor, "countries"), String(countries));
    assert.equal(await figure(visitor, "youth"), percent(youth));
    assert.equal(await figure(visitor, "women"), percent(women));
    assert.match((await visitor.locator(".news-text").textContent()) ?? "", /\b2\b/);
    assert.equal(await visitor.locator("figure.chart").filter({ hasText: en.report.byCountry }).count(), 0);
    await both(visitor, "outcomes-08-report-en");
    // every chart has its table: the table view shows it
    const sectors = visitor.locator("figure.chart").filter({ hasText: en.report.sectors });
    await sectors.getByRole("button", { name: new RegExp(en.diversity.tableView) }).click();
    await sectors.locator(".table-wrap table").waitFor();
    const pdfLink = visitor.locator('a[href*="/report.pdf?lang=en"]');
    const pdfResponse = await visitor.request.get(`${ctx.base}${await pdfLink.getAttribute("href")}`);
    assert.equal((await pdfResponse.body()).subarray(0, 4).toString("latin1"), "%PDF");
    // the news item in French
    await visitor.locator("#report-lang").selectOption("fr");
    await visitor.locator('.news-text[lang="fr"]').waitFor();
    assert.equal(await visitor.locator('a[href*="/report.pdf?lang=fr"]').count(), 1);

    // the secretariat sees the countries too
    await staff.goto(`${ctx.base}/events/${eventId}/report`);
    await staff.locator("figure.chart").filter({ hasText: en.report.byCountry }).waitFor();
    await ctx.check(staff, "outcomes-08-report-staff-en");

    // ---------------------------------------------------------------- feedback
    await person.goto(`${ctx.base}/events/${eventId}`);
    await person.locator(`a[href="/events/${eventId}/feedback"]`).first().click();
    await person.waitForURL(`**/events/${eventId}/feedback`);
    await person.locator("form.feedback-form").waitFor();
    await both(person, "outcomes-09-feedback-en");
    // sending nothing asks for a rating
    await person.getByRole("button", { name: en.feedback.send }).click();
    await person.locator(".error-summary").waitFor();
    for (const [aspect, value] of [
      ["overall", "5"],
      ["relevance", "5"],
      ["speakers", "4"],
      ["organisation", "4"],
      ["usefulness", "5"],
    ])
      await person.locator(`#feedback-${aspect}-${value}`).check();
    await person.locator("#feedback-comment").fill("The session on referral mechanisms was the most useful.");
    await person.locator("#feedback-anonymous").check();
    await person.getByRole("button", { name: en.feedback.send }).click();
    await person.locator(".notice-success").filter({ hasText: en.feedback.thanks }).waitFor();
    await ctx.check(person, "outcomes-09-feedback-sent-en");
    await person.reload();
    await person.locator(".notice").filter({ hasText: en.feedback.already }).waitFor();

    await staff.goto(`${ctx.base}/admin/events/${eventId}/feedback`);
    await staff.locator(".comments li").filter({ hasText: en.feedbackResults.anonymous }).waitFor();
    assert.equal(await figure(staff, "responses"), "1");
    await both(staff, "outcomes-10-feedback-results-en");

    // ---------------------------------------------------------------- the reference case: 40, 18, 30 %
    const past = await call("GET", "/api/events?when=past&pageSize=100");
    const demo = past.items.find(
      (e: { title: Record<string, { value: string }> }) => e.title.en?.value === DEMO_TITLE,
    );
    assert.ok(demo, "the demo event of November 2020 is there");
    await visitor.goto(`${ctx.base}/events/${demo.id}`);
    await visitor.locator(`a[href="/events/${demo.id}/report"]`).first().click();
    await visitor.waitForURL(`**/events/${demo.id}/report`);
    await visitor.locator('[data-figure="participants"]').waitFor();
    assert.equal(await figure(visitor, "participants"), "40");
    assert.equal(await figure(visitor, "countries"), "18");
    assert.equal(await figure(visitor, "youth"), "30%");
    assert.match(
      (await visitor.locator(".news-text").textContent()) ?? "",
      /40 participants from 18 countries/,
    );
    await both(visitor, "outcomes-11-report-demo-en");

    // ---------------------------------------------------------------- breakout groups for the demo's breakout session
    await staff.goto(`${ctx.base}/admin/events/${demo.id}/breakouts`);
    await staff.locator("#breakouts-session").waitFor();
    const breakoutSession = (await call("GET", `/api/events/${demo.id}`)).sessions.find(
      (s: { type: string }) => s.type === "breakout",
    );
    assert.equal(await staff.locator("#breakouts-session").inputValue(), breakoutSession.id);
    // the demo made groups already: new ones replace them only once confirmed
    const existing = await staff.locator("ol.breakout-groups > li").count();
    await staff.locator("#breakouts-count").fill("5");
    await staff.getByRole("button", { name: existing ? en.breakouts.recreate : en.breakouts.create }).click();
    if (existing) {
      const replace = staff.getByRole("alertdialog");
      await replace.waitFor();
      await staff.locator(".modal:not([data-entering])").waitFor();
      await ctx.check(staff, "outcomes-12-breakouts-replace-dialog-en");
      await replace.getByRole("button", { name: en.breakouts.replace }).click();
      await replace.waitFor({ state: "detached" });
    }
    const groups = staff.locator("ol.breakout-groups > li");
    await staff.waitForFunction(() => document.querySelectorAll("ol.breakout-groups > li").length === 5);
    const score = await figure(staff, "score");
    const random = await figure(staff, "random");
    assert.match(score ?? "", /%$/);
    assert.ok(
      Number.parseInt(score!, 10) >= Number.parseInt(random!, 10),
      `balanced ${score} ≥ random ${random}`,
    );
    await both(staff, "outcomes-13-breakouts-en");

    // move the first member of group 1 to another group, from the keyboard only
    const first = groups.nth(0).locator("li.member").first();
    const moved = ((await first.locator(".person-name").textContent()) ?? "").trim();
    const moveSelect = first.locator("select");
    const moveId = await moveSelect.getAttribute("id");
    await moveSelect.focus();
    await staff.keyboard.press("ArrowDown"); // "Group 2"
    await staff.keyboard.press("Tab");
    await staff.keyboard.press("Enter");
    await groups.nth(1).locator("li.member .person-name").filter({ hasText: moved }).waitFor();
    assert.equal(await groups.nth(0).locator("li.member .person-name").filter({ hasText: moved }).count(), 0);
    await staff.locator(".breakouts-page .live-status").filter({ hasText: moved }).waitFor();
    assert.ok(
      await staff.evaluate((id) => document.activeElement?.id === id, moveId),
      "the keyboard focus follows the person to the new group",
    );

    // the stakeholder's group: a title and the stakeholder as rapporteur
    const personId = (await api(person)("GET", "/api/me")).person.id as string;
    const mineGroup = groups.filter({ has: staff.locator(`#move-${personId}`) });
    const number = Number((await mineGroup.getAttribute("aria-labelledby"))?.match(/group-(\d+)-title/)?.[1]);
    await mineGroup
      .getByLabel(en.breakouts.groupTitleLabel.replace("{{n}}", String(number)))
      .fill("Referral and protection");
    await mineGroup.locator(`#rapporteur-${number}`).selectOption(personId);
    await mineGroup
      .getByRole("button", { name: en.breakouts.saveGroup.replace("{{n}}", String(number)) })
      .click();
    await mineGroup.locator(".tag").filter({ hasText: en.breakouts.rapporteur }).waitFor();
    await mineGroup.locator("h2").filter({ hasText: "Referral and protection" }).waitFor();
    const groupHref = await mineGroup.locator('a[href*="/breakouts/"]').getAttribute("href");
    const groupId = groupHref!.split("/").at(-1)!;

    // ---------------------------------------------------------------- the rapporteur's draft
    await person.goto(`${ctx.base}/events/${demo.id}`);
    await person.locator(`a[href="/events/${demo.id}/breakouts/${groupId}"]`).click();
    await person.waitForURL(`**/breakouts/${groupId}`);
    const draft = person.locator(".draft-editor textarea").first();
    const saving = () =>
      person.waitForResponse((r) => r.url().endsWith(`/draft`) && r.request().method() === "PUT");
    let put = saving();
    await draft.fill("1. Prevent young people from falling victim to organised-crime networks.");
    assert.equal((await put).status(), 200);
    await person.locator(".save-state.save-saved").waitFor();
    await both(person, "outcomes-14-draft-en");
    // another tab saved meanwhile: both texts are shown to merge
    const current = await api(person)("GET", `/api/breakout-groups/${groupId}/draft`);
    await call("PUT", `/api/breakout-groups/${groupId}/draft`, {
      text: `${current.text}\n2. Train police and immigration officials on trafficking.`,
      baseVersion: current.version,
    });
    put = saving();
    await draft.fill(`${current.text}\n2. Protect whistleblowers.`);
    assert.equal((await put).status(), 409);
    await person.locator(".draft-conflict").waitFor();
    assert.equal(await person.locator(".draft-compare textarea").count(), 2);
    await both(person, "outcomes-14-draft-conflict-en");
    await person.getByRole("button", { name: en.draft.combine }).click();
    put = saving();
    await person.getByRole("button", { name: en.draft.keepMine }).click();
    assert.equal((await put).status(), 200);
    await person.locator(".save-state.save-saved").waitFor();
    const merged = await api(person)("GET", `/api/breakout-groups/${groupId}/draft`);
    assert.match(merged.text, /whistleblowers/);
    assert.match(merged.text, /immigration officials/);
    // offline: kept in this browser, sent when back online
    await person.context().setOffline(true);
    await draft.fill(`${merged.text}\n3. Use social media to raise awareness.`);
    await person.locator(".save-state.save-offline").waitFor();
    assert.match(
      (await person.evaluate((k) => localStorage.getItem(k), `untoc.draft.${groupId}`)) ?? "",
      /social media/,
    );
    put = saving();
    await person.context().setOffline(false);
    assert.equal((await put).status(), 200);
    await person.locator(".save-state.save-saved").waitFor();
    assert.match((await api(person)("GET", `/api/breakout-groups/${groupId}/draft`)).text, /social media/);

    // ---------------------------------------------------------------- the participants' directory
    await person.goto(`${ctx.base}/events/${demo.id}/participants`);
    await person.locator("#directory-optin-title").waitFor();
    const join = person.getByRole("button", { name: en.participants.join });
    // the button shows once her choice is known
    await join.or(person.getByRole("button", { name: en.participants.leave })).waitFor();
    if (await join.isVisible()) {
      await join.click();
      await person.getByRole("button", { name: en.participants.leave }).waitFor();
    }
    const cards = person.locator("li.participant-card");
    await cards.first().waitFor();
    const other = cards
      .filter({ has: person.getByRole("button", { name: new RegExp(en.participants.ask) }) })
      .first();
    const otherName = ((await other.locator("h3").textContent()) ?? "").trim();
    await other.getByRole("button", { name: new RegExp(en.participants.ask) }).click();
    const ask = person.getByRole("dialog");
    await ask.locator("#contact-message").fill("We work on the same migration routes.");
    await ctx.check(person, "outcomes-15-participants-ask-en");
    await ask.getByRole("button", { name: en.participants.send }).click();
    await ask.waitFor({ state: "detached" });
    await cards.filter({ hasText: otherName }).getByText(en.participants.pendingSent).waitFor();
    assert.equal(await cards.locator('a[href^="mailto:"]').count(), 0, "no e-mail address before acceptance");
    await both(person, "outcomes-15-participants-en");

    // ---------------------------------------------------------------- the check-in page of a QR code
    await staff.goto(`${ctx.base}/checkin/NOTATOKEN0000000000`);
    await staff.locator("#desk-event").selectOption(eventId);
    await staff.locator("#desk-session").selectOption(session2.id);
    await staff.getByRole("button", { name: en.checkin.submit }).click();
    await staff.locator(".notice-error").filter({ hasText: en.checkin.unknownCode }).waitFor();
    await both(staff, "outcomes-16-checkin-page-en");

    // ---------------------------------------------------------------- the same pages in Arabic
    await ctx.switchLanguage(staff, "ar");
    assert.equal(await staff.evaluate(() => document.documentElement.dir), "rtl");
    await staff.goto(`${ctx.base}/admin/events/${eventId}/attendance`);
    await staff.locator("main h1").filter({ hasText: ar.eventNav.attendance }).waitFor();
    await both(staff, "outcomes-20-attendance-ar");
    await staff.goto(`${ctx.base}/admin/events/${eventId}/feedback`);
    await staff.locator("main h1").filter({ hasText: ar.eventNav.feedback }).waitFor();
    await both(staff, "outcomes-21-feedback-results-ar");
    await staff.goto(`${ctx.base}/admin/events/${demo.id}/breakouts`);
    await staff.locator("ol.breakout-groups > li").first().waitFor();
    await both(staff, "outcomes-22-breakouts-ar");
    await staff.goto(`${ctx.base}/events/${demo.id}/report`);
    await staff.locator('[data-figure="participants"]').waitFor();
    await staff.locator(".news-text[lang=ar]").waitFor();
    await both(staff, "outcomes-23-report-demo-ar");
    await staff.goto(`${ctx.base}/checkin/NOTATOKEN0000000000`);
    await staff.locator("#desk-session").waitFor();
    await both(staff, "outcomes-24-checkin-page-ar");

    await ctx.switchLanguage(person, "ar");
    await person.goto(`${ctx.base}/me/events`);
    await person.locator(".certificate-box").first().waitFor();
    await both(person, "outcomes-25-my-events-ar");
    await person.goto(`${ctx.base}/events/${eventId}/feedback`);
    await person.locator(".notice").filter({ hasText: ar.feedback.already }).waitFor();
    await both(person, "outcomes-26-feedback-ar");
    await person.goto(`${ctx.base}/events/${demo.id}/participants`);
    await person.locator("li.participant-card").first().waitFor();
    await both(person, "outcomes-27-participants-ar");
    await person.goto(`${ctx.base}/events/${demo.id}/breakouts/${groupId}`);
    await person.locator(".save-state").waitFor();
    await both(person, "outcomes-28-draft-ar");

    await ctx.switchLanguage(visitor, "ar");
    await visitor.goto(`${ctx.base}/verify/${code}`);
    await visitor.locator(".verify-result").filter({ hasText: ar.verify.valid }).waitFor();
    await both(visitor, "outcomes-29-verify-ar");
    await visitor.goto(`${ctx.base}/events/${eventId}/report`);
    await visitor.locator('[data-figure="participants"]').waitFor();
    await both(visitor, "outcomes-30-report-ar");
    return { staffEmail: STAFF.email, staffSecret };
  } catch (err) {
    await shootAll("outcomes");
    throw err;
  } finally {
    await closeAll();
  }
}
