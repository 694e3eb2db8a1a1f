import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../../platform/jobs.ts";
import { createTestApp, sampleOrg, type TestApp, type TestUser } from "../../testing.ts";
import { sendReminder } from "./reminders.ts";

/** Events from creation to selection, with mail delivered over real SMTP to a test server. */
describe("events: agenda, call for applications, selection", () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Array<{ to: string; raw: string }> = [];
  let staff: TestUser;
  const applicants: Array<{ user: TestUser; orgId: string }> = [];
  let outsider: TestUser; // member of an organisation outside the target region
  let eventId: string;
  let sessionId: string;

  beforeAll(async () => {
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
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    staff = await t.user({ roles: ["secretariat"] });
    const countries = ["THA", "VNM", "IDN", "PHL"];
    for (const [i, country] of countries.entries()) {
      const user = await t.user({ name: `Applicant ${i}` });
      const res = await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: user.auth,
        payload: sampleOrg({
          names: { en: `Org ${i}` },
          country,
          website: `https://org${i}.example`,
          email: `o${i}@org.example`,
        }),
      });
      const orgId = res.json().id;
      expect((await call("POST", `/api/organizations/${orgId}/verify`, staff, {})).statusCode).toBe(200);
      applicants.push({ user, orgId });
    }
    outsider = await t.user({ name: "Outsider" });
    const o = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: outsider.auth,
      payload: sampleOrg({
        names: { en: "Andes Network" },
        country: "PER",
        website: "https://andes.example",
      }),
    });
    expect((await call("POST", `/api/organizations/${o.json().id}/verify`, staff, {})).statusCode).toBe(200);
    // The first applicant reads French.
    expect((await call("PATCH", "/api/me/locale", applicants[0].user, { locale: "fr" })).statusCode).toBe(
      200,
    );
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const call = (
    method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT",
    url: string,
    user: TestUser | null,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: user?.auth ?? {}, payload: payload as object });

  const event = {
    type: "training",
    format: "online",
    title: {
      en: "Online training for stakeholders from Asia",
      fr: "Formation en ligne pour les parties prenantes d'Asie",
    },
    timeZone: "Asia/Bangkok",
    startDate: "2030-11-10",
    endDate: "2030-11-12",
    onlineLink: "https://meet.example/untoc-asia",
    languages: ["en"],
    target: { regions: ["APG"], countries: [], orgTypes: ["ngo", "academia"] },
    capacity: 2,
    questions: [
      {
        id: "experience",
        kind: "single",
        label: { en: "Experience with the Review Mechanism" },
        required: true,
        options: [
          { value: "none", label: { en: "None" } },
          { value: "some", label: { en: "Some" } },
        ],
      },
      {
        id: "topics",
        kind: "multiple",
        label: { en: "Topics" },
        options: [
          { value: "tip", label: { en: "Trafficking" } },
          { value: "som", label: { en: "Smuggling" } },
        ],
      },
    ],
    consentText: { en: "I agree that my data is processed for the selection." },
    travelSupport: false,
    diversityTargets: { youthShareMin: 0.3, countriesMin: 2 },
  };

  it("lets only the secretariat create events, and validates them", async () => {
    expect((await call("POST", "/api/events", null, event)).statusCode).toBe(401);
    expect((await call("POST", "/api/events", applicants[0].user, event)).statusCode).toBe(403);
    const bad = await call("POST", "/api/events", staff, {
      ...event,
      timeZone: "Mars/Olympus",
      endDate: "2030-11-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["body.timeZone", "body.endDate"]),
    );
    const res = await call("POST", "/api/events", staff, event);
    expect(res.statusCode).toBe(201);
    eventId = res.json().id;
    expect(res.json().status).toBe("draft");
  });

  it("keeps drafts from the public and moves along the life cycle only by allowed steps", async () => {
    expect((await call("GET", `/api/events/${eventId}`, null)).statusCode).toBe(404);
    expect((await call("GET", "/api/events", null)).json().items).toHaveLength(0);
    const skip = await call("PATCH", `/api/events/${eventId}`, staff, { status: "completed" });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe("invalid_transition");
    expect(
      (await call("PATCH", `/api/events/${eventId}`, staff, { status: "published" })).json().status,
    ).toBe("published");
    const pub = await call("GET", `/api/events/${eventId}`, null);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().onlineLink).toBeNull();
    expect(pub.json().hasOnlineLink).toBe(true);
  });

  it("builds the agenda within the event's dates, in its time zone", async () => {
    const outside = await call("POST", `/api/events/${eventId}/sessions`, staff, {
      type: "opening",
      title: { en: "Too early" },
      startsAt: "2030-11-09T14:00:00+07:00",
      endsAt: "2030-11-09T15:00:00+07:00",
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe("session_outside_event");
    // 23:30 UTC on the 9th is 06:30 on the 10th in Bangkok: inside the event.
    const early = await call("POST", `/api/events/${eventId}/sessions`, staff, {
      type: "opening",
      title: { en: "Opening" },
      startsAt: "2030-11-09T23:30:00Z",
      endsAt: "2030-11-10T00:30:00Z",
      speakers: [{ name: "Sofia Lindqvist", title: { en: "Chief" }, affiliation: { en: "UNODC" } }],
    });
    expect(early.statusCode).toBe(201);
    sessionId = early.json().id;
    const tools = await call("POST", `/api/events/${eventId}/sessions`, staff, {
      type: "tools",
      title: { en: "Tools for engagement" },
      startsAt: "2030-11-11T14:00:00+07:00",
      endsAt: "2030-11-11T15:30:00+07:00",
      engagementAreas: ["ADVOCACY", "RESEARCH"],
    });
    expect(tools.statusCode).toBe(201);
    const backwards = await call("PATCH", `/api/events/${eventId}/sessions/${sessionId}`, staff, {
      endsAt: "2030-11-09T22:00:00Z",
    });
    expect(backwards.statusCode).toBe(400);
    const agenda = (await call("GET", `/api/events/${eventId}/sessions`, null)).json();
    expect(agenda.map((s: { type: string }) => s.type)).toEqual(["opening", "tools"]);
    expect(agenda[0].speakers[0]).toMatchObject({
      name: "Sofia Lindqvist",
      affiliation: { en: { value: "UNODC" } },
    });

    const ics = await call("GET", `/api/events/${eventId}/calendar.ics`, null);
    expect(ics.headers["content-type"]).toMatch(/text\/calendar/);
    expect(ics.body).toContain("TZID:Asia/Bangkok");
    expect(ics.body).toContain("DTSTART;TZID=Asia/Bangkok:20301110T063000");
    expect(ics.body).toContain("TZOFFSETTO:+0700");
    expect(ics.body).not.toContain("meet.example");
    expect(ics.body.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it("explains why someone may not apply", async () => {
    const closed = (await call("GET", `/api/events/${eventId}/eligibility`, applicants[0].user)).json();
    expect(closed.eligible).toBe(false);
    expect(closed.reasons.map((r: { code: string }) => r.code)).toContain("applications_closed");
    await call("PATCH", `/api/events/${eventId}`, staff, { status: "applications_open" });
    const ok = (await call("GET", `/api/events/${eventId}/eligibility`, applicants[0].user)).json();
    expect(ok.eligible).toBe(true);
    const far = (await call("GET", `/api/events/${eventId}/eligibility`, outsider)).json();
    expect(far.eligible).toBe(false);
    expect(far.organizations[0].reasons.map((r: { code: string }) => r.code)).toEqual([
      "country_not_targeted",
    ]);
    const nobody = await t.user();
    const none = (await call("GET", `/api/events/${eventId}/eligibility`, nobody)).json();
    expect(none.reasons.map((r: { code: string }) => r.code)).toContain("no_organization");
    const refused = await call("POST", `/api/events/${eventId}/applications`, outsider, {
      organizationId: far.organizations[0].organizationId,
      answers: { experience: "none" },
      consent: true,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("country_not_targeted");
  });

  it("checks answers and consent, takes the application and refuses a second one", async () => {
    const a = applicants[0];
    const bad = await call("POST", `/api/events/${eventId}/applications`, a.user, {
      organizationId: a.orgId,
      answers: { experience: "lots", topics: ["tip", "drugs"], extra: "x" },
      consent: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["answers.experience", "answers.extra", "answers.topics"]);
    const noConsent = await call("POST", `/api/events/${eventId}/applications`, a.user, {
      organizationId: a.orgId,
      answers: { experience: "none" },
    });
    expect(noConsent.statusCode).toBe(400);
    for (const [i, x] of applicants.entries()) {
      const res = await call("POST", `/api/events/${eventId}/applications`, x.user, {
        organizationId: x.orgId,
        answers: { experience: i % 2 ? "some" : "none", topics: ["tip"] },
        consent: true,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().status).toBe("submitted");
    }
    const again = await call("POST", `/api/events/${eventId}/applications`, a.user, {
      organizationId: a.orgId,
      answers: { experience: "none" },
      consent: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("already_applied");
  });

  it("lists applicants for the secretariat only, with filters and sorting", async () => {
    expect((await call("GET", `/api/events/${eventId}/applications`, applicants[0].user)).statusCode).toBe(
      403,
    );
    const all = (
      await call("GET", `/api/events/${eventId}/applications?sort=country&dir=desc`, staff)
    ).json();
    expect(all.total).toBe(4);
    expect(all.items.map((r: { country: string }) => r.country)).toEqual(["VNM", "THA", "PHL", "IDN"]);
    const th = (await call("GET", `/api/events/${eventId}/applications?country=THA`, staff)).json();
    expect(th.items).toHaveLength(1);
    const q = (await call("GET", `/api/events/${eventId}/applications?q=org%202`, staff)).json();
    expect(q.items.map((r: { organizationName: string }) => r.organizationName)).toEqual(["Org 2"]);
    const scored = await call("PATCH", `/api/applications/${th.items[0].id}`, staff, {
      score: 9,
      notes: "Strong case work",
    });
    expect(scored.json()).toMatchObject({ score: 9, notes: "Strong case work" });
    // The applicant sees their application but not the secretariat's notes.
    const own = (await call("GET", `/api/applications/${th.items[0].id}`, applicants[0].user)).json();
    expect(own.notes).toBeNull();
    expect((await call("GET", `/api/applications/${th.items[0].id}`, applicants[1].user)).statusCode).toBe(
      404,
    );
  });

  it("decides with e-mails in the applicant's language, enforces capacity, promotes from the waiting list", async () => {
    const rows = (await call("GET", `/api/events/${eventId}/applications?sort=name`, staff)).json()
      .items as Array<{ id: string; personId: string; email: string }>;
    const byUser = (u: TestUser) => rows.find((r) => r.email === u.email)!;
    const [a0, a1, a2, a3] = applicants.map((a) => byUser(a.user));
    for (const r of [a0, a1])
      expect(
        (await call("POST", `/api/applications/${r.id}/decision`, staff, { decision: "accepted" }))
          .statusCode,
      ).toBe(200);
    const full = await call("POST", `/api/applications/${a2.id}/decision`, staff, { decision: "accepted" });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe("capacity_reached");
    await call("POST", `/api/applications/${a2.id}/decision`, staff, { decision: "waitlisted" });
    await call("PATCH", `/api/applications/${a3.id}`, staff, { score: 7 });
    await call("POST", `/api/applications/${a3.id}/decision`, staff, { decision: "waitlisted" });
    await expect
      .poll(() => inbox.filter((m) => m.to === applicants[0].user.email && /Subject:/.test(m.raw)).length, {
        timeout: 5000,
      })
      .toBeGreaterThanOrEqual(2);
    const fr = inbox
      .filter((m) => m.to === applicants[0].user.email)
      .map((m) => m.raw)
      .join("\n");
    expect(fr).toContain("Content-Language: fr");

    const panel = (await call("GET", `/api/events/${eventId}/diversity`, staff)).json();
    expect(panel.total).toBe(2);
    expect(panel.countries.map((c: { key: string }) => c.key).sort()).toEqual(["THA", "VNM"]);
    expect(panel.targets.find((x: { key: string }) => x.key === "countries")).toMatchObject({
      actual: 2,
      met: true,
    });

    // Applicant 1 declines: the best-scored waitlisted applicant (a3, score 7) gets the place.
    expect(
      (
        await call("POST", `/api/applications/${a1.id}/respond`, applicants[1].user, { confirm: false })
      ).json().status,
    ).toBe("declined");
    expect((await call("GET", `/api/applications/${a3.id}`, staff)).json().status).toBe("accepted");
    expect((await call("GET", `/api/applications/${a2.id}`, staff)).json().status).toBe("waitlisted");
    await expect
      .poll(
        () =>
          inbox.some((m) => m.to === applicants[3].user.email && m.raw.includes("A place has become free")),
        { timeout: 5000 },
      )
      .toBe(true);
    // Someone else cannot answer for a3.
    expect(
      (await call("POST", `/api/applications/${a3.id}/respond`, applicants[2].user, { confirm: true }))
        .statusCode,
    ).toBe(404);
  });

  it("confirms a place: the invitation carries the calendar file and the link; the link shows on the event page", async () => {
    const rows = (await call("GET", `/api/events/${eventId}/applications`, staff)).json().items as Array<{
      id: string;
      email: string;
      status: string;
    }>;
    const a0 = rows.find((r) => r.email === applicants[0].user.email)!;
    expect(a0.status).toBe("accepted");
    const before = (await call("GET", `/api/events/${eventId}`, applicants[0].user)).json();
    expect(before.onlineLink).toBeNull();
    expect(
      (await call("POST", `/api/applications/${a0.id}/respond`, applicants[0].user, { confirm: true })).json()
        .status,
    ).toBe("confirmed");
    const after = (await call("GET", `/api/events/${eventId}`, applicants[0].user)).json();
    expect(after.onlineLink).toBe("https://meet.example/untoc-asia");
    expect(after.myApplication.status).toBe("confirmed");
    await expect
      .poll(() => inbox.find((m) => m.to === applicants[0].user.email && m.raw.includes("text/calendar")), {
        timeout: 5000,
      })
      .toBeTruthy();
    const mail = inbox.find((m) => m.to === applicants[0].user.email && m.raw.includes("text/calendar"))!.raw;
    const b64 = mail
      .split(/filename="?event\.ics"?/)[1]
      .split(/\r?\n\r?\n/)[1]
      .split(/\r?\n--/)[0];
    const ics = Buffer.from(b64.replace(/\s+/g, ""), "base64").toString("utf8");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART;TZID=Asia/Bangkok:20301111T140000");
    expect(ics).toContain("LOCATION:https://meet.example/untoc-asia");
    expect(ics).toMatch(/SUMMARY:Formation en ligne/);
  });

  it("schedules reminders as jobs and sends them to confirmed participants", async () => {
    const jobs = await t.rt.database.db
      .selectFrom("job")
      .selectAll()
      .where("kind", "=", "event.reminder")
      .execute();
    expect(jobs.map((j) => j.dedupe_key).sort()).toEqual([
      `event.reminder:${eventId}:1h`,
      `event.reminder:${eventId}:24h`,
    ]);
    const first = JSON.parse(jobs[0].payload);
    // Run the queue as if it were the day before.
    const ctx = {
      ...t.rt.systemCtx(),
      now: () => new Date(Date.parse(first.firstStartsAt) - 3600_000 + 1000),
    };
    const ran = await runDueJobs(ctx, { "event.reminder": sendReminder });
    expect(ran).toBe(2);
    const done = await t.rt.database.db
      .selectFrom("job")
      .select(["done_at", "last_error"])
      .where("kind", "=", "event.reminder")
      .execute();
    expect(done.every((j) => j.done_at && !j.last_error)).toBe(true);
    await expect
      .poll(
        () => inbox.filter((m) => m.to === applicants[0].user.email && m.raw.includes("meet.example")).length,
        { timeout: 5000 },
      )
      .toBeGreaterThanOrEqual(3);
    // Nothing goes to people who have not confirmed.
    const out = await t.rt.database.db
      .selectFrom("outbox")
      .select(["to_address"])
      .where("kind", "=", "event.reminder")
      .execute();
    expect([...new Set(out.map((o) => o.to_address))]).toEqual([applicants[0].user.email]);
  });

  it("records every change in the audit log", async () => {
    const rows = await t.rt.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "in", ["event", "event_session", "application"])
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      "event.create",
      "event.status.published",
      "event.session.create",
      "application.submit",
      "application.accepted",
      "application.declined",
      "application.promoted",
      "application.confirmed",
      "application.review",
    ])
      expect(actions).toContain(a);
  });

  it("gives a confirmed participant a personal QR code that checks them in", async () => {
    const rows = (await call("GET", `/api/events/${eventId}/applications`, staff)).json().items as Array<{
      id: string;
      email: string;
      personId: string;
    }>;
    const a0 = rows.find((r) => r.email === applicants[0].user.email)!;
    const svg = await call("GET", `/api/applications/${a0.id}/checkin.svg`, applicants[0].user);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/image\/svg\+xml/);
    expect(svg.body).toContain("<svg");
    expect((await call("GET", `/api/applications/${a0.id}/checkin.svg`, applicants[1].user)).statusCode).toBe(
      404,
    );
    const app = await t.rt.database.db
      .selectFrom("application")
      .select("checkin_token")
      .where("id", "=", a0.id)
      .executeTakeFirstOrThrow();
    const ok = await call("POST", `/api/events/${eventId}/sessions/${sessionId}/checkin`, staff, {
      token: app.checkin_token,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ personId: a0.personId, checkedIn: true });
    const bad = await call("POST", `/api/events/${eventId}/sessions/${sessionId}/checkin`, staff, {
      token: "not-a-real-token-123",
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().code).toBe("not_a_participant");
  });
});
