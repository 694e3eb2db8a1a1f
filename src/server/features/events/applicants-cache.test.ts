import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApplicantQuery } from "../../../shared/schemas/events.ts";
import { OrganizationInput } from "../../../shared/schemas/organizations.ts";
import { bumpEpoch } from "../../platform/cache-epoch.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import {
  createTestApp,
  createTestEvent,
  sampleEvent,
  sampleOrg,
  secretariatCtx,
  type TestApp,
  type TestUser,
} from "../../testing.ts";
import { createOrganizationsBulk } from "../organizations/service.ts";
import * as orgStore from "../organizations/store.ts";
import { anonymizePerson, createPeopleBulk } from "../people/service.ts";
import { createApplicationsBulk, listApplications } from "./applications.ts";

/**
 * The applicants table is served from a per-process cache (applicantPages): a page must change as
 * soon as anything it shows changes through the platform — a score, a decision, a person, an
 * organisation — and a change made outside the platform shows once the epoch moves.
 */
describe("events: the applicants table's cached pages", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;
  let ctx: Ctx;
  let orgId: string;
  let personIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    eventId = await createTestEvent(t, staff, sampleEvent({ title: { en: "Cached pages" } }));
    ctx = secretariatCtx(t);
    [orgId] = await createOrganizationsBulk(ctx, [
      {
        input: OrganizationInput.parse(sampleOrg({ names: { en: "Mekong Voices" }, country: "THA" })),
        status: "verified",
      },
    ]);
    personIds = await createPeopleBulk(
      ctx,
      ["Ana", "Bo", "Chen"].map((givenName, i) => ({
        givenName,
        familyName: "Tran",
        email: `c${i}@cache.example`,
        country: "THA",
        birthYear: 1990,
      })),
    );
    await createApplicationsBulk(
      ctx,
      eventId,
      personIds.map((personId) => ({
        personId,
        organizationId: orgId,
        status: "submitted",
        createdAt: "2026-01-05T00:00:00.000Z",
      })),
    );
  });
  afterAll(() => t.close());

  const list = async (query = "") => {
    const res = await t.app.inject({
      url: `/api/events/${eventId}/applications?sort=name&${query}`,
      headers: staff.auth,
    });
    expect(res.statusCode).toBe(200);
    return res.json().items as Array<{
      id: string;
      status: string;
      score: number | null;
      name: string;
      email: string | null;
      personId: string;
      organizationName: string;
    }>;
  };

  it("serves a page again without reading the rows, until an epoch moves", async () => {
    const [first] = await list();
    // Behind the platform's back: the cached page does not see it…
    await t.rt.database.db.updateTable("application").set({ score: 9 }).where("id", "=", first.id).execute();
    expect((await list())[0].score).toBe(first.score);
    // …until a write anywhere moves the applications' epoch.
    await bumpEpoch(t.rt.database.db, "application");
    expect((await list())[0].score).toBe(9);
  });

  it("shows a score and a decision made through the platform at once", async () => {
    const [first] = await list();
    const review = await t.app.inject({
      method: "PATCH",
      url: `/api/applications/${first.id}`,
      headers: staff.auth,
      payload: { score: 4 },
    });
    expect(review.statusCode).toBe(200);
    expect((await list())[0].score).toBe(4);
    const decision = await t.app.inject({
      method: "POST",
      url: `/api/applications/${first.id}/decision`,
      headers: staff.auth,
      payload: { decision: "rejected" },
    });
    expect(decision.statusCode).toBe(200);
    expect((await list()).find((r) => r.id === first.id)?.status).toBe("rejected");
  });

  it("shows a renamed organisation and an anonymised person at once", async () => {
    await list();
    await orgStore.update(ctx, orgId, { name: "Mekong Voices Alliance" });
    expect((await list()).every((r) => r.organizationName === "Mekong Voices Alliance")).toBe(true);
    expect(await list("q=bo")).toHaveLength(1);
    await inTransaction(ctx, (tx) => anonymizePerson(tx, personIds[1]));
    const gone = (await list()).find((r) => r.personId === personIds[1]);
    expect(gone).toMatchObject({ name: "Former member", email: null });
    // Nor is the former name kept for search on the application.
    expect(await list("q=bo")).toEqual([]);
  });

  it("shows someone invited directly at once", async () => {
    await list();
    const [guest] = await createPeopleBulk(ctx, [
      { givenName: "Dara", familyName: "Sok", email: "dara@cache.example", country: "KHM", birthYear: 1999 },
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/events/${eventId}/invitations`,
      headers: staff.auth,
      payload: { personId: guest, organizationId: orgId },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect((await list()).map((r) => r.name)).toContain("Dara Sok");
  });

  it("is for the secretariat, even called from inside the server", async () => {
    const stakeholder: Ctx = { ...ctx, actor: { ...(ctx.actor as any), roles: [] } };
    await expect(listApplications(stakeholder, eventId, ApplicantQuery.parse({}))).rejects.toMatchObject({
      status: 403,
    });
  });
});
