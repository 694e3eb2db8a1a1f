import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../testing.ts";

describe("reference data", () => {
  let t: TestApp;
  let admin: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ["admin"] });
    staff = await t.user({ roles: ["secretariat"] });
  });
  afterAll(() => t.close());

  it("ships the instruments, clusters, regional groups, States parties and names in six languages", async () => {
    const ref = (await t.app.inject({ url: "/api/reference" })).json();
    const counts = Object.fromEntries(ref.instruments.map((i: any) => [i.code, i.articles.length]));
    expect(counts).toEqual({ UNTOC: 41, TIP: 20, SOM: 25, FP: 21 });
    expect(ref.clusters).toHaveLength(4);
    const c1 = ref.clusters.find((c: any) => c.number === 1);
    expect(c1.articles.filter((a: any) => a.instrument === "UNTOC").map((a: any) => a.number)).toEqual([
      "2",
      "5",
      "6",
      "8",
      "9",
      "10",
      "15",
      "23",
    ]);
    expect(ref.regions.map((r: any) => r.code).sort()).toEqual(["AFRICAN", "APG", "EEG", "GRULAC", "WEOG"]);
    expect(ref.engagementAreas).toHaveLength(6);
    const tha = ref.countries.find((c: any) => c.code === "THA");
    expect(tha).toMatchObject({ region: "APG", names: { zh: "泰国", en: "Thailand" } });
    expect(Object.keys(tha.names).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    expect(ref.countries.find((c: any) => c.code === "TUR").region).toBe("WEOG");
    expect(ref.countries.find((c: any) => c.code === "EUU")).toMatchObject({ region: null });
    expect(ref.asOf.instruments).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("lets the secretariat correct an item, validated and audited", async () => {
    const ds = (
      await t.app.inject({ url: "/api/admin/reference/engagement-areas", headers: staff.auth })
    ).json();
    const item = ds.items.find((i: any) => i.code === "RESEARCH").data;
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/admin/reference/engagement-areas/RESEARCH",
      headers: staff.auth,
      payload: { data: { ...item, names: "x" } },
    });
    expect(bad.statusCode).toBe(400);
    const renamed = { ...item, names: { ...item.names, en: "Research and analysis" } };
    const ok = await t.app.inject({
      method: "PUT",
      url: "/api/admin/reference/engagement-areas/RESEARCH",
      headers: staff.auth,
      payload: { data: renamed },
    });
    expect(ok.statusCode).toBe(200);
    const ref = (await t.app.inject({ url: "/api/reference" })).json();
    expect(ref.engagementAreas.find((a: any) => a.code === "RESEARCH").names.en).toBe(
      "Research and analysis",
    );
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "reference.update")
      .execute();
    expect(JSON.parse(audit[0].before!).names.en).toBe("Research");
    // Re-import of the shipped file restores it (admin only).
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/admin/reference/engagement-areas/reload",
          headers: staff.auth,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/admin/reference/engagement-areas/reload",
          headers: admin.auth,
        })
      ).json().count,
    ).toBe(6);
    const again = (await t.app.inject({ url: "/api/reference" })).json();
    expect(again.engagementAreas.find((a: any) => a.code === "RESEARCH").names.en).toBe("Research");
  });

  it("lists datasets with their as-of dates and the audit log filters", async () => {
    const list = (await t.app.inject({ url: "/api/admin/reference", headers: staff.auth })).json();
    expect(list.items.map((d: any) => d.dataset)).toEqual(
      expect.arrayContaining(["instruments", "states-parties", "countries"]),
    );
    const audit = (
      await t.app.inject({ url: "/api/admin/audit?action=reference.&pageSize=5", headers: admin.auth })
    ).json();
    expect(audit.total).toBeGreaterThan(0);
    expect(audit.items.every((a: any) => a.action.startsWith("reference."))).toBe(true);
    expect((await t.app.inject({ url: "/api/admin/audit", headers: staff.auth })).statusCode).toBe(403);
  });
});
