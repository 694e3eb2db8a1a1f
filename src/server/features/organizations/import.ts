import { distance } from "fastest-levenshtein";
import {
  ENGAGEMENT_AREAS,
  ORG_TYPES,
  OrganizationInput,
  THEMATIC_CODES,
} from "../../../shared/schemas/organizations.ts";
import { foldText, nameKey, normalizeEmail, websiteDomain } from "../../../shared/text.ts";
import { nowIso } from "../../db/index.ts";
import { isStaff } from "../../platform/actor.ts";
import { writeAudit } from "../../platform/audit.ts";
import { type Ctx, inTransaction } from "../../platform/context.ts";
import { forbidden } from "../../platform/errors.ts";
import {
  assertCommittable,
  bool,
  chooseAction,
  type ImportRequest,
  type ImportRow,
  importSummary,
  readImportTable,
  splitList,
  suggestMapping,
} from "../../platform/tabular.ts";
import { countryResolver } from "../reference/service.ts";
import { mergeInputs, newOrgRow, toInput } from "./mapping.ts";
import { insertOrganizations, rewriteOrganization } from "./persist.ts";
import * as store from "./store.ts";

/** Fields an import column can map to. */
export const IMPORT_FIELDS = [
  "name",
  "name_fr",
  "name_es",
  "name_ar",
  "name_ru",
  "name_zh",
  "acronym",
  "type",
  "country",
  "countriesOfOperation",
  "thematicFocus",
  "engagementAreas",
  "ecosocStatus",
  "youthLed",
  "victimLed",
  "grassroots",
  "website",
  "email",
  "description",
] as const;
type Field = (typeof IMPORT_FIELDS)[number];

const SYNONYMS: Record<Field, string[]> = {
  name: [
    "name",
    "organization",
    "organisation",
    "organization name",
    "organisation name",
    "nom",
    "nombre",
    "name en",
  ],
  name_fr: ["name fr", "nom fr"],
  name_es: ["name es", "nombre es"],
  name_ar: ["name ar"],
  name_ru: ["name ru"],
  name_zh: ["name zh"],
  acronym: ["acronym", "sigle", "abbreviation", "short name"],
  type: ["type", "organization type", "organisation type", "sector", "category"],
  country: ["country", "pays", "pais", "country code", "iso3", "headquarters country", "based in"],
  countriesOfOperation: ["countries of operation", "countries operation", "operates in", "countries"],
  thematicFocus: ["thematic focus", "themes", "thematic", "focus"],
  engagementAreas: ["engagement areas", "areas", "engagement area"],
  ecosocStatus: ["ecosoc", "ecosoc status", "consultative status"],
  youthLed: ["youth led", "youth"],
  victimLed: ["victim led", "survivor led", "victim or survivor led"],
  grassroots: ["grassroots"],
  website: ["website", "web", "url", "site", "web site"],
  email: ["email", "e mail", "mail", "contact email"],
  description: ["description", "about", "mission"],
};

const TYPE_SYNONYMS: Record<string, string> = {
  ngo: "ngo",
  "non governmental organization": "ngo",
  "non governmental organisation": "ngo",
  "civil society": "ngo",
  csos: "ngo",
  cso: "ngo",
  academia: "academia",
  academic: "academia",
  university: "academia",
  "research institute": "academia",
  "private sector": "private_sector",
  private_sector: "private_sector",
  business: "private_sector",
  company: "private_sector",
  media: "media",
  foundation: "foundation",
  network: "network",
  other: "other",
};

const MAX_ROWS = 50_000;

export const suggestOrganizationMapping = (columns: string[]) =>
  suggestMapping(columns, IMPORT_FIELDS, SYNONYMS);

