import { z } from "zod";

/**
 * Reference datasets shipped as versioned JSON files (src/shared/reference/data) and imported into
 * the database, where the secretariat can correct them. Each descriptor says where a file keeps its
 * items and which field is the item's code.
 */
export const DATASETS = [
  "instruments",
  "clusters",
  "regional-groups",
  "states-parties",
  "countries",
  "engagement-areas",
  "sdg-targets",
  "thematic-areas",
] as const;
export const DatasetName = z.enum(DATASETS);
export type DatasetName = z.infer<typeof DatasetName>;

const Names = z.record(z.string(), z.string());

/** Minimal shape every item of a dataset must keep when edited; other fields pass through. */
export const ITEM_SCHEMAS: Record<DatasetName, z.ZodType<Record<string, unknown>>> = {
  instruments: z.looseObject({
    code: z.string().min(1),
    names: Names,
    articles: z.array(z.looseObject({ number: z.string().min(1), title: Names })),
  }),
  clusters: z.looseObject({
    number: z.number().int().min(1),
    names: Names,
    articles: z.array(z.looseObject({ instrument: z.string(), number: z.string() })),
  }),
  "regional-groups": z.looseObject({ code: z.string().min(1), names: Names, members: z.array(z.string()) }),
  "states-parties": z.looseObject({
    code: z.string().min(2),
    type: z.enum(["member", "non-member", "reio"]),
    instruments: z.record(z.string(), z.looseObject({ date: z.string().nullable().optional() }).nullable()),
  }),
  countries: z.looseObject({ code: z.string().min(2), names: Names, region: z.string().nullable() }),
  "engagement-areas": z.looseObject({ code: z.string().min(1), names: Names }),
  "sdg-targets": z.looseObject({ code: z.string().min(1), names: Names }),
  "thematic-areas": z.looseObject({ code: z.string().min(1), names: Names }),
};

export const DatasetFile = z.looseObject({
  version: z.number().int(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.array(z.unknown()).default([]),
});

export function itemCode(dataset: DatasetName, item: Record<string, unknown>): string {
  return dataset === "clusters" ? String(item.number) : String(item.code);
}

/** Where the items of a shipped file are. */
export function itemsOf(dataset: DatasetName, file: Record<string, any>): Record<string, unknown>[] {
  switch (dataset) {
    case "instruments":
      return file.instruments;
    case "clusters":
      return file.clusters;
    case "regional-groups":
      return file.groups.map((g: any) => ({
        ...g,
        members: file.members.filter((m: any) => m.group === g.code).map((m: any) => m.iso3),
      }));
    case "states-parties":
      return file.parties;
    case "countries":
      return file.countries;
    case "engagement-areas":
      return file.areas;
    case "sdg-targets":
      return file.targets;
    case "thematic-areas":
      return file.areas;
  }
}
