import { uuidv7 } from "uuidv7";
import type {
  OrganizationFull,
  OrganizationInput,
  OrganizationListQuery,
  OrganizationPublic,
} from "../../../shared/schemas/organizations.ts";
import { OrganizationInput as OrganizationInputSchema } from "../../../shared/schemas/organizations.ts";
import { nowIso } from "../../db/index.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { epochCache } from "../../platform/cache-epoch.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { badRequest, conflict, forbidden, notFound, required, unauthorized } from "../../platform/errors.ts";
import { DOCUMENT_TYPES, IMAGE_TYPES } from "../../platform/files.ts";
import { ensurePersonForUser, personView } from "../people/service.ts";
import { regionMembers, regionOf } from "../reference/service.ts";
import { mergeInputs, newOrgRow, toFull, toInput, toPublic } from "./mapping.ts";
import { insertOrganizations, rewriteOrganization } from "./persist.ts";
import * as store from "./store.ts";

const asArray = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];
const flag = (v: "true" | "false" | undefined) => (v === undefined ? undefined : v === "true");

async function filterOf(ctx: Ctx, q: OrganizationListQuery): Promise<store.OrgFilter> {
  if (q.status && q.status !== "verified" && !isStaff(ctx.actor))
    throw forbidden("Only the secretariat can list organisations that are not verified.");
  let countries = asArray(q.country);
  if (q.region) {
    const members = await regionMembers(ctx, q.region);
    countries = countries ? countries.filter((c) => members.includes(c)) : members;
  }
  return {
    status: q.status ?? "verified",
    matchIds: q.q ? ctx.search.matchIds("organization", q.q) : undefined,
    matchMeta: q.q ? ctx.search.organizationMatches(q.q) : undefined,
    types: asArray(q.type),
    countries,
    theme: q.theme,
    area: q.area,
    ecosoc: q.ecosoc,
    youthLed: flag(q.youthLed),
    victimLed: flag(q.victimLed),
    grassroots: flag(q.grassroots),
  };
}

