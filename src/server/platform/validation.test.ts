import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sampleOrg, type TestApp, type TestUser } from "../testing.ts";
import { fieldRule } from "./http.ts";

/** Field errors say which rule was broken, so that clients can word them in the reader's language. */
describe("validation errors carry a rule per field", () => {
  let t: TestApp;
  let member: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    member = await t.user();
  });
  afterAll(() => t.close());

  it("names the rule of each field of a refused body", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: member.auth,
      payload: sampleOrg({
        type: undefined,
        acronym: "A".repeat(31),
        email: "not-an-address",
        ecosocStatus: "platinum",
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res.json().fields as Array<{
      path: string;
      message: string;
      rule: Record<string, unknown>;
    }>;
    const rule = (path: string) => fields.find((f) => f.path === path)?.rule;
    expect(rule("body.type")).toEqual({ code: "required" });
    expect(rule("body.acronym")).toEqual({ code: "too_big", origin: "string", maximum: 30 });
    expect(rule("body.email")).toEqual({ code: "invalid_format", format: "email" });
    expect(rule("body.ecosocStatus")).toEqual({ code: "invalid_value" });
    // The English message stays, for API users.
    expect(fields.every((f) => typeof f.message === "string" && f.message.length > 0)).toBe(true);
  });

  it("says required for hand-written checks too (a rejection without a reason)", async () => {
    const staff = await t.user({ roles: ["secretariat"] });
    const created = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: member.auth,
      payload: sampleOrg(),
    });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${created.json().id}/reject`,
      headers: staff.auth,
      payload: { reason: "  " },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { path: "body.reason", message: expect.any(String), rule: { code: "required" } },
    ]);
  });

  it("maps zod issues to rules, an empty text counting as missing", () => {
    expect(fieldRule("invalid_type", { expected: "string" }, undefined)).toEqual({ code: "required" });
    expect(fieldRule("invalid_type", { expected: "string" }, 12)).toEqual({ code: "invalid_type" });
    expect(fieldRule("too_small", { origin: "string", minimum: 1 }, "")).toEqual({ code: "required" });
    expect(fieldRule("too_small", { origin: "string", minimum: 10 }, "short")).toEqual({
      code: "too_small",
      origin: "string",
      minimum: 10,
    });
    expect(fieldRule("too_small", { origin: "number", minimum: 1900 }, 1800)).toEqual({
      code: "too_small",
      origin: "number",
      minimum: 1900,
    });
    expect(fieldRule("too_big", { origin: "array", maximum: 5 }, [1, 2, 3, 4, 5, 6])).toEqual({
      code: "too_big",
      origin: "array",
      maximum: 5,
    });
    expect(fieldRule("invalid_format", { format: "url" }, "x")).toEqual({
      code: "invalid_format",
      format: "url",
    });
    expect(fieldRule("invalid_value", { values: ["a"] }, "b")).toEqual({ code: "invalid_value" });
    expect(fieldRule("custom", {}, "b")).toEqual({ code: "other" });
  });
});
