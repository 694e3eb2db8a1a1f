import { uuidv7 } from "uuidv7";
import type { LocalizedText } from "../../../shared/schemas/common.ts";
import type {
  OrganizationFull,
  OrganizationInput,
  OrganizationPublic,
} from "../../../shared/schemas/organizations.ts";
import { nameKey, websiteDomain } from "../../../shared/text.ts";
import type { OrgRow } from "./store.ts";

export function localized(input: Record<string, string>, original: string): LocalizedText {
  const out: LocalizedText = {};
  for (const [lang, value] of Object.entries(input)) {
    if (value?.trim()) out[lang] = { value: value.trim(), origin: lang === original ? "original" : "human" };
  }
  return out;
}

export function displayName(names: LocalizedText, original: string): string {
  return names[original]?.value ?? Object.values(names)[0]?.value ?? "";
}

export function tagsOf(
  input: Pick<OrganizationInput, "countriesOfOperation" | "thematicFocus" | "engagementAreas">,
) {
  return [
    ...input.countriesOfOperation.map((value) => ({ kind: "operates_in", value })),
    ...input.thematicFocus.map((value) => ({ kind: "thematic", value })),
    ...input.engagementAreas.map((value) => ({ kind: "area", value })),
  ];
}

export function newOrgRow(
  input: OrganizationInput,
  status: string,
  createdBy: string | null,
  now: string,
): OrgRow {
  const original = input.names[input.originalLang]?.trim()
    ? input.originalLang
    : Object.keys(input.names).find((k) => input.names[k]?.trim())!;
  const names = localized(input.names, original);
  const name = displayName(names, original);
  return {
    id: uuidv7(),
    name,
    name_key: nameKey(name),
    names: JSON.stringify(names),
    original_lang: original,
    acronym: input.acronym || null,
    type: input.type,
    country: input.country,
    countries_of_operation: JSON.stringify(input.countriesOfOperation),
    thematic_focus: JSON.stringify(input.thematicFocus),
    engagement_areas: JSON.stringify(input.engagementAreas),
    ecosoc_status: input.ecosocStatus,
    youth_led: input.youthLed ? 1 : 0,
    victim_led: input.victimLed ? 1 : 0,
    grassroots: input.grassroots ? 1 : 0,
    website: input.website || null,
    website_domain: websiteDomain(input.website),
    email: input.email?.toLowerCase() || null,
    description: JSON.stringify(localized(input.description, original)),
    logo_file_id: null,
    status,
    status_reason: null,
    merged_into: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
}

/** The search document of an organisation: every name, acronym, description and website domain. */
export function searchParts(row: OrgRow): string[] {
  const names = JSON.parse(row.names) as LocalizedText;
  const desc = JSON.parse(row.description) as LocalizedText;
  return [
    ...Object.values(names).map((n) => n.value),
    row.acronym ?? "",
    ...Object.values(desc).map((n) => n.value),
    row.website_domain ?? "",
  ];
}

/** The columns a public view needs (a directory page reads only these). */
export const PUBLIC_COLUMNS = [
  "id",
  "name",
  "names",
  "original_lang",
  "acronym",
  "type",
  "country",
  "countries_of_operation",
  "thematic_focus",
  "engagement_areas",
  "ecosoc_status",
  "youth_led",
  "victim_led",
  "grassroots",
  "website",
  "description",
  "logo_file_id",
  "status",
  "created_at",
] as const satisfies ReadonlyArray<keyof OrgRow>;
export type PublicOrgRow = Pick<OrgRow, (typeof PUBLIC_COLUMNS)[number]>;

export function toPublic(row: PublicOrgRow, region: string | null): OrganizationPublic {
  return {
    id: row.id,
    name: row.name,
    names: JSON.parse(row.names),
    originalLang: row.original_lang,
    acronym: row.acronym,
    type: row.type as OrganizationPublic["type"],
    country: row.country,
    region,
    countriesOfOperation: JSON.parse(row.countries_of_operation),
    thematicFocus: JSON.parse(row.thematic_focus),
    engagementAreas: JSON.parse(row.engagement_areas),
    ecosocStatus: row.ecosoc_status as OrganizationPublic["ecosocStatus"],
    youthLed: !!row.youth_led,
    victimLed: !!row.victim_led,
    grassroots: !!row.grassroots,
    website: row.website,
    description: JSON.parse(row.description),
    hasLogo: !!row.logo_file_id,
    status: row.status as OrganizationPublic["status"],
    createdAt: row.created_at,
  };
}

export function toFull(row: OrgRow, region: string | null, canEdit: boolean): OrganizationFull {
  return {
    ...toPublic(row, region),
    email: row.email,
    statusReason: row.status_reason,
    mergedInto: row.merged_into,
    updatedAt: row.updated_at,
    canEdit,
  };
}

/** Input view of a stored row (used to apply partial updates). */
export function toInput(row: OrgRow): OrganizationInput {
  const names = JSON.parse(row.names) as LocalizedText;
  const desc = JSON.parse(row.description) as LocalizedText;
  return {
    names: Object.fromEntries(Object.entries(names).map(([k, v]) => [k, v.value])),
    originalLang: row.original_lang,
    acronym: row.acronym,
    type: row.type as OrganizationInput["type"],
    country: row.country,
    countriesOfOperation: JSON.parse(row.countries_of_operation),
    thematicFocus: JSON.parse(row.thematic_focus),
    engagementAreas: JSON.parse(row.engagement_areas),
    ecosocStatus: row.ecosoc_status as OrganizationInput["ecosocStatus"],
    youthLed: !!row.youth_led,
    victimLed: !!row.victim_led,
    grassroots: !!row.grassroots,
    website: row.website,
    email: row.email,
    description: Object.fromEntries(Object.entries(desc).map(([k, v]) => [k, v.value])),
  };
}

/**
 * Combines what two records say about one organisation: the target's values win, missing ones are
 * filled from the source, lists are joined and flags kept when either says so.
 */
export function mergeInputs(target: OrganizationInput, source: OrganizationInput): OrganizationInput {
  const union = <T extends string>(t: T[], s: T[]) => [...new Set([...t, ...s])];
  return {
    ...target,
    names: { ...source.names, ...target.names },
    description: { ...source.description, ...target.description },
    acronym: target.acronym ?? source.acronym,
    website: target.website ?? source.website,
    email: target.email ?? source.email,
    countriesOfOperation: union(target.countriesOfOperation, source.countriesOfOperation),
    thematicFocus: union(target.thematicFocus, source.thematicFocus),
    engagementAreas: union(target.engagementAreas, source.engagementAreas),
    youthLed: target.youthLed || source.youthLed,
    victimLed: target.victimLed || source.victimLed,
    grassroots: target.grassroots || source.grassroots,
  };
}
