/**
 * Browser journey from a breakout group to a public answer. The secretariat opens the breakout
 * groups of the reference-case training (November 2020); a participant — the rapporteur of her
 * group — goes from her group's page to the submission form, sees that similar recommendations
 * exist while typing, gets field errors for an empty title, and submits an anonymous
 * recommendation whose text she formats in the rich-text editor (bold with Ctrl+B, a bulleted list
 * from the toolbar, a link added with the keyboard only — a javascript: address refused) and whose
 * rationale carries script and markup (sanitised by the server, inert in the page); a visitor sees
 * it on the tracker and its page, with its <strong>, <li> and link, without her name or
 * organisation. A confidential one is absent from the public tracker, search, statistics and CSV
 * export. The secretariat triages it: assigns it to herself, then to a colleague picked by name,
 * adds a note, answers with a template (accepted, published now), adds a follow-up action with a
 * milestone and deletes the template after confirming; the tracker shows it answered with its
 * progress; the participant sees the
 * notification under the bell and sets her notification preferences. Every new page is checked with
 * axe at 1280 and 390 px, in English and Arabic (screenshots/e2e/recs-*.png).
 *
 * run.ts owns the server, the browser and the helpers; it calls `recommendationsJourney(ctx)` after
 * the event outcomes journey, which made the demo's groups and gives the secretariat account's
 * two-step secret.
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
import { journeyKit } from "./kit.ts";

export interface RecommendationsJourneyContext extends EventsJourneyContext {
  /** A secretariat account with two-step verification on, and its secret. */
  staffEmail: string;
  staffSecret: string;
}

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `src/web/i18n/locales/${lang}.json`), "utf8"));
const en = locale("en");
const ar = locale("ar");

/** The demo's member account: a participant of the 2020 training and rapporteur of her group. */
const PERSON = reference.people.find((p) => p.key === "p-01")!;
const PERSON_ORG = reference.organizations.find((o: { key: string }) => o.key === PERSON.organization) as
  | { name?: string; names?: Record<string, string> }
  | undefined;
const DEMO_TITLE = reference.event.title.en;
const LINK = "https://www.unodc.org/unodc/en/organized-crime/intro/UNTOC.html";

