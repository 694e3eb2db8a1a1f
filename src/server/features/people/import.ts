import { distance } from "fastest-levenshtein";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { DEFAULT_VISIBILITY } from "../../../shared/schemas/people.ts";
import { nameKey, normalizeEmail } from "../../../shared/text.ts";
import { nowIso } from "../../db/index.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { touch } from "../../platform/cache-epoch.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { forbidden } from "../../platform/errors.ts";
import {
  assertCommittable,
  chooseAction,
  type ImportRequest,
  type ImportRow,
  importSummary,
  readImportTable,
  splitList,
  suggestMapping,
} from "../../platform/tabular.ts";
import { addMembershipsBulk } from "../organizations/service.ts";
import { countryResolver } from "../reference/service.ts";
import { insertPeople, type PersonRow } from "./service.ts";

export const PEOPLE_FIELDS = [
  "givenName",
  "familyName",
  "email",
  "title",
  "country",
  "organization",
  "orgRole",
  "languages",
  "expertise",
  "gender",
  "birthYear",
] as const;
type Field = (typeof PEOPLE_FIELDS)[number];

const SYNONYMS: Record<Field, string[]> = {
  givenName: ["given name", "first name", "firstname", "prenom", "nombre", "given names", "forename"],
  familyName: [
    "family name",
    "last name",
    "lastname",
    "surname",
    "nom",
    "apellido",
    "apellidos",
    "nom de famille",
  ],
  email: ["email", "e mail", "mail", "email address", "courriel", "correo"],
  title: ["title", "position", "job title", "function", "fonction", "cargo"],
  country: ["country", "pays", "pais", "country code", "iso3", "nationality"],
  organization: ["organization", "organisation", "institution", "affiliation", "employer", "organisme"],
  orgRole: ["role", "org role", "organization role", "organisation role"],
  languages: ["languages", "language", "langues", "idiomas"],
  expertise: ["expertise", "areas of expertise", "skills", "topics"],
  gender: ["gender", "sex", "genre", "genero"],
  birthYear: ["birth year", "year of birth", "born", "annee de naissance"],
};

export const suggestPeopleMapping = (columns: string[]) => suggestMapping(columns, PEOPLE_FIELDS, SYNONYMS);

/**
 * Imports people from CSV/XLSX: preview with mapping, per-line errors and duplicates (same e-mail,
 * similar name in the same country, repeated rows), then an all-or-nothing commit of the confirmed
 * batch. People are linked to existing organisations by name; memberships are approved.
 */
