import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { foldText } from "../../shared/text.ts";
import { badRequest } from "./errors.ts";

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