interface DirectoryPage {
  items: OrganizationPublic[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Directory pages as served, kept per process until an organisation or the reference data (regions)
 * changes anywhere: the directory is read far more often than it is written, and its pages hold
 * public fields only, the same for every caller, so one computed page serves every later visitor.
 */
const directoryPages = epochCache<DirectoryPage>(["organization", "reference"], 5 * 60_000, 500);

export async function listOrganizations(ctx: Ctx, q: OrganizationListQuery): Promise<DirectoryPage> {
  // Access is checked (and the region resolved) for every caller before anything cached is used.
  const filter = await filterOf(ctx, q);
  return directoryPages.get(ctx.db, JSON.stringify(q), async () => {
    const offset = (q.page - 1) * q.pageSize;
    const [rows, total, regions] = await Promise.all([
      store.listPublic(ctx.db, filter, q.sort, q.pageSize, offset),
      store.count(ctx.db, filter, JSON.stringify({ ...q, page: 0, pageSize: 0, sort: "" })),
      regionOf(ctx),
    ]);
    return {
      items: rows.map((r) => toPublic(r, regions.get(r.country) ?? null)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** Rows for an export of the current filter (at most 50,000). */
export async function exportOrganizations(ctx: Ctx, q: OrganizationListQuery) {
  const filter = await filterOf(ctx, q);
  const rows = await store.list(ctx.db, filter, q.sort, 50_000, 0);
  const regions = await regionOf(ctx);
  const staff = isStaff(ctx.actor);
  return {
    staff,
    rows: rows.map((r) =>
      staff ? toFull(r, regions.get(r.country) ?? null, true) : toPublic(r, regions.get(r.country) ?? null),
    ),
  };
}

async function loadOrg(ctx: Ctx, id: string) {
  const row = await store.byId(ctx.db, id);
  if (!row) throw notFound("organisation");
  return row;
}

/** Is the caller an approved focal point of this organisation? */
export async function isFocalPoint(ctx: Ctx, orgId: string): Promise<boolean> {
  if (!ctx.actor) return false;
  const m = await store.membershipOf(ctx.db, orgId, ctx.actor.userId);
  return m?.role === "focal_point" && m.status === "approved";
}

async function canManage(ctx: Ctx, orgId: string) {
  return isStaff(ctx.actor) || (await isFocalPoint(ctx, orgId));
}

async function requireManage(ctx: Ctx, orgId: string) {
  if (!ctx.actor) throw unauthorized();
  if (!(await canManage(ctx, orgId)))
    throw forbidden("Only the organisation's focal point or the secretariat can do this.");
}

export async function getOrganization(ctx: Ctx, id: string): Promise<OrganizationPublic | OrganizationFull> {
  const row = await loadOrg(ctx, id);
  const manage = await canManage(ctx, id);
  const regions = await regionOf(ctx);
  const region = regions.get(row.country) ?? null;
  if (manage) return toFull(row, region, true);
  if (row.status !== "verified") {
    // Unverified organisations are visible to their own members only.
    const m = ctx.actor ? await store.membershipOf(ctx.db, id, ctx.actor.userId) : undefined;
    if (m?.status !== "approved") throw notFound("organisation");
  }
  return toPublic(row, region);
}

/** Public members of an organisation (approved memberships), each shown per their privacy choices. */
export async function listMembers(ctx: Ctx, orgId: string) {
  await getOrganization(ctx, orgId);
  const manage = await canManage(ctx, orgId);
  const rows = await store.members(ctx.db, orgId, manage ? ["approved", "pending"] : ["approved"]);
  return (
    rows
      // The public sees only people who consented to be listed and have not been anonymised.
      .filter((r) => manage || (!r.anonymized_at && r.consent_at))
      .map((r) => ({
        membershipId: r.membership_id,
        role: r.role,
        status: r.status,
        message: manage ? r.message : null,
        requestedAt: r.requested_at,
        person: personView(r, { full: manage }),
      }))
  );
}

export async function createOrganization(ctx: Ctx, input: OrganizationInput): Promise<OrganizationFull> {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const regions = await regionOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = newOrgRow(input, "pending", actor.userId, nowIso());
    await insertOrganizations(tx, [{ row, input }]);
    const person = await ensurePersonForUser(tx.db, actor);
    await tx.db
      .insertInto("membership")
      .values({
        id: uuidv7(),
        organization_id: row.id,
        person_id: person.id,
        role: "focal_point",
        status: "approved",
        message: null,
        decided_by: actor.userId,
        decided_at: row.created_at,
        created_at: row.created_at,
      })
      .execute();
    await writeAudit(tx.db, {
      actor,
      action: "organization.create",
      entity: "organization",
      entityId: row.id,
      after: row,
      ip: ctx.ip,
    });
    return toFull(row, regions.get(row.country) ?? null, true);
  });
}

export async function updateOrganization(
  ctx: Ctx,
  id: string,
  patch: Partial<OrganizationInput>,
): Promise<OrganizationFull> {
  await requireManage(ctx, id);
  const regions = await regionOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await loadOrg(tx, id);
    if (before.status === "merged")
      throw conflict("organization_merged", "This organisation was merged into another one.");
    const merged = OrganizationInputSchema.safeParse({ ...toInput(before), ...patch });
    if (!merged.success)
      throw badRequest(
        "validation",
        "Some fields are not valid.",
        merged.error.issues.map((i) => ({ path: `body.${i.path.join(".")}`, message: i.message })),
      );
    const after = await rewriteOrganization(tx, before, merged.data);
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "organization.update",
      entity: "organization",
      entityId: id,
      before,
      after,
      ip: ctx.ip,
    });
    return toFull(after, regions.get(after.country) ?? null, true);
  });
}

const TRANSITIONS: Record<string, { from: string[]; to: string; needsReason: boolean; mail?: string }> = {
  verify: {
    from: ["pending", "rejected", "suspended"],
    to: "verified",
    needsReason: false,
    mail: "orgVerified",
  },
  reject: { from: ["pending"], to: "rejected", needsReason: true, mail: "orgRejected" },
  suspend: { from: ["verified"], to: "suspended", needsReason: true },
};

/** Vetting: pending → verified | rejected (with reason); verified → suspended (with reason) → verified. */
export async function changeStatus(ctx: Ctx, id: string, action: keyof typeof TRANSITIONS, reason?: string) {
  if (!isStaff(ctx.actor)) throw forbidden();
  const t = TRANSITIONS[action];
  const result = await inTransaction(ctx, async (tx) => {
    const before = await loadOrg(tx, id);
    if (!t.from.includes(before.status)) {
      throw conflict(
        "invalid_transition",
        `An organisation that is ${before.status} cannot be changed this way (${action}).`,
      );
    }
    if (t.needsReason && !reason?.trim())
      throw badRequest("validation", "A reason is required.", [required("body.reason")]);
    const values = {
      status: t.to,
      status_reason: t.needsReason ? reason!.trim() : null,
      updated_at: nowIso(),
    };
    await store.update(tx, id, values);
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: `organization.${action}`,
      entity: "organization",
      entityId: id,
      before: { status: before.status, statusReason: before.status_reason },
      after: { status: values.status, statusReason: values.status_reason },
      ip: ctx.ip,
    });
    return { ...before, ...values };
  });
  if (t.mail)
    await notifyFocalPoints(ctx, result, t.mail, { reason: reason ?? "" }, { includeOrgEmail: true });
  return toFull(result, (await regionOf(ctx)).get(result.country) ?? null, true);
}

