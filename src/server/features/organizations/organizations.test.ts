import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  MULTIPART_HEADERS,
  multipart,
  sampleOrg,
  type TestApp,
  type TestUser,
} from "../../testing.ts";

describe("organisations: registration, vetting, directory", () => {
  let t: TestApp;
  let staff: TestUser;
  let member: TestUser;
  let other: TestUser;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    member = await t.user();
    other = await t.user();
  });
  afterAll(() => t.close());

  const post = (url: string, user: TestUser | null, payload: unknown) =>
    t.app.inject({ method: "POST", url, headers: user?.auth ?? {}, payload: payload as object });

  it("registers an organisation as pending, with its creator as focal point", async () => {
    const res = await post("/api/organizations", member, sampleOrg());
    expect(res.statusCode).toBe(201);
    const org = res.json();
    orgId = org.id;
    expect(org.status).toBe("pending");
    expect(org.canEdit).toBe(true);
    expect(org.region).toBe("APG");
    const me = await t.app.inject({ url: "/api/me", headers: member.auth });
    expect(me.json().memberships).toEqual([
      expect.objectContaining({ organizationId: orgId, role: "focal_point", status: "approved" }),
    ]);
  });

  it("refuses invalid input with the failing fields", async () => {
    const res = await post(
      "/api/organizations",
      member,
      sampleOrg({ country: "Thailand", website: "javascript:alert(1)", names: {} }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("validation");
    expect(body.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["body.country", "body.website", "body.names"]),
    );
  });

  it("keeps pending organisations out of the public directory and hides them from strangers", async () => {
    const list = await t.app.inject({ url: "/api/organizations?q=mekong" });
    expect(list.json().total).toBe(0);
    expect((await t.app.inject({ url: `/api/organizations/${orgId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/organizations/${orgId}`, headers: other.auth })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: "/api/organizations?status=pending" })).statusCode).toBe(403);
    const queue = await t.app.inject({ url: "/api/organizations?status=pending", headers: staff.auth });
    expect(queue.json().items.map((o: { id: string }) => o.id)).toContain(orgId);
  });

  it("rejects only with a reason, and verifies with an e-mail to the focal point", async () => {
    expect((await post(`/api/organizations/${orgId}/reject`, staff, {})).statusCode).toBe(400);
    expect((await post(`/api/organizations/${orgId}/verify`, member, {})).statusCode).toBe(403);
    const res = await post(`/api/organizations/${orgId}/verify`, staff, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("verified");
    const again = await post(`/api/organizations/${orgId}/reject`, staff, { reason: "late" });
    expect(again.statusCode).toBe(409);
    const mails = await t.rt.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "organization.orgVerified")
      .execute();
    expect(mails.map((m) => m.to_address)).toContain(member.email);
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_id", "=", orgId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["organization.create", "organization.verify"]),
    );
    const verify = audit.find((a) => a.action === "organization.verify")!;
    expect(JSON.parse(verify.before!)).toEqual({ status: "pending", statusReason: null });
    expect(verify.actor_id).toBe(staff.id);
  });

  it("shows public fields only to the public, in detail, list and export", async () => {
    const detail = (await t.app.inject({ url: `/api/organizations/${orgId}` })).json();
    expect(detail.name).toBe("Mekong Youth Network");
    expect(detail).not.toHaveProperty("email");
    expect(detail).not.toHaveProperty("statusReason");
    const list = (await t.app.inject({ url: "/api/organizations?q=mekong" })).json();
    expect(list.total).toBe(1);
    expect(JSON.stringify(list)).not.toContain("contact@mekong-youth.example");
    const csv = await t.app.inject({ url: "/api/organizations/export?format=csv&q=mekong" });
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body).toContain("Mekong Youth Network");
    expect(csv.body).not.toContain("contact@mekong-youth.example");
    const staffCsv = await t.app.inject({
      url: "/api/organizations/export?format=csv&q=mekong",
      headers: staff.auth,
    });
    expect(staffCsv.body).toContain("contact@mekong-youth.example");
    const xlsx = await t.app.inject({ url: "/api/organizations/export?format=xlsx&q=mekong" });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("lets only the focal point or the secretariat edit", async () => {
    expect(
      (
        await t.app.inject({
          method: "PATCH",
          url: `/api/organizations/${orgId}`,
          headers: other.auth,
          payload: { acronym: "X" },
        })
      ).statusCode,
    ).toBe(403);
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/organizations/${orgId}`,
      headers: member.auth,
      payload: {
        names: {
          en: "Mekong Youth Network",
          fr: "Réseau des jeunes du Mékong",
          zh: "湄公河青年网络",
          ar: "شبكة شباب ميكونغ",
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().names.fr).toEqual({ value: "Réseau des jeunes du Mékong", origin: "human" });
  });

  it("searches case- and accent-insensitively in Latin, Arabic and Chinese scripts", async () => {
    for (const q of ["RESEAU jeunes", "réseau", "mekong", "湄公河", "青年", "شباب", "شبكه", "youth"]) {
      const res = (await t.app.inject({ url: `/api/organizations?q=${encodeURIComponent(q)}` })).json();
      expect(
        res.items.map((o: { id: string }) => o.id),
        q,
      ).toContain(orgId);
    }
    const none = (await t.app.inject({ url: `/api/organizations?q=${encodeURIComponent("河湄")}` })).json();
    expect(none.items.map((o: { id: string }) => o.id)).not.toContain(orgId);
  });

  it("filters by type, country, regional group, theme, area, ECOSOC status and flags", async () => {
    const ids = async (qs: string) =>
      (await t.app.inject({ url: `/api/organizations?${qs}&pageSize=100` }))
        .json()
        .items.map((o: { id: string }) => o.id);
    expect(await ids("country=THA")).toContain(orgId);
    expect(await ids("country=FRA")).not.toContain(orgId);
    expect(await ids("region=APG")).toContain(orgId);
    expect(await ids("region=WEOG")).not.toContain(orgId);
    expect(await ids("type=ngo&theme=TIP&area=ADVOCACY&youthLed=true")).toContain(orgId);
    expect(await ids("theme=FP")).not.toContain(orgId);
    expect(await ids("youthLed=false")).not.toContain(orgId);
    expect(await ids("ecosoc=general")).not.toContain(orgId);
    expect((await t.app.inject({ url: "/api/organizations?country=thailand" })).statusCode).toBe(400);
  });

  it("paginates and sorts", async () => {
    const created = [];
    for (const name of ["Alpha Institute", "Zeta Centre", "Beta Forum"]) {
      const r = await post(
        "/api/organizations",
        staff,
        sampleOrg({ names: { en: name }, website: null, email: null }),
      );
      created.push(r.json().id);
      await post(`/api/organizations/${r.json().id}/verify`, staff, {});
    }
    const page1 = (await t.app.inject({ url: "/api/organizations?sort=name&pageSize=2&page=1" })).json();
    const page2 = (await t.app.inject({ url: "/api/organizations?sort=name&pageSize=2&page=2" })).json();
    expect(page1.total).toBe(4);
    expect(page1.items.map((o: { name: string }) => o.name)).toEqual(["Alpha Institute", "Beta Forum"]);
    expect(page2.items.map((o: { name: string }) => o.name)).toEqual(["Mekong Youth Network", "Zeta Centre"]);
    const desc = (await t.app.inject({ url: "/api/organizations?sort=-name&pageSize=1" })).json();
    expect(desc.items[0].name).toBe("Zeta Centre");
  });

  it("handles membership requests through the focal point", async () => {
    await t.app.inject({
      method: "PATCH",
      url: "/api/me/locale",
      headers: member.auth,
      payload: { locale: "fr" },
    });
    const req = await post(`/api/organizations/${orgId}/memberships`, other, {
      message: "I work on the Lao side",
    });
    expect(req.statusCode).toBe(201);
    expect((await post(`/api/organizations/${orgId}/memberships`, other, {})).statusCode).toBe(409);
    const publicMembers = (await t.app.inject({ url: `/api/organizations/${orgId}/members` })).json();
    expect(publicMembers.items.every((m: { status: string }) => m.status === "approved")).toBe(true);
    expect(JSON.stringify(publicMembers)).not.toContain(member.email);
    // The focal point is told in their own language.
    const mail = await t.rt.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "organization.membership")
      .where("to_address", "=", member.email)
      .executeTakeFirstOrThrow();
    expect(mail.locale).toBe("fr");
    expect(mail.subject).toBe("Nouvelle demande d'adhésion");
    expect(
      (await post(`/api/memberships/${req.json().id}/decision`, other, { decision: "approved" })).statusCode,
    ).toBe(403);
    const ok = await post(`/api/memberships/${req.json().id}/decision`, member, { decision: "approved" });
    expect(ok.json().status).toBe("approved");
  });

  it("accepts sniffed documents and refuses disguised files", async () => {
    const body = (name: string, type: string, bytes: Buffer) => multipart({ name, type, bytes }).payload;
    const headers = { ...member.auth, ...MULTIPART_HEADERS };
    const fakePdf = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/documents`,
      headers,
      payload: body("statute.pdf", "application/pdf", Buffer.from("<script>alert(1)</script>")),
    });
    expect(fakePdf.statusCode).toBe(415);
    expect(fakePdf.json().code).toBe("file_type_not_allowed");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/documents`,
      headers,
      payload: body("statute.pdf", "application/pdf", pdf),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().mime).toBe("application/pdf");
    const big = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/documents`,
      headers,
      payload: body("big.pdf", "application/pdf", Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)])),
    });
    expect(big.statusCode).toBe(413);
    expect(
      (await t.app.inject({ url: `/api/organizations/${orgId}/documents`, headers: other.auth })).statusCode,
    ).toBe(403);
  });

  it("merges two organisations and keeps the history", async () => {
    const dup = (
      await post(
        "/api/organizations",
        other,
        sampleOrg({ names: { en: "Mekong Youth Netwrk" }, thematicFocus: ["SOM"] }),
      )
    ).json();
    const res = await post(`/api/organizations/${dup.id}/merge`, staff, { into: orgId });
    expect(res.statusCode).toBe(200);
    const merged = (await t.app.inject({ url: `/api/organizations/${orgId}` })).json();
    expect(merged.thematicFocus).toEqual(expect.arrayContaining(["TIP", "SOM"]));
    const source = (await t.app.inject({ url: `/api/organizations/${dup.id}`, headers: staff.auth })).json();
    expect(source.status).toBe("merged");
    expect(source.mergedInto).toBe(orgId);
    const members = (
      await t.app.inject({ url: `/api/organizations/${orgId}/members`, headers: staff.auth })
    ).json();
    expect(members.items.length).toBeGreaterThanOrEqual(2);
  });
});
