import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../testing.ts";
import { readReferenceCase, seedDemo } from "../demo/seed.ts";

/** Breakouts on the reference case: 40 participants into three balanced groups. */
describe("breakout groups: balanced assignment, moves, rapporteurs and their drafts", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;
  let sessionId: string;
  const data = readReferenceCase();

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.rt.systemCtx(), t.rt.auth);
    staff = await t.user({ roles: ["secretariat"] });
    const past = (await t.app.inject({ url: "/api/events?when=past" })).json();
    eventId = past.items.find((e: { startDate: string }) => e.startDate === "2020-11-10").id;
    const event = (await t.app.inject({ url: `/api/events/${eventId}` })).json();
    sessionId = event.sessions.find((s: { type: string }) => s.type === "breakout").id;
  }, 120_000);
  afterAll(() => t.close());

  const call = (
    method: "GET" | "POST" | "PATCH" | "PUT",
    url: string,
    user: TestUser | { auth: Record<string, string> } | null,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: user?.auth ?? {}, payload: payload as object });

  let groups: Array<{
    id: string;
    number: number;
    members: Array<{ personId: string; organization: string; country: string }>;
  }>;

  it("splits the participants into balanced groups, better than a random split, deterministically", async () => {
    const bad = await call("POST", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      groups: 3,
      size: 10,
    });
    expect(bad.statusCode).toBe(400);
    const res = await call("POST", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      groups: 3,
      seed: 42,
      replace: true,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    groups = body.groups;
    const participants = data.people.filter((p) => p.participant).length;
    expect(body.groups).toHaveLength(3);
    expect(body.groups.flatMap((g: { members: unknown[] }) => g.members)).toHaveLength(participants);
    const sizes = body.groups.map((g: { members: unknown[] }) => g.members.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(body.violations).toEqual([]);
    expect(body.issues).toEqual([]);
    expect(body.score.overall).toBeGreaterThanOrEqual(body.randomScore.overall);
    // People of one organisation are apart (no organisation has more than three participants).
    for (const g of body.groups) {
      const orgs = g.members.map((m: { organization: string }) => m.organization);
      expect(new Set(orgs).size).toBe(orgs.length);
    }
    const again = await call("POST", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      groups: 3,
      seed: 42,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("breakout_exists");
    const replaced = await call("POST", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      groups: 3,
      seed: 42,
      replace: true,
    });
    expect(
      replaced
        .json()
        .groups.map((g: { members: Array<{ personId: string }> }) => g.members.map((m) => m.personId)),
    ).toEqual(groups.map((g) => g.members.map((m) => m.personId)));
    groups = replaced.json().groups;
  });

  it("moves a person and reports the new scores and any broken constraint", async () => {
    const person = groups[0].members[0].personId;
    const moved = await call("PATCH", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      personId: person,
      toGroup: 2,
    });
    expect(moved.statusCode).toBe(200);
    const body = moved.json();
    expect(body.groups[1].members.map((m: { personId: string }) => m.personId)).toContain(person);
    expect(body.groups[0].members.map((m: { personId: string }) => m.personId)).not.toContain(person);
    expect(typeof body.score.overall).toBe("number");
    expect(body.violations.length).toBeGreaterThanOrEqual(0);
    const back = await call("PATCH", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      personId: person,
      toGroup: 1,
    });
    expect(back.json().violations).toEqual([]);
  });

  it("gives each group a rapporteur who saves drafts; a stale save is refused with the current text", async () => {
    const g = groups[0];
    const outsider = groups[1].members[0].personId;
    const wrong = await call("PATCH", `/api/breakout-groups/${g.id}`, staff, {
      rapporteurPersonId: outsider,
    });
    expect(wrong.statusCode).toBe(400);
    const rapporteur = g.members[0].personId;
    expect(
      (
        await call("PATCH", `/api/breakout-groups/${g.id}`, staff, {
          rapporteurPersonId: rapporteur,
          title: { en: "Prevention" },
        })
      ).statusCode,
    ).toBe(200);
    // The demo's stakeholder account is a participant: use it when it is the rapporteur's account, else the secretariat.
    const first = await call("PUT", `/api/breakout-groups/${g.id}/draft`, staff, {
      text: "1. Prevent recruitment of young people",
      baseVersion: 0,
    });
    expect(first.json().version).toBe(1);
    const second = await call("PUT", `/api/breakout-groups/${g.id}/draft`, staff, {
      text: "1. Prevent recruitment of young people\n2. Train police",
      baseVersion: 1,
    });
    expect(second.json().version).toBe(2);
    const stale = await call("PUT", `/api/breakout-groups/${g.id}/draft`, staff, {
      text: "overwrite",
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("draft_conflict");
    expect(stale.json().current).toEqual({
      text: "1. Prevent recruitment of young people\n2. Train police",
      version: 2,
    });
    const read = await call("GET", `/api/breakout-groups/${g.id}/draft`, staff);
    expect(read.json().text).toContain("Train police");
  });

  it("shows a participant only their own group, and keeps non-rapporteurs from writing", async () => {
    const member = await t.rt.database.db
      .selectFrom("person")
      .select(["id", "user_id"])
      .where("email", "=", "siriporn.wongsakul@lanna-migrant.org.example")
      .executeTakeFirstOrThrow();
    const { createToken } = await import("../me/service.ts");
    const { token } = await createToken(t.rt.systemCtx(), "test", member.user_id!);
    const auth = { auth: { authorization: `Bearer ${token}` } };
    // Unbalance the sizes (from a smallest group to a largest one): a constraint is now unmet.
    const sizes = groups.map((g) => g.members.length);
    const from = groups[sizes.indexOf(Math.min(...sizes))];
    const to = groups[sizes.lastIndexOf(Math.max(...sizes))];
    const mover = from.members.find((m) => m.personId !== member.id)!.personId;
    const moved = await call("PATCH", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      personId: mover,
      toGroup: to.number,
    });
    expect(moved.statusCode).toBe(200);
    const staffView = (
      await call("GET", `/api/events/${eventId}/breakouts?sessionId=${sessionId}`, staff)
    ).json();
    // The secretariat sees the unmet constraints both in English and as issues to translate.
    expect(staffView.violations.length).toBeGreaterThan(0);
    expect(staffView.issues).toHaveLength(staffView.violations.length);
    expect(staffView.issues.map((i: { code: string }) => i.code)).toContain("size_range");
    expect(staffView.issues.find((i: { code: string }) => i.code === "size_range").params).toEqual({
      min: Math.min(...sizes) - 1,
      max: Math.max(...sizes) + 1,
    });
    const view = await call("GET", `/api/events/${eventId}/breakouts?sessionId=${sessionId}`, auth);
    expect(view.statusCode).toBe(200);
    expect(view.json().groups).toHaveLength(1);
    expect(view.json().score).toBeUndefined();
    // A participant sees no unmet constraint, in words or as issues (they name people and organisations).
    expect(view.json().violations).toEqual([]);
    expect(view.json().issues ?? []).toEqual([]);
    expect(JSON.stringify(view.json())).not.toContain("size_range");
    // Moved back, everything is met again.
    const back = await call("PATCH", `/api/events/${eventId}/breakouts`, staff, {
      sessionId,
      personId: mover,
      toGroup: from.number,
    });
    expect(back.json().violations).toEqual([]);
    expect(back.json().issues).toEqual([]);
    const mine = view.json().groups[0];
    expect(mine.members.map((m: { personId: string }) => m.personId)).toContain(member.id);
    // Only names and institutions of fellow members: no age group, languages or country.
    expect(Object.keys(mine.members[0]).sort()).toEqual(["name", "organization", "personId"]);
    const isRapporteur = mine.rapporteurPersonId === member.id;
    const save = await call("PUT", `/api/breakout-groups/${mine.id}/draft`, auth, {
      text: "x",
      baseVersion: mine.draft?.version ?? 0,
    });
    expect(save.statusCode).toBe(isRapporteur ? 200 : 403);
    const other = groups.find((g) => g.id !== mine.id)!;
    expect((await call("GET", `/api/breakout-groups/${other.id}/draft`, auth)).statusCode).toBe(404);
    expect(
      (await call("POST", `/api/events/${eventId}/breakouts`, auth, { sessionId, groups: 2 })).statusCode,
    ).toBe(403);
  });
});
