import type { OrganizationInput } from "../../../shared/schemas/organizations.ts";
import { nowIso } from "../../db/index.ts";
import type { Ctx } from "../../platform/context.ts";
import { newOrgRow, searchParts, tagsOf } from "./mapping.ts";
import * as store from "./store.ts";

/**
 * Writing an organisation means three things kept in step: the row, its filter tags and its search
 * document. Every use case goes through these two functions; call them inside a transaction.
 */
export async function insertOrganizations(
  tx: Ctx,
  items: Array<{ row: store.OrgRow; input: OrganizationInput }>,
) {
  await store.insert(
    tx,
    items.map((i) => i.row),
  );
  await store.replaceTags(
    tx.db,
    items.map((i) => ({ id: i.row.id, tags: tagsOf(i.input) })),
  );
  await tx.search.putMany(
    tx.db,
    "organization",
    items.map((i) => ({ id: i.row.id, parts: searchParts(i.row) })),
  );
}

/** Rewrites an organisation from a full input, keeping its identity, status and logo. */
export async function rewriteOrganization(
  tx: Ctx,
  before: store.OrgRow,
  input: OrganizationInput,
  keep: Partial<Pick<store.OrgRow, "logo_file_id">> = {},
): Promise<store.OrgRow> {
  const after: store.OrgRow = {
    ...newOrgRow(input, before.status, before.created_by, before.created_at),
    id: before.id,
    logo_file_id: keep.logo_file_id ?? before.logo_file_id,
    status_reason: before.status_reason,
    merged_into: before.merged_into,
    updated_at: nowIso(),
  };
  const { id: _id, ...values } = after;
  await store.update(tx, before.id, values);
  await store.replaceTags(tx.db, [{ id: before.id, tags: tagsOf(input) }]);
  await tx.search.put(tx.db, "organization", before.id, searchParts(after));
  return after;
}