export async function importOrganizations(ctx: Ctx, opts: ImportRequest) {
  if (!isStaff(ctx.actor)) throw forbidden();
  const table = await readImportTable(opts.file, {
    fields: IMPORT_FIELDS,
    synonyms: SYNONYMS,
    mapping: opts.mapping,
    required: ["name", "country"],
    requiredMessage: "Map a column to the organisation name and one to the country.",
    maxRows: MAX_ROWS,
  });
  const toCountry = await countryResolver(ctx);

  const existing = await store.duplicateCandidates(ctx.db);
  const byKey = new Map<string, (typeof existing)[number]>();
  const byDomain = new Map<string, (typeof existing)[number]>();
  const byEmail = new Map<string, (typeof existing)[number]>();
  const byCountry = new Map<string, Array<(typeof existing)[number]>>();
  for (const o of existing) {
    byKey.set(`${o.country}|${o.name_key}`, o);
    if (o.website_domain) byDomain.set(o.website_domain, o);
    if (o.email) byEmail.set(o.email, o);
    const list = byCountry.get(o.country) ?? [];
    list.push(o);
    byCountry.set(o.country, list);
  }
  const seenInFile = new Map<string, number>();

  const rows: ImportRow[] = [];
  const inputs = new Map<number, OrganizationInput>();
  for (const { line, data } of table.rows) {
    const errors: ImportRow["errors"] = [];
    const country = data.country ? toCountry(data.country) : undefined;
    if (data.country && !country)
      errors.push({ field: "country", message: `unknown country “${data.country}”` });
    const type = data.type
      ? TYPE_SYNONYMS[
          foldText(data.type)
            .replace(/[^a-z_ ]/g, " ")
            .trim()
        ]
      : "other";
    if (data.type && !type)
      errors.push({
        field: "type",
        message: `unknown type “${data.type}” (use one of ${ORG_TYPES.join(", ")})`,
      });
    const operation = data.countriesOfOperation
      ? splitList(data.countriesOfOperation).map((c) => [c, toCountry(c)] as const)
      : [];
    for (const [raw, code] of operation)
      if (!code) errors.push({ field: "countriesOfOperation", message: `unknown country “${raw}”` });
    const codes = (v: string | undefined, allowed: readonly string[], field: string) => {
      const list = v ? splitList(v).map((s) => s.toUpperCase().replace(/[\s-]+/g, "_")) : [];
      for (const c of list) if (!allowed.includes(c)) errors.push({ field, message: `unknown code “${c}”` });
      return list.filter((c) => allowed.includes(c));
    };
    const names: Record<string, string> = {};
    if (data.name) names.en = data.name;
    for (const l of ["fr", "es", "ar", "ru", "zh"]) if (data[`name_${l}`]) names[l] = data[`name_${l}`];
    const candidate = {
      names,
      originalLang: "en",
      acronym: data.acronym || null,
      type: type ?? "other",
      country: country ?? data.country ?? "",
      countriesOfOperation: operation.map(([, c]) => c).filter(Boolean) as string[],
      thematicFocus: codes(data.thematicFocus, THEMATIC_CODES, "thematicFocus"),
      engagementAreas: codes(data.engagementAreas, ENGAGEMENT_AREAS, "engagementAreas"),
      ecosocStatus: data.ecosocStatus ? data.ecosocStatus.toLowerCase() : "none",
      youthLed: data.youthLed ? bool(data.youthLed) : false,
      victimLed: data.victimLed ? bool(data.victimLed) : false,
      grassroots: data.grassroots ? bool(data.grassroots) : false,
      website: data.website
        ? /^https?:\/\//i.test(data.website)
          ? data.website
          : `https://${data.website}`
        : null,
      email: data.email || null,
      description: data.description ? { en: data.description } : {},
    };
    const parsed = OrganizationInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "row");
        if (!errors.some((e) => e.field === field))
          errors.push({ field: field === "names" ? "name" : field, message: issue.message });
      }
    }
    const duplicates: ImportRow["duplicates"] = [];
    if (parsed.success) {
      const input = parsed.data;
      inputs.set(line, input);
      const key = nameKey(data.name ?? Object.values(names)[0] ?? "");
      const exact = byKey.get(`${input.country}|${key}`);
      if (exact) duplicates.push({ id: exact.id, name: exact.name, reason: "name_country", score: 1 });
      const dom = websiteDomain(input.website);
      const d = dom ? byDomain.get(dom) : undefined;
      if (d && !duplicates.some((x) => x.id === d.id))
        duplicates.push({ id: d.id, name: d.name, reason: "website", score: 0.95 });
      const em = normalizeEmail(input.email);
      const e = em ? byEmail.get(em) : undefined;
      if (e && !duplicates.some((x) => x.id === e.id))
        duplicates.push({ id: e.id, name: e.name, reason: "email", score: 0.95 });
      if (!exact && key.length >= 4) {
        let best: { o: (typeof existing)[number]; score: number } | null = null;
        for (const o of byCountry.get(input.country) ?? []) {
          const len = Math.max(key.length, o.name_key.length);
          if (Math.abs(key.length - o.name_key.length) > len * 0.2) continue;
          const score = 1 - distance(key, o.name_key) / len;
          if (score >= 0.85 && (!best || score > best.score)) best = { o, score };
        }
        if (best && !duplicates.some((x) => x.id === best!.o.id)) {
          duplicates.push({
            id: best.o.id,
            name: best.o.name,
            reason: "similar_name",
            score: Math.round(best.score * 100) / 100,
          });
        }
      }
      const fileKey = `${input.country}|${key}`;
      const earlier = seenInFile.get(fileKey);
      if (earlier)
        duplicates.push({ id: null, name: data.name ?? "", reason: "same_file", score: 1, line: earlier });
      else seenInFile.set(fileKey, line);
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
      fields: IMPORT_FIELDS,
      rows,
      summary,
    };

  // Commit: refused whole if a row that is not skipped has errors; otherwise one transaction.
  assertCommittable(rows, new Set(existing.map((o) => o.id)), "organisation");
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const created = rows
      .filter((r) => r.action === "create")
      .map((r) => ({
        input: inputs.get(r.line)!,
        row: newOrgRow(inputs.get(r.line)!, "verified", ctx.actor!.userId, now),
      }));
    await insertOrganizations(
      tx,
      created.map((c) => ({ row: c.row, input: c.input })),
    );
    let merged = 0;
    for (const r of rows.filter((x) => x.action.startsWith("merge:"))) {
      const targetId = r.action.slice(6);
      const target = (await store.byId(tx.db, targetId))!;
      const after = await rewriteOrganization(tx, target, mergeInputs(toInput(target), inputs.get(r.line)!));
      await writeAudit(tx.db, {
        actor: ctx.actor,
        action: "organization.import.merge",
        entity: "organization",
        entityId: targetId,
        before: target,
        after,
        ip: ctx.ip,
      });
      merged++;
    }
    const skipped = rows.filter((r) => r.action === "skip").length;
    await writeAudit(tx.db, {
      actor: ctx.actor,
      action: "organization.import",
      entity: "organization",
      entityId: null,
      after: {
        file: opts.file.name,
        created: created.length,
        merged,
        skipped,
        ids: created.map((c) => c.row.id),
      },
      ip: ctx.ip,
    });
    return { dryRun: false, created: created.length, merged, skipped, summary };
  });
}
