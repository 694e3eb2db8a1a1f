import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  createTestEvent,
  sampleEvent,
  sampleOrg,
  type TestApp,
  type TestUser,
} from "../../testing.ts";

const AUTHOR_NAME = "Zainab Qureshi-Hidden";
const ORG_NAME = "Secret Shelter Collective";
const CONF = "CONFTOKEN";
const ANON = "ANONTOKEN";

/**
 * Protection levels: a confidential recommendation, and the identity behind an anonymous one,
 * reach nobody but the secretariat (and the author) — not a page, API, export, search, statistic
 * or notification.
 */
describe("recommendations: protection, answers, endorsements, merge, export", () => {
  let t: TestApp;
  let staff: TestUser;
  let author: TestUser;
  let endorser: TestUser;
  let stranger: TestUser;
  let eventId: string;
  let orgId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    author = await t.user({ name: AUTHOR_NAME });
    endorser = await t.user({ name: "Endorsing Person" });
    stranger = await t.user({ name: "Stranger Person" });
    eventId = await createTestEvent(
      t,
      staff,
      sampleEvent({
        title: { en: "Training with recommendations" },
        startDate: "2030-02-01",
        endDate: "2030-02-02",
      }),
    );
    for (const status of ["published", "running"])
      await t.app.inject({
        method: "PATCH",
        url: `/api/events/${eventId}`,
        headers: staff.auth,
        payload: { status },
      });
    for (const [i, u] of [author, endorser].entries()) {
      const o = await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: u.auth,
        payload: sampleOrg({
          names: { en: i === 0 ? ORG_NAME : "Endorser Org" },
          website: `https://r${i}.example`,
          email: `r${i}@x.example`,
        }),
      });
      if (i === 0) orgId = o.json().id;
      const person = await t.rt.database.db
        .selectFrom("person")
        .select("id")
        .where("user_id", "=", u.id)
        .executeTakeFirstOrThrow();
      await t.app.inject({
        method: "POST",
        url: `/api/events/${eventId}/invitations`,
        headers: staff.auth,
        payload: { personId: person.id, organizationId: o.json().id },
      });
    }
  });
  afterAll(() => t.close());

  const call = (method: "GET" | "POST" | "PATCH", url: string, user: TestUser | null, payload?: unknown) =>
    t.app.inject({ method, url, headers: user?.auth ?? {}, payload: payload as object });
  const rec = (over: Record<string, unknown>) => ({
    title: { en: "Protect victims of trafficking" },
    text: { en: "<p>States parties should protect victims of trafficking and consult survivors.</p>" },
    originalLang: "en",
    addressedActors: ["states_parties"],
    themes: ["Victim protection"],
    instruments: ["TIP"],
    articles: ["TIP:6"],
    engagementAreas: ["ADVOCACY"],
    sdgTargets: ["16.2"],
    eventId,
    organizationId: orgId,
    ...over,
  });

  it("takes recommendations from participants only, with their origin and protection", async () => {
    expect(
      (await call("POST", "/api/recommendations", stranger, rec({ organizationId: undefined }))).json().code,
    ).toBe("not_a_participant");
    const cases: Array<[string, Record<string, unknown>]> = [
      ["public", rec({ protection: "public" })],
      [
        "anonymous",
        rec({
          protection: "anonymous",
          title: { en: `${ANON} shelters for survivors` },
          text: { en: `<p>${ANON} text about shelters and survivors of trafficking.</p>` },
        }),
      ],
      [
        "confidential",
        rec({
          protection: "confidential",
          title: { en: `${CONF} reprisals against whistleblowers` },
          text: { en: `<p>${CONF} officials in the border province take bribes from traffickers.</p>` },
        }),
      ],
    ];
    for (const [key, body] of cases) {
      const res = await call("POST", "/api/recommendations", author, body);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    }
  });

  it("strips script from rich text and markup from titles", async () => {
    const res = await call(
      "POST",
      "/api/recommendations",
      author,
      rec({
        title: { en: "<b>Bold</b> <script>alert(1)</script>title" },
        text: {
          en: '<p>ok</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><a href="https://unodc.org">UNODC</a>',
        },
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.title.en.value).toBe("Bold title");
    expect(body.text.en.value).not.toMatch(/script|onerror|javascript|<img/i);
    expect(body.text.en.value).toContain(
      '<a href="https://unodc.org" rel="noopener noreferrer nofollow">UNODC</a>',
    );
  });

  it("keeps the confidential one and the anonymous author out of every public route, search, statistic and export", async () => {
    for (const viewer of [null, stranger, endorser]) {
      const list = await call("GET", "/api/recommendations?pageSize=100", viewer);
      const text = list.body;
      expect(text).not.toContain(CONF);
      expect(text).not.toContain(AUTHOR_NAME);
      expect(text).not.toContain(ORG_NAME);
      expect(list.json().items.map((i: { id: string }) => i.id)).toEqual(
        expect.arrayContaining([ids.public, ids.anonymous]),
      );
      expect((await call("GET", `/api/recommendations/${ids.confidential}`, viewer)).statusCode).toBe(404);
      const anon = await call("GET", `/api/recommendations/${ids.anonymous}`, viewer);
      expect(anon.statusCode).toBe(200);
      expect(anon.json().origin).toMatchObject({ person: null, organization: null, group: null });
      expect(anon.json().origin.event.id).toBe(eventId);
      expect(anon.body).not.toContain(AUTHOR_NAME);
      expect(anon.body).not.toContain(ORG_NAME);
      expect(anon.json().internal).toBeUndefined();
      expect((await call("GET", `/api/recommendations?q=${CONF}`, viewer)).json().total).toBe(0);
      expect((await call("GET", "/api/recommendations?q=bribes", viewer)).json().total).toBe(0);
      expect((await call("GET", `/api/recommendations?protection=confidential`, viewer)).body).not.toContain(
        CONF,
      );
      expect(
        (
          await call(
            "GET",
            `/api/recommendations/similar?text=${encodeURIComponent("officials border province bribes traffickers whistleblowers")}`,
            viewer,
          )
        ).body,
      ).not.toContain(CONF);
      const stats = (await call("GET", "/api/recommendations/stats", viewer)).json();
      expect(stats.total).toBe(3); // public, anonymous, and the sanitised one
      const csv = await call("GET", "/api/recommendations/export?format=csv", viewer);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain(ANON);
      expect(csv.body).not.toContain(CONF);
      expect(csv.body).not.toContain(AUTHOR_NAME);
      expect(csv.body).not.toContain(ORG_NAME);
      const xlsx = await call("GET", "/api/recommendations/export?format=xlsx&groupBy=article", viewer);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as never);
      const cells: string[] = [];
      wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      expect(cells.join(" ")).toContain("TIP:6");
      expect(cells.join(" ")).not.toContain(CONF);
      expect(cells.join(" ")).not.toContain(AUTHOR_NAME);
      expect(
        (await call("POST", `/api/recommendations/${ids.confidential}/endorse`, viewer, {})).statusCode,
      ).toBe(viewer ? 404 : 401);
    }
    // The author and the secretariat see everything.
    const own = (await call("GET", `/api/recommendations/${ids.confidential}`, author)).json();
    expect(own.origin.person.name).toBe(AUTHOR_NAME);
    const forStaff = (await call("GET", `/api/recommendations/${ids.anonymous}`, staff)).json();
    expect(forStaff.origin.organization.name).toBe(ORG_NAME);
    expect((await call("GET", `/api/recommendations?q=${CONF}`, staff)).json().total).toBe(1);
    expect((await call("GET", "/api/recommendations/stats", staff)).json().total).toBe(3);
  });

  it("counts endorsements publicly and shows identities only as endorsers chose", async () => {
    const e = await call("POST", `/api/recommendations/${ids.anonymous}/endorse`, endorser, {
      showIdentity: false,
    });
    expect(e.statusCode).toBe(200);
    expect(
      (await call("POST", `/api/recommendations/${ids.anonymous}/endorse`, endorser, {})).json().code,
    ).toBe("already_endorsed");
    const pub = (await call("GET", `/api/recommendations/${ids.anonymous}`, null)).json();
    expect(pub.endorsements).toBe(1);
    expect(pub.endorsedBy).toEqual([]);
    const st = (await call("GET", `/api/recommendations/${ids.anonymous}`, staff)).json();
    expect(st.endorsedBy.map((x: { name: string }) => x.name)).toEqual(["Endorsing Person"]);
  });

  it("answers now or later; the public sees an answer only once it is published; authors and endorsers are told without naming the author", async () => {
    const now = await call("POST", `/api/recommendations/${ids.public}/answer`, staff, {
      status: "accepted",
      rationale: { en: "UNODC will include this in its training." },
    });
    expect(now.json().status).toBe("accepted");
    expect((await call("GET", `/api/recommendations/${ids.public}`, null)).json().answer.en.value).toContain(
      "UNODC will include",
    );
    const later = await call("POST", `/api/recommendations/${ids.anonymous}/answer`, staff, {
      status: "partially_accepted",
      rationale: { en: "Shelter standards will be discussed with States parties." },
      publish: "later",
      publishAt: "2031-01-01T00:00:00Z",
    });
    expect(later.statusCode).toBe(200);
    const hidden = (await call("GET", `/api/recommendations/${ids.anonymous}`, null)).json();
    expect(hidden.status).toBe("received");
    expect(JSON.stringify(hidden)).not.toContain("Shelter standards");
    expect(
      (await call("POST", "/api/recommendations/publish", staff, { ids: [ids.anonymous] })).json().published,
    ).toBe(1);
    const shown = (await call("GET", `/api/recommendations/${ids.anonymous}`, null)).json();
    expect(shown.status).toBe("partially_accepted");
    expect(shown.timeline.map((h: { kind: string }) => h.kind)).toEqual(["created", "answer"]);
    const mails = await t.rt.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "recommendation.answer")
      .execute();
    const toEndorser = mails.filter((m) => m.to_address === endorser.email);
    expect(toEndorser).toHaveLength(1);
    expect(toEndorser[0].text).not.toContain(AUTHOR_NAME);
    expect(toEndorser[0].text).not.toContain(ORG_NAME);
    // The confidential one is answered without any public trace.
    await call("POST", `/api/recommendations/${ids.confidential}/answer`, staff, {
      status: "noted",
      rationale: { en: "Referred." },
    });
    expect((await call("GET", "/api/recommendations?status=noted", null)).json().total).toBe(0);
  });

  it("merges keeping every origin and endorsement, and shows similar ones while writing", async () => {
    const dup = await call(
      "POST",
      "/api/recommendations",
      endorser,
      rec({
        organizationId: undefined,
        title: { en: "Consult survivors of trafficking on victim protection" },
        text: { en: "<p>Survivors of trafficking should be consulted; protect victims.</p>" },
      }),
    );
    const dupId = dup.json().id;
    const similar = (
      await call(
        "GET",
        `/api/recommendations/similar?text=${encodeURIComponent("protect victims of trafficking, consult survivors")}`,
        null,
      )
    ).json();
    expect(similar.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([ids.public, dupId]));
    await call("POST", `/api/recommendations/${dupId}/endorse`, author, {});
    const merged = await call("POST", `/api/recommendations/${dupId}/merge`, staff, { into: ids.public });
    expect(merged.statusCode).toBe(200);
    const target = merged.json();
    expect(target.mergedFrom.map((m: { id: string }) => m.id)).toEqual([dupId]);
    expect(target.endorsements).toBe(1);
    expect((await call("GET", `/api/recommendations/${dupId}`, null)).json()).toMatchObject({
      status: "merged",
      mergedInto: ids.public,
    });
    expect(
      (await call("GET", "/api/recommendations?pageSize=100", null))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(dupId);
  });

  it("audits every change", async () => {
    const actions = new Set(
      (
        await t.rt.database.db
          .selectFrom("audit_log")
          .select("action")
          .where("entity", "=", "recommendation")
          .execute()
      ).map((r) => r.action),
    );
    for (const a of [
      "recommendation.create",
      "recommendation.endorse",
      "recommendation.answer.now",
      "recommendation.answer.later",
      "recommendation.answers.publish",
      "recommendation.merge",
    ])
      expect(actions).toContain(a);
  });

  it("compiles as Word (DOCX) and PDF, with the same protections", async () => {
    const docx = await call("GET", "/api/recommendations/export?format=docx&groupBy=article&lang=fr", null);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("TIP:6");
    expect(xml).toContain(ANON);
    expect(xml).not.toContain(CONF);
    expect(xml).not.toContain(AUTHOR_NAME);
    const pdf = await call("GET", "/api/recommendations/export?format=pdf&lang=ar", null);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("clusters similar recommendations across languages for the secretariat", async () => {
    const fr = await call(
      "POST",
      "/api/recommendations",
      author,
      rec({
        title: {
          fr: "Protéger les victimes de la traite",
          en: "Protect victims of trafficking and consult survivors",
        },
        text: {
          fr: "<p>Les États parties devraient protéger les victimes.</p>",
          en: "<p>States parties should protect victims of trafficking and consult survivors.</p>",
        },
        originalLang: "fr",
      }),
    );
    expect(fr.statusCode).toBe(201);
    expect((await call("GET", "/api/recommendations/clusters", endorser)).statusCode).toBe(403);
    const clusters = (await call("GET", "/api/recommendations/clusters", staff)).json();
    const withFr = clusters.find((c: { recommendations: Array<{ id: string }> }) =>
      c.recommendations.some((r) => r.id === fr.json().id),
    );
    expect(withFr).toBeTruthy();
    expect(withFr.recommendations.map((r: { id: string }) => r.id)).toContain(ids.public);
  });
});