export async function importPeople(ctx: Ctx, opts: ImportRequest) {
  if (!isStaff(ctx.actor)) throw forbidden();
  const table = await readImportTable(opts.file, {
    fields: PEOPLE_FIELDS,
    synonyms: SYNONYMS,
    mapping: opts.mapping,
    required: ["givenName"],
    requiredMessage: "Map a column to the given name.",
    maxRows: 100_000,
  });
  const toCountry = await countryResolver(ctx);

  const orgs = await ctx.db
    .selectFrom("organization")
    .select(["id", "name", "name_key", "acronym"])
    .where("status", "!=", "merged")
    .execute();
  const orgByKey = new Map<string, { id: string; name: string }>();
  for (const o of orgs) {
    orgByKey.set(o.name_key, o);
    if (o.acronym) orgByKey.set(`acronym:${o.acronym.toLowerCase()}`, o);
  }

  const existing = await ctx.db
    .selectFrom("person")
    .select(["id", "given_name", "family_name", "name_key", "email", "country"])
    .where("anonymized_at", "is", null)
    .execute();
  const byEmail = new Map(existing.filter((p) => p.email).map((p) => [p.email!, p]));
  const byBlock = new Map<string, typeof existing>();
  const blockOf = (country: string | null, key: string) => `${country ?? ""}|${key.slice(0, 2)}`;
  for (const p of existing) {
    const b = blockOf(p.country, p.name_key);
    const list = byBlock.get(b) ?? [];
    list.push(p);
    byBlock.set(b, list);
  }
  const seenEmail = new Map<string, number>();
  const seenName = new Map<string, number>();

  const rows: ImportRow[] = [];
  const parsed = new Map<
    number,
    {
      person: Omit<PersonRow, "id" | "created_at" | "updated_at">;
      orgId: string | null;
      role: "focal_point" | "member";
    }
  >();
  const year = new Date().getUTCFullYear();

  for (const { line, data } of table.rows) {
    const errors: ImportRow["errors"] = [];
    if (!data.givenName) errors.push({ field: "givenName", message: "required" });
    const email = normalizeEmail(data.email) ?? null;
    if (email && !z.email().safeParse(email).success)
      errors.push({ field: "email", message: `not an e-mail address “${data.email}”` });
    const country = data.country ? (toCountry(data.country) ?? null) : null;
    if (data.country && !country)
      errors.push({ field: "country", message: `unknown country “${data.country}”` });
    let orgId: string | null = null;
    if (data.organization) {
      const o =
        orgByKey.get(nameKey(data.organization)) ??
        orgByKey.get(`acronym:${data.organization.toLowerCase()}`);
      if (!o)
        errors.push({
          field: "organization",
          message: `no organisation named “${data.organization}” in the registry`,
        });
      else orgId = o.id;
    }
    const role = data.orgRole
      ? /focal/i.test(data.orgRole)
        ? "focal_point"
        : /member|membre|miembro/i.test(data.orgRole)
          ? "member"
          : ""
      : "member";
    if (!role) errors.push({ field: "orgRole", message: "use focal_point or member" });
    let birthYear: number | null = null;
    if (data.birthYear) {
      birthYear = Number(data.birthYear);
      if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > year) {
        errors.push({ field: "birthYear", message: `not a year “${data.birthYear}”` });
        birthYear = null;
      }
    }
    const languages = data.languages ? splitList(data.languages).map((l) => l.toLowerCase()) : [];
    for (const l of languages)
      if (!/^[a-z]{2,3}$/.test(l))
        errors.push({ field: "languages", message: `use language codes such as en, fr (“${l}”)` });
    const key = nameKey(`${data.givenName ?? ""} ${data.familyName ?? ""}`);
    const duplicates: ImportRow["duplicates"] = [];
    if (!errors.length) {
      if (email) {
        const e = byEmail.get(email);
        if (e)
          duplicates.push({
            id: e.id,
            name: `${e.given_name} ${e.family_name}`.trim(),
            reason: "email",
            score: 1,
          });
        const earlier = seenEmail.get(email);
        if (earlier)
          duplicates.push({
            id: null,
            name: `${data.givenName} ${data.familyName ?? ""}`.trim(),
            reason: "same_file",
            score: 1,
            line: earlier,
          });
        else seenEmail.set(email, line);
      }
      if (!duplicates.length && key.length >= 4) {
        let best: { p: (typeof existing)[number]; score: number } | null = null;
        for (const p of byBlock.get(blockOf(country, key)) ?? []) {
          const len = Math.max(key.length, p.name_key.length);
          const score = 1 - distance(key, p.name_key) / len;
          if (score >= 0.9 && (!best || score > best.score)) best = { p, score };
        }
        if (best)
          duplicates.push({
            id: best.p.id,
            name: `${best.p.given_name} ${best.p.family_name}`.trim(),
            reason: "similar_name",
            score: Math.round(best.score * 100) / 100,
          });
        const nk = `${country ?? ""}|${key}`;
        const earlier = seenName.get(nk);
        if (earlier && !email)
          duplicates.push({
            id: null,
            name: data.givenName,
            reason: "same_file",
            score: 0.95,
            line: earlier,
          });
        else seenName.set(nk, line);
      }
      parsed.set(line, {
        orgId,
        role: role as "focal_point" | "member", // rows with an invalid role never get here
        person: {
          user_id: null,
          given_name: data.givenName,
          family_name: data.familyName ?? "",
          name_key: key,
          email,
          title: data.title || null,
          country,
          languages: JSON.stringify(languages),
          expertise: JSON.stringify(data.expertise ? splitList(data.expertise) : []),
          gender: data.gender || null,
          birth_year: birthYear,
          youth_declared: null,
          bio: "{}",
          visibility: JSON.stringify(DEFAULT_VISIBILITY),
          consent_at: null,
          consent_version: null,
          anonymized_at: null,
        },
      });
    }
    rows.push({
      line,
      data,
      errors,
      duplicates,
      action: chooseAction({ errors, duplicates }, opts.decisions?.[String(line)]),
    });
  }

  const summary = importSummary(rows);

  if (opts.dryRun)
    return {
      dryRun: true,
      columns: table.columns,
      mapping: table.mapping,
      fields: PEOPLE_FIELDS,
      rows,
      summary,
    };

  assertCommittable(rows, new Set(existing.map((p) => p.id)), "person");
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const created: PersonRow[] = [];
    const memberships: Array<{ organizationId: string; personId: string; role: "focal_point" | "member" }> =
      [];
    for (const r of rows.filter((x) => x.action === "create")) {
      const p = parsed.get(r.line)!;
      const row: PersonRow = {
        ...p.person,
        id: uuidv7(),
        consent_at: null,
        consent_version: null,
        created_at: now,
        updated_at: now,
      };
      created.push(row);
      if (p.orgId) memberships.push({ organizationId: p.orgId, personId: row.id, role: p.role });
    }
    await insertPeople(tx, created);
    let merged = 0;
    for (const r of rows.filter((x) => x.action.startsWith("merge:"))) {
      const targetId = r.action.slice(6);
      const p = parsed.get(r.line)!;
      const before = await tx.db
        .selectFrom("person")
        .selectAll()
        .where("id", "=", targetId)
        .executeTakeFirstOrThrow();
      const fill = {
        email: before.email ?? p.person.email,
        title: before.title ?? p.person.title,
        country: before.country ?? p.person.country,
        gender: before.gender ?? p.person.gender,
        birth_year: before.birth_year ?? p.person.birth_year,
        updated_at: now,
      };
      await tx.db.updateTable("person").set(fill).where("id", "=", targetId).execute();
      await touch(tx, "person");
      if (p.orgId) {
        const has = await tx.db
          .selectFrom("membership")
          .select("id")
          .where("organization_id", "=", p.orgId)
          .where("person_id", "=", targetId)
          .executeTakeFirst();
        if (!has) memberships.push({ organizationId: p.orgId, personId: targetId, role: p.role });
      }
      await writeAudit(tx.db, {
        actor: ctx.actor,
        action: "person.import.merge",
        entity: "person",
        entityId: targetId,
        before,
        after: fill,
        ip: ctx.ip,
      });
      merged++;
    }
    if (memberships.length) await addMembershipsBulk(tx, memberships);
    const skipped = rows.filter((r) => r.action === "skip").length;
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "person.import",
      entity: "person",
      after: {
        file: opts.file.name,
        created: created.length,
        merged,
        skipped,
        memberships: memberships.length,
        ids: created.map((c) => c.id),
      },
      ip: ctx.ip,
    });
    return { dryRun: false, created: created.length, merged, skipped, summary };
  });
}
