import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICANT_SORTS } from "../../../shared/schemas/events.ts";
import { OrganizationInput } from "../../../shared/schemas/organizations.ts";
import {
  createTestApp,
  createTestEvent,
  sampleEvent,
  sampleOrg,
  secretariatCtx,
  type TestApp,
  type TestUser,
} from "../../testing.ts";
import { addMembershipsBulk, createOrganizationsBulk } from "../organizations/service.ts";
import { createPeopleBulk } from "../people/service.ts";
import { createApplicationsBulk } from "./applications.ts";

/**
 * The secretariat's applicants table, page by page: every sort in both directions, with and
 * without filters, gives the order of a plain ORDER BY over all matches (empty values last in both
 * directions, ties broken by the id), whatever index the database walks to find the page.
 */
describe("events: the applicants table, page by page", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;
  const SORT_SQL: Record<(typeof APPLICANT_SORTS)[number], string> = {
    created: "created_at",
    name: "name_key",
    country: "country",
    score: "score",
    organization: "org_name_key",
    status: "status",
  };
  const STATUSES = ["submitted", "accepted", "waitlisted", "rejected", "confirmed"] as const;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    eventId = await createTestEvent(t, staff, sampleEvent({ title: { en: "Paging" } }));
    const ctx = secretariatCtx(t);
    const countries = ["THA", "VNM", "IDN", "PHL", "MYS"];
    const orgIds = await createOrganizationsBulk(
      ctx,
      ["Delta", "alpha", "Charlie", "bravo", "Echo"].map((name, i) => ({
        input: OrganizationInput.parse(
          sampleOrg({
            names: { en: `${name} Network` },
            acronym: undefined,
            website: undefined,
            email: undefined,
            type: i % 2 ? "ngo" : "academia",
            country: countries[i],
          }),
        ),
        status: "verified",
      })),
    );
    const given = ["Ana", "Bo", "Chen", "Dara", "Eko", "Farah", "Gita", "Hoa", "Ivan"];
    const personIds = await createPeopleBulk(
      ctx,
      Array.from({ length: 90 }, (_, i) => ({
        givenName: given[i % given.length],
        familyName: `Family ${i % 7}`,
        email: `p${i}@paging.example`,
        country: i % 4 ? countries[(i * 3) % countries.length] : null,
        birthYear: i % 3 ? 1999 : 1970,
      })),
    );
    await addMembershipsBulk(
      ctx,
      personIds.map((personId, i) => ({
        organizationId: orgIds[i % orgIds.length],
        personId,
        role: "member",
      })),
    );
    await createApplicationsBulk(
      ctx,
      eventId,
      personIds.map((personId, i) => ({
        personId,
        organizationId: orgIds[i % orgIds.length],
        status: STATUSES[i % STATUSES.length],
        // Many ties (same minute, same score), so that the id decides.
        createdAt: new Date(Date.UTC(2026, 0, 5, 0, i % 11)).toISOString(),
        score: i % 3 ? (i * 7) % 11 : null,
        motivation: `Motivation ${i}`,
        answers: { experience: `Answer ${i}` },
        notes: `Note ${i}`,
      })),
    );
    // Applications of older data may have no country: they go last, in both directions.
    await t.rt.database.db
      .updateTable("application")
      .set({ country: null })
      .where("event_id", "=", eventId)
      .where("person_id", "in", personIds.slice(0, 6))
      .execute();
  });
  afterAll(() => t.close());

  const fetchAll = async (query: string, pageSize: number) => {
    const ids: string[] = [];
    let total = -1;
    for (let page = 1; total < 0 || ids.length < total; page++) {
      const res = await t.app.inject({
        url: `/api/events/${eventId}/applications?${query}&page=${page}&pageSize=${pageSize}`,
        headers: staff.auth,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      total = body.total;
      if (!body.items.length) break;
      ids.push(...body.items.map((r: { id: string }) => r.id));
    }
    return { ids, total };
  };

  const expected = async (where: string, sort: keyof typeof SORT_SQL, dir: "asc" | "desc") => {
    const col = SORT_SQL[sort];
    const rows = await sql<{ id: string; v: unknown }>`
      SELECT id, ${sql.raw(col)} AS v FROM application
      WHERE event_id = ${eventId} ${sql.raw(where)}
      ORDER BY CASE WHEN ${sql.raw(col)} IS NULL THEN 1 ELSE 0 END, ${sql.raw(`${col} ${dir}`)}, ${sql.raw(`id ${dir}`)}`.execute(
      t.rt.database.db,
    );
    return rows.rows;
  };

  const FILTERS: Array<[string, string]> = [
    ["", ""],
    ["status=confirmed", "AND status = 'confirmed'"],
    ["youth=true", "AND youth = 1"],
    ["orgType=ngo", "AND org_type = 'ngo'"],
    ["q=network", "AND org_name_key LIKE '%network%'"],
  ];

  it("gives every sort, in both directions and under filters, the same order as sorting all matches", async () => {
    let compared = 0;
    for (const [filter, where] of FILTERS)
      for (const sort of APPLICANT_SORTS)
        for (const dir of ["asc", "desc"] as const) {
          const want = await expected(where, sort, dir);
          const got = await fetchAll(`${filter}&sort=${sort}&dir=${dir}`, 7);
          expect(got.total, `${filter} ${sort} ${dir}`).toBe(want.length);
          expect(got.ids, `${filter} ${sort} ${dir}`).toEqual(want.map((r) => r.id));
          compared += want.length;
        }
    expect(compared).toBeGreaterThan(1000);
  });

  it("puts empty scores and countries last in both directions", async () => {
    for (const sort of ["score", "country"] as const)
      for (const dir of ["asc", "desc"] as const) {
        const res = await t.app.inject({
          url: `/api/events/${eventId}/applications?sort=${sort}&dir=${dir}&pageSize=500`,
          headers: staff.auth,
        });
        const values = res.json().items.map((r: Record<string, unknown>) => r[sort]);
        const firstEmpty = values.indexOf(null);
        expect(firstEmpty, `${sort} ${dir}`).toBeGreaterThan(0);
        expect(
          values.slice(firstEmpty).every((v: unknown) => v === null),
          `${sort} ${dir}`,
        ).toBe(true);
        const filled = values.slice(0, firstEmpty);
        const sorted = [...filled].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(filled).toEqual(dir === "asc" ? sorted : sorted.reverse());
      }
  });

  it("lists what the table shows; the texts come with the opened application", async () => {
    const res = await t.app.inject({
      url: `/api/events/${eventId}/applications?sort=name&pageSize=3`,
      headers: staff.auth,
    });
    const row = res.json().items[0];
    expect(row).toMatchObject({ eventId, status: expect.any(String), organizationName: expect.any(String) });
    for (const key of ["motivation", "answers", "notes", "travelJustification"])
      expect(row).not.toHaveProperty(key);
    const one = await t.app.inject({ url: `/api/applications/${row.id}`, headers: staff.auth });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      id: row.id,
      motivation: expect.stringMatching(/^Motivation \d+$/),
      answers: { experience: expect.stringMatching(/^Answer \d+$/) },
      notes: expect.stringMatching(/^Note \d+$/),
    });
  });

  it("gives the total on an empty page too, and refuses an unknown event and a stakeholder", async () => {
    const get = (query: string, id = eventId, headers = staff.auth) =>
      t.app.inject({ url: `/api/events/${id}/applications?${query}`, headers });
    const all = (await get("pageSize=100")).json();
    expect(all.total).toBeGreaterThan(0);
    expect(all.items).toHaveLength(all.total);
    // Past the last page: no rows, the same total.
    const past = await get("pageSize=100&page=50");
    expect(past.statusCode).toBe(200);
    expect(past.json()).toMatchObject({ items: [], total: all.total, page: 50 });
    // A filter that matches nothing.
    expect((await get("q=zzzz-nothing")).json()).toMatchObject({ items: [], total: 0 });
    // A full page carries the total of the filter, not of the event.
    const confirmed = all.items.filter((r: { status: string }) => r.status === "confirmed").length;
    expect((await get("status=confirmed&pageSize=100")).json().total).toBe(confirmed);
    expect((await get("", "01900000-0000-7000-8000-000000000000")).statusCode).toBe(404);
    const stakeholder = await t.user();
    expect((await get("", eventId, stakeholder.auth)).statusCode).toBe(403);
  });
});
