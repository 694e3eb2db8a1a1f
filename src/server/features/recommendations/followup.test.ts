import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../testing.ts";

describe("recommendations: follow-up actions, progress notifications and preferences, answer templates", () => {
  let t: TestApp;
  let staff: TestUser;
  let author: TestUser;
  let endorser: TestUser;
  let recId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    author = await t.user({ name: "Author Person" });
    endorser = await t.user({ name: "Endorser Person" });
    const r = await t.app.inject({
      method: "POST",
      url: "/api/recommendations",
      headers: author.auth,
      payload: {
        title: { en: "Train judges on trafficking cases" },
        text: { en: "<p>Judges should be trained.</p>" },
        originalLang: "en",
        themes: ["Capacity building"],
        protection: "public",
      },
    });
    recId = r.json().id;
    await t.app.inject({
      method: "POST",
      url: `/api/recommendations/${recId}/endorse`,
      headers: endorser.auth,
      payload: {},
    });
    await t.app.inject({
      method: "POST",
      url: `/api/recommendations/${recId}/answer`,
      headers: staff.auth,
      payload: { status: "accepted", rationale: { en: "Yes." } },
    });
  });
  afterAll(() => t.close());

  const call = (
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    user: TestUser | null,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: user?.auth ?? {}, payload: payload as object });

  it("tracks actions publicly, moves the status along, and tells followers as they chose", async () => {
    // The endorser wants progress in the app only.
    const pref = await call("PUT", "/api/me/notification-preferences", endorser, {
      kind: "recommendation.progress",
      email: false,
      inApp: true,
    });
    expect(pref.json()).toEqual([{ kind: "recommendation.progress", email: false, inApp: true }]);
    expect(
      (
        await call("POST", `/api/recommendations/${recId}/actions`, author, {
          title: { en: "x" },
          owner: "UNODC",
        })
      ).statusCode,
    ).toBe(403);
    const added = await call("POST", `/api/recommendations/${recId}/actions`, staff, {
      title: { en: "Regional judicial training" },
      owner: "UNODC Global Programme against Trafficking in Persons",
      dueDate: "2027-06-30",
      progress: 30,
      status: "in_progress",
      milestones: [
        { title: "Curriculum", due: "2027-01-31", done: true },
        { title: "First session", due: "2027-04-30" },
      ],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().progress).toBe(30);
    const pub = (await call("GET", `/api/recommendations/${recId}`, null)).json();
    expect(pub.status).toBe("in_progress");
    expect(pub.timeline.map((h: { kind: string }) => h.kind)).toEqual(["created", "answer", "progress"]);
    const actions = (await call("GET", `/api/recommendations/${recId}/actions`, null)).json();
    expect(actions.actions[0]).toMatchObject({
      owner: "UNODC Global Programme against Trafficking in Persons",
      progress: 30,
    });

    const done = await call("PATCH", `/api/recommendation-actions/${actions.actions[0].id}`, staff, {
      progress: 100,
      status: "done",
    });
    expect(done.json().progress).toBe(100);
    expect((await call("GET", `/api/recommendations/${recId}`, null)).json().status).toBe("implemented");

    const mails = await t.rt.database.db
      .selectFrom("outbox")
      .select(["to_address", "kind"])
      .where("kind", "=", "recommendation.progress")
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual([author.email, author.email]);
    const inbox = (await call("GET", "/api/me/notifications", endorser)).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual([
      "recommendation.progress",
      "recommendation.progress",
      "recommendation.answer",
    ]);
    expect(inbox.unread).toBe(3);
    expect((await call("POST", "/api/me/notifications/read", endorser, {})).json().marked).toBe(3);
    expect((await call("GET", "/api/me/notifications?unread=true", endorser)).json().items).toHaveLength(0);
  });

  it("keeps answer templates for the secretariat", async () => {
    expect((await call("GET", "/api/answer-templates", author)).statusCode).toBe(403);
    const added = await call("POST", "/api/answer-templates", staff, {
      name: "Noted — outside mandate",
      status: "noted",
      text: {
        en: "The secretariat takes note; the matter lies outside its mandate.",
        fr: "Le secrétariat en prend note.",
      },
    });
    expect(added.statusCode).toBe(201);
    const [tpl] = added.json();
    expect(tpl.text.fr.value).toBe("Le secrétariat en prend note.");
    expect((await call("DELETE", `/api/answer-templates/${tpl.id}`, staff)).json()).toEqual([]);
  });

  it("shows progress in the tracker and assigns the queue", async () => {
    const list = (await call("GET", "/api/recommendations", null)).json();
    expect(list.items.find((i: { id: string }) => i.id === recId).progress).toBe(100);
    expect(
      (await call("PATCH", `/api/recommendations/${recId}`, staff, { assignedTo: staff.id })).statusCode,
    ).toBe(200);
    const mine = (await call("GET", "/api/recommendations?assigned=me", staff)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([recId]);
    expect((await call("GET", "/api/recommendations?assigned=none", staff)).json().total).toBe(0);
    // The public cannot filter by assignment (nothing internal leaks through the filter).
    expect((await call("GET", "/api/recommendations?assigned=none", null)).json().total).toBe(1);
  });
});
