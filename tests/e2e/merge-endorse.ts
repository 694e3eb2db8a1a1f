/**
 * Browser journey through two staff and focal-point tasks.
 *
 * Merge: the secretariat finds that an organisation was registered twice and merges the duplicate
 * into the one to keep through the dialog on the duplicate's page (search by name, pending ones
 * included; the confirmation from the keyboard). A merge into an organisation that someone else
 * merged meanwhile shows the server's reason. After the merge the kept organisation's page says so,
 * holds the duplicate's document and the details it lacked; the duplicate's page says where it
 * went, with a link; the public directory lists only the kept one.
 *
 * File question and endorsement: an event asks for a file and needs the endorsement of the
 * applicant's organisation; a new member of the demo's organisation applies with a PDF; its focal
 * point endorses the application on "My organisations"; the secretariat's applicants table shows
 * the endorsement and the detail gives the uploaded file back.
 *
 * The dialog and the merged organisation's page are photographed in English and Arabic at 1280 and
 * 390 px (screenshots/e2e/merge-*.png); every page visited is checked with axe. Set-up that is not
 * what the journey tests (organisations, the event, the new account, the membership) goes through
 * the API. run.ts owns the server, the browser and the helpers; it calls `mergeEndorseJourney(ctx)`.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import reference from "../../src/server/features/demo/reference-case.json" with { type: "json" };
import { DEMO_PASSWORD } from "../../src/server/features/demo/seed.ts";
import { totp } from "../../src/server/testing-totp.ts";
import type { EventsJourneyContext } from "./events-pages.ts";
import { DESKTOP, journeyKit, PHONE } from "./kit.ts";

export interface MergeEndorseContext extends EventsJourneyContext {
  /** The text of the latest mail to `to` in the outbox. */
  waitForMail: (to: string) => Promise<string>;
  /**
   * A secretariat account whose two-step secret is known (another journey set it). Without it
   * (this journey run alone), the first secretariat account turns two-step verification on here.
   */
  staff?: { email: string; secret: string };
}

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `src/web/i18n/locales/${lang}.json`), "utf8"));
const en = locale("en");
const ar = locale("ar");

/** The focal point of the demo's organisation (the demo's stakeholder account). */
const FOCAL = reference.people.find((p) => p.key === "p-01")!;

/** A one-page PDF, enough for the server's sniffing. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** What i18next puts around interpolated names (FSI…PDI) is not in the locale files: drop it. */
const plain = (s: string | null) => (s ?? "").replace(/[\u2068\u2069]/g, "");

