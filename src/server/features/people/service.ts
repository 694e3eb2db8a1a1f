import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import {
  CONSENT_VERSION,
  DEFAULT_VISIBILITY,
  isYouth,
  type PersonPublic,
  type ProfileInput,
} from "../../../shared/schemas/people.ts";
import { nameKey } from "../../../shared/text.ts";
import { nowIso } from "../../db/index.ts";
import type { DB, PersonTable } from "../../db/schema.ts";
import { writeAudit } from "../../platform/audit.ts";
import { touch } from "../../platform/cache-epoch.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { notFound, unauthorized } from "../../platform/errors.ts";
import { membershipsOfPerson } from "../organizations/service.ts";

export type PersonRow = PersonTable;

export function visibilityOf(row: Pick<PersonRow, "visibility">): Record<string, "public" | "private"> {
  return { ...DEFAULT_VISIBILITY, ...(JSON.parse(row.visibility) as Record<string, "public" | "private">) };
}

/**
 * What a viewer may see of a person: everything for the person and the secretariat, only the
 * fields marked public for anyone else. Anonymised people show no personal field at all.
 */
export function personView(
  row: PersonRow,
  opts: {
    full: boolean;
    organizations?: Array<{ id: string; name: string; role: string }>;
    refYear?: number;
  },
): PersonPublic {
  const name = `${row.given_name} ${row.family_name}`.trim();
  if (row.anonymized_at) return { id: row.id, name };
  const vis = visibilityOf(row);
  const show = (f: string) => opts.full || vis[f] === "public";
  const out: PersonPublic = { id: row.id, name };
  if (show("title")) out.title = row.title;
  if (show("country")) out.country = row.country;
  if (show("languages")) out.languages = JSON.parse(row.languages);
  if (show("expertise")) out.expertise = JSON.parse(row.expertise);
  if (show("bio")) out.bio = JSON.parse(row.bio);
  if (show("email")) out.email = row.email;
  if (show("gender")) out.gender = row.gender;
  if (show("birthYear")) {
    out.birthYear = row.birth_year;
    out.youth = isYouth(
      row.birth_year,
      row.youth_declared == null ? null : !!row.youth_declared,
      opts.refYear ?? new Date().getUTCFullYear(),
    );
  }
  if (show("organizations") && opts.organizations) out.organizations = opts.organizations;
  return out;
}

export async function personByUser(db: Kysely<DB>, userId: string) {
  return db.selectFrom("person").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** The person record behind a user account, created from the account's name when missing. */
export async function ensurePersonForUser(
  db: Kysely<DB>,
  user: { userId: string; name: string; email: string },
): Promise<PersonRow> {
  const existing = await personByUser(db, user.userId);
  if (existing) return existing;
  const [given, ...rest] = user.name.trim().split(/\s+/);
  const now = nowIso();
  const row: PersonRow = {
    id: uuidv7(),
    user_id: user.userId,
    given_name: given || user.email,
    family_name: rest.join(" "),
    name_key: nameKey(user.name),
    email: user.email.toLowerCase(),
    title: null,
    country: null,
    languages: "[]",
    expertise: "[]",
    gender: null,
    birth_year: null,
    youth_declared: null,
    bio: "{}",
    visibility: "{}",
    consent_at: null,
    consent_version: null,
    anonymized_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto("person").values(row).execute();
  return row;
}

/** What a person is found by: names, title and expertise (never contact or private details). */
export function personSearchParts(row: PersonRow): string[] {
  return [row.given_name, row.family_name, row.title ?? "", ...(JSON.parse(row.expertise) as string[])];
}

/** Inserts new people with their search documents; call inside a transaction. */
export async function insertPeople(tx: Ctx, rows: PersonRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await tx.db
      .insertInto("person")
      .values(rows.slice(i, i + 200))
      .execute();
  }
  await tx.search.putMany(
    tx.db,
    "person",
    rows.map((r) => ({ id: r.id, parts: personSearchParts(r) })),
  );
}

export function profileOf(row: PersonRow) {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    title: row.title,
    country: row.country,
    languages: JSON.parse(row.languages) as string[],
    expertise: JSON.parse(row.expertise) as string[],
    gender: row.gender,
    birthYear: row.birth_year,
    youthDeclared: row.youth_declared == null ? null : !!row.youth_declared,
    bio: JSON.parse(row.bio) as Record<string, string>,
    visibility: visibilityOf(row),
    consentAt: row.consent_at,
    consentVersion: row.consent_version,
  };
}
export type Profile = ReturnType<typeof profileOf>;