const XSS = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`;

export async function recommendationsJourney(ctx: RecommendationsJourneyContext) {
  const run = Date.now().toString(36);
  const TITLE = `Protect <b>whistleblowers</b> who report trafficking ${run}`;
  const TITLE_TEXT = `Protect whistleblowers who report trafficking ${run}`;
  const SECRET_TITLE = `Confidential channel for survivors ${run}`;
  const { open, both, api, shootAll, closeAll } = journeyKit(ctx, {
    locale: "en-GB",
    timezoneId: "Europe/Vienna",
    acceptDownloads: true,
  });
  /** A dialog has finished its entrance (its fade would lower the measured contrast). */
  const settled = (page: Page) =>
    page.waitForFunction(
      () =>
        !document.querySelector(".modal[data-entering]") &&
        document.getAnimations().every((a) => a.playState !== "running"),
    );
  const noXss = async (page: Page, where: string) => {
    const value = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    assert.equal(value, undefined, `script ran on ${where}`);
    assert.equal(await page.locator("main .rich-text script, main .rich-text img").count(), 0, where);
  };

  try {
    // ---------------------------------------------------------------- the secretariat and the demo's groups
    const staff = await open();
    await staff.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(staff, ctx.staffEmail, DEMO_PASSWORD, () => totp(ctx.staffSecret));
    await ctx.switchLanguage(staff, "en");
    const call = api(staff);
    const past = await call("GET", "/api/events?when=past&pageSize=100");
    const demo = past.items.find(
      (e: { title: Record<string, { value: string }> }) => e.title.en?.value === DEMO_TITLE,
    );
    assert.ok(demo, "the demo event of November 2020 is there");
    await staff.goto(`${ctx.base}/admin/events/${demo.id}/breakouts`);
    await staff.locator("ol.breakout-groups > li").first().waitFor();
    assert.ok((await staff.locator("ol.breakout-groups > li").count()) >= 2, "the demo's groups exist");

    // ---------------------------------------------------------------- a participant writes from her group
    const person = await open();
    await person.goto(`${ctx.base}/sign-in`);
    await ctx.signIn(person, PERSON.email, DEMO_PASSWORD);
    // another journey left her account (and so the interface) in Arabic
    await api(person)("PATCH", "/api/me/locale", { locale: "en" });
    await ctx.switchLanguage(person, "en");
    await person.goto(`${ctx.base}/events/${demo.id}`);
    await person.locator(`a[href="/recommendations/new?eventId=${demo.id}"]`).waitFor();
    const groupLink = person.locator(`a[href^="/events/${demo.id}/breakouts/"]`).first();
    await groupLink.click();
    await person.waitForURL(`**/events/${demo.id}/breakouts/**`);
    const groupId = new URL(person.url()).pathname.split("/").pop()!;
    await person.getByRole("link", { name: en.recs.submitFromGroup }).click();
    await person.waitForURL(/\/recommendations\/new\?/);
    assert.equal(new URL(person.url()).searchParams.get("groupId"), groupId);
    await person.locator("form.rec-form").waitFor();
    assert.equal(await person.locator("#rec-eventId").inputValue(), demo.id, "the event is pre-filled");

    // an empty title is refused with the error at the field
    await person.locator('form.rec-form button[type="submit"]').click();
    await person.locator(".error-summary").waitFor();
    await person.locator("#rec-title-error, #rec-text-error").first().waitFor();
    assert.equal(await person.locator("#rec-title").getAttribute("aria-invalid"), "true");

    // similar ones are shown while typing
    await person
      .locator("#rec-text")
      .fill("Prevent young people from falling victim to organised-crime networks and scam recruitment");
    await person.locator(".rec-similar").getByText(en.recs.similarTitle).waitFor();
    await both(person, "recs-01-new-similar-en");

    await person.locator("#rec-title").fill(TITLE);
    // the text in the rich-text editor: bold with Ctrl+B, a bulleted list from the toolbar
    const editor = person.locator("#rec-text");
    assert.equal(await editor.getAttribute("role"), "textbox");
    assert.equal(await editor.getAttribute("aria-multiline"), "true");
    const toolbar = person.getByRole("toolbar");
    const tool = (name: string) => toolbar.getByRole("button", { name, exact: true });
    /** Waits for a toolbar toggle to say it is on (or off). */
    const pressed = (name: string, on: boolean) =>
      tool(name)
        .and(toolbar.locator(`[aria-pressed="${on}"]`))
        .waitFor();
    await editor.fill("");
    await editor.click();
    await person.keyboard.type("States parties should protect ");
    await person.keyboard.press("Control+B");
    await pressed(en.editor.bold, true);
    await person.keyboard.type("whistleblowers and migrants");
    await person.keyboard.press("Control+B");
    await person.keyboard.type(" who report trafficking, with:");
    await pressed(en.editor.bold, false);
    await person.keyboard.press("Enter");
    await tool(en.editor.bulletList).click();
    await pressed(en.editor.bulletList, true);
    await person.keyboard.type("safe reporting channels");
    await person.keyboard.press("Enter");
    await person.keyboard.type("protection from retaliation");
    await person.keyboard.press("Enter");
    await person.keyboard.press("Enter"); // an empty item ends the list
    await pressed(en.editor.bulletList, false);
    await person.keyboard.type("See the UNTOC");
    // a link with the keyboard only: select the word, Shift+Tab to the toolbar (one tab stop), End
    for (let i = 0; i < "UNTOC".length; i++) await person.keyboard.press("Shift+ArrowLeft");
    await person.keyboard.press("Shift+Tab");
    assert.equal(
      await person.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null),
      true,
      "Shift+Tab from the text reaches the toolbar",
    );
    await person.keyboard.press("End");
    assert.equal(await tool(en.editor.link).evaluate((b) => b === document.activeElement), true);
    await person.keyboard.press("Enter");
    const linkDialog = person.getByRole("dialog");
    await linkDialog.locator("#rec-text-link-href").fill("javascript:alert(1)");
    await person.keyboard.press("Enter");
    await linkDialog
      .locator("#rec-text-link-href-error")
      .filter({ hasText: en.editor.linkInvalid })
      .waitFor();
    await settled(person);
    await ctx.check(person, "recs-01-link-dialog-en");
    await linkDialog.locator("#rec-text-link-href").fill(LINK);
    await person.keyboard.press("Enter");
    await linkDialog.waitFor({ state: "detached" });
    // the selected word became the link
    await editor
      .locator(`a[href="${LINK}"]`)
      .filter({ hasText: /^UNTOC$/ })
      .waitFor();
    assert.equal(await editor.locator("a").count(), 1);
    assert.equal(
      await person.evaluate(() => document.activeElement?.id),
      "rec-text",
      "focus is back in the text after the link",
    );
    // a drop brings the text only, where it is dropped — not the markup of the page it comes from
    const dropped = await person.evaluateHandle(() => {
      const data = new DataTransfer();
      data.setData(
        "text/html",
        '<table><tr><td><img src="x" onerror="alert(1)"><i>Dropped</i></td></tr></table>',
      );
      data.setData("text/plain", "Dropped: ");
      return data;
    });
    const box = (await editor.boundingBox())!;
    await editor.dispatchEvent("drop", { dataTransfer: dropped, clientX: box.x + 4, clientY: box.y + 4 });
    await person.waitForFunction(() =>
      document.querySelector("#rec-text")?.textContent?.startsWith("Dropped: "),
    );
    assert.equal(await editor.locator("img, table").count(), 0, "no markup from a drop");
    assert.equal(
      await editor.locator("i, em").filter({ hasText: "Dropped" }).count(),
      0,
      "no formatting from a drop",
    );
    await person.locator("#rec-rationale").fill(`Reporting is dangerous without protection.\n\n${XSS}`);
    await both(person, "recs-01-new-editor-en");
    await person.locator('#rec-protection input[value="anonymous"]').check();
    await person.locator('#rec-addressedActors input[type="checkbox"]').first().check();
    await person.locator("#rec-themes").fill("Protection, Whistleblowers");
    await person.locator("#rec-articles").fill("UNTOC:24, TIP:6");
    await person.locator("#rec-sdgTargets").fill("16.2");
    await person.locator('form.rec-form button[type="submit"]').click();
    await person.waitForURL(/\/recommendations\/[0-9a-f-]{36}$/);
    const recId = new URL(person.url()).pathname.split("/").pop()!;
    await person.locator("main h1").filter({ hasText: TITLE_TEXT }).waitFor();
    await noXss(person, "the new recommendation's page");
    const text = person.locator('section[aria-labelledby="rec-text-title"] .rich-text').first();
    await text.locator("strong").filter({ hasText: "whistleblowers and migrants" }).waitFor();
    assert.ok(!(await person.locator("main h1").innerHTML()).includes("<b>"), "markup in the title is text");
    await both(person, "recs-02-page-author-en");

    // a confidential one: never public
    const secret = await api(person)("POST", "/api/recommendations", {
      title: { en: SECRET_TITLE },
      text: { en: `<p>A confidential referral channel for survivors ${run}.</p>` },
      originalLang: "en",
      eventId: demo.id,
      protection: "confidential",
    });

    // ---------------------------------------------------------------- a visitor (signed out)
    const visitor = await open();
    await visitor.goto(`${ctx.base}/recommendations/${recId}`);
    await visitor.locator("main h1").filter({ hasText: TITLE_TEXT }).waitFor();
    await noXss(visitor, "the public recommendation page");
    const main = ((await visitor.locator("main").textContent()) ?? "").toLowerCase();
    assert.ok(
      !main.includes((PERSON.familyName ?? "Wongsakul").toLowerCase()),
      "her name is not on the public page",
    );
    const orgName = PERSON_ORG?.name ?? PERSON_ORG?.names?.en ?? "";
    if (orgName) assert.ok(!main.includes(orgName.toLowerCase()), "her organisation is not on the page");
    await visitor.locator(".rec-author").filter({ hasText: en.recs.anonymous }).waitFor();
    // the formatting written in the editor reaches the public page
    const publicText = visitor.locator('section[aria-labelledby="rec-text-title"] .rich-text').first();
    const html = await publicText.innerHTML();
    assert.ok(html.includes("<strong>whistleblowers and migrants</strong>"), `bold text: ${html}`);
    assert.deepEqual(await publicText.locator("ul > li").allTextContents(), [
      "safe reporting channels",
      "protection from retaliation",
    ]);
    const publicLink = publicText.locator(`a[href="${LINK}"]`);
    assert.equal(await publicLink.textContent(), "UNTOC");
    assert.equal(await publicLink.getAttribute("rel"), "noopener noreferrer nofollow");
    await both(visitor, "recs-03-page-public-en");

    await visitor.goto(`${ctx.base}/recommendations`);
    await visitor.locator("li.rec-card").first().waitFor();
    await visitor.locator(".rec-stats .stat").first().waitFor();
    await both(visitor, "recs-04-tracker-en");
    await visitor.goto(`${ctx.base}/recommendations?q=${run}`);
    await visitor.waitForFunction(() => document.querySelectorAll("li.rec-card").length === 1);
    await visitor.locator("li.rec-card").filter({ hasText: TITLE_TEXT }).waitFor();
    assert.equal(await visitor.locator("li.rec-card").filter({ hasText: SECRET_TITLE }).count(), 0);
    await noXss(visitor, "the tracker");
    const csv = await visitor.evaluate(async () => {
      const a = document.querySelector<HTMLAnchorElement>('a[data-format="csv"]');
      return a ? (await fetch(a.href)).text() : "";
    });
    assert.ok(csv.includes(TITLE_TEXT), "the CSV export of the search has the anonymous one");
    assert.ok(!csv.includes(SECRET_TITLE), "the confidential one is not exported");
    const fullCsv = await visitor.evaluate(async () =>
      (await fetch("/api/recommendations/export?format=csv")).text(),
    );
    assert.ok(!fullCsv.includes(SECRET_TITLE) && !fullCsv.includes(secret.id), "nor in the full export");
    const found = await visitor.evaluate(
      async (q) => (await fetch(`/api/recommendations?q=${encodeURIComponent(q)}`)).json(),
      SECRET_TITLE,
    );
    assert.equal(found.total, 0, "search does not find the confidential one");
    const hidden = await visitor.evaluate(
      async (id) => (await fetch(`/api/recommendations/${id}`)).status,
      secret.id,
    );
    assert.equal(hidden, 404, "its page does not exist for the public");

    // ---------------------------------------------------------------- the secretariat answers with a template
    const TEMPLATE = `Accepted for the training programme ${run}`;
    await call("POST", "/api/answer-templates", {
      name: TEMPLATE,
      status: "accepted",
      text: {
        en: "UNODC accepts this recommendation and will include it in the training of practitioners in the region.",
      },
    });
    await staff.goto(`${ctx.base}/admin/recommendations?q=${run}`);
    const row = staff.locator("table.triage-table tbody tr").filter({ hasText: TITLE_TEXT });
    await row.waitFor();
    // the confidential one is in the secretariat's queue
    await staff.locator("table.triage-table tbody tr").filter({ hasText: SECRET_TITLE }).waitFor();
    await both(staff, "recs-05-triage-en");
    await row.locator('input[type="checkbox"]').check();
    await staff.getByRole("button", { name: /Answer the selected ones \(1\)/ }).click();
    const bulk = staff.getByRole("dialog");
    await bulk.locator("#bulk-template").waitFor();
    await settled(staff);
    await ctx.check(staff, "recs-05-bulk-dialog-en");
    await bulk.getByRole("button", { name: en.common.cancel }).click();
    await bulk.waitFor({ state: "detached" });
    await row.locator("a").click();
    await staff.waitForURL(`**/admin/recommendations/${recId}`);
    await staff.locator("#answer-template").waitFor();
    await staff.getByRole("button", { name: en.triage.assignMe }).click();
    await staff.locator(".assignee").filter({ hasText: en.triage.assignedToMe }).waitFor();
    // then to a colleague, picked by name among the secretariat and admins
    const COLLEAGUE = reference.secretariat.find(
      (s) => s.role === "secretariat" && s.email !== ctx.staffEmail,
    )!;
    const ME = reference.secretariat.find((s) => s.email === ctx.staffEmail)!;
    const options = await staff.locator("#assign-assignedTo option").allTextContents();
    assert.equal(options[0], en.triage.assignNobody, "nobody comes first");
    const names = reference.secretariat
      .map((s) => (s.email === ctx.staffEmail ? en.triage.assigneeYou.replace("{{name}}", s.name) : s.name))
      .sort((a, b) => a.localeCompare(b, "en"));
    assert.deepEqual(
      options.slice(1).filter((o) => names.includes(o)),
      names,
      "every member of the secretariat and admin, by name",
    );
    await staff.locator("#assign-assignedTo").selectOption({ label: COLLEAGUE.name });
    await staff.getByRole("button", { name: en.triage.assign, exact: true }).click();
    await staff.locator(".assignee").filter({ hasText: COLLEAGUE.name }).waitFor();
    await staff
      .locator(".live-status")
      .filter({ hasText: en.triage.assignedDone.replace("{{name}}", COLLEAGUE.name) })
      .waitFor();
    assert.ok(!((await staff.locator(".assignee").textContent()) ?? "").includes(ME.name));
    // the queue filters by that colleague, picked by name (oneself is "me", not a name)
    await staff.goto(`${ctx.base}/admin/recommendations?q=${run}`);
    await row.waitFor();
    assert.equal(await staff.locator("#triage-assigned option").filter({ hasText: ME.name }).count(), 0);
    await staff.locator("#triage-assigned").selectOption({ label: COLLEAGUE.name });
    await staff.waitForURL((u) => u.searchParams.get("assigned") !== null);
    await row.waitFor();
    await staff.locator("#triage-assigned").selectOption("none");
    await row.waitFor({ state: "detached" });
    await staff.goto(`${ctx.base}/admin/recommendations/${recId}`);
    await staff.locator("#answer-template").waitFor();
    await staff.locator("#note-text").fill(`Check with the Protocol team, @${ctx.staffEmail}`);
    await staff.getByRole("button", { name: en.triage.addNoteButton }).click();
    await staff.locator(".comments li").first().waitFor();
    await staff.locator("#answer-template").selectOption({ label: TEMPLATE });
    assert.match(await staff.locator("#answer-rationale").inputValue(), /UNODC accepts/);
    assert.equal(await staff.locator("#answer-status").inputValue(), "accepted");
    await staff.locator('#answer-publish input[value="now"]').check();
    await both(staff, "recs-06-admin-answer-en");
    await staff.getByRole("button", { name: en.triage.answerButton }).click();
    await staff.locator(".live-status").filter({ hasText: en.triage.answerPublished }).waitFor();

    // a follow-up action with a milestone
    await staff.getByRole("button", { name: en.triage.addAction }).click();
    await staff
      .locator("#action-new-title")
      .fill("Module on whistleblower protection in the regional training");
    await staff.locator("#action-new-owner").fill("UNODC Regional Office for Southeast Asia and the Pacific");
    await staff.locator("#action-new-progress").fill("40");
    await staff.locator("#action-new-status").selectOption("in_progress");
    await staff.getByRole("button", { name: en.triage.addMilestone }).click();
    await staff.locator("#action-new-m0-title").fill("Module drafted");
    await staff.locator("#action-new-m0-done").check();
    await staff.getByRole("button", { name: en.triage.addActionButton }).click();
    await staff.locator(".actions-editor .editor-item").first().waitFor();
    await both(staff, "recs-07-admin-actions-en");

    // the template is deleted, after a confirmation
    await staff.locator(".template-manage > summary").click();
    const deleteButton = staff.getByRole("button", {
      name: en.triage.deleteTemplateNamed.replace("{{name}}", TEMPLATE),
    });
    await deleteButton.waitFor();
    await both(staff, "recs-07-admin-templates-en");
    await deleteButton.click();
    const confirmDelete = staff.getByRole("alertdialog");
    await confirmDelete.getByText(en.triage.deleteTemplateConfirm.replace("{{name}}", TEMPLATE)).waitFor();
    await settled(staff);
    await ctx.check(staff, "recs-07-delete-template-dialog-en");
    await confirmDelete.getByRole("button", { name: en.triage.deleteTemplateButton }).click();
    await confirmDelete.waitFor({ state: "detached" });
    await staff
      .locator(".live-status")
      .filter({ hasText: en.triage.templateDeleted.replace("{{name}}", TEMPLATE) })
      .waitFor();
    assert.equal(await deleteButton.count(), 0, "the template is no longer listed");
    assert.equal(await staff.locator("#answer-template option").filter({ hasText: TEMPLATE }).count(), 0);
    assert.equal(await staff.evaluate(() => document.activeElement?.tagName), "SUMMARY", "focus stays near");
    const templatesLeft = await call("GET", "/api/answer-templates");
    assert.ok(!templatesLeft.some((x: { name: string }) => x.name === TEMPLATE), "deleted on the server");

    await staff.goto(`${ctx.base}/admin/recommendations/clusters`);
    await staff.locator("main h1").filter({ hasText: en.clusters.title }).waitFor();
    await both(staff, "recs-08-clusters-en");

    // the direct invitation dialog of the applicants page: an organisation, then its members
    await staff.goto(`${ctx.base}/admin/events/${demo.id}/applicants`);
    await staff.getByRole("button", { name: en.invite.open }).click();
    const invite = staff.getByRole("dialog");
    await invite.locator("#invite-org-q").fill("Tonle Youth");
    await invite.getByRole("button", { name: en.directory.searchButton }).click();
    await staff.waitForFunction(
      () => (document.querySelector("#invite-org")?.querySelectorAll("option").length ?? 0) > 1,
    );
    await invite.locator("#invite-org").selectOption({ index: 1 });
    await staff.waitForFunction(
      () => (document.querySelector("#invite-person")?.querySelectorAll("option").length ?? 0) > 1,
    );
    await settled(staff);
    await ctx.check(staff, "recs-12-invite-dialog-en");
    await invite.getByRole("button", { name: en.common.cancel }).click();
    await invite.waitFor({ state: "detached" });

    // ---------------------------------------------------------------- the public tracker shows the answer
    await visitor.goto(`${ctx.base}/recommendations?q=${run}`);
    const card = visitor.locator("li.rec-card").filter({ hasText: TITLE_TEXT });
    // answered (accepted); an action under way moves it on to "in progress"
    await card
      .locator(".badge")
      .filter({ hasText: new RegExp(`^(${en.recStatus.accepted}|${en.recStatus.in_progress})$`) })
      .waitFor();
    await card.getByText(en.recs.answeredOn.replace("{{date}}", "")).waitFor();
    await card.locator(".rec-progress-text").filter({ hasText: "40%" }).waitFor();
    await both(visitor, "recs-09-tracker-answered-en");
    await card.locator("a").first().click();
    await visitor.waitForURL(`**/recommendations/${recId}`);
    await visitor.locator(".rec-answer .rich-text").filter({ hasText: "UNODC accepts" }).waitFor();
    await visitor.locator(".rec-actions .milestones li").filter({ hasText: "Module drafted" }).waitFor();
    await visitor
      .locator(".rec-timeline li")
      .filter({ hasText: en.recTimeline.answer.replace("{{status}}", en.recStatus.accepted) })
      .waitFor();
    await noXss(visitor, "the answered recommendation");
    await both(visitor, "recs-10-page-answered-en");

    // ---------------------------------------------------------------- her notification
    await person.goto(`${ctx.base}/recommendations/${recId}`);
    const bell = person.locator("a.notification-bell");
    await person.waitForFunction(() =>
      /[1-9]/.test(document.querySelector("a.notification-bell")?.getAttribute("aria-label") ?? ""),
    );
    await bell.click();
    await person.waitForURL("**/me/notifications");
    const item = person.locator(".notification-list li").filter({ hasText: TITLE_TEXT });
    await item.waitFor();
    assert.match((await bell.getAttribute("aria-label")) ?? "", /[1-9]/, "the bell says how many are unread");
    await both(person, "recs-11-notifications-en");
    await person.getByRole("button", { name: en.notifications.markAllRead }).click();
    await person.locator(".live-status").filter({ hasText: en.notifications.allRead }).waitFor();
    await person.goto(`${ctx.base}/me/security`);
    const prefs = person.locator("#notification-preferences-card");
    await prefs.waitFor();
    await prefs
      .getByRole("checkbox", {
        name: `${en.notifications.kind_recommendation_progress} ${en.notifications.byEmail.toLowerCase()}`,
      })
      .uncheck();
    await prefs.locator(".live-status").filter({ hasText: en.common.saved }).waitFor();
    const saved = await api(person)("GET", "/api/me/notification-preferences");
    assert.ok(
      saved.some((p: { kind: string; email: boolean }) => p.kind === "recommendation.progress" && !p.email),
      "the preference is stored",
    );

    // ---------------------------------------------------------------- the same pages in Arabic
    await ctx.switchLanguage(visitor, "ar");
    await visitor.goto(`${ctx.base}/recommendations`);
    await visitor.locator("main h1").filter({ hasText: ar.recs.title }).waitFor();
    await visitor.locator("li.rec-card").first().waitFor();
    assert.equal(await visitor.evaluate(() => document.documentElement.dir), "rtl");
    await both(visitor, "recs-20-tracker-ar");
    await visitor.goto(`${ctx.base}/recommendations/${recId}`);
    await visitor.locator(".rec-answer .rich-text").waitFor();
    await both(visitor, "recs-21-page-ar");

    await ctx.switchLanguage(person, "ar");
    await person.goto(`${ctx.base}/recommendations/new?eventId=${demo.id}`);
    await person.locator("form.rec-form").waitFor();
    // the editor follows the page direction; its toolbar reads from the right
    const arEditor = person.locator("#rec-text");
    assert.equal(await arEditor.evaluate((e) => getComputedStyle(e).direction), "rtl");
    await arEditor.click();
    await person.keyboard.type("ينبغي للدول الأطراف ");
    await person.keyboard.press("Control+B");
    await person.keyboard.type("حماية المبلغين");
    const arBold = person.getByRole("toolbar").getByRole("button", { name: ar.editor.bold, exact: true });
    await arBold.and(person.locator('[aria-pressed="true"]')).waitFor();
    assert.equal(await arEditor.locator("b, strong").first().textContent(), "حماية المبلغين");
    const [first, second] = await person
      .getByRole("toolbar")
      .getByRole("button")
      .evaluateAll((bs) => bs.slice(0, 2).map((b) => b.getBoundingClientRect().left));
    assert.ok(first > second, "the first button is on the right");
    await both(person, "recs-22-new-ar");
    await person.goto(`${ctx.base}/me/notifications`);
    await person.locator(".notification-list li").first().waitFor();
    await both(person, "recs-23-notifications-ar");
    await api(person)("PATCH", "/api/me/locale", { locale: "en" });

    await ctx.switchLanguage(staff, "ar");
    await staff.goto(`${ctx.base}/admin/recommendations`);
    await staff.locator("table.triage-table tbody tr").first().waitFor();
    await both(staff, "recs-24-triage-ar");
    await staff.goto(`${ctx.base}/admin/recommendations/${recId}`);
    await staff.locator("#answer-template").waitFor();
    await both(staff, "recs-25-admin-ar");
    await ctx.switchLanguage(staff, "en");
  } catch (err) {
    await shootAll("recs");
    throw err;
  } finally {
    await closeAll();
  }
}
