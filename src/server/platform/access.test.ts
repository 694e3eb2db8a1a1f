import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../testing.ts";
import { collectRoutes } from "./route-table.ts";

/** Walks every registered route: each has an access rule, and the rule holds for anonymous callers and members. */
describe("access rules on every route", () => {
  let t: TestApp;
  let member: TestUser;
  const routes: Array<{ method: string; url: string; access: unknown }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    member = await t.user();
    routes.push(...collectRoutes(t.app));
  });
  afterAll(() => t.close());

  it("every route declares an access rule", async () => {
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((r) => r.access === undefined && !r.url.startsWith("/api/auth/"));
    expect(missing).toEqual([]);
  });

  const fill = (url: string) =>
    url
      .replace(/:id|:docId/g, "01939d6c-0000-7000-8000-000000000000")
      .replace(/:dataset/g, "countries")
      .replace(/:code/g, "THA")
      .replace(/:role/g, "admin")
      .replace("*", "x");

  it("anonymous callers get 401 or 403 from every mutation except sign-up, sign-in and recovery", async () => {
    const mutations = routes.filter(
      (r) => r.method !== "GET" && r.method !== "HEAD" && !r.url.startsWith("/api/auth/"),
    );
    expect(mutations.length).toBeGreaterThan(15);
    for (const r of mutations) {
      const res = await t.app.inject({ method: r.method as any, url: fill(r.url), payload: {} });
      expect([401, 403], `${r.method} ${r.url} → ${res.statusCode}`).toContain(res.statusCode);
    }
  });

  it("a member gets 403 from every admin route", async () => {
    const admin = routes.filter(
      (r) => Array.isArray(r.access) && !(r.access as string[]).includes("state_focal_point"),
    );
    expect(admin.length).toBeGreaterThan(8);
    for (const r of admin) {
      const res = await t.app.inject({
        method: r.method as any,
        url: fill(r.url),
        headers: member.auth,
        payload: {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
  });

  it("publishes an OpenAPI 3.1 document generated from the route schemas", async () => {
    const res = await t.app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/organizations", "/api/organizations/{id}", "/api/health"]),
    );
    expect(doc.paths["/api/organizations"].get.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(["q", "country", "type", "region", "area"]),
    );
  });

  it("answers health with the database kind", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "sqlite" });
  });
});
