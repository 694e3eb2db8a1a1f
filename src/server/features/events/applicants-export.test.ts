import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApplicantQuery } from "../../../shared/schemas/events.ts";
import { OrganizationInput } from "../../../shared/schemas/organizations.ts";
import { inTransaction } from "../../platform/context.ts";
import { webLabel } from "../../platform/i18n/web-labels.ts";
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
import { anonymizePerson, createPeopleBulk } from "../people/service.ts";
import { exportApplicants } from "./applicants-export.ts";
import { createApplicationsBulk } from "./applications.ts";

const web = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../../web/i18n/locales/${lang}.json`, import.meta.url), "utf8"));

/**
 * The applicants export: the table's matches in its order, with the texts of each application, in
 * the caller's language, parsed back by the real CSV parser and by ExcelJS.
 */
describe("events: the applicants export (CSV and XLSX)", () => {
  let t: TestApp;
  let staff: TestUser;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    eventId = await createTestEvent(
      t,
      staff,
      sampleEvent({
        title: { en: "Export" },
        questions: [
          { id: "experience", kind: "text", label: { en: "Your experience", fr: "Votre expérience" } },
          {
            id: "area",
            kind: "single",
            label: { en: "Main area" },
            options: [
              { value: "tip", label: { en: "Trafficking in persons", fr: "Traite des personnes" } },
              { value: "som", label: { en: "Smuggling of migrants" } },
            ],
          },
          {
            id: "langs",
            kind: "multiple",
            label: { en: "Languages" },
            options: [
              { value: "en", label: { en: "English" } },
              { value: "fr", label: { en: "French" } },
            ],
          },
        ],
      }),
    );
    const ctx = secretariatCtx(t);
    const [orgId] = await createOrganizationsBulk(ctx, [
      {
        input: OrganizationInput.parse(
          sampleOrg({ names: { en: "Mekong Voices" }, country: "THA", type: "ngo" }),
        ),
        status: "verified",
      },
    ]);
    const personIds = await createPeopleBulk(ctx, [
      {
        givenName: "Ana",
        familyName: 'Tran, "Jr"',
        email: "ana@export.example",
        country: "THA",
        birthYear: 2001,
      },
      { givenName: "Bo", familyName: "Lee", email: "bo@export.example", country: "VNM", birthYear: 1970 },
      { givenName: "Chen", familyName: "Wu", email: "chen@export.example", country: "THA", birthYear: 1985 },
    ]);
    await createApplicationsBulk(ctx, eventId, [
      {
        personId: personIds[0],
        organizationId: orgId,
        status: "accepted",
        createdAt: "2026-01-05T08:00:00.000Z",
        decidedAt: "2026-01-20T10:00:00.000Z",
        motivation: '=HYPERLINK("http://evil.example","x")',
        answers: { experience: "Ten years,\nin the field", area: "tip", langs: ["en", "fr"] },
        travelJustification: "No funding",
        score: 8,
        notes: "Strong",
      },
      {
        personId: personIds[1],
        organizationId: orgId,
        status: "submitted",
        createdAt: "2026-01-06T08:00:00.000Z",
        motivation: "I coordinate a network.",
        answers: { area: "som" },
      },
      {
        personId: personIds[2],
        organizationId: orgId,
        status: "accepted",
        createdAt: "2026-01-07T08:00:00.000Z",
        motivation: "Research on smuggling.",
      },
    ]);
  });
  afterAll(() => t.close());

  const get = (query: string, headers: Record<string, string> = staff.auth) =>
    t.app.inject({ url: `/api/events/${eventId}/applications/export?${query}`, headers });

  it("gives the table's matches in its order, with the texts, in English", async () => {
    const res = await get("status=accepted&sort=name&dir=desc&format=csv&lang=en");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="applicants-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = parse(res.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    const en = web("en");
    // Two accepted applicants, by name descending: Chen Wu, then Ana Tran.
    expect(rows.map((r) => r[en.fields.name])).toEqual(["Chen Wu", 'Ana Tran, "Jr"']);
    const ana = rows[1];
    expect(ana).toMatchObject({
      [en.fields.email]: "ana@export.example",
      [en.fields.organization]: "Mekong Voices",
      [en.fields.type]: en.orgType.ngo,
      [en.fields.status]: en.applicationStatus.accepted,
      [en.applicants.score]: "8",
      [en.applicants.travel]: en.common.yes,
      [en.fields.travelJustification]: "No funding",
      [en.applicants.appliedOn]: "2026-01-05",
      [en.applicants.decidedOn]: "2026-01-20",
      // A formula in user text stays text.
      [en.fields.motivation]: `'=HYPERLINK("http://evil.example","x")`,
      "Your experience": "Ten years,\nin the field",
      "Main area": "Trafficking in persons",
      Languages: "English; French",
      [en.applicants.notesColumn]: "Strong",
    });
    expect(rows[0][en.applicants.travel]).toBe(en.common.no);
    expect(rows[0][en.applicants.score]).toBe("");
    // The export is audited, with what was asked and how many rows left.
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "after"])
      .where("action", "=", "application.export")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].entity_id).toBe(eventId);
    expect(JSON.parse(audit[0].after as string)).toMatchObject({
      format: "csv",
      rows: 2,
      filters: { status: "accepted" },
    });
  });

  it("speaks the asked language, and XLSX holds the same cells (right to left in Arabic)", async () => {
    const fr = web("fr");
    const csv = parse((await get("sort=created&lang=fr")).body, { bom: true }) as string[][];
    expect(csv[0]).toContain(fr.fields.status);
    expect(csv[0]).toContain("Votre expérience");
    expect(csv[1]).toContain("Traite des personnes");
    expect(csv[1]).toContain(fr.applicationStatus.accepted);
    expect(csv).toHaveLength(4);

    const res = await get("sort=created&lang=fr&format=xlsx");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    const cells: string[][] = [];
    ws.eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v))));
    });
    // The same cells, except that the CSV guards a formula with an apostrophe where the XLSX holds
    // the text as text (a string cell, no formula).
    expect(cells).toEqual(csv.map((r) => r.map((v) => v.replace(/^'(?=[=+\-@])/, ""))));
    const motivation = ws.getRow(2).getCell(csv[0].indexOf(fr.fields.motivation) + 1);
    expect(motivation.value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(motivation.type).toBe(ExcelJS.ValueType.String);
    expect(motivation.formula).toBeUndefined();

    const ar = await get("lang=ar&format=xlsx");
    const arBook = new ExcelJS.Workbook();
    await arBook.xlsx.load(ar.rawPayload as any);
    expect(arBook.worksheets[0].views[0]).toMatchObject({ rightToLeft: true });
    expect(arBook.worksheets[0].getRow(1).getCell(1).value).toBe(web("ar").fields.name);
  });

  it("refuses more matches than one file holds, and says why", async () => {
    const ctx = secretariatCtx(t);
    await expect(
      exportApplicants(ctx, eventId, ApplicantQuery.parse({}), "csv", "en", 2),
    ).rejects.toMatchObject({
      status: 400,
      code: "export_too_large",
    });
    expect((await exportApplicants(ctx, eventId, ApplicantQuery.parse({}), "csv", "en", 3)).rows).toBe(3);
  });

  it("is kept by no cache, and reads only the six label files", async () => {
    const res = await get("format=csv");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(webLabel("../../../../package", "fields.name")).toBe(web("en").fields.name);
    expect(webLabel("de", "fields.name")).toBe(web("en").fields.name);
    // A saved locale that is not one of the six (sign-up takes any text) reads as English.
    const setLocale = (locale: string) =>
      t.rt.database.db.updateTable("user").set({ locale }).where("id", "=", staff.id).execute();
    await setLocale("../../../../package");
    const csv = await get("format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith(`\uFEFF${web("en").fields.name},`)).toBe(true);
    const report = await t.app.inject({ url: `/api/events/${eventId}/report.pdf`, headers: staff.auth });
    expect(report.statusCode, report.body.slice(0, 200)).toBe(200);
    await setLocale("fr");
    expect((await get("format=csv")).body.startsWith(`\uFEFF${web("fr").fields.name},`)).toBe(true);
    await setLocale("en");
  });

  it("leaves out what an anonymised applicant wrote, and their name and e-mail", async () => {
    const before = parse((await get("sort=created")).body, { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    const en = web("en");
    const ana = before.find((r) => r[en.fields.email] === "ana@export.example")!;
    const ctx = secretariatCtx(t);
    const person = await t.rt.database.db
      .selectFrom("person")
      .select("id")
      .where("email", "=", "ana@export.example")
      .executeTakeFirstOrThrow();
    await inTransaction(ctx, (tx) => anonymizePerson(tx, person.id));
    const after = parse((await get("sort=created")).body, { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    expect(after).toHaveLength(before.length);
    const gone = after[before.indexOf(ana)];
    expect(gone).toMatchObject({
      [en.fields.name]: "Former member",
      [en.fields.email]: "",
      [en.fields.motivation]: "",
      [en.fields.travelJustification]: "",
      "Your experience": "",
      [en.applicants.notesColumn]: "",
      // What the event's numbers need stays.
      [en.fields.status]: en.applicationStatus.accepted,
      [en.fields.country]: ana[en.fields.country],
    });
    expect(JSON.stringify(after)).not.toContain("Tran");
  });

  it("is for the secretariat only", async () => {
    const stakeholder = await t.user();
    expect((await get("format=csv", stakeholder.auth)).statusCode).toBe(403);
    expect((await get("format=csv", {})).statusCode).toBe(401);
    expect((await get("format=pdf")).statusCode).toBe(400);
  });
});
