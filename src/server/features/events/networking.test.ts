import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, createTestEvent, sampleOrg, type TestApp, type TestUser } from "../../testing.ts";

describe("events: participants' directory and contact requests", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;
  const u: Record<string, TestUser> = {};
  const pid: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    eventId = await createTestEvent(t, staff, {
      type: "workshop",
      format: "online",
      title: { en: "Networking test" },
      timeZone: "UTC",
      startDate: "2030-01-10",
      endDate: "2030-01-10",
    });
    await t.app.inject({
      method: "PATCH",
      url: `/api/events/${eventId}`,
      headers: staff.auth,
      payload: { status: "published" },
    });
    for (const [i, k] of ["A", "B", "C", "D"].entries()) {
      u[k] = await t.user({ name: `Person ${k}` });
      const org = await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: u[k].auth,
        payload: sampleOrg({
          names: { en: `Org ${k}` },
          website: `https://n${i}.example`,
          email: `n${i}@x.example`,
        }),
      });
      const person = await t.rt.database.db
        .selectFrom("person")
        .select("id")
        .where("user_id", "=", u[k].id)
        .executeTakeFirstOrThrow();
      pid[k] = person.id;
      await t.rt.database.db
        .updateTable("person")
        .set({
          expertise: JSON.stringify(k === "B" ? ["Victim assistance"] : ["Research"]),
          gender: "woman",
          country: "THA",
          consent_at: new Date().toISOString(),
        })
        .where("id", "=", person.id)
        .execute();
      if (k !== "D")
        await t.app.inject({
          method: "POST",
          url: `/api/events/${eventId}/invitations`,
          headers: staff.auth,
          payload: { personId: person.id, organizationId: org.json().id },
        });
    }
  });
  afterAll(() => t.close());

  const call = (method: "GET" | "POST" | "PUT", url: string, user: TestUser, payload?: unknown) =>
    t.app.inject({ method, url, headers: user.auth, payload: payload as object });

  it("shows the directory only to participants who joined it", async () => {
    const before = await call("GET", `/api/events/${eventId}/participants`, u.A);
    expect(before.statusCode).toBe(403);
    expect(before.json().code).toBe("directory_opt_in_required");
    expect((await call("PUT", `/api/events/${eventId}/directory`, u.D, { optIn: true })).json().code).toBe(
      "not_a_participant",
    );
    for (const k of ["A", "B"])
      expect((await call("PUT", `/api/events/${eventId}/directory`, u[k], { optIn: true })).statusCode).toBe(
        200,
      );
    const list = (await call("GET", `/api/events/${eventId}/participants`, u.A)).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(["Person A", "Person B"]);
    const b = list.items.find((p: { name: string }) => p.name === "Person B");
    expect(b.email).toBeUndefined();
    expect(b.gender).toBeUndefined(); // private by default
    expect(b.organization.name).toBe("Org B");
    expect(JSON.stringify(list)).not.toContain(u.B.email);
    const filtered = (await call("GET", `/api/events/${eventId}/participants?expertise=victim`, u.A)).json();
    expect(filtered.items.map((p: { name: string }) => p.name)).toEqual(["Person B"]);
    const staffView = await call("GET", `/api/events/${eventId}/participants`, staff);
    expect(staffView.statusCode).toBe(200);
  });

  it("exchanges e-mail addresses only when a contact request is accepted", async () => {
    expect((await call("POST", `/api/events/${eventId}/contacts`, u.A, { personId: pid.C })).statusCode).toBe(
      404,
    );
    const req = await call("POST", `/api/events/${eventId}/contacts`, u.A, {
      personId: pid.B,
      message: "Let us talk about shelters",
    });
    expect(req.statusCode).toBe(201);
    expect(
      (await call("POST", `/api/events/${eventId}/contacts`, u.A, { personId: pid.B })).json().code,
    ).toBe("contact_exists");
    expect(
      (await call("POST", `/api/events/${eventId}/contacts`, u.B, { personId: pid.A })).json().code,
    ).toBe("contact_exists");
    const mail = await t.rt.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "contact.request")
      .execute();
    expect(mail.map((m) => m.to_address)).toEqual([u.B.email]);
    expect(mail[0].text).not.toContain(u.A.email);

    const pending = (await call("GET", `/api/events/${eventId}/participants`, u.B)).json();
    const aSeenByB = pending.items.find((p: { name: string }) => p.name === "Person A");
    expect(aSeenByB.contact).toMatchObject({
      status: "pending",
      direction: "received",
      email: null,
      message: "Let us talk about shelters",
    });
    expect(
      (await call("POST", `/api/contacts/${req.json().id}/answer`, u.A, { accept: true })).statusCode,
    ).toBe(404);
    expect(
      (await call("POST", `/api/contacts/${req.json().id}/answer`, u.B, { accept: true })).json().status,
    ).toBe("accepted");
    const forA = (await call("GET", `/api/events/${eventId}/participants`, u.A)).json();
    expect(forA.items.find((p: { name: string }) => p.name === "Person B").contact.email).toBe(u.B.email);
    const forB = (await call("GET", `/api/events/${eventId}/participants`, u.B)).json();
    expect(forB.items.find((p: { name: string }) => p.name === "Person A").contact.email).toBe(u.A.email);
  });
});
