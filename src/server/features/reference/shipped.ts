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

/** UN short names that the country-name library spells differently. */
const UN_NAMES: Record<string, string> = {
  "Viet Nam": "VNM",
  "Lao People's Democratic Republic": "LAO",
  "Republic of Korea": "KOR",
  "Democratic People's Republic of Korea": "PRK",
  "Iran (Islamic Republic of)": "IRN",
  "Republic of Moldova": "MDA",
  "United Republic of Tanzania": "TZA",
  "Bolivia (Plurinational State of)": "BOL",
  "Venezuela (Bolivarian Republic of)": "VEN",
  "Micronesia (Federated States of)": "FSM",
  "Syrian Arab Republic": "SYR",
  "Russian Federation": "RUS",
  Türkiye: "TUR",
  "State of Palestine": "PSE",
  "Holy See": "VAT",
  "European Union": "EUU",
  "Côte d'Ivoire": "CIV",
  "Democratic Republic of the Congo": "COD",
  "Republic of the Congo": "COG",
};

/** Every name a country is known by in the six languages (official and common variants) → alpha-3. */
export function countryAliases(): Map<string, string> {
  const out = new Map<string, string>(Object.entries(UN_NAMES));
  for (const [code, names] of Object.entries(EXTRA_NAMES))
    for (const n of Object.values(names)) out.set(n, code);
  for (const l of LOCALES) {
    for (const [a2, names] of Object.entries(
      countries.getNames(l, { select: "all" }) as Record<string, string[]>,
    )) {
      const a3 = countries.alpha2ToAlpha3(a2);
      if (a3) for (const n of names) out.set(n, a3);
    }
  }
  return out;
}
