import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../testing.ts";

describe("in-app notifications: marking read", () => {
  let t: TestApp;
  let me: TestUser;
  let other: TestUser;
  const ids = ["01a226d0-0000-7000-8000-000000000001", "01a226d0-0000-7000-8000-000000000002"];

  beforeAll(async () => {
    t = await createTestApp();
    me = await t.user();
    other = await t.user();
    await t.rt.database.db
      .insertInto("notification")
      .values(
        ids.map((id, i) => ({
          id,
          user_id: i === 0 ? me.id : other.id,
          kind: "recommendation.answer",
          data: "{}",
          read_at: null,
          created_at: new Date().toISOString(),
        })),
      )
      .execute();
  });
  afterAll(() => t.close());

  const read = (user: TestUser, body: object) =>
    t.app.inject({ method: "POST", url: "/api/me/notifications/read", headers: user.auth, payload: body });
  const audit = () =>
    t.rt.database.db.selectFrom("audit_log").selectAll().where("action", "=", "notification.read").execute();

  it("marks only one's own, and audits the change", async () => {
    expect((await read(me, { ids })).json().marked).toBe(1);
    const entries = await audit();
    expect(entries).toHaveLength(1);
    expect(entries[0].actor_id).toBe(me.id);
    expect(JSON.parse(entries[0].after!)).toEqual({ ids, marked: 1 });
    const theirs = await t.rt.database.db
      .selectFrom("notification")
      .select("read_at")
      .where("id", "=", ids[1])
      .executeTakeFirstOrThrow();
    expect(theirs.read_at).toBeNull();
  });

  it("writes nothing when nothing changed", async () => {
    expect((await read(me, {})).json().marked).toBe(0);
    expect(await audit()).toHaveLength(1);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/me/notifications/read", payload: {} })).statusCode,
    ).toBe(401);
  });
});