/** Mails an organisation's focal points (and, optionally, its contact address) in their languages. */
async function notifyFocalPoints(
  ctx: Ctx,
  org: store.OrgRow,
  template: string,
  vars: Record<string, string>,
  opts: { includeOrgEmail: boolean },
) {
  const focalPoints = (await store.members(ctx.db, org.id, ["approved"]))
    .filter((m) => m.role === "focal_point" && m.email)
    .map((m) => m.email!);
  await ctx.mail.sendTemplate({
    to: [...focalPoints, ...(opts.includeOrgEmail && org.email ? [org.email] : [])],
    kind: `organization.${template}`,
    template,
    vars: { org: org.name, ...vars },
  });
}

export async function requestMembership(ctx: Ctx, orgId: string, message?: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const org = await loadOrg(ctx, orgId);
  if (org.status !== "verified")
    throw conflict("organization_not_verified", "Only verified organisations accept members.");
  const result = await inTransaction(ctx, async (tx) => {
    const person = await ensurePersonForUser(tx.db, actor);
    const existing = await store.membershipOf(tx.db, orgId, actor.userId);
    if (existing)
      throw conflict(
        "membership_exists",
        `You already have a ${existing.status} membership of this organisation.`,
      );
    const id = uuidv7();
    const now = nowIso();
    await tx.db
      .insertInto("membership")
      .values({
        id,
        organization_id: orgId,
        person_id: person.id,
        role: "member",
        status: "pending",
        message: message ?? null,
        decided_by: null,
        decided_at: null,
        created_at: now,
      })
      .execute();
    await writeAudit(tx.db, {
      actor,
      action: "membership.request",
      entity: "membership",
      entityId: id,
      after: { orgId, personId: person.id },
      ip: ctx.ip,
    });
    return { id, status: "pending" as const, person };
  });
  await notifyFocalPoints(ctx, org, "membership", { person: actor.name }, { includeOrgEmail: false });
  return { id: result.id, status: result.status };
}

export async function decideMembership(ctx: Ctx, membershipId: string, decision: "approved" | "rejected") {
  if (!ctx.actor) throw unauthorized();
  const m = await ctx.db
    .selectFrom("membership")
    .selectAll()
    .where("id", "=", membershipId)
    .executeTakeFirst();
  if (!m) throw notFound("membership");
  await requireManage(ctx, m.organization_id);
  if (m.status !== "pending") throw conflict("invalid_transition", "This request was already decided.");
  return inTransaction(ctx, async (tx) => {
    const values = { status: decision, decided_by: ctx.actor!.userId, decided_at: nowIso() };
    await tx.db.updateTable("membership").set(values).where("id", "=", membershipId).execute();
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: `membership.${decision}`,
      entity: "membership",
      entityId: membershipId,
      before: { status: m.status },
      after: values,
      ip: ctx.ip,
    });
    return { id: membershipId, status: decision };
  });
}

