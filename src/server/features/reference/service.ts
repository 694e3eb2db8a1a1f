import {
  DATASETS,
  DatasetFile,
  type DatasetName,
  ITEM_SCHEMAS,
  itemCode,
  itemsOf,
} from "../../../shared/reference/datasets.ts";
import { foldText } from "../../../shared/text.ts";
import { writeAudit } from "../../platform/audit.ts";
import { touch } from "../../platform/cache-epoch.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { AppError, badRequest, notFound } from "../../platform/errors.ts";
import { countryAliases, readShippedDataset } from "./shipped.ts";
import * as store from "./store.ts";

/** Replaces a dataset with the content of a file, all or nothing. */
export async function importDataset(
  ctx: Ctx,
  dataset: DatasetName,
  file: unknown,
): Promise<{ count: number }> {
  const head = DatasetFile.safeParse(file);
  if (!head.success)
    throw badRequest("reference_invalid", "The file has no valid version, asOf and sources.");
  let raw: Record<string, unknown>[];
  try {
    raw = itemsOf(dataset, file as Record<string, any>);
  } catch {
    throw badRequest("reference_invalid", `The file does not have the shape of the ${dataset} dataset.`);
  }
  if (!Array.isArray(raw) || raw.length === 0)
    throw badRequest("reference_invalid", "The file has no items.");
  const schema = ITEM_SCHEMAS[dataset];
  const errors: Array<{ path: string; message: string }> = [];
  const items = raw.map((item, i) => {
    const r = schema.safeParse(item);
    if (!r.success)
      errors.push({
        path: `items.${i}`,
        message: r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "),
      });
    return item;
  });
  if (errors.length) throw badRequest("reference_invalid", "Some items are not valid.", errors.slice(0, 50));
  return inTransaction(ctx, async (tx) => {
    const before = await store.datasetInfo(tx.db, dataset);
    await store.replaceDataset(tx.db, {
      dataset,
      version: head.data.version,
      asOf: head.data.asOf,
      sources: head.data.sources,
      items: items.map((data, sort) => ({ code: itemCode(dataset, data), sort, data })),
      by: ctx.actor?.userId ?? null,
    });
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "reference.import",
      entity: "reference",
      entityId: dataset,
      before: before ? { version: before.version, asOf: before.as_of } : null,
      after: { version: head.data.version, asOf: head.data.asOf, count: items.length },
      ip: ctx.ip,
    });
    store.invalidate();
    await touch(tx, "reference");
    return { count: items.length };
  });
}

export async function reloadShippedDataset(ctx: Ctx, dataset: DatasetName) {
  return importDataset(ctx, dataset, readShippedDataset(dataset));
}

/** Imports every shipped dataset that is not in the database yet. */
export async function ensureReferenceData(ctx: Ctx): Promise<string[]> {
  const present = new Set((await store.listDatasets(ctx.db)).map((d) => d.dataset));
  const loaded: string[] = [];
  for (const d of DATASETS) {
    if (!present.has(d)) {
      await importDataset(ctx, d, readShippedDataset(d));
      loaded.push(d);
    }
  }
  return loaded;
}

export async function listDatasets(ctx: Ctx) {
  const rows = await store.listDatasets(ctx.db);
  return rows.map((r) => ({
    dataset: r.dataset,
    version: r.version,
    asOf: r.as_of,
    importedAt: r.imported_at,
    count: r.count,
  }));
}

export async function getDataset(ctx: Ctx, dataset: DatasetName) {
  const info = await store.datasetInfo(ctx.db, dataset);
  if (!info) throw notFound("dataset");
  const items = await store.items(ctx.db, dataset);
  return { dataset, version: info.version, asOf: info.as_of, sources: JSON.parse(info.sources), items };
}

