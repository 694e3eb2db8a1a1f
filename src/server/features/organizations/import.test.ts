import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, multipart, sampleOrg, type TestApp, type TestUser } from "../../testing.ts";

describe("import of organisations", () => {
  let t: TestApp;
  let staff: TestUser;
  let existingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["admin"] });
    const org = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: staff.auth,
      payload: sampleOrg(),
    });
    existingId = org.json().id;
    await t.app.inject({
      method: "POST",
      url: `/api/organizations/${existingId}/verify`,
      headers: staff.auth,
      payload: {},
    });
  });
  afterAll(() => t.close());

  const csv = [
    "Organisation name,Acronym,Type,Country,Website,E-mail",
    "Bangkok Legal Aid Forum,BLAF,NGO,Thailand,blaf.example,info@blaf.example",
    '"Institute for Research, Peace and Justice",IRPJ,University,PHL,https://irpj.example,',
    "Mekong Youth Network,,NGO,THA,,",
    "Mekong Youth Netwrok,,ngo,THA,,",
    "Nowhere Org,,NGO,Atlantis,,",
    "Hanoi Tech Shield,HTS,company,Viet Nam,https://www.mekong-youth.example/about,",
    "Bangkok Legal Aid Forum,BLAF,NGO,THA,,",
  ].join("\n");

  const send = (
    content: string | Buffer,
    fields: Record<string, string>,
    name = "orgs.csv",
    type = "text/csv",
  ) => {
    const m = multipart(
      { name, type, bytes: Buffer.isBuffer(content) ? content : Buffer.from(content) },
      fields,
    );
    return t.app.inject({
      method: "POST",
      url: "/api/organizations/import",
      headers: { ...staff.auth, ...m.headers },
      payload: m.payload,
    });
  };

  it("previews with a suggested column mapping, per-line errors and duplicates", async () => {
    const res = await send(`\uFEFF${csv}`, { dryRun: "true" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mapping).toMatchObject({
      "Organisation name": "name",
      Country: "country",
      Website: "website",
      "E-mail": "email",
      Type: "type",
    });
    const byLine = Object.fromEntries(body.rows.map((r: any) => [r.line, r]));
    expect(byLine[2].errors).toEqual([]);
    expect(byLine[2].action).toBe("create");
    expect(byLine[3].data.name).toBe("Institute for Research, Peace and Justice");
    expect(byLine[4].duplicates[0]).toMatchObject({ id: existingId, reason: "name_country" });
    expect(byLine[4].action).toBe("skip");
    expect(byLine[5].duplicates[0]).toMatchObject({ id: existingId, reason: "similar_name" });
    expect(byLine[6].errors).toEqual([expect.objectContaining({ field: "country" })]);
    expect(byLine[7].duplicates.map((d: any) => d.reason)).toContain("website");
    expect(byLine[8].duplicates).toEqual([expect.objectContaining({ reason: "same_file", line: 2 })]);
    expect(body.summary).toMatchObject({ total: 7, invalid: 1 });
  });

  it("refuses the whole batch while a row with errors is not skipped, and writes nothing", async () => {
    const before = (await t.app.inject({ url: "/api/organizations?pageSize=1" })).json().total;
    const res = await send(csv, { dryRun: "false", decisions: JSON.stringify({ 6: "create" }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("import_invalid_rows");
    expect(res.json().fields[0].path).toBe("line 6.country");
    expect((await t.app.inject({ url: "/api/organizations?pageSize=1" })).json().total).toBe(before);
  });

  it("imports the confirmed batch with merge and skip decisions, all in one transaction", async () => {
    const res = await send(csv, {
      dryRun: "false",
      decisions: JSON.stringify({ 5: `merge:${existingId}`, 7: "skip", 8: "skip" }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, merged: 1, skipped: 4 });
    const list = (await t.app.inject({ url: "/api/organizations?q=bangkok" })).json();
    expect(list.total).toBe(1);
    const irpj = (await t.app.inject({ url: "/api/organizations?q=IRPJ" })).json().items[0];
    expect(irpj).toMatchObject({ type: "academia", country: "PHL" });
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "organization.import")
      .execute();
    expect(JSON.parse(audit[0].after!)).toMatchObject({ created: 2, merged: 1 });
  });

  it("reads XLSX with the real parser", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["Name", "Country", "Type"]);
    ws.addRow(["Dhaka Anti-Trafficking Alliance", "BGD", "network"]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await send(
      bytes,
      { dryRun: "true" },
      "orgs.xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0]).toMatchObject({
      line: 2,
      errors: [],
      data: { name: "Dhaka Anti-Trafficking Alliance", country: "BGD", type: "network" },
    });
  });

  it("asks for a mapping when name or country cannot be found, and refuses files that are not tables", async () => {
    const res = await send("foo,bar\n1,2\n", { dryRun: "true" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "import_mapping", columns: ["foo", "bar"] });
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const bad = await send(Buffer.concat([png, Buffer.alloc(20)]), { dryRun: "true" }, "x.csv");
    expect(bad.statusCode).toBe(400);
    const member = await t.user();
    const m = multipart({ name: "x.csv", type: "text/csv", bytes: Buffer.from(csv) }, { dryRun: "true" });
    const denied = await t.app.inject({
      method: "POST",
      url: "/api/organizations/import",
      headers: { ...member.auth, ...m.headers },
      payload: m.payload,
    });
    expect(denied.statusCode).toBe(403);
  });
});
