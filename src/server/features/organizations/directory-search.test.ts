import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpEpoch, epochCache, readEpoch } from "../../platform/cache-epoch.ts";
import { createTestApp, registerOrganizations, type TestApp, type TestUser } from "../../testing.ts";

/**
 * A plain directory search is answered from the search index's own status and name key (SQLite)
 * and its totals are cached per cache epoch: both must follow every change at once.
 */
describe("directory search and cached totals follow changes", () => {
  let t: TestApp;
  let staff: TestUser;
  let member: TestUser;
  const ids: Record<string, string> = {};

  const search = async (query: string, user: TestUser | null = null) => {
    const res = await t.app.inject({ url: `/api/organizations?${query}`, headers: user?.auth ?? {} });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    return {
      total: body.total as number,
      names: body.items.map((o: { name: string }) => o.name) as string[],
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    member = await t.user();
    Object.assign(
      ids,
      await registerOrganizations(t, member, staff, [
        { name: "Zeta Quokka Observatory", country: "THA", verified: true },
        { name: "Alpha Quokka Institute", country: "VNM", verified: true },
        { name: "Mu Quokka Lab", country: "LAO", verified: true },
        { name: "Beta Quokka Forum", country: "KHM", verified: false },
      ]),
    );
  });
  afterAll(() => t.close());

  it("returns verified matches only, in name order both ways, with their total", async () => {
    expect(await search("q=quokka")).toEqual({
      total: 3,
      names: ["Alpha Quokka Institute", "Mu Quokka Lab", "Zeta Quokka Observatory"],
    });
    expect((await search("q=quokka&sort=-name")).names).toEqual([
      "Zeta Quokka Observatory",
      "Mu Quokka Lab",
      "Alpha Quokka Institute",
    ]);
    expect(await search("q=quokka&pageSize=2&page=2")).toEqual({
      total: 3,
      names: ["Zeta Quokka Observatory"],
    });
    // The same search with a filter takes the general path and agrees with it.
    expect((await search("q=quokka&country=THA&country=VNM&country=LAO")).names).toEqual([
      "Alpha Quokka Institute",
      "Mu Quokka Lab",
      "Zeta Quokka Observatory",
    ]);
    expect(await search("q=quokka&status=pending", staff)).toEqual({
      total: 1,
      names: ["Beta Quokka Forum"],
    });
  });

  it("follows a status change and a renaming at once, totals included", async () => {
    expect((await search("q=quokka")).total).toBe(3);
    const suspend = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${ids["Mu Quokka Lab"]}/suspend`,
      headers: staff.auth,
      payload: { reason: "Under review" },
    });
    expect(suspend.statusCode).toBe(200);
    expect(await search("q=quokka")).toEqual({
      total: 2,
      names: ["Alpha Quokka Institute", "Zeta Quokka Observatory"],
    });
    const rename = await t.app.inject({
      method: "PATCH",
      url: `/api/organizations/${ids["Zeta Quokka Observatory"]}`,
      headers: staff.auth,
      payload: { names: { en: "Aardvark Quokka Observatory" } },
    });
    expect(rename.statusCode).toBe(200);
    expect(await search("q=quokka")).toEqual({
      total: 2,
      names: ["Aardvark Quokka Observatory", "Alpha Quokka Institute"],
    });
  });

  it("drops counts cached before a change made by another process (a bumped epoch)", async () => {
    const db = t.rt.database.db;
    const cache = epochCache<number>("organization", 60_000);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(db, "k", compute)).toBe(1);
    expect(await cache.get(db, "k", compute)).toBe(1);
    const before = await readEpoch(db, "organization");
    // What another server process does when it writes an organisation.
    await bumpEpoch(db, "organization");
    expect(await readEpoch(db, "organization")).toBe(before + 1);
    expect(await cache.get(db, "k", compute)).toBe(2);
    // Inside a transaction nothing is cached (it may see its own uncommitted writes).
    await db.transaction().execute(async (trx) => {
      expect(await cache.get(trx, "k", compute)).toBe(3);
    });
    expect(await cache.get(db, "k", compute)).toBe(2);
  });
});
