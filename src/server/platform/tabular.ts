import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import { foldText } from "../../shared/text.ts";
import { AppError, badRequest } from "./errors.ts";

/**
 * Reads an uploaded table (CSV in UTF-8 or UTF-16 with or without BOM, comma, semicolon or tab
 * separated; or XLSX) into a header row and data rows, with the real parsers.
 */
export async function readTable(file: {
  name: string;
  bytes: Buffer;
}): Promise<{ columns: string[]; rows: string[][] }> {
  const isZip = file.bytes.length > 4 && file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(file.name)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file.bytes as any);
    } catch {
      throw badRequest("import_unreadable", "The file could not be read as an XLSX workbook.");
    }
    const ws = wb.worksheets[0];
    if (!ws) throw badRequest("import_empty", "The workbook has no sheet.");
    const all: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v) => {
        if (v == null) return "";
        if (typeof v === "object" && v && "text" in v) return String((v as { text: unknown }).text);
        if (typeof v === "object" && v && "result" in v)
          return String((v as { result: unknown }).result ?? "");
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        return String(v);
      });
      all[n - 1] = values;
    });
    const [head = [], ...rest] = Array.from(all, (r) => r ?? []);
    return { columns: head.map((h) => h.trim()), rows: rest };
  }
  let text: string;
  if (file.bytes[0] === 0xff && file.bytes[1] === 0xfe) text = file.bytes.subarray(2).toString("utf16le");
  else text = file.bytes.toString("utf8");
  if (text.includes("\u0000")) throw badRequest("import_unreadable", "The file is not a text CSV file.");
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    });
  } catch (err) {
    throw badRequest("import_unreadable", `The CSV file could not be parsed: ${(err as Error).message}`);
  }
  const [head = [], ...rest] = records;
  return { columns: head, rows: rest };
}

export function normHeader(h: string) {
  return foldText(h)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export const splitList = (v: string) =>
  v
    .split(/[;|,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export const bool = (v: string) => /^(1|true|yes|y|oui|si|sí|x)$/i.test(v.trim());

/** An import request: the file, whether to only preview, and the user's mapping and decisions. */
export interface ImportRequest {
  file: { name: string; bytes: Buffer };
  dryRun: boolean;
  mapping?: Record<string, string | null>;
  decisions?: Record<string, string>;
}

/** What an import does with one line. */
export type ImportDecision = "create" | "skip" | `merge:${string}`;

export interface ImportRow {
  line: number;
  data: Record<string, string>;
  errors: Array<{ field: string; message: string }>;
  duplicates: Array<{ id: string | null; name: string; reason: string; score: number; line?: number }>;
  action: ImportDecision;
}

/** Suggests which field each column holds, from the column headers and known synonyms. */
export function suggestMapping<F extends string>(
  columns: string[],
  fields: readonly F[],
  synonyms: Record<F, string[]>,
): Record<string, F | null> {
  const used = new Set<F>();
  const out: Record<string, F | null> = {};
  for (const col of columns) {
    const n = normHeader(col);
    const field = fields.find((f) => !used.has(f) && (synonyms[f].includes(n) || n === foldText(f)));
    out[col] = field ?? null;
    if (field) used.add(field);
  }
  return out;
}

/**
 * Reads the uploaded table and applies the column mapping (given, or suggested). Refuses empty and
 * oversized files, and a mapping without the required fields (answering with the columns so the
 * client can ask the user to map them).
 */
export async function readImportTable<F extends string>(
  file: { name: string; bytes: Buffer },
  opts: {
    fields: readonly F[];
    synonyms: Record<F, string[]>;
    mapping?: Record<string, string | null>;
    required: F[];
    requiredMessage: string;
    maxRows: number;
  },
): Promise<{
  columns: string[];
  mapping: Record<string, F | null>;
  rows: Array<{ line: number; data: Record<string, string> }>;
}> {
  const table = await readTable(file);
  if (table.columns.filter(Boolean).length === 0)
    throw badRequest("import_empty", "The file has no header row.");
  const dataRows = table.rows
    .map((cells, i) => ({ line: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c?.trim()));
  if (dataRows.length === 0) throw badRequest("import_empty", "The file has a header but no data rows.");
  if (dataRows.length > opts.maxRows)
    throw badRequest("import_too_large", `At most ${opts.maxRows} rows can be imported at once.`);
  const mapping = opts.mapping
    ? z.record(z.string(), z.enum(opts.fields as unknown as [F, ...F[]]).nullable()).parse(opts.mapping)
    : suggestMapping(table.columns, opts.fields, opts.synonyms);
  const mapped = Object.values(mapping);
  if (!opts.required.every((f) => mapped.includes(f))) {
    throw new AppError(400, "import_mapping", opts.requiredMessage, undefined, {
      columns: table.columns,
      mapping,
      fields: opts.fields,
    });
  }
  const rows = dataRows.map(({ line, cells }) => {
    const data: Record<string, string> = {};
    table.columns.forEach((col, i) => {
      const f = mapping[col];
      if (f) data[f] = (cells[i] ?? "").trim();
    });
    return { line, data };
  });
  return { columns: table.columns, mapping: mapping as Record<string, F | null>, rows };
}

/** Lines with errors or a near-certain duplicate are skipped unless the user decided otherwise. */
export function chooseAction(
  row: Pick<ImportRow, "errors" | "duplicates">,
  requested: string | undefined,
): ImportDecision {
  if (requested === "create" || requested === "skip" || /^merge:[0-9a-f-]{36}$/.test(requested ?? ""))
    return requested as ImportDecision;
  return row.errors.length || row.duplicates.some((d) => d.score >= 0.95) ? "skip" : "create";
}

export function importSummary(rows: ImportRow[]) {
  return {
    total: rows.length,
    valid: rows.filter((r) => !r.errors.length).length,
    invalid: rows.filter((r) => r.errors.length).length,
    duplicates: rows.filter((r) => r.duplicates.length).length,
    toCreate: rows.filter((r) => r.action === "create").length,
    toMerge: rows.filter((r) => r.action.startsWith("merge:")).length,
    toSkip: rows.filter((r) => r.action === "skip").length,
  };
}

/** A confirmed batch is refused whole while a line with errors is not marked to be skipped. */
export function assertCommittable(rows: ImportRow[], mergeTargets: Set<string>, what: string): void {
  const blocking = rows.filter((r) => r.errors.length && r.action !== "skip");
  if (blocking.length) {
    throw new AppError(
      400,
      "import_invalid_rows",
      `${blocking.length} row(s) have errors; fix them or mark them to be skipped. Nothing was imported.`,
      blocking
        .slice(0, 200)
        .flatMap((r) => r.errors.map((e) => ({ path: `line ${r.line}.${e.field}`, message: e.message }))),
    );
  }
  for (const r of rows) {
    if (r.action.startsWith("merge:") && !mergeTargets.has(r.action.slice(6))) {
      throw badRequest("import_merge_target", `Line ${r.line}: the ${what} to merge into does not exist.`);
    }
  }
}