export async function mergeEndorseJourney(ctx: MergeEndorseContext) {
  const run = Date.now().toString(36);
  const KEEP = `Mekong Legal Aid Network ${run}`;
  const DUPLICATE = `MLAN Mekong Legal Aid ${run}`;
  const PENDING = `Mekong Legal Aid Cambodia ${run}`;
  const DESCRIPTION = "Free legal advice for migrant workers and survivors of trafficking along the Mekong.";
  const APPLICANT = {
    name: "Nadia Rahman",
    email: `nadia.${run}@lanna-migrant.org.example`,
    password: "Lanna-Migrant-2024!",
  };
  const TITLE = `Regional workshop on legal aid for victims ${run}`;
  const QUESTION = "Your organisation's statute or registration (PDF or image)";
  const { open, both, api, shootAll, closeAll } = journeyKit(ctx, {
    locale: "en-GB",
    timezoneId: "Asia/Bangkok",
  });
  /** A dialog has finished its entrance (its fade would lower the measured contrast). */
  const settled = (page: Page) =>
    page.waitForFunction(
      () =>
        !document.querySelector(".modal[data-entering]") &&
        document.getAnimations().every((a) => a.playState !== "running"),
    );
  /**
   * The whole dialog in one picture (a full-page capture shows only the part of a fixed dialog in
   * the viewport): the viewport is made as tall as the dialog for the shot, then restored.
   */
  const shootDialog = async (page: Page, name: string) => {
    const size = page.viewportSize()!;
    const height = await page.locator(".modal").evaluate((m) => m.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 64) });
    await settled(page);
    await page.screenshot({ path: join(ROOT, "screenshots", "e2e", `${name}.png`), animations: "disabled" });
    await page.setViewportSize(size);
  };
  const focusIsIn = (page: Page, selector: string) =>
    page.evaluate((s) => !!document.activeElement?.closest(s), selector);

  try {
    // ---------------------------------------------------------------- set-up: the secretariat and the organisations
    const staff = await open();
    await staff.goto(`${ctx.base}/sign-in`);
    if (ctx.staff) {
      const { secret } = ctx.staff;
      await ctx.signIn(staff, ctx.staff.email, DEMO_PASSWORD, () => totp(secret));
    } else {
      await ctx.signIn(staff, reference.secretariat[0].email, DEMO_PASSWORD);
      await ctx.enableTwoFactor(staff, DEMO_PASSWORD, "merge-00-staff-security-en");
    }
    await ctx.switchLanguage(staff, "en");
    const call = api(staff);
    const create = async (name: string, extra: Record<string, unknown> = {}) =>
      (
        (await call("POST", "/api/organizations", {
          names: { en: name },
          originalLang: "en",
          type: "ngo",
          country: "THA",
          thematicFocus: ["TIP"],
          ...extra,
        })) as { id: string }
      ).id;
    const keepId = await create(KEEP, { countriesOfOperation: ["LAO"] });
    const duplicateId = await create(DUPLICATE, {
      acronym: "MLAN",
      website: "https://mlan.example.org",
      description: { en: DESCRIPTION },
      countriesOfOperation: ["KHM"],
    });
    const pendingId = await create(PENDING, { type: "academia", country: "KHM" });
    for (const id of [keepId, duplicateId]) await call("POST", `/api/organizations/${id}/verify`, {});
    // the duplicate holds a document, which the merge moves
    const upload = await staff.request.post(`${ctx.base}/api/organizations/${duplicateId}/documents`, {
      headers: { "X-Requested-With": "fetch" },
      multipart: {
        kind: "registration",
        file: { name: "mlan-registration.pdf", mimeType: "application/pdf", buffer: PDF },
      },
    });
    assert.ok(upload.ok(), `document upload → ${upload.status()} ${await upload.text()}`);

    // ---------------------------------------------------------------- the public directory lists both
    const visitor = await open();
    const directorySearch = `${ctx.base}/organizations?q=${encodeURIComponent(`Mekong Legal Aid ${run}`)}`;
    await visitor.goto(directorySearch);
    await visitor.waitForFunction(() => document.querySelectorAll("li.org-card").length === 2);
    await ctx.check(visitor, "merge-01-directory-before-en");

    // ---------------------------------------------------------------- the secretariat merges the duplicate
    await staff.goto(`${ctx.base}/organizations/${duplicateId}`);
    await staff.locator("main h1").filter({ hasText: DUPLICATE }).waitFor();
    await ctx.check(staff, "merge-02-duplicate-en");
    const mergeButton = staff
      .locator(".staff-actions button")
      .filter({ hasText: en.orgMerge.action })
      .first();
    // opened from the keyboard; focus goes into the dialog
    await mergeButton.focus();
    await staff.keyboard.press("Enter");
    const dialog = staff.getByRole("dialog");
    await dialog.waitFor();
    await settled(staff);
    assert.ok(await focusIsIn(staff, '[role="dialog"]'), "focus is in the dialog");
    assert.equal(
      plain(await dialog.locator(".dialog-title").textContent()),
      en.orgMerge.title.replace("{{name}}", DUPLICATE),
    );
    await staff.locator("#merge-search").fill(`Mekong Legal Aid ${run}`);
    await staff.keyboard.press("Enter");
    const keepOption = dialog.getByRole("radio", { name: KEEP });
    const pendingOption = dialog.getByRole("radio", { name: PENDING });
    await keepOption.waitFor();
    await pendingOption.waitFor(); // pending organisations are found too, marked as such
    assert.match(
      (await dialog.locator(`#merge-target-${pendingId}-hint`).textContent()) ?? "",
      new RegExp(escapeRe(en.orgStatus.pending)),
    );
    assert.equal(
      await dialog.getByRole("radio", { name: DUPLICATE }).count(),
      0,
      "the organisation itself is not offered",
    );

    // someone else merges the pending one while this dialog is open: the server's reason is shown
    await pendingOption.check();
    const checkbox = dialog.getByRole("checkbox");
    await checkbox.waitFor();
    await call("POST", `/api/organizations/${pendingId}/merge`, { into: keepId });
    await checkbox.check();
    await dialog.getByRole("button", { name: en.orgMerge.submit, exact: true }).click();
    // (the server's own words, whatever they are: the pending one is now merged)
    await dialog
      .locator(".error-summary")
      .filter({ hasText: /merged/ })
      .waitFor();
    assert.equal(new URL(staff.url()).pathname, `/organizations/${duplicateId}`, "nothing happened");
    await ctx.check(staff, "merge-03-dialog-error-en");

    // searching again: the merged one is gone; the one to keep is chosen, with what the merge does
    await staff.locator("#merge-search").focus();
    await staff.keyboard.press("Enter");
    await pendingOption.waitFor({ state: "detached" });
    await keepOption.focus();
    await staff.keyboard.press("Space");
    assert.ok(await keepOption.isChecked());
    const chosen = dialog.locator(".merge-target");
    await chosen.waitFor();
    assert.equal(await dialog.locator(".error-summary").count(), 0, "the old error is cleared");
    assert.match((await chosen.textContent()) ?? "", new RegExp(escapeRe(KEEP)));
    assert.match((await chosen.textContent()) ?? "", /Thailand/);
    assert.match((await chosen.textContent()) ?? "", new RegExp(escapeRe(en.orgType.ngo)));
    const consequences = plain(await dialog.locator(".notice-warning").textContent());
    assert.ok(consequences.includes(en.orgMerge.irreversible), "says that it cannot be undone");
    assert.ok(
      consequences.includes(
        en.orgMerge.movesMembers.replace("{{name}}", DUPLICATE).replace("{{target}}", KEEP),
      ),
      "says that members and documents move",
    );
    await settled(staff);
    await both(staff, "merge-04-dialog-en");
    await shootDialog(staff, "merge-04-dialog-en-whole");
    await staff.setViewportSize(PHONE);
    await shootDialog(staff, "merge-04-dialog-en-whole-390");
    await staff.setViewportSize(DESKTOP);

    // the confirmation from the keyboard: Merge without ticking the box asks for it
    const submit = dialog.getByRole("button", { name: en.orgMerge.submit, exact: true });
    await submit.focus();
    await staff.keyboard.press("Enter");
    await dialog.locator(".checkbox .field-error").filter({ hasText: en.orgMerge.confirmRequired }).waitFor();
    assert.ok(await checkbox.evaluate((c) => c === document.activeElement), "focus goes to the box");
    assert.equal(await checkbox.getAttribute("aria-invalid"), "true");
    await staff.keyboard.press("Space");
    assert.ok(await checkbox.isChecked());
    await staff.keyboard.press("Tab");
    assert.ok(await submit.evaluate((b) => b === document.activeElement), "Tab reaches the Merge button");
    await staff.keyboard.press("Enter");

    // the kept organisation's page: a notice, the document, the completed details
    await staff.waitForURL(`**/organizations/${keepId}`);
    await staff.locator("main h1").filter({ hasText: KEEP }).waitFor();
    const notice = staff.locator(".notice-success");
    await notice.waitFor();
    assert.equal(plain(await notice.textContent()), en.orgMerge.done.replace("{{name}}", DUPLICATE));
    await staff.waitForFunction(() => document.activeElement?.matches("main h1"));
    await staff.locator("main").getByText(DESCRIPTION).waitFor();
    await staff.locator('main a[href="https://mlan.example.org"]').waitFor();
    await staff.locator("main a").filter({ hasText: "mlan-registration.pdf" }).waitFor();
    await ctx.check(staff, "merge-05-kept-en");

    // the duplicate's page: merged, with a link to the one kept
    await staff.goto(`${ctx.base}/organizations/${duplicateId}`);
    const mergedNotice = staff.locator(".merged-into");
    await mergedNotice.locator(`a[href="/organizations/${keepId}"]`).filter({ hasText: KEEP }).waitFor();
    assert.match(plain(await mergedNotice.textContent()), /merged into/);
    assert.equal(await staff.locator(".staff-actions").count(), 0, "no more actions on a merged record");
    await both(staff, "merge-06-merged-en");
    await mergedNotice.locator("a").click();
    await staff.waitForURL(`**/organizations/${keepId}`);
    await staff.locator("main h1").filter({ hasText: KEEP }).waitFor();

    // the public directory: only the one kept
    await visitor.goto(directorySearch);
    await visitor.locator("li.org-card a").filter({ hasText: KEEP }).waitFor();
    assert.equal(await visitor.locator("li.org-card").count(), 1);
    assert.equal(await visitor.locator("li.org-card").filter({ hasText: DUPLICATE }).count(), 0);
    await ctx.check(visitor, "merge-07-directory-after-en");
    const gone = await visitor.request.get(`${ctx.base}/api/organizations/${duplicateId}`);
    assert.equal(gone.status(), 404, "the merged record is not public");

    // ---------------------------------------------------------------- the same in Arabic
    await ctx.switchLanguage(staff, "ar");
    assert.equal(await staff.evaluate(() => document.documentElement.dir), "rtl");
    const arButton = staff.locator(".staff-actions button").filter({ hasText: ar.orgMerge.action }).first();
    await arButton.focus();
    await staff.keyboard.press("Enter");
    await dialog.waitFor();
    await settled(staff);
    await staff.locator("#merge-search").fill("Lanna Migrant");
    await staff.keyboard.press("Enter");
    await dialog.getByRole("radio").first().check();
    await dialog.locator(".merge-target").waitFor();
    await settled(staff);
    await both(staff, "merge-08-dialog-ar");
    await shootDialog(staff, "merge-08-dialog-ar-whole");
    await staff.setViewportSize(PHONE);
    await shootDialog(staff, "merge-08-dialog-ar-whole-390");
    await staff.setViewportSize(DESKTOP);
    // Escape closes without merging; focus returns to the button
    await staff.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.ok(await arButton.evaluate((b) => b === document.activeElement), "focus returns to the button");
    assert.equal(new URL(staff.url()).pathname, `/organizations/${keepId}`);

    await staff.goto(`${ctx.base}/organizations/${duplicateId}`);
    await mergedNotice.locator(`a[href="/organizations/${keepId}"]`).waitFor();
    assert.ok(plain(await mergedNotice.textContent()).startsWith(ar.orgMerge.mergedInto.split(" <kept>")[0]));
    await both(staff, "merge-09-merged-ar");
    await ctx.switchLanguage(staff, "en");

    // ---------------------------------------------------------------- set-up: an event asking for a file and an endorsement
    const event = await call("POST", "/api/events", {
      type: "workshop",
      format: "online",
      title: { en: TITLE },
      summary: { en: "One morning with legal aid providers from South-East Asia." },
      timeZone: "Asia/Bangkok",
      startDate: isoDay(40),
      endDate: isoDay(40),
      onlineLink: "https://meet.example.org/untoc-legal-aid",
      languages: ["en"],
      target: { regions: ["APG"], countries: [], orgTypes: [] },
      capacity: 20,
      questions: [{ id: "statute", kind: "file", label: { en: QUESTION }, required: true }],
      endorsementRequired: true,
    });
    const eventId = event.id as string;
    for (const status of ["published", "applications_open"])
      await call("PATCH", `/api/events/${eventId}`, { status });

    // a new account that joins the demo's organisation, approved by its focal point
    const applicant = await open();
    await applicant.goto(`${ctx.base}/sign-in`);
    await ctx.ready(applicant);
    const signUp = await applicant.evaluate(async (a) => {
      const r = await fetch("/api/auth/sign-up/email", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Requested-With": "fetch" },
        body: JSON.stringify({ ...a, locale: "en", callbackURL: "/" }),
      });
      return `${r.status} ${await r.text()}`;
    }, APPLICANT);
    assert.match(signUp, /^200 /, `sign-up: ${signUp}`);
    const mail = await ctx.waitForMail(APPLICANT.email);
    const link = mail.match(/https?:\/\/\S+\/api\/auth\/verify-email\?token=\S+/)?.[0];
    assert.ok(link, `a verification link in the mail:\n${mail}`);
    await applicant.goto(link);
    await applicant.waitForURL((u) => !u.pathname.startsWith("/api/"));
    await ctx.ready(applicant);
    const signedIn = await applicant
      .locator(".header-tools button.btn-ghost")
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!signedIn) await ctx.signIn(applicant, APPLICANT.email, APPLICANT.password);
    const lanna = await api(applicant)("GET", `/api/organizations?q=${encodeURIComponent("Lanna Migrant")}`);
    const lannaId = (lanna.items as Array<{ id: string; name: string }>).find((o) =>
      o.name.startsWith("Lanna Migrant"),
    )?.id;
    assert.ok(lannaId, "the demo's organisation is in the directory");
    const request = await api(applicant)("POST", `/api/organizations/${lannaId}/memberships`, {
      message: "Legal officer since 2023.",
    });

    const focal = await open();
    await focal.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(focal, FOCAL.email, DEMO_PASSWORD);
    // another journey may have left her account (and so the interface) in Arabic
    await api(focal)("PATCH", "/api/me/locale", { locale: "en" });
    await ctx.switchLanguage(focal, "en");
    await api(focal)("POST", `/api/memberships/${request.id}/decision`, { decision: "approved" });

    // ---------------------------------------------------------------- the member applies with a file
    await applicant.goto(`${ctx.base}/events/${eventId}/apply`);
    await applicant.locator("form.apply-form").waitFor();
    const org = applicant.locator('#apply-organizationId input[type="radio"]').first();
    if ((await org.count()) && !(await org.isChecked())) await org.check();
    const fileInput = applicant.locator("#apply-answers-statute");
    await fileInput.setInputFiles({ name: "lanna-statute.pdf", mimeType: "application/pdf", buffer: PDF });
    await applicant
      .locator(".field")
      .filter({ has: fileInput })
      .getByRole("status")
      .filter({ hasText: "lanna-statute.pdf" })
      .waitFor();
    await both(applicant, "merge-10-apply-file-en");
    await applicant.locator("#apply-motivation").fill("To share how we represent survivors in court.");
    await applicant.locator("#apply-consent").check();
    await applicant.locator('form.apply-form button[type="submit"]').click();
    await applicant.getByRole("heading", { name: en.apply.doneTitle }).waitFor();
    await ctx.check(applicant, "merge-11-apply-done-en");

    // ---------------------------------------------------------------- the focal point endorses it
    await focal.goto(`${ctx.base}/me/organizations`);
    const requests = focal.locator("section.endorsement-requests");
    const card = requests.locator("li.org-card").filter({ hasText: TITLE });
    await card.filter({ hasText: APPLICANT.name }).waitFor();
    assert.match((await card.locator(".tag").textContent()) ?? "", new RegExp(en.endorsement.requested));
    await both(focal, "merge-12-endorsement-request-en");
    await card
      .getByRole("button", { name: en.endorsementRequests.endorseName.replace("{{name}}", APPLICANT.name) })
      .click();
    await card.locator(".tag").filter({ hasText: en.endorsement.endorsed }).waitFor();
    await requests
      .getByRole("status")
      .filter({ hasText: en.endorsementRequests.endorsedDone.replace("{{name}}", APPLICANT.name) })
      .waitFor();
    assert.equal(await card.getByRole("button").count(), 0, "nothing left to decide");
    await ctx.check(focal, "merge-13-endorsed-en");

    // ---------------------------------------------------------------- the secretariat sees both
    await staff.goto(`${ctx.base}/admin/events/${eventId}/applicants`);
    const row = staff.locator("table.applicants-table tbody tr").filter({ hasText: APPLICANT.name });
    await row.waitFor();
    assert.ok(
      (await row.locator("td").allTextContents()).includes(en.endorsement.endorsed),
      "the endorsement column says endorsed",
    );
    await row.locator("button.row-toggle").click();
    const detail = staff.locator("tr.row-detail");
    await detail.getByText(QUESTION).waitFor();
    const fileLink = detail.getByRole("link", { name: en.applicants.fileAnswer });
    const href = (await fileLink.getAttribute("href")) ?? "";
    assert.match(href, /^\/api\/applications\/[^/]+\/files\/[^/]+$/);
    const file = await staff.request.get(`${ctx.base}${href}`, { headers: { "X-Requested-With": "fetch" } });
    assert.equal(file.status(), 200);
    assert.match(file.headers()["content-type"] ?? "", /application\/pdf/);
    assert.ok(PDF.equals(await file.body()), "the secretariat gets the file as uploaded");
    await both(staff, "merge-14-applicants-en");
  } catch (err) {
    await shootAll("merge-endorse");
    throw err;
  } finally {
    await closeAll();
  }
}
