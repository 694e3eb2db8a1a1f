import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sampleOrg, type TestApp, type TestUser } from "../../testing.ts";

describe("my profile, privacy, data export and account deletion", () => {
  let t: TestApp;
  let me: TestUser;
  let staff: TestUser;
  let personId: string;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    me = await t.user({ name: "Lin Wei" });
    staff = await t.user({ roles: ["secretariat"] });
  });
  afterAll(() => t.close());

  it("keeps private fields private and shows what the person made public", async () => {
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/me/profile",
      headers: me.auth,
      payload: {
        givenName: "Lin",
        familyName: "Wei",
        title: "Researcher",
        country: "CHN",
        languages: ["zh", "en"],
        expertise: ["smuggling of migrants"],
        gender: "woman",
        birthYear: 1998,
        bio: { en: "Works on migration." },
        visibility: { email: "private", gender: "private", birthYear: "private", title: "public" },
        consent: true,
      },
    });
    expect(res.statusCode).toBe(200);
    personId = res.json().id;
    expect(res.json().consentVersion).toBeTruthy();
    const org = (
      await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: me.auth,
        payload: sampleOrg({ names: { en: "Silk Road Research Centre" }, country: "CHN" }),
      })
    ).json();
    orgId = org.id;
    await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/verify`,
      headers: staff.auth,
      payload: {},
    });

    const pub = (await t.app.inject({ url: `/api/people/${personId}` })).json();
    expect(pub).toMatchObject({ name: "Lin Wei", title: "Researcher", country: "CHN" });
    for (const key of ["email", "gender", "birthYear", "youth"]) expect(pub).not.toHaveProperty(key);
    const members = await t.app.inject({ url: `/api/organizations/${orgId}/members` });
    expect(members.body).not.toContain(me.email);
    expect(members.body).not.toContain("1998");
    const full = (await t.app.inject({ url: `/api/people/${personId}`, headers: staff.auth })).json();
    expect(full).toMatchObject({ email: me.email, gender: "woman", birthYear: 1998, youth: true });
  });

  it("keeps a profile only with the person's consent", async () => {
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/me/profile",
      headers: me.auth,
      payload: { givenName: "Lin", familyName: "Wei", consent: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toContain("body.consent");
  });

  it("exports everything about the person as JSON", async () => {
    const res = await t.app.inject({ url: "/api/me/export", headers: me.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/attachment/);
    const data = res.json();
    expect(data.user.email).toBe(me.email);
    expect(data.person.birthYear).toBe(1998);
    expect(data.memberships).toHaveLength(1);
    expect(data.activity.map((a: { action: string }) => a.action)).toContain("person.update");
  });

  it("deletes the account only when confirmed, anonymising the history", async () => {
    const wrong = await t.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: me.auth,
      payload: { confirm: "someone@else.example" },
    });
    expect(wrong.statusCode).toBe(400);
    const res = await t.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: me.auth,
      payload: { confirm: me.email },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/me", headers: me.auth })).json().user).toBeNull();
    const person = (await t.app.inject({ url: `/api/people/${personId}`, headers: staff.auth })).json();
    expect(person).toEqual({ id: personId, name: "Former member" });
    const db = t.rt.database.db;
    expect(
      await db.selectFrom("user").selectAll().where("email", "=", me.email).executeTakeFirst(),
    ).toBeUndefined();
    const row = await db
      .selectFrom("person")
      .selectAll()
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect([row.email, row.birth_year, row.gender, row.title]).toEqual([null, null, null, null]);
    // History remains: the membership and the audit entries still exist, without the person's identity.
    expect(
      await db.selectFrom("membership").selectAll().where("person_id", "=", personId).execute(),
    ).toHaveLength(1);
    const audit = await db.selectFrom("audit_log").selectAll().where("actor_id", "=", me.id).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.actor_label === "deleted user")).toBe(true);
    const search = (await t.app.inject({ url: "/api/organizations?q=silk" })).json();
    expect(JSON.stringify(search)).not.toContain(me.email);
  });

  it("creates, uses and revokes API tokens", async () => {
    const u = await t.user();
    const created = await t.app.inject({
      method: "POST",
      url: "/api/me/tokens",
      headers: u.auth,
      payload: { name: "script" },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: "/api/me", headers: auth })).json().user.email).toBe(u.email);
    const list = (await t.app.inject({ url: "/api/me/tokens", headers: auth })).json();
    expect(JSON.stringify(list)).not.toContain(token);
    await t.app.inject({ method: "DELETE", url: `/api/me/tokens/${created.json().id}`, headers: u.auth });
    expect((await t.app.inject({ url: "/api/me", headers: auth })).json().user).toBeNull();
  });
});
