import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  createTestEvent,
  multipart,
  sampleOrg,
  type TestApp,
  type TestUser,
} from "../../../testing.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name));

describe("attendance: reports from Zoom and Teams, matching, review, union of intervals, check-in", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;
  let session1: string;
  let session2: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    eventId = await createTestEvent(t, staff, {
      type: "workshop",
      format: "online",
      title: { en: "Regional workshop" },
      timeZone: "Asia/Bangkok",
      startDate: "2020-11-10",
      endDate: "2020-11-11",
      attendanceThreshold: 0.75,
    });
    const s1 = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/sessions`,
      headers: staff.auth,
      payload: {
        type: "plenary",
        title: { en: "Day 1" },
        startsAt: "2020-11-10T14:00:00+07:00",
        endsAt: "2020-11-10T16:00:00+07:00",
      },
    });
    session1 = s1.json().id;
    const s2 = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/sessions`,
      headers: staff.auth,
      payload: {
        type: "breakout",
        title: { en: "Day 2" },
        startsAt: "2020-11-11T14:00:00+07:00",
        endsAt: "2020-11-11T15:00:00+07:00",
      },
    });
    session2 = s2.json().id;
    const invitees = [
      ["Thi Lan Nguyen", "lan.nguyen@moj.gov.vn"],
      ["Somchai Prasertsuk", "somchai.p@ago.go.th"],
      ["Dang Van Minh", "minh@ngo.example"],
      ["José Álvares Peña", "jose@other.example"],
    ];
    for (const [i, [name, email]] of invitees.entries()) {
      const u = await t.user({ name, email });
      const org = await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: u.auth,
        payload: sampleOrg({
          names: { en: `Org ${i}` },
          website: `https://a${i}.example`,
          email: `c${i}@a.example`,
        }),
      });
      const person = await t.rt.database.db
        .selectFrom("person")
        .select("id")
        .where("user_id", "=", u.id)
        .executeTakeFirstOrThrow();
      people[name] = person.id;
      const inv = await t.app.inject({
        method: "POST",
        url: `/api/events/${eventId}/invitations`,
        headers: staff.auth,
        payload: { personId: person.id, organizationId: org.json().id },
      });
      expect(inv.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  const upload = (
    file: { name: string; bytes: Buffer },
    fields: Record<string, string>,
    user: TestUser | null = staff,
  ) => {
    const { payload, headers } = multipart(file, fields);
    return t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/attendance/import`,
      headers: { ...headers, ...(user?.auth ?? {}) },
      payload,
    });
  };
  const intervals = async () =>
    (
      await t.rt.database.db
        .selectFrom("attendance_interval")
        .select("id")
        .where("event_id", "=", eventId)
        .execute()
    ).length;

  it("is for the secretariat only", async () => {
    const zoom = { name: "zoom.csv", bytes: fixture("zoom-participants-bom.csv") };
    expect((await upload(zoom, {}, null)).statusCode).toBe(401);
    expect((await upload(zoom, {}, await t.user())).statusCode).toBe(403);
  });

  it("previews a Zoom report: e-mail first, then names in any word order and without accents; the rest for review", async () => {
    const res = await upload(
      { name: "zoom.csv", bytes: fixture("zoom-participants-bom.csv") },
      { sessionId: session1 },
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.source).toBe("zoom");
    expect(body.dryRun).toBe(true);
    expect(body.matched).toBe(3);
    const by = Object.fromEntries(
      body.participants.map((p: { name: string; matchedBy: string; seconds: number }) => [p.name, p]),
    );
    expect(by["Thi Lan Nguyen"].matchedBy).toBe("email");
    expect(by["Dang Van Minh"].matchedBy).toBe("name");
    // Rejoin: 14:03:15–14:47:09 and 14:51:30–16:05:48, clipped to the session (until 16:00).
    expect(by["Somchai Prasertsuk"].seconds).toBe(2634 + 4110);
    const unmatchedNames = body.unmatched.map((u: { name: string }) => u.name).sort();
    expect(unmatchedNames).toHaveLength(3);
    const jose = body.unmatched.find((u: { name: string }) => u.name.startsWith("Jos"));
    expect(jose.suggestions[0]).toMatchObject({ personId: people["José Álvares Peña"] });
    expect(await intervals()).toBe(0);
  });

  it("keeps nothing until every unmatched row is decided, then stores the whole import", async () => {
    const zoom = { name: "zoom.csv", bytes: fixture("zoom-participants-bom.csv") };
    const preview = (await upload(zoom, { sessionId: session1 })).json();
    const refused = await upload(zoom, { sessionId: session1, dryRun: "false" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("attendance_unresolved");
    expect(await intervals()).toBe(0);
    const decisions: Record<string, string> = {};
    for (const u of preview.unmatched as Array<{
      key: string;
      name: string;
      suggestions: Array<{ personId: string }>;
    }>)
      decisions[u.key] = u.name.startsWith("Jos") ? u.suggestions[0].personId : "skip";
    const bad = await upload(zoom, {
      sessionId: session1,
      dryRun: "false",
      decisions: JSON.stringify({
        ...decisions,
        [preview.unmatched[0].key]: "01890000-0000-7000-8000-000000000000",
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(await intervals()).toBe(0);
    const ok = await upload(zoom, {
      sessionId: session1,
      dryRun: "false",
      decisions: JSON.stringify(decisions),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().importId).toBeTruthy();
    expect(await intervals()).toBe(5);
  });

  it("computes attendance from the union of intervals across reports, against the threshold", async () => {
    const teams = { name: "teams.csv", bytes: fixture("teams-sections-utf16le.csv") };
    const preview = (await upload(teams, { sessionId: session1 })).json();
    expect(preview.source).toBe("teams");
    const decisions = Object.fromEntries(preview.unmatched.map((u: { key: string }) => [u.key, "skip"]));
    expect(
      (await upload(teams, { sessionId: session1, dryRun: "false", decisions: JSON.stringify(decisions) }))
        .statusCode,
    ).toBe(200);
    // The same Zoom file again: overlaps are not counted twice.
    const zoom = { name: "zoom.csv", bytes: fixture("zoom-participants-bom.csv") };
    const zp = (await upload(zoom, { sessionId: session1 })).json();
    const zd = Object.fromEntries(zp.unmatched.map((u: { key: string }) => [u.key, "skip"]));
    expect(
      (await upload(zoom, { sessionId: session1, dryRun: "false", decisions: JSON.stringify(zd) }))
        .statusCode,
    ).toBe(200);

    const summary = (
      await t.app.inject({ url: `/api/events/${eventId}/attendance`, headers: staff.auth })
    ).json();
    expect(summary.totalSeconds).toBe(7200 + 3600);
    const p = Object.fromEntries(summary.participants.map((x: { name: string }) => [x.name, x]));
    expect(p["Somchai Prasertsuk"].seconds).toBe(6744);
    // Zoom 14:02:11–15:01:40 ∪ Teams 14:02:11–15:10:00 and 15:14:15–16:30:55 (clipped at 16:00).
    expect(p["Thi Lan Nguyen"].seconds).toBe(4069 + 2745);
    // 6814 of 10800 seconds is 63%: below the 75% threshold until day 2 is attended.
    expect(p["Thi Lan Nguyen"].attended).toBe(false);
    const ci = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/sessions/${session2}/checkin`,
      headers: staff.auth,
      payload: { personId: people["Thi Lan Nguyen"] },
    });
    expect(ci.statusCode).toBe(200);
    const after = (
      await t.app.inject({ url: `/api/events/${eventId}/attendance`, headers: staff.auth })
    ).json();
    const lan = after.participants.find((x: { name: string }) => x.name === "Thi Lan Nguyen");
    expect(lan.seconds).toBe(6814 + 3600);
    expect(lan.attended).toBe(true);
    expect(after.sessions.find((s: { id: string }) => s.id === session2).attendees).toBe(1);
    const undo = await t.app.inject({
      method: "DELETE",
      url: `/api/events/${eventId}/sessions/${session2}/checkin/${people["Thi Lan Nguyen"]}`,
      headers: staff.auth,
    });
    expect(undo.statusCode).toBe(200);
  });

  it("refuses a file that is not an attendance report, with a clear message, and keeps nothing", async () => {
    const before = await intervals();
    const org = await upload({ name: "orgs.csv", bytes: fixture("organisations.csv") }, { dryRun: "false" });
    expect(org.statusCode).toBe(400);
    expect(org.json().code).toBe("attendance_not_a_report");
    expect(org.json().detail).toMatch(/Zoom|Teams|Webex/);
    const png = await upload({ name: "x.png", bytes: fixture("not-a-report.png") }, {});
    expect(png.json().code).toBe("attendance_unreadable");
    expect(await intervals()).toBe(before);
  });

  it("reads any CSV through a saved column mapping", async () => {
    const csv = Buffer.from(
      "Participant;Mail;Start;End\nThi Lan Nguyen;lan.nguyen@moj.gov.vn;2020-11-11 14:00;2020-11-11 14:30\n",
    );
    const mapping = JSON.stringify({ name: "Participant", email: "Mail", join: "Start", leave: "End" });
    const first = await upload(
      { name: "x.csv", bytes: csv },
      { sessionId: session2, mapping, mappingName: "Kobo export" },
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().source).toBe("csv");
    expect(first.json().participants[0].seconds).toBe(1800);
    // Saved only when an import is confirmed.
    await upload(
      { name: "x.csv", bytes: csv },
      { sessionId: session2, mapping, mappingName: "Kobo export", dryRun: "false" },
    );
    const saved = (await t.app.inject({ url: "/api/attendance/mappings", headers: staff.auth })).json();
    expect(saved.map((m: { name: string }) => m.name)).toEqual(["Kobo export"]);
    const again = await upload(
      { name: "x.csv", bytes: csv },
      { sessionId: session2, mappingName: "Kobo export" },
    );
    expect(again.json().participants[0].seconds).toBe(1800);
  });
});
