import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpEpoch, setEpochCaching } from "../../platform/cache-epoch.ts";
import {
  createTestApp,
  multipart,
  registerOrganizations,
  type TestApp,
  type TestUser,
} from "../../testing.ts";

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

type Item = { id: string; name: string; region: string | null; hasLogo: boolean; status: string };

/**
 * Directory pages are cached per process until an organisation or the reference data changes
 * (cache epochs): every change a visitor can see must show on the very next request.
 */
describe("cached directory pages", () => {
  let t: TestApp;
  let staff: TestUser;
  let admin: TestUser;
  let member: TestUser;
  const ids: Record<string, string> = {};

  const page = async (query = "q=pangolin", user: TestUser | null = null) => {
    const res = await t.app.inject({ url: `/api/organizations?${query}`, headers: user?.auth ?? {} });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: Item[] };
    return { total: body.total, items: body.items };
  };
  const byName = (items: Item[], name: string) => items.find((i) => i.name === name);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    admin = await t.user({ roles: ["admin"] });
    member = await t.user();
    Object.assign(
      ids,
      await registerOrganizations(t, member, staff, [
        { name: "Pangolin Watch", country: "THA", verified: true },
        { name: "Pangolin Legal Aid", country: "VNM", verified: true },
        { name: "Pangolin Youth Network", country: "LAO", verified: false },
      ]),
    );
  });
  afterAll(() => {
    setEpochCaching(true);
    t.close();
  });

  it("serves a repeated page from the cache, and the first request after a bumped epoch afresh", async () => {
    const first = await page();
    expect(first.items.map((i) => i.name)).toEqual(["Pangolin Legal Aid", "Pangolin Watch"]);
    // A change made behind the application's back (no epoch bump) is not seen: the page is cached…
    await sql`UPDATE organization SET name = 'Pangolin Watch (renamed in SQL)' WHERE id = ${ids["Pangolin Watch"]}`.execute(
      t.rt.database.db,
    );
    expect((await page()).items.map((i) => i.name)).toContain("Pangolin Watch");
    // …until another process reports a change (what every write through the application does).
    await bumpEpoch(t.rt.database.db, "organization");
    expect((await page()).items.map((i) => i.name)).toContain("Pangolin Watch (renamed in SQL)");
    await sql`UPDATE organization SET name = 'Pangolin Watch' WHERE id = ${ids["Pangolin Watch"]}`.execute(
      t.rt.database.db,
    );
    await bumpEpoch(t.rt.database.db, "organization");
  });

  it("shows every visible change on the next request: logo, rename, verification, suspension, merge", async () => {
    expect(byName((await page()).items, "Pangolin Watch")?.hasLogo).toBe(false);
    const png = multipart({ name: "logo.png", type: "image/png", bytes: PNG });
    const logo = await t.app.inject({
      method: "PUT",
      url: `/api/organizations/${ids["Pangolin Watch"]}/logo`,
      headers: { ...png.headers, ...staff.auth },
      payload: png.payload,
    });
    expect(logo.statusCode).toBe(200);
    expect(byName((await page()).items, "Pangolin Watch")?.hasLogo).toBe(true);

    const rename = await t.app.inject({
      method: "PATCH",
      url: `/api/organizations/${ids["Pangolin Legal Aid"]}`,
      headers: staff.auth,
      payload: { names: { en: "Pangolin Justice Aid" } },
    });
    expect(rename.statusCode).toBe(200);
    expect((await page()).items.map((i) => i.name)).toEqual(["Pangolin Justice Aid", "Pangolin Watch"]);

    const verify = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${ids["Pangolin Youth Network"]}/verify`,
      headers: staff.auth,
      payload: {},
    });
    expect(verify.statusCode).toBe(200);
    expect((await page()).total).toBe(3);

    const suspend = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${ids["Pangolin Youth Network"]}/suspend`,
      headers: staff.auth,
      payload: { reason: "Under review" },
    });
    expect(suspend.statusCode).toBe(200);
    expect((await page()).items.map((i) => i.name)).toEqual(["Pangolin Justice Aid", "Pangolin Watch"]);

    const merge = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${ids["Pangolin Legal Aid"]}/merge`,
      headers: staff.auth,
      payload: { into: ids["Pangolin Watch"] },
    });
    expect(merge.statusCode).toBe(200);
    expect((await page()).items.map((i) => i.name)).toEqual(["Pangolin Watch"]);
  });

  it("follows a change of regional group made in the reference data", async () => {
    const before = byName((await page("q=pangolin")).items, "Pangolin Watch");
    expect(before?.region).toBe("APG");
    expect((await page("region=APG&q=pangolin")).total).toBe(1);
    const dataset = await t.app.inject({ url: "/api/admin/reference/regional-groups", headers: admin.auth });
    expect(dataset.statusCode).toBe(200);
    const groups = dataset.json().items as Array<{ code: string; data: { members: string[] } }>;
    const apg = groups.find((g) => g.code === "APG")!;
    const weog = groups.find((g) => g.code === "WEOG")!;
    expect(apg.data.members).toContain("THA");
    for (const [code, data] of [
      ["APG", { ...apg.data, members: apg.data.members.filter((m) => m !== "THA") }],
      ["WEOG", { ...weog.data, members: [...weog.data.members, "THA"] }],
    ] as const) {
      const put = await t.app.inject({
        method: "PUT",
        url: `/api/admin/reference/regional-groups/${code}`,
        headers: admin.auth,
        payload: { data },
      });
      expect(put.statusCode).toBe(200);
    }
    // The country's own record names its group too (shown on each organisation).
    const countries = await t.app.inject({ url: "/api/admin/reference/countries", headers: admin.auth });
    const tha = (countries.json().items as Array<{ code: string; data: Record<string, unknown> }>).find(
      (c) => c.code === "THA",
    )!;
    const putCountry = await t.app.inject({
      method: "PUT",
      url: "/api/admin/reference/countries/THA",
      headers: admin.auth,
      payload: { data: { ...tha.data, region: "WEOG" } },
    });
    expect(putCountry.statusCode).toBe(200);
    expect(byName((await page("q=pangolin")).items, "Pangolin Watch")?.region).toBe("WEOG");
    expect((await page("region=APG&q=pangolin")).total).toBe(0);
    expect((await page("region=WEOG&q=pangolin")).total).toBe(1);
  });

  it("checks access before anything cached is served", async () => {
    const pending = await t.app.inject({ url: "/api/organizations?status=suspended", headers: staff.auth });
    expect(pending.statusCode).toBe(200);
    expect(pending.json().total).toBeGreaterThan(0);
    for (const headers of [{}, member.auth]) {
      const res = await t.app.inject({ url: "/api/organizations?status=suspended", headers });
      expect(res.statusCode).toBe(403);
    }
  });

  it("gives the same pages cached and computed", async () => {
    const queries = ["", "q=pangolin", "sort=-name", "page=2&pageSize=1", "country=THA", "status=suspended"];
    const cached = [];
    for (const q of queries) cached.push(await page(q, staff));
    setEpochCaching(false);
    try {
      for (const [i, q] of queries.entries()) expect(await page(q, staff)).toEqual(cached[i]);
    } finally {
      setEpochCaching(true);
    }
  });
});