export async function updateItem(
  ctx: Ctx,
  dataset: DatasetName,
  code: string,
  data: Record<string, unknown>,
) {
  const parsed = ITEM_SCHEMAS[dataset].safeParse(data);
  if (!parsed.success) {
    throw badRequest(
      "validation",
      "The item is not valid.",
      parsed.error.issues.map((i) => ({ path: `data.${i.path.join(".")}`, message: i.message })),
    );
  }
  if (itemCode(dataset, data) !== code)
    throw badRequest("reference_code_change", "The code of an item cannot change.");
  return inTransaction(ctx, async (tx) => {
    const before = await store.item(tx.db, dataset, code);
    if (!before) throw notFound("item");
    await store.putItem(tx.db, dataset, code, data, ctx.actor?.userId ?? null);
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "reference.update",
      entity: `reference:${dataset}`,
      entityId: code,
      before,
      after: data,
      ip: ctx.ip,
    });
    store.invalidate();
    await touch(tx, "reference");
    return { code, data };
  });
}

export interface PublicReference {
  asOf: Record<string, string>;
  countries: Array<{ code: string; names: Record<string, string>; region: string | null }>;
  regions: Array<{ code: string; names: Record<string, string>; members: string[] }>;
  instruments: Array<{
    code: string;
    names: Record<string, string>;
    shortNames?: Record<string, string>;
    articles: unknown[];
  }>;
  clusters: Array<Record<string, unknown>>;
  engagementAreas: Array<{ code: string; names: Record<string, string> }>;
  thematicAreas: Array<{ code: string; names: Record<string, string> }>;
  sdgTargets: Array<{ code: string; names: Record<string, string> }>;
}

/** Everything the public pages need, from the database (so corrections show at once). */
export async function publicReference(ctx: Ctx): Promise<PublicReference> {
  return store.cached(ctx.db, async () => {
    const [countries, regions, instruments, clusters, areas, thematic, sdg, infos] = await Promise.all([
      store.items(ctx.db, "countries"),
      store.items(ctx.db, "regional-groups"),
      store.items(ctx.db, "instruments"),
      store.items(ctx.db, "clusters"),
      store.items(ctx.db, "engagement-areas"),
      store.items(ctx.db, "thematic-areas"),
      store.items(ctx.db, "sdg-targets"),
      store.listDatasets(ctx.db),
    ]);
    const pick = (rows: Array<{ data: Record<string, any> }>, keys: string[]) =>
      rows.map((r) =>
        Object.fromEntries(keys.filter((k) => k in r.data).map((k) => [k, r.data[k]])),
      ) as any[];
    return {
      asOf: Object.fromEntries(infos.map((i) => [i.dataset, i.as_of])),
      countries: pick(countries, ["code", "names", "region"]),
      regions: pick(regions, ["code", "names", "members"]),
      instruments: pick(instruments, ["code", "names", "shortNames", "articles", "entryIntoForce"]),
      clusters: clusters.map((c) => c.data),
      engagementAreas: pick(areas, ["code", "names"]),
      thematicAreas: pick(thematic, ["code", "names"]),
      sdgTargets: pick(sdg, ["code", "names"]),
    };
  });
}

/** Members of a regional group (ISO alpha-3), for directory filters. */
export async function regionMembers(ctx: Ctx, region: string): Promise<string[]> {
  const ref = await publicReference(ctx);
  const group = ref.regions.find((r) => r.code === region);
  if (!group) throw new AppError(400, "validation", "Unknown regional group.");
  return group.members;
}

const regionMaps = new WeakMap<PublicReference, Map<string, string | null>>();

/** Country → regional group, built once per cached reference bundle. */
export async function regionOf(ctx: Ctx): Promise<Map<string, string | null>> {
  const ref = await publicReference(ctx);
  let map = regionMaps.get(ref);
  if (!map) {
    map = new Map(ref.countries.map((c) => [c.code, c.region]));
    regionMaps.set(ref, map);
  }
  return map;
}

/** Resolves a country written as an ISO alpha-3 code or a name in any of the six languages. */
export async function countryResolver(ctx: Ctx): Promise<(value: string) => string | undefined> {
  const ref = await publicReference(ctx);
  const byName = new Map<string, string>();
  for (const [name, code] of countryAliases()) byName.set(foldText(name), code);
  for (const c of ref.countries) {
    byName.set(c.code.toLowerCase(), c.code);
    for (const n of Object.values(c.names)) byName.set(foldText(n), c.code);
  }
  return (value) => byName.get(foldText(value.trim())) ?? byName.get(value.trim().toLowerCase());
}