export async function addDocument(
  ctx: Ctx,
  orgId: string,
  file: { name: string; bytes: Buffer; kind: string },
) {
  await requireManage(ctx, orgId);
  await loadOrg(ctx, orgId);
  return inTransaction(ctx, async (tx) => {
    const saved = await tx.files.save(tx.db, {
      name: file.name,
      bytes: file.bytes,
      allowed: DOCUMENT_TYPES,
      createdBy: ctx.actor!.userId,
    });
    const id = uuidv7();
    await tx.db
      .insertInto("organization_document")
      .values({
        id,
        organization_id: orgId,
        file_id: saved.id,
        kind: file.kind,
        created_by: ctx.actor!.userId,
        created_at: nowIso(),
      })
      .execute();
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "organization.document.add",
      entity: "organization",
      entityId: orgId,
      after: { documentId: id, name: file.name, mime: saved.mime, size: saved.size },
      ip: ctx.ip,
    });
    return { id, name: file.name, mime: saved.mime, size: saved.size, kind: file.kind };
  });
}

export async function listDocuments(ctx: Ctx, orgId: string) {
  await requireManage(ctx, orgId);
  const rows = await store.documents(ctx.db, orgId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    mime: r.mime,
    size: r.size,
    createdAt: r.created_at,
  }));
}

export async function readDocument(ctx: Ctx, orgId: string, docId: string) {
  await requireManage(ctx, orgId);
  const doc = (await store.documents(ctx.db, orgId)).find((d) => d.id === docId);
  if (!doc) throw notFound("document");
  return { name: doc.name, mime: doc.mime, bytes: await ctx.files.read(doc.file_id) };
}

export async function setLogo(ctx: Ctx, orgId: string, file: { name: string; bytes: Buffer }) {
  await requireManage(ctx, orgId);
  return inTransaction(ctx, async (tx) => {
    const before = await loadOrg(tx, orgId);
    const saved = await tx.files.save(tx.db, {
      name: file.name,
      bytes: file.bytes,
      allowed: IMAGE_TYPES,
      createdBy: ctx.actor!.userId,
    });
    await store.update(tx, orgId, { logo_file_id: saved.id, updated_at: nowIso() });
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "organization.logo",
      entity: "organization",
      entityId: orgId,
      before: { logo: before.logo_file_id },
      after: { logo: saved.id },
      ip: ctx.ip,
    });
    return { ok: true as const };
  });
}

export async function readLogo(ctx: Ctx, orgId: string) {
  const org = await getOrganization(ctx, orgId);
  const row = await loadOrg(ctx, org.id);
  if (!row.logo_file_id) throw notFound("logo");
  const f = await ctx.db
    .selectFrom("stored_file")
    .select(["mime"])
    .where("id", "=", row.logo_file_id)
    .executeTakeFirstOrThrow();
  return { mime: f.mime, bytes: await ctx.files.read(row.logo_file_id) };
}

/**
 * Merges `sourceId` into `intoId`: memberships, documents and tags move over, the source keeps its
 * row (status merged, pointing at the target) so that its history stays readable.
 */
