import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  createTestEvent,
  sampleEvent,
  sampleOrg,
  type TestApp,
  type TestUser,
} from "../../testing.ts";

/** After the event: feedback, certificates and the report, each number checked against the data. */
describe("events: feedback, certificates, report", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;
  const sessions: string[] = [];
  const users: Record<string, TestUser> = {};
  const persons: Record<string, string> = {};

  const people = [
    { key: "A", name: "Anong Srisuk", country: "THA", gender: "woman", birthYear: 1998 },
    { key: "B", name: "Bao Tran", country: "VNM", gender: "man", birthYear: 1980 },
    { key: "C", name: "Citra Dewi", country: "IDN", gender: "Woman", birthYear: 1975 },
    { key: "D", name: "Dao Nguyen", country: "THA", gender: "man", birthYear: 2000 },
    { key: "E", name: "Eliza Reyes", country: "PHL", gender: "woman", birthYear: 1990 },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    eventId = await createTestEvent(
      t,
      staff,
      sampleEvent({
        title: { en: "Online training for stakeholders from Asia" },
        startDate: "2020-11-10",
        endDate: "2020-11-11",
        attendanceThreshold: 0.5,
      }),
    );
    for (const day of ["10", "11"]) {
      const s = await t.app.inject({
        method: "POST",
        url: `/api/events/${eventId}/sessions`,
        headers: staff.auth,
        payload: {
          type: "plenary",
          title: { en: `Day ${day}` },
          startsAt: `2020-11-${day}T14:00:00+07:00`,
          endsAt: `2020-11-${day}T15:00:00+07:00`,
        },
      });
      sessions.push(s.json().id);
    }
    for (const [i, p] of people.entries()) {
      const u = await t.user({ name: p.name });
      users[p.key] = u;
      const org = await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: u.auth,
        payload: sampleOrg({
          names: { en: `Org ${p.key}` },
          website: `https://${p.key}.example`,
          email: `o${i}@x.example`,
        }),
      });
      const person = await t.rt.database.db
        .selectFrom("person")
        .select("id")
        .where("user_id", "=", u.id)
        .executeTakeFirstOrThrow();
      persons[p.key] = person.id;
      await t.rt.database.db
        .updateTable("person")
        .set({ country: p.country, gender: p.gender, birth_year: p.birthYear })
        .where("id", "=", person.id)
        .execute();
      const inv = await t.app.inject({
        method: "POST",
        url: `/api/events/${eventId}/invitations`,
        headers: staff.auth,
        payload: { personId: person.id, organizationId: org.json().id },
      });
      expect(inv.statusCode).toBe(201);
    }
    const attend: Array<[string, number]> = [
      ["A", 0],
      ["A", 1],
      ["B", 0],
      ["B", 1],
      ["C", 0],
      ["D", 1],
    ];
    for (const [k, s] of attend) {
      const r = await t.app.inject({
        method: "POST",
        url: `/api/events/${eventId}/sessions/${sessions[s]}/checkin`,
        headers: staff.auth,
        payload: { personId: persons[k] },
      });
      expect(r.statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  const call = (method: "GET" | "POST" | "PATCH", url: string, user: TestUser | null, payload?: unknown) =>
    t.app.inject({ method, url, headers: user?.auth ?? {}, payload: payload as object });

  it("keeps the report from the public until the event is completed", async () => {
    expect((await call("GET", `/api/events/${eventId}/report`, null)).statusCode).toBe(404);
    const staffView = await call("GET", `/api/events/${eventId}/report`, staff);
    expect(staffView.statusCode, staffView.body).toBe(200);
  });

  it("takes feedback from participants only, once each, anonymously when asked", async () => {
    expect((await call("PATCH", `/api/events/${eventId}`, staff, { status: "published" })).statusCode).toBe(
      200,
    );
    expect(
      (await call("POST", `/api/events/${eventId}/feedback`, users.A, { ratings: { overall: 5 } })).json()
        .code,
    ).toBe("feedback_closed");
    expect((await call("PATCH", `/api/events/${eventId}`, staff, { status: "running" })).statusCode).toBe(
      200,
    );
    expect(
      (
        await call("POST", `/api/events/${eventId}/feedback`, users.A, {
          ratings: { overall: 5, relevance: 4 },
          comment: "Very useful",
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call("POST", `/api/events/${eventId}/feedback`, users.B, {
          ratings: { overall: 4, speakers: 3 },
          comment: "More time for the breakout groups, please",
          anonymous: true,
        })
      ).statusCode,
    ).toBe(200);
    const twice = await call("POST", `/api/events/${eventId}/feedback`, users.A, { ratings: { overall: 1 } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("feedback_already_sent");
    const stranger = await t.user();
    expect(
      (await call("POST", `/api/events/${eventId}/feedback`, stranger, { ratings: { overall: 1 } }))
        .statusCode,
    ).toBe(403);
    expect((await call("POST", `/api/events/${eventId}/feedback`, users.C, { ratings: {} })).statusCode).toBe(
      400,
    );

    const rows = await t.rt.database.db
      .selectFrom("feedback")
      .selectAll()
      .where("event_id", "=", eventId)
      .execute();
    const anon = rows.find((r) => r.comment?.startsWith("More time"))!;
    expect(anon.person_id).toBeNull();
    expect(anon.created_at).toMatch(/T00:00:00\.000Z$/);
    expect(anon.id[14]).toBe("4"); // a random (v4) id, not a time-ordered one
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "feedback.submit")
      .execute();
    expect(audit.filter((a) => a.actor_id === users.B.id)).toHaveLength(0);

    expect((await call("GET", `/api/events/${eventId}/feedback/results`, users.A)).statusCode).toBe(403);
    const results = (await call("GET", `/api/events/${eventId}/feedback/results`, staff)).json();
    expect(results.responses).toBe(2);
    expect(results.average).toBe(4.5);
    expect(results.aspects.find((a: { key: string }) => a.key === "overall").distribution).toEqual([
      0, 0, 0, 1, 1,
    ]);
    expect(results.comments).toHaveLength(2);
    expect(results.comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: "Very useful", author: "Anong Srisuk" }),
        expect.objectContaining({ text: "More time for the breakout groups, please", author: null }),
      ]),
    );
  });

  it("issues certificates to those who met the threshold, once, and verifies them publicly", async () => {
    const first = (await call("POST", `/api/events/${eventId}/certificates`, staff)).json();
    expect(first).toEqual({ issued: 4, alreadyIssued: 0, notEligible: 1 });
    const again = (await call("POST", `/api/events/${eventId}/certificates`, staff)).json();
    expect(again.issued).toBe(0);
    const mine = (await call("GET", "/api/certificates/mine", users.C)).json();
    expect(mine).toHaveLength(1);
    expect((await call("GET", "/api/certificates/mine", users.E)).json()).toEqual([]);
    const code: string = mine[0].code;
    const v = await call("GET", `/api/certificates/${code.toLowerCase().replace(/-/g, "")}`, null);
    expect(v.statusCode).toBe(200);
    expect(Object.keys(v.json()).sort()).toEqual(["code", "event", "issuedOn", "name", "valid"]);
    expect(v.json()).toMatchObject({
      name: "Citra Dewi",
      valid: true,
      event: { startDate: "2020-11-10", endDate: "2020-11-11" },
    });
    expect(JSON.stringify(v.json())).not.toMatch(/@|THA|IDN|woman/i);
    const pdf = await call("GET", `/api/certificates/${code}/pdf`, null);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await call("GET", "/api/certificates/ZZZZ-ZZZZ-ZZZZ", null)).json().code).toBe(
      "certificate_not_found",
    );
    const mails = await t.rt.database.db
      .selectFrom("outbox")
      .select("to_address")
      .where("kind", "=", "certificate.issued")
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [users.A.email, users.B.email, users.C.email, users.D.email].sort(),
    );
  });

  it("computes the report from the data", async () => {
    const r = (await call("GET", `/api/events/${eventId}/report?lang=en`, staff)).json();
    expect(r.participants).toBe(4);
    expect(r.registered).toBe(5);
    expect(r.countries).toBe(3);
    expect(r.countryList).toEqual(["IDN", "THA", "VNM"]);
    expect(r.byCountry).toEqual({ THA: 2, VNM: 1, IDN: 1 });
    expect(r.youth).toBe(2);
    expect(r.youthShare).toBe(0.5);
    expect(r.womenShare).toBe(0.5);
    expect(r.bySector).toEqual({ ngo: 4 });
    expect(r.sessions.map((s: { attendees: number }) => s.attendees)).toEqual([3, 3]);
    expect(r.feedback).toEqual({ responses: 2, average: 4.5 });
    expect(r.applications).toMatchObject({ invited: 5, accepted: 5 });
    expect(r.newsText).toContain("4 participants from 3 countries");
    expect(r.newsText).toContain("50%");
    const fr = (await call("GET", `/api/events/${eventId}/report?lang=fr`, staff)).json();
    expect(fr.newsText).not.toEqual(r.newsText);

    expect((await call("PATCH", `/api/events/${eventId}`, staff, { status: "completed" })).statusCode).toBe(
      200,
    );
    // Once the event is over, participation no longer changes.
    const [mine] = (await call("GET", "/api/applications/mine", users.E)).json();
    const late = await call("POST", `/api/applications/${mine.id}/withdraw`, users.E);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("invalid_transition");
    const pub = (await call("GET", `/api/events/${eventId}/report`, null)).json();
    expect(pub.participants).toBe(4);
    expect(pub.byCountry).toBeNull();
    const pdf = await call("GET", `/api/events/${eventId}/report.pdf?lang=ar`, null);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
