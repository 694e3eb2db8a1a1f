import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../testing.ts";

/**
 * Assignment of a recommendation to a colleague: the list of people who can be assigned (the
 * secretariat and admins, staff only), assigning to one of them, refusing anyone else; and the
 * deletion of an answer template, which is audited.
 */
describe("recommendations: assignment to a colleague, answer templates deleted", () => {
  let t: TestApp;
  let staff: TestUser;
  let colleague: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let focalPoint: TestUser;
  let recId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"], name: "Sofia Lindqvist" });
    colleague = await t.user({ roles: ["secretariat"], name: "Karim Benali" });
    admin = await t.user({ roles: ["admin"], name: "Ana Paula Ferreira" });
    member = await t.user({ name: "Aiko Member" });
    focalPoint = await t.user({ roles: ["state_focal_point"], state: "THA", name: "Bua State Focal Point" });
    const r = await t.app.inject({
      method: "POST",
      url: "/api/recommendations",
      headers: member.auth,
      payload: {
        title: { en: "Protect whistleblowers who report trafficking" },
        text: { en: "<p>States parties should protect <strong>whistleblowers</strong>.</p>" },
        originalLang: "en",
        protection: "public",
      },
    });
    expect(r.statusCode).toBe(201);
    recId = r.json().id;
  });
  afterAll(() => t.close());

  const call = (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    user: TestUser | null,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: user?.auth ?? {}, payload: payload as object });

  it("lists the people who can be assigned, to the staff only", async () => {
    expect((await call("GET", "/api/recommendations/assignees", null)).statusCode).toBe(401);
    expect((await call("GET", "/api/recommendations/assignees", member)).statusCode).toBe(403);
    expect((await call("GET", "/api/recommendations/assignees", focalPoint)).statusCode).toBe(403);
    const res = await call("GET", "/api/recommendations/assignees", staff);
    expect(res.statusCode).toBe(200);
    // id and name only, sorted by name; neither members nor State focal points
    expect(res.json()).toEqual([
      { id: admin.id, name: "Ana Paula Ferreira" },
      { id: colleague.id, name: "Karim Benali" },
      { id: staff.id, name: "Sofia Lindqvist" },
    ]);
    expect((await call("GET", "/api/recommendations/assignees", admin)).json()).toHaveLength(3);
  });

  it("assigns to a colleague, whose name the secretariat sees", async () => {
    const res = await call("PATCH", `/api/recommendations/${recId}`, staff, { assignedTo: colleague.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().internal).toMatchObject({ assignedTo: colleague.id, assigneeName: "Karim Benali" });
    const queue = (await call("GET", `/api/recommendations?assigned=${colleague.id}`, staff)).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([recId]);
    // the colleague finds it under "assigned to me"
    const theirs = (await call("GET", "/api/recommendations?assigned=me", colleague)).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).toEqual([recId]);
    // an admin can be assigned too
    const toAdmin = await call("PATCH", `/api/recommendations/${recId}`, colleague, { assignedTo: admin.id });
    expect(toAdmin.json().internal.assigneeName).toBe("Ana Paula Ferreira");
    // the public and the author never see who it is assigned to
    expect((await call("GET", `/api/recommendations/${recId}`, null)).json().internal).toBeUndefined();
    expect(
      (await call("GET", `/api/recommendations/${recId}`, member)).json().internal.assigneeName,
    ).toBeNull();
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .select(["after"])
      .where("action", "=", "recommendation.update")
      .where("entity_id", "=", recId)
      .execute();
    expect(audit.map((a) => JSON.parse(a.after ?? "{}").assigned_to)).toEqual([colleague.id, admin.id]);
  });

  it("refuses to assign to someone who is not staff, with a problem+json error", async () => {
    for (const assignedTo of [member.id, focalPoint.id, "no-such-user", ""]) {
      const res = await call("PATCH", `/api/recommendations/${recId}`, staff, { assignedTo });
      expect(res.statusCode, assignedTo).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json();
      expect(problem.code).toBe("validation");
      expect(problem.fields).toEqual([{ path: "assignedTo", message: "is not a member of the secretariat" }]);
    }
    // nothing changed
    const r = (await call("GET", `/api/recommendations/${recId}`, staff)).json();
    expect(r.internal.assignedTo).toBe(admin.id);
    // a member cannot assign at all, even to the staff
    expect(
      (await call("PATCH", `/api/recommendations/${recId}`, member, { assignedTo: staff.id })).statusCode,
    ).toBe(403);
    // nobody: the assignment is removed
    const none = await call("PATCH", `/api/recommendations/${recId}`, staff, { assignedTo: null });
    expect(none.statusCode).toBe(200);
    expect(none.json().internal).toMatchObject({ assignedTo: null, assigneeName: null });
  });

  it("deletes an answer template and audits the deletion", async () => {
    const added = await call("POST", "/api/answer-templates", staff, {
      name: "Accepted — training programme",
      status: "accepted",
      text: { en: "<p>UNODC accepts this recommendation.</p>" },
    });
    const [tpl] = added.json();
    expect((await call("DELETE", `/api/answer-templates/${tpl.id}`, member)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/answer-templates/${tpl.id}`, colleague)).json()).toEqual([]);
    expect((await call("DELETE", `/api/answer-templates/${tpl.id}`, colleague)).statusCode).toBe(404);
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "before"])
      .where("action", "=", "answer_template.delete")
      .where("entity_id", "=", tpl.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(colleague.id);
    expect(JSON.parse(audit[0].before ?? "{}").name).toBe("Accepted — training programme");
  });
});
