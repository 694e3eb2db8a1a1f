import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import countries from "i18n-iso-countries";
import type { DatasetName } from "../../../shared/reference/datasets.ts";
import { LOCALES } from "../../../shared/schemas/common.ts";

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/reference/data");
const require_ = (await import("node:module")).createRequire(import.meta.url);
for (const l of LOCALES) countries.registerLocale(require_(`i18n-iso-countries/langs/${l}.json`));

function readJson(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(DATA_DIR, `${name}.json`), "utf8"));
}

const EXTRA_NAMES: Record<string, Record<string, string>> = {
  EUU: {
    ar: "الاتحاد الأوروبي",
    en: "European Union",
    es: "Unión Europea",
    fr: "Union européenne",
    ru: "Европейский союз",
    zh: "欧洲联盟",
  },
};

/** The country list is built from the regional groups and the States parties, named by i18n-iso-countries. */
function countriesFile(): Record<string, any> {
  const groups = readJson("regional-groups");
  const parties = readJson("states-parties");
  const primary = new Map<string, string>();
  for (const m of groups.members as Array<{ iso3: string; group: string; primary?: boolean }>) {
    if (!primary.has(m.iso3) || m.primary) primary.set(m.iso3, m.group);
  }
  const codes = new Set<string>([...primary.keys(), ...parties.parties.map((p: { code: string }) => p.code)]);
  const list = [...codes].sort().map((code) => {
    const a2 = countries.alpha3ToAlpha2(code);
    const names =
      EXTRA_NAMES[code] ??
      Object.fromEntries(LOCALES.map((l) => [l, (a2 && countries.getName(a2, l)) || code]));
    return { code, names, region: primary.get(code) ?? null };
  });
  return {
    version: 1,
    asOf: groups.asOf,
    sources: [{ title: "i18n-iso-countries (names)" }, ...groups.sources],
    countries: list,
  };
}

export function readShippedDataset(dataset: DatasetName): Record<string, any> {
  return dataset === "countries" ? countriesFile() : readJson(dataset);
}
