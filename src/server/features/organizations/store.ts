import { type Kysely, sql } from "kysely";
import type { DB, OrganizationTable } from "../../db/schema.ts";
import type { SearchIndex } from "../../db/search.ts";
import { epochCache, touch } from "../../platform/cache-epoch.ts";
import type { Ctx } from "../../platform/context.ts";
import { PUBLIC_COLUMNS, type PublicOrgRow } from "./mapping.ts";

export type OrgRow = OrganizationTable;

export interface OrgFilter {
  status: string;
  matchIds?: ReturnType<SearchIndex["matchIds"]>;
  /** The same matches with status and name key, where the search index keeps them (SQLite). */
  matchMeta?: ReturnType<SearchIndex["organizationMatches"]>;
  types?: string[];
  countries?: string[];
  theme?: string;
  area?: string;
  ecosoc?: string;
  youthLed?: boolean;
  victimLed?: boolean;
  grassroots?: boolean;
}

const SORTS = {
  name: [["name_key", "asc"]],
  "-name": [["name_key", "desc"]],
  country: [
    ["country", "asc"],
    ["name_key", "asc"],
  ],
  "-country": [
    ["country", "desc"],
    ["name_key", "asc"],
  ],
  created: [["created_at", "asc"]],
  "-created": [["created_at", "desc"]],
} as const;
export type OrgSort = keyof typeof SORTS;

function filtered(db: Kysely<DB>, f: OrgFilter) {
  // A search drives the query from its matches (CROSS JOIN keeps that order in SQLite's planner),
  // so a rare term costs a few look-ups instead of a walk through the whole directory.
  let q = (
    f.matchIds
      ? db
          .selectFrom(sql<{ entity_id: string }>`${f.matchIds}`.as("mm"))
          .crossJoin("organization as o")
          .whereRef("o.id", "=", "mm.entity_id")
      : db.selectFrom("organization as o")
  ).where("o.status", "=", f.status);
  if (f.types?.length)
    q = f.types.length === 1 ? q.where("o.type", "=", f.types[0]) : q.where("o.type", "in", f.types);
  if (f.countries) {
    if (f.countries.length === 0) q = q.where(sql<boolean>`1 = 0`);
    else
      q =
        f.countries.length === 1
          ? q.where("o.country", "=", f.countries[0])
          : q.where("o.country", "in", f.countries);
  }
  for (const [kind, value] of [
    ["thematic", f.theme],
    ["area", f.area],
  ] as const) {
    // A correlated EXISTS probes the (kind, value, organization_id) key for each candidate row,
    // instead of building the list of every organisation with that tag on each request.
    if (value) {
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("organization_tag as t")
            .select("t.organization_id")
            .whereRef("t.organization_id", "=", "o.id")
            .where("t.kind", "=", kind)
            .where("t.value", "=", value),
        ),
      );
    }
  }
  if (f.ecosoc) q = q.where("o.ecosoc_status", "=", f.ecosoc);
  if (f.youthLed !== undefined) q = q.where("o.youth_led", "=", f.youthLed ? 1 : 0);
  if (f.victimLed !== undefined) q = q.where("o.victim_led", "=", f.victimLed ? 1 : 0);
  if (f.grassroots !== undefined) q = q.where("o.grassroots", "=", f.grassroots ? 1 : 0);
  return q;
}

type MatchMeta = { entity_id: string; status: string; sort_key: string };

/**
 * A search with no other filter, sorted by name, is answered from the search index's own map of
 * status and name key: only the page's organisations are read (see migration 008).
 */
function indexOnly(f: OrgFilter, sort: OrgSort) {
  if (!f.matchMeta || (sort !== "name" && sort !== "-name")) return null;
  if (f.types?.length || f.countries || f.theme || f.area || f.ecosoc) return null;
  if (f.youthLed !== undefined || f.victimLed !== undefined || f.grassroots !== undefined) return null;
  return f.matchMeta;
}

/** A page of organisations with every column (exports, staff views). */
export const list = (db: Kysely<DB>, f: OrgFilter, sort: OrgSort, limit: number, offset: number) =>
  readPage(db, f, sort, limit, offset, "all") as Promise<OrgRow[]>;

/** A page of organisations with only the columns a public view needs (cheaper to read). */
export const listPublic = (db: Kysely<DB>, f: OrgFilter, sort: OrgSort, limit: number, offset: number) =>
  readPage(db, f, sort, limit, offset, "public");

