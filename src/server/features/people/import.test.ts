import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sampleOrg, type TestApp, type TestUser } from "../../testing.ts";

describe("import of people", () => {
  let t: TestApp;
  let staff: TestUser;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"], name: "Existing Person" });
    orgId = (
      await t.app.inject({
        method: "POST",
        url: "/api/organizations",
        headers: staff.auth,
        payload: sampleOrg(),
      })
    ).json().id;
    await t.app.inject({
      method: "POST",
      url: `/api/organizations/${orgId}/verify`,
      headers: staff.auth,
      payload: {},
    });
    await t.app.inject({
      method: "PUT",
      url: "/api/me/profile",
      headers: staff.auth,
      payload: { givenName: "Nguyen", familyName: "Thi Lan", country: "VNM", consent: true },
    });
  });
  afterAll(() => t.close());

  const send = (content: string, fields: Record<string, string>) => {
    const boundary = "----people";
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const payload = Buffer.concat([
      Buffer.from(parts.join("")),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: "POST",
      url: "/api/people/import",
      headers: { ...staff.auth, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  };

  // Semicolon-separated, as spreadsheet programs write it in many locales.
  const csv = [
    "First name;Last name;E-mail;Country;Organisation;Role;Year of birth;Languages",
    "Somchai;Prasert;somchai@mekong.example;Thailand;Mekong Youth Network;member;1997;th, en",
    "Nguyen;Thi Lann;;Viet Nam;;;;",
    "Ana;Reyes;ana@x.example;PHL;Unknown Org;;;",
    ";Nameless;;;;;;",
    "Dup;Email;somchai@mekong.example;THA;;;;",
    "Bad;Year;;;;;19x7;",
  ].join("\n");

  it("previews with mapping, per-line errors and duplicates", async () => {
    const res = await send(csv, { dryRun: "true" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mapping).toMatchObject({
      "First name": "givenName",
      "Last name": "familyName",
      "E-mail": "email",
      Organisation: "organization",
      "Year of birth": "birthYear",
    });
    const byLine = Object.fromEntries(body.rows.map((r: any) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ errors: [], action: "create" });
    expect(byLine[3].duplicates[0]).toMatchObject({ reason: "similar_name", name: "Nguyen Thi Lan" });
    expect(byLine[4].errors[0].field).toBe("organization");
    expect(byLine[5].errors[0].field).toBe("givenName");
    expect(byLine[6].duplicates[0]).toMatchObject({ reason: "same_file", line: 2 });
    expect(byLine[7].errors[0].field).toBe("birthYear");
  });

  it("imports the confirmed rows with memberships, all or nothing", async () => {
    const refused = await send(csv, { dryRun: "false", decisions: JSON.stringify({ 4: "create" }) });
    expect(refused.statusCode).toBe(400);
    expect(
      await t.rt.database.db
        .selectFrom("person")
        .selectAll()
        .where("email", "=", "somchai@mekong.example")
        .execute(),
    ).toHaveLength(0);
    const ok = await send(csv, { dryRun: "false", decisions: JSON.stringify({ 3: "create" }) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ created: 2, merged: 0, skipped: 4 });
    // Imported people have not consented to be listed: the secretariat sees them, the public does not.
    const staffView = (
      await t.app.inject({ url: `/api/organizations/${orgId}/members`, headers: staff.auth })
    ).json();
    const somchai = staffView.items.find((m: any) => m.person.name === "Somchai Prasert");
    expect(somchai).toMatchObject({
      status: "approved",
      person: { email: "somchai@mekong.example", birthYear: 1997 },
    });
    const members = (await t.app.inject({ url: `/api/organizations/${orgId}/members` })).json();
    expect(members.items.map((m: any) => m.person.name)).not.toContain("Somchai Prasert");
    expect((await t.app.inject({ url: `/api/people/${somchai.person.id}` })).statusCode).toBe(404);
    expect(JSON.stringify(members)).not.toContain("somchai@mekong.example");
  });
});
