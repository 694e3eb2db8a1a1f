import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing.ts";
import { readReferenceCase, seedDemo } from "./seed.ts";

/** The reference case: the platform counts what the 2020 report counted by hand. */
describe("demo data: the November 2020 training", () => {
  let t: TestApp;
  const data = readReferenceCase();
  const participants = data.people.filter((p) => p.participant);

  beforeAll(async () => {
    t = await createTestApp();
    const r = await seedDemo(t.rt.systemCtx(), t.rt.auth);
    expect(r.people).toBe(data.people.length);
  }, 120_000);
  afterAll(() => t.close());

  it("lists the training among past events and the preparation day as open for applications", async () => {
    const past = (await t.app.inject({ url: "/api/events?when=past" })).json();
    expect(past.items.map((e: { startDate: string }) => e.startDate)).toContain("2020-11-10");
    const upcoming = (await t.app.inject({ url: "/api/events?when=upcoming" })).json();
    expect(upcoming.items.some((e: { acceptingApplications: boolean }) => e.acceptingApplications)).toBe(
      true,
    );
  });

  it("reports the numbers of the reference case, computed from registrations and attendance", async () => {
    const past = (await t.app.inject({ url: "/api/events?when=past" })).json();
    const id = past.items.find((e: { startDate: string }) => e.startDate === "2020-11-10").id;
    const event = (await t.app.inject({ url: `/api/events/${id}` })).json();
    expect(event.sessions.map((s: { type: string }) => s.type)).toEqual(
      data.event.sessions.map((s: { type: string }) => s.type),
    );
    expect(event.sessions[0].speakers.map((s: { name: string }) => s.name)).toHaveLength(3);
    const r = (await t.app.inject({ url: `/api/events/${id}/report?lang=en` })).json();
    const countries = new Set(participants.map((p) => p.country));
    const youth = participants.filter((p) => 2020 - p.birthYear <= 29).length;
    const women = participants.filter((p) => p.gender === "woman").length;
    // The women's share is of those who stated a gender (gender is optional and self-described).
    const stated = participants.filter((p) => p.gender).length;
    expect(r.participants).toBe(participants.length);
    expect(r.countries).toBe(countries.size);
    expect(r.youth).toBe(youth);
    expect(r.youthShare).toBe(Math.round((youth / participants.length) * 1000) / 1000);
    expect(r.womenShare).toBe(Math.round((women / stated) * 1000) / 1000);
    // The figures of the 2020 news item: some 40 participants from 18 countries, 30% youth.
    expect([r.participants, r.countries, r.youthShare]).toEqual([40, 18, 0.3]);
    expect(r.feedback.responses).toBe(28);
    expect(r.newsText).toContain("40 participants from 18 countries");
    const certificates = await t.rt.database.db
      .selectFrom("certificate")
      .select("code")
      .where("event_id", "=", id)
      .execute();
    expect(certificates).toHaveLength(40);
  });

  it("has the five recommendations of the breakout groups, answered in several states, attributed to their groups", async () => {
    const list = (await t.app.inject({ url: "/api/recommendations?pageSize=50" })).json();
    expect(list.total).toBe(data.event.recommendations.length);
    const statuses = list.items.map((r: { status: string }) => r.status).sort();
    expect(new Set(statuses).size).toBeGreaterThanOrEqual(3);
    const one = (await t.app.inject({ url: `/api/recommendations/${list.items[0].id}` })).json();
    expect(one.origin.group).not.toBeNull();
    expect(one.origin.person).toBeNull();
    expect(one.origin.organization).toBeNull();
    const past = (await t.app.inject({ url: "/api/events?when=past" })).json();
    const id = past.items.find((e: { startDate: string }) => e.startDate === "2020-11-10").id;
    const r = (await t.app.inject({ url: `/api/events/${id}/report?lang=en` })).json();
    expect(r.recommendations).toBe(5);
    expect(r.newsText).toContain("5 recommendations");
  });
});