export async function mergeOrganizations(ctx: Ctx, sourceId: string, intoId: string) {
  if (!isStaff(ctx.actor)) throw forbidden();
  if (sourceId === intoId) throw badRequest("validation", "An organisation cannot be merged into itself.");
  return inTransaction(ctx, async (tx) => {
    const source = await loadOrg(tx, sourceId);
    const target = await loadOrg(tx, intoId);
    if (source.status === "merged" || target.status === "merged")
      throw conflict("organization_already_merged", "One of the organisations was already merged.");
    const targetMembers = new Set(
      (
        await tx.db
          .selectFrom("membership")
          .select("person_id")
          .where("organization_id", "=", intoId)
          .execute()
      ).map((r) => r.person_id),
    );
    const moved = await tx.db
      .selectFrom("membership")
      .selectAll()
      .where("organization_id", "=", sourceId)
      .execute();
    for (const m of moved) {
      if (targetMembers.has(m.person_id))
        await tx.db.deleteFrom("membership").where("id", "=", m.id).execute();
      else
        await tx.db
          .updateTable("membership")
          .set({ organization_id: intoId })
          .where("id", "=", m.id)
          .execute();
    }
    await tx.db
      .updateTable("organization_document")
      .set({ organization_id: intoId })
      .where("organization_id", "=", sourceId)
      .execute();
    await rewriteOrganization(tx, target, mergeInputs(toInput(target), toInput(source)), {
      logo_file_id: target.logo_file_id ?? source.logo_file_id,
    });
    await store.update(tx, sourceId, { status: "merged", merged_into: intoId, updated_at: nowIso() });
    await tx.search.remove(tx.db, "organization", sourceId);
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "organization.merge",
      entity: "organization",
      entityId: sourceId,
      before: { source, target },
      after: { mergedInto: intoId, movedMemberships: moved.length },
      ip: ctx.ip,
    });
    return { id: intoId, merged: sourceId };
  });
}

/**
 * Bulk creation for trusted sources (demo data, benchmarks, the CLI): one transaction, batched
 * inserts, one audit entry for the batch.
 */
export async function createOrganizationsBulk(
  ctx: Ctx,
  items: Array<{
    input: OrganizationInput;
    status: string;
    statusReason?: string | null;
    createdAt?: string;
  }>,
): Promise<string[]> {
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const rows = items.map((it) => ({
      ...newOrgRow(it.input, it.status, ctx.actor?.userId ?? null, it.createdAt ?? now),
      status_reason: it.statusReason ?? null,
    }));
    await insertOrganizations(
      tx,
      rows.map((row, i) => ({ row, input: items[i].input })),
    );
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "organization.bulk_create",
      entity: "organization",
      after: { count: rows.length },
      ip: ctx.ip,
    });
    return rows.map((r) => r.id);
  });
}

export async function addMembershipsBulk(
  ctx: Ctx,
  items: Array<{ organizationId: string; personId: string; role: "focal_point" | "member" }>,
) {
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const values = items.map((m) => ({
      id: uuidv7(),
      organization_id: m.organizationId,
      person_id: m.personId,
      role: m.role,
      status: "approved",
      message: null,
      decided_by: ctx.actor?.userId ?? null,
      decided_at: now,
      created_at: now,
    }));
    for (let i = 0; i < values.length; i += 500)
      await tx.db
        .insertInto("membership")
        .values(values.slice(i, i + 500))
        .execute();
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "membership.bulk_create",
      entity: "membership",
      after: { count: values.length },
      ip: ctx.ip,
    });
  });
}

/** A person's memberships with their organisations' names and statuses. */
export async function membershipsOfPerson(ctx: Ctx, personId: string) {
  return store.membershipsOfPerson(ctx.db, personId);
}

/** When a person is anonymised, their memberships stay (history) but lose the messages they wrote. */
export async function forgetMembershipMessages(tx: Ctx, personId: string) {
  await tx.db.updateTable("membership").set({ message: null }).where("person_id", "=", personId).execute();
}

/** E-mail addresses of an organisation's approved focal points (for requests they must answer). */
export async function focalPointEmails(ctx: Ctx, orgId: string): Promise<string[]> {
  const rows = await store.members(ctx.db, orgId, ["approved"]);
  return rows
    .filter((r) => r.role === "focal_point" && !r.anonymized_at && r.email)
    .map((r) => r.email as string);
}

/** Basic facts of organisations by id (for other features' views). */
export async function organizationFacts(ctx: Ctx, ids: string[]) {
  if (!ids.length) return [];
  return ctx.db
    .selectFrom("organization")
    .select(["id", "name", "name_key", "type", "country", "status"])
    .where("id", "in", [...new Set(ids)])
    .execute();
}