async function readPage(
  db: Kysely<DB>,
  f: OrgFilter,
  sort: OrgSort,
  limit: number,
  offset: number,
  columns: "all" | "public",
): Promise<PublicOrgRow[]> {
  const cols = PUBLIC_COLUMNS.map((c) => `o.${c}` as const);
  const meta = indexOnly(f, sort);
  if (meta) {
    const dir = sort === "name" ? "asc" : "desc";
    const ids = db
      .selectFrom(sql<MatchMeta>`${meta}`.as("mm"))
      .select("mm.entity_id")
      .where("mm.status", "=", f.status)
      .orderBy("mm.sort_key", dir)
      .orderBy("mm.entity_id")
      .limit(limit)
      .offset(offset);
    const rows = db
      .selectFrom(ids.as("p"))
      .crossJoin("organization as o")
      .whereRef("o.id", "=", "p.entity_id")
      .orderBy("o.name_key", dir)
      .orderBy("o.id");
    return columns === "all" ? rows.selectAll("o").execute() : rows.select(cols).execute();
  }
  let q = filtered(db, f);
  for (const [col, dir] of SORTS[sort]) q = q.orderBy(`o.${col}`, dir);
  q = q.orderBy("o.id").limit(limit).offset(offset);
  return columns === "all" ? q.selectAll("o").execute() : q.select(cols).execute();
}

/**
 * Totals are cached per filter until the next organisation write (in any server process, through
 * the "organization" cache epoch) or reference change (a region's members are part of a filter),
 * because counting thousands of rows on every page view would dominate the directory's cost.
 */
const counts = epochCache<number>(["organization", "reference"], 5 * 60_000);

export async function count(db: Kysely<DB>, f: OrgFilter, cacheKey: string): Promise<number> {
  const meta = indexOnly(f, "name");
  return counts.get(db, cacheKey, async () => {
    if (meta) {
      const r = await db
        .selectFrom(sql<MatchMeta>`${meta}`.as("mm"))
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("mm.status", "=", f.status)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    }
    const row = await filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
}

export async function byId(db: Kysely<DB>, id: string) {
  return db.selectFrom("organization").selectAll().where("id", "=", id).executeTakeFirst();
}

// Writes take the request's context: each one moves the "organization" cache epoch, so that no
// server process keeps serving directory pages or totals cached before it.

export async function insert(tx: Ctx, rows: OrgRow[]) {
  for (let i = 0; i < rows.length; i += 100)
    await tx.db
      .insertInto("organization")
      .values(rows.slice(i, i + 100))
      .execute();
  await touch(tx, "organization");
}

export async function update(tx: Ctx, id: string, values: Partial<OrgRow>) {
  await tx.db.updateTable("organization").set(values).where("id", "=", id).execute();
  await touch(tx, "organization");
}

export async function replaceTags(
  db: Kysely<DB>,
  rows: Array<{ id: string; tags: Array<{ kind: string; value: string }> }>,
) {
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom("organization_tag")
      .where("organization_id", "in", ids.slice(i, i + 500))
      .execute();
  }
  const values = rows.flatMap((r) =>
    r.tags.map((t) => ({ organization_id: r.id, kind: t.kind, value: t.value })),
  );
  for (let i = 0; i < values.length; i += 300)
    await db
      .insertInto("organization_tag")
      .values(values.slice(i, i + 300))
      .execute();
}

/** Rows for duplicate detection: every organisation that is not merged away. */
export async function duplicateCandidates(db: Kysely<DB>) {
  return db
    .selectFrom("organization")
    .select(["id", "name", "name_key", "country", "website_domain", "email"])
    .where("status", "!=", "merged")
    .execute();
}

export async function members(db: Kysely<DB>, orgId: string, statuses: string[]) {
  return db
    .selectFrom("membership as m")
    .innerJoin("person as p", "p.id", "m.person_id")
    .selectAll("p")
    .select(["m.id as membership_id", "m.role", "m.status", "m.message", "m.created_at as requested_at"])
    .where("m.organization_id", "=", orgId)
    .where("m.status", "in", statuses)
    .orderBy("m.role")
    .orderBy("p.name_key")
    .execute();
}

export async function membershipOf(db: Kysely<DB>, orgId: string, userId: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("person as p", "p.id", "m.person_id")
    .select(["m.id", "m.role", "m.status"])
    .where("m.organization_id", "=", orgId)
    .where("p.user_id", "=", userId)
    .executeTakeFirst();
}

export async function documents(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom("organization_document as d")
    .innerJoin("stored_file as f", "f.id", "d.file_id")
    .select(["d.id", "d.kind", "d.created_at", "f.name", "f.mime", "f.size", "f.id as file_id"])
    .where("d.organization_id", "=", orgId)
    .orderBy("d.created_at", "desc")
    .execute();
}

export async function membershipsOfPerson(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("organization as o", "o.id", "m.organization_id")
    .select([
      "m.id",
      "m.role",
      "m.status",
      "m.message",
      "m.created_at",
      "o.id as organizationId",
      "o.name as organizationName",
      "o.status as organizationStatus",
      "o.type as organizationType",
      "o.country as organizationCountry",
      "o.name_key as organizationNameKey",
    ])
    .where("m.person_id", "=", personId)
    .orderBy("o.name_key")
    .execute();
}
