import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, createTestEvent, sampleOrg, type TestApp, type TestUser } from "../../testing.ts";

describe("events: endorsement of a member's application by the organisation's focal point", () => {
  let t: TestApp;
  let staff: TestUser;
  let focal: TestUser;
  let member: TestUser;
  let orgId: string;
  let eventId: string;
  let appId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    focal = await t.user({ name: "Focal Point" });
    member = await t.user({ name: "Member Person" });
    const org = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: focal.auth,
      payload: sampleOrg(),
    });
    orgId = org.json().id;
    await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/verify`,
      headers: staff.auth,
      payload: {},
    });
    const req = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/memberships`,
      headers: member.auth,
      payload: { message: "I work on outreach." },
    });
    expect(req.statusCode).toBe(201);
    const m = await t.app.inject({
      method: "POST",
      url: `/api/memberships/${req.json().id}/decision`,
      headers: focal.auth,
      payload: { decision: "approved" },
    });
    expect(m.statusCode).toBe(200);
    eventId = await createTestEvent(t, staff, {
      type: "workshop",
      format: "online",
      title: { en: "Workshop needing endorsement" },
      timeZone: "UTC",
      startDate: "2030-03-03",
      endDate: "2030-03-03",
      endorsementRequired: true,
    });
    for (const status of ["published", "applications_open"])
      await t.app.inject({
        method: "PATCH",
        url: `/api/events/${eventId}`,
        headers: staff.auth,
        payload: { status },
      });
  });
  afterAll(() => t.close());

  it("asks the focal point, who endorses from their list; nobody else can", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/applications`,
      headers: member.auth,
      payload: { organizationId: orgId, answers: {}, consent: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().endorsement).toBe("requested");
    appId = res.json().id;
    const mails = await t.rt.database.db
      .selectFrom("outbox")
      .select(["to_address"])
      .where("kind", "=", "application.endorsement")
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual([focal.email]);
    const list = (await t.app.inject({ url: "/api/applications/endorsements", headers: focal.auth })).json();
    expect(list.map((a: { id: string }) => a.id)).toEqual([appId]);
    expect(list[0]).toMatchObject({ email: null, gender: null, youth: null });
    expect(
      (await t.app.inject({ url: "/api/applications/endorsements", headers: member.auth })).json(),
    ).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/applications/${appId}/endorse`,
          headers: member.auth,
          payload: { endorse: true },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/applications/${appId}/endorse`,
      headers: focal.auth,
      payload: { endorse: true },
    });
    expect(ok.json().endorsement).toBe("endorsed");
    const staffView = (await t.app.inject({ url: `/api/applications/${appId}`, headers: staff.auth })).json();
    expect(staffView.endorsement).toBe("endorsed");
  });
});