export async function updateMyProfile(ctx: Ctx, input: ProfileInput): Promise<Profile> {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return inTransaction(ctx, async (tx) => {
    const before = await ensurePersonForUser(tx.db, actor);
    const now = nowIso();
    const values: Partial<PersonRow> = {
      given_name: input.givenName,
      family_name: input.familyName,
      name_key: nameKey(`${input.givenName} ${input.familyName}`),
      title: input.title ?? null,
      country: input.country ?? null,
      languages: JSON.stringify(input.languages),
      expertise: JSON.stringify(input.expertise),
      gender: input.gender ?? null,
      birth_year: input.birthYear ?? null,
      youth_declared: input.youthDeclared == null ? null : input.youthDeclared ? 1 : 0,
      bio: JSON.stringify(input.bio),
      visibility: JSON.stringify({ ...DEFAULT_VISIBILITY, ...input.visibility }),
      updated_at: now,
    };
    if (!before.consent_at) {
      values.consent_at = now;
      values.consent_version = CONSENT_VERSION;
    }
    await tx.db.updateTable("person").set(values).where("id", "=", before.id).execute();
    await touch(tx, "person");
    const after = (await tx.db
      .selectFrom("person")
      .selectAll()
      .where("id", "=", before.id)
      .executeTakeFirst())!;
    await tx.search.put(tx.db, "person", after.id, personSearchParts(after));
    await writeAudit(tx.db, {
      actor,
      action: "person.update",
      entity: "person",
      entityId: before.id,
      before: profileOf(before),
      after: profileOf(after),
      ip: ctx.ip,
    });
    return profileOf(after);
  });
}

export async function getPerson(ctx: Ctx, id: string): Promise<PersonPublic> {
  const row = await ctx.db.selectFrom("person").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("person");
  const full =
    !!ctx.actor &&
    (row.user_id === ctx.actor.userId ||
      ctx.actor.roles.includes("secretariat") ||
      ctx.actor.roles.includes("admin"));
  // Without consent (e.g. imported by the secretariat) a person is not shown to others at all.
  if (!full && !row.consent_at && !row.anonymized_at) throw notFound("person");
  const orgs = (await membershipsOfPerson(ctx, id))
    .filter((m) => m.status === "approved" && m.organizationStatus === "verified")
    .map((m) => ({ id: m.organizationId, name: m.organizationName, role: m.role }));
  return personView(row, { full, organizations: orgs });
}

/**
 * Erases a person's identity and personal fields but keeps the record, so that the memberships,
 * applications and audit entries it belongs to still add up. Call inside a transaction.
 */
export async function anonymizePerson(tx: Ctx, personId: string): Promise<void> {
  const now = nowIso();
  await tx.db
    .updateTable("person")
    .set({
      user_id: null,
      given_name: "Former member",
      family_name: "",
      name_key: "",
      email: null,
      title: null,
      country: null,
      languages: "[]",
      expertise: "[]",
      gender: null,
      birth_year: null,
      youth_declared: null,
      bio: "{}",
      visibility: "{}",
      anonymized_at: now,
      updated_at: now,
    })
    .where("id", "=", personId)
    .execute();
  await touch(tx, "person");
  // Their applications keep what the events' numbers need (status, country, gender, youth,
  // sector) and lose what they wrote and what names them: the name copied for search and sort,
  // the motivation, the answers, the travel justification, the secretariat's notes on them.
  await tx.db
    .updateTable("application")
    .set({
      name_key: "",
      motivation: null,
      answers: "{}",
      travel_justification: null,
      notes: null,
      updated_at: now,
    })
    .where("person_id", "=", personId)
    .execute();
  await touch(tx, "application");
  await tx.search.remove(tx.db, "person", personId);
}

export interface PersonSeed {
  givenName: string;
  familyName: string;
  email?: string | null;
  title?: string | null;
  country?: string | null;
  languages?: string[];
  expertise?: string[];
  gender?: string | null;
  birthYear?: number | null;
  bio?: Record<string, string>;
  visibility?: Record<string, "public" | "private">;
  userId?: string | null;
}

/** Bulk creation for trusted sources (demo data, benchmarks). */
export async function createPeopleBulk(ctx: Ctx, people: PersonSeed[]): Promise<string[]> {
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const rows: PersonRow[] = people.map((p) => ({
      id: uuidv7(),
      user_id: p.userId ?? null,
      given_name: p.givenName,
      family_name: p.familyName ?? "",
      name_key: nameKey(`${p.givenName} ${p.familyName ?? ""}`),
      email: p.email?.toLowerCase() ?? null,
      title: p.title ?? null,
      country: p.country ?? null,
      languages: JSON.stringify(p.languages ?? []),
      expertise: JSON.stringify(p.expertise ?? []),
      gender: p.gender ?? null,
      birth_year: p.birthYear ?? null,
      youth_declared: null,
      bio: JSON.stringify(p.bio ?? {}),
      visibility: JSON.stringify({ ...DEFAULT_VISIBILITY, ...(p.visibility ?? {}) }),
      consent_at: now,
      consent_version: CONSENT_VERSION,
      anonymized_at: null,
      created_at: now,
      updated_at: now,
    }));
    await insertPeople(tx, rows);
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "person.bulk_create",
      entity: "person",
      after: { count: rows.length },
      ip: ctx.ip,
    });
    return rows.map((r) => r.id);
  });
}
