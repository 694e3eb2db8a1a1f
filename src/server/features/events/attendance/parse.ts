import { parse } from "csv-parse/sync";
import { foldText } from "../../../../shared/text.ts";
import { AppError, badRequest } from "../../../platform/errors.ts";

/**
 * Reads the attendance reports that video-meeting platforms export (Zoom participants report,
 * Microsoft Teams attendance report in its old and new layouts, Webex attendee reports) or any CSV
 * with a caller-given column mapping, into one interval per join. Pure: bytes in, rows out.
 *
 * - Text: UTF-8 (with or without BOM, falling back to Windows-1252 when it is not valid UTF-8),
 *   UTF-16LE/BE with BOM, or UTF-16 without BOM recognised by its NUL bytes.
 * - Separator: comma, semicolon or tab; each is tried in order of likelihood with the real CSV
 *   parser until one gives a recognisable header row.
 * - Times: without an explicit offset they are wall-clock times in `timeZone`; "Z", "UTC", "GMT",
 *   "+07:00" are honoured. Day/month order comes from `dateOrder` or is inferred from the data.
 */

export type AttendanceSource = "zoom" | "teams" | "webex" | "csv";

export interface AttendanceRow {
  /** 1-based line number in the original file (for error messages). */
  line: number;
  /** Display name as in the file, trimmed; "Name (Original Name)" → the original name if present. */
  name: string;
  /** Lower-cased, null if absent/empty. */
  email: string | null;
  /** ISO-8601 UTC instant. */
  joinedAt: string;
  /** ISO-8601 UTC instant (>= joinedAt). */
  leftAt: string;
}

/** Header names in the file; leave OR duration (minutes) required. */
export interface ColumnMapping {
  name: string;
  email?: string;
  join: string;
  leave?: string;
  duration?: string;
}

export interface ParsedReport {
  source: AttendanceSource;
  rows: AttendanceRow[];
  /** Rows that could not be read (bad date etc.), reported by line; the other rows are still returned. */
  errors: Array<{ line: number; message: string }>;
  /** The header row that was used. */
  columns: string[];
}

export type DateOrder = "mdy" | "dmy" | "ymd";

export interface ParseOptions {
  timeZone: string;
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Entry point

export function parseAttendanceReport(bytes: Buffer, opts: ParseOptions): ParsedReport {
  const zone = zoneConverter(opts.timeZone);
  if (opts.mapping) checkMapping(opts.mapping);
  const text = decode(bytes);
  if (!text.trim()) {
    throw new AppError(400, "attendance_not_a_report", "The file is empty: it holds no attendance report.");
  }

  let firstTable: Rec[] | null = null;
  let parseError: string | null = null;
  for (const delimiter of delimiterOrder(text)) {
    let records: Rec[];
    try {
      records = tabulate(text, delimiter);
    } catch (err) {
      parseError ??= (err as Error).message;
      continue;
    }
    firstTable ??= records;
    const layout = opts.mapping ? layoutFromMapping(records, opts.mapping) : detectLayout(records);
    if (layout) return readReport(records, layout, zone, opts.dateOrder);
  }

  if (!firstTable) {
    throw badRequest("attendance_unreadable", `The file could not be read as CSV text: ${parseError}`);
  }
  if (opts.mapping) throw mappingMismatch(firstTable, opts.mapping);
  throw notAReport(firstTable);
}

// ---------------------------------------------------------------------------------------------
// Bytes → text

const MAGIC: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (an Excel .xlsx workbook is one)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old-style Office document (.xls)" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
];

function unreadable(what: string) {
  return badRequest(
    "attendance_unreadable",
    `The file is ${what}, not a text attendance report. Export the report from the meeting platform as CSV and upload that file.`,
  );
}

function decode(bytes: Buffer): string {
  for (const m of MAGIC) {
    if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) throw unreadable(m.what);
  }
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = utf8OrLegacy(bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = utf16(bytes.subarray(2), "le");
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = utf16(bytes.subarray(2), "be");
  else {
    const guess = utf16WithoutBom(bytes);
    text = guess ? utf16(bytes, guess) : utf8OrLegacy(bytes);
  }
  text = text.replace(/^\uFEFF/, "");
  if (looksBinary(text)) throw unreadable("binary data");
  return text;
}

function utf8OrLegacy(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Excel's "CSV (Comma delimited)" writes the Windows code page.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function utf16(bytes: Buffer, endian: "le" | "be"): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (endian === "le") return even.toString("utf16le");
  const swapped = Buffer.from(even);
  swapped.swap16();
  return swapped.toString("utf16le");
}

/** UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte. */
function utf16WithoutBom(bytes: Buffer): "le" | "be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return "le";
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return "be";
  return null;
}

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return control > Math.max(2, n * 0.01);
}

// ---------------------------------------------------------------------------------------------
// Text → records with their line numbers

interface Rec {
  cells: string[];
  line: number;
}

/** Separators in order of likelihood: tab when most lines have one, then by lines that contain each. */
function delimiterOrder(text: string): string[] {
  const lines = text
    .slice(0, 20_000)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 60);
  const score = (d: string) => {
    let withIt = 0;
    let total = 0;
    for (const l of lines) {
      const k = l.split(d).length - 1;
      if (k) withIt++;
      total += k;
    }
    return withIt * 10_000 + total;
  };
  const tabLines = lines.filter((l) => l.includes("\t")).length;
  const order = [",", ";", "\t"].sort((a, b) => score(b) - score(a));
  if (tabLines * 2 >= lines.length && tabLines > 0) return ["\t", ...order.filter((d) => d !== "\t")];
  return order;
}

function tabulate(text: string, delimiter: string): Rec[] {
  const buf = Buffer.from(text, "utf8");
  const parsed = parse(buf, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  // Line starts as byte offsets, so a record's first byte gives its line (quoted newlines included).
  const starts = [0];
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x0a || (b === 0x0d && buf[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: Rec[] = [];
  let offset = 0;
  for (const { record, info } of parsed) {
    out.push({ cells: record.map((c) => c.trim()), line: lineOf(offset) });
    offset = info.bytes;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Header recognition

const norm = (s: string) =>
  foldText(s)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Header names (normalised) per field, in order of preference. */
const SYN = {
  name: [
    "name original name",
    "user name original name",
    "full name",
    "display name",
    "participant name",
    "attendee name",
    "name",
    "participant",
    "user name",
  ],
  email: ["user email", "attendee email", "participant email", "email", "email address", "e mail", "mail"],
  join: ["join time", "first join", "joined at", "time joined", "join"],
  leave: ["leave time", "last leave", "left at", "time left", "leave"],
  duration: [
    "duration minutes",
    "time in session minutes",
    "attendance duration",
    "in meeting duration",
    "duration",
  ],
  first: ["first name"],
  last: ["last name"],
  upn: ["participant id upn"],
  date: ["date"],
} as const;

type Field = keyof typeof SYN;

const ZOOM_MARKERS = [
  "name original name",
  "user name original name",
  "duration minutes",
  "time in session minutes",
];
const WEBEX_MARKERS = [
  "attendance duration",
  "connection type",
  "attendee email",
  "participant name",
  "invited",
  "registered",
  "session name",
];
const TEAMS_MARKERS = [
  "participant id upn",
  "in meeting duration",
  "first join",
  "last leave",
  "full name",
  "role",
];
const TEAMS_SECTIONS = ["meeting summary", "1 summary", "2 participants", "3 in meeting activities"];

interface Layout {
  kind: "intervals" | "actions";
  source: AttendanceSource;
  header: number; // index of the header record
  col: Partial<Record<Field | "action" | "timestamp", number>>;
  originalName: boolean; // Zoom "Name (Original Name)"
  perJoin: boolean; // one row per join (vs first join / last leave)
}

function indexOf(cells: string[], names: readonly string[]): number | undefined {
  for (const n of names) {
    const i = cells.indexOf(n);
    if (i >= 0) return i;
  }
  return undefined;
}

/** A record that could be a header: at least three cells, no digits (data rows always carry dates). */
const headerCandidate = (r: Rec) => r.cells.length >= 3 && !r.cells.some((c) => /\d/.test(c));

/** The header of another table: a candidate with a join-time column (a digit-less bad data row has none). */
const JOIN_HEADERS = new Set<string>([...SYN.join, "timestamp"]);
const anotherHeader = (r: Rec) => headerCandidate(r) && r.cells.some((c) => JOIN_HEADERS.has(norm(c)));

function recognise(records: Rec[], index: number, teamsContext: boolean): Layout | null {
  const cells = records[index].cells.map(norm);
  const has = (n: string) => cells.includes(n);

  if (has("full name") && has("user action") && has("timestamp")) {
    return {
      kind: "actions",
      source: "teams",
      header: index,
      col: {
        name: cells.indexOf("full name"),
        action: cells.indexOf("user action"),
        timestamp: cells.indexOf("timestamp"),
      },
      originalName: false,
      perJoin: true,
    };
  }
  const col: Layout["col"] = {};
  for (const f of Object.keys(SYN) as Field[]) {
    const i = indexOf(cells, SYN[f]);
    if (i !== undefined) col[f] = i;
  }
  const hasName = col.name !== undefined || col.first !== undefined || col.last !== undefined;
  if (!hasName || col.join === undefined || (col.leave === undefined && col.duration === undefined))
    return null;

  let source: AttendanceSource = "csv";
  if (ZOOM_MARKERS.some(has)) source = "zoom";
  else if (WEBEX_MARKERS.some(has)) source = "webex";
  else if (TEAMS_MARKERS.some(has) || teamsContext) source = "teams";
  const nameHeader = col.name === undefined ? "" : cells[col.name];
  return {
    kind: "intervals",
    source,
    header: index,
    col,
    originalName: nameHeader === "name original name" || nameHeader === "user name original name",
    perJoin: cells[col.join] !== "first join",
  };
}

function detectLayout(records: Rec[]): Layout | null {
  const teamsContext = records.some(
    (r) => r.cells.filter(Boolean).length <= 2 && TEAMS_SECTIONS.includes(norm(r.cells[0] ?? "")),
  );
  let best: Layout | null = null;
  for (let i = 0; i < records.length; i++) {
    if (!headerCandidate(records[i])) continue;
    const layout = recognise(records, i, teamsContext);
    // Teams' new layout has "2. Participants" (first join / last leave) and "3. In-Meeting
    // Activities" (one row per join): the latter wins.
    if (layout && (!best || (layout.perJoin && !best.perJoin))) best = layout;
  }
  return best;
}

function checkMapping(mapping: ColumnMapping): void {
  const missing = (["name", "join"] as const).filter((k) => !mapping[k]?.trim());
  if (missing.length || !(mapping.leave?.trim() || mapping.duration?.trim())) {
    throw badRequest(
      "attendance_mapping_invalid",
      "The column mapping must name the columns holding the name, the join time, and the leave time or the duration in minutes.",
    );
  }
}

function layoutFromMapping(records: Rec[], mapping: ColumnMapping): Layout | null {
  const wanted = Object.entries(mapping).filter(([, v]) => v?.trim()) as Array<[Field, string]>;
  for (let i = 0; i < records.length; i++) {
    const cells = records[i].cells.map(norm);
    const col: Layout["col"] = {};
    for (const [field, header] of wanted) {
      const at = cells.indexOf(norm(header));
      if (at < 0) break;
      col[field] = at;
    }
    if (Object.keys(col).length === wanted.length) {
      return { kind: "intervals", source: "csv", header: i, col, originalName: false, perJoin: true };
    }
  }
  return null;
}

function firstRow(records: Rec[]): string[] {
  return records.find((r) => r.cells.some(Boolean))?.cells ?? [];
}

function mappingMismatch(records: Rec[], mapping: ColumnMapping): AppError {
  const wanted = Object.values(mapping).filter((v): v is string => !!v?.trim());
  // The row that holds the most of the mapped columns is the one the user meant as header.
  let bestRow = firstRow(records);
  let bestHits = -1;
  for (const r of records.slice(0, 200)) {
    const cells = r.cells.map(norm);
    const hits = wanted.filter((w) => cells.includes(norm(w))).length;
    if (hits > bestHits) {
      bestHits = hits;
      bestRow = r.cells;
    }
  }
  const cells = bestRow.map(norm);
  const missing = wanted.filter((w) => !cells.includes(norm(w)));
  return new AppError(
    400,
    "attendance_mapping_invalid",
    `The file has no column named ${missing.map((m) => `"${m}"`).join(", ")}. Its columns are: ${bestRow.filter(Boolean).join(", ")}.`,
    undefined,
    { columns: bestRow.filter(Boolean), missing },
  );
}

const EXPECTED = {
  zoom: "Name (Original Name), User Email, Join Time, Leave Time, Duration (Minutes)",
  teams: "Name, Join Time, Leave Time, Duration, Email (or Full Name, User Action, Timestamp)",
  webex: "Name, Email, Join Time, Leave Time, Attendance Duration",
};

function notAReport(records: Rec[]): AppError {
  const row = firstRow(records).filter(Boolean);
  const cells = records.filter(headerCandidate).map((r) => r.cells.map(norm));
  if (cells.some((c) => c.includes("total duration minutes") && !c.includes("join time"))) {
    return new AppError(
      400,
      "attendance_not_a_report",
      'This Zoom report lists unique users without join and leave times. Export the participants report again with "Show unique users" unticked.',
      undefined,
      { columns: row },
    );
  }
  const found = row.length
    ? row.slice(0, 12).join(", ") + (row.length > 12 ? ", …" : "")
    : "nothing readable";
  return new AppError(
    400,
    "attendance_not_a_report",
    "This file is not an attendance report we recognise: no header row with a name, a join time and a leave time or duration was found. " +
      `Expected the columns of a Zoom participants report (${EXPECTED.zoom}), a Microsoft Teams attendance report (${EXPECTED.teams}) ` +
      `or a Webex attendee report (${EXPECTED.webex}). The file starts with: ${found}. ` +
      "For another format, choose the columns by hand.",
    undefined,
    { columns: row },
  );
}

// ---------------------------------------------------------------------------------------------
// Reading rows

interface Context {
  meetingStart: string | null;
  meetingEnd: string | null;
}

/** Meeting start/end from Zoom's meeting block or Teams' summary, above the header. */
function meetingContext(records: Rec[], header: number): Context {
  const ctx: Context = { meetingStart: null, meetingEnd: null };
  for (let i = 0; i < header; i++) {
    const cells = records[i].cells.map(norm);
    const startAt = cells.indexOf("start time");
    if (cells.includes("meeting id") && startAt >= 0) {
      const values = records.slice(i + 1, header).find((r) => r.cells.some(Boolean))?.cells ?? [];
      ctx.meetingStart = values[startAt] || ctx.meetingStart;
      ctx.meetingEnd = values[cells.indexOf("end time")] || ctx.meetingEnd;
      continue;
    }
    const value = records[i].cells[1]?.trim();
    if (!value) continue;
    if (cells[0] === "meeting start time" || cells[0] === "start time") ctx.meetingStart = value;
    if (cells[0] === "meeting end time" || cells[0] === "end time") ctx.meetingEnd = value;
  }
  return ctx;
}

/** The data records of the section under the header, up to the next section. */
function sectionRows(records: Rec[], header: number): Rec[] {
  const width = records[header].cells.length;
  const out: Rec[] = [];
  for (let i = header + 1; i < records.length; i++) {
    const r = records[i];
    if (!r.cells.some(Boolean)) {
      // A blank line ends the section unless more rows of the same table follow it.
      let j = i + 1;
      while (j < records.length && !records[j].cells.some(Boolean)) j++;
      const next = records[j];
      if (!next || next.cells.length !== width || anotherHeader(next)) break;
      continue;
    }
    if (r.cells.length === 1 || anotherHeader(r)) break; // a section title or another table
    out.push(r);
  }
  return out;
}

function readReport(records: Rec[], layout: Layout, zone: Zone, dateOrder?: DateOrder): ParsedReport {
  const ctx = meetingContext(records, layout.header);
  const rows = sectionRows(records, layout.header);
  const cell = (r: Rec, f: keyof Layout["col"]) => {
    const i = layout.col[f];
    return i === undefined ? "" : (r.cells[i] ?? "").trim();
  };
  const timeFields: Array<keyof Layout["col"]> =
    layout.kind === "actions" ? ["timestamp"] : ["join", "leave"];
  const samples = rows.flatMap((r) => timeFields.map((f) => cell(r, f)));
  for (const v of [ctx.meetingStart, ctx.meetingEnd]) if (v) samples.push(v);
  const order = dateOrder ?? inferDateOrder(samples, layout.source);
  const read = (raw: string) => readInstant(raw, order, zone);

  const result: ParsedReport = {
    source: layout.source,
    rows: [],
    errors: [],
    columns: records[layout.header].cells,
  };
  if (layout.kind === "actions") readActions(rows, cell, read, ctx, result);
  else readIntervals(rows, layout, cell, read, zone, ctx, result);
  result.rows.sort((a, b) => a.line - b.line);
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

type Cell = (r: Rec, f: keyof Layout["col"]) => string;
type Read = (raw: string) => Instant | null;

function personName(r: Rec, layout: Layout, cell: Cell): string {
  let name = cell(r, "name");
  if (layout.originalName) name = originalName(name);
  if (!name) name = [cell(r, "first"), cell(r, "last")].filter(Boolean).join(" ");
  return name.replace(/\s+/g, " ").trim();
}

/** Zoom writes "Display Name (Original Name)" for a participant who renamed themselves. */
function originalName(value: string): string {
  const m = /^(.*\S)\s*\(([^()]*)\)$/.exec(value);
  if (!m) return value;
  const inner = m[2].trim();
  if (!/\p{L}/u.test(inner) || /^(host|co-?host|guest|me)$/i.test(inner) || /^\p{L}+\/\p{L}+$/u.test(inner)) {
    return value; // "(Host)", "(she/her)": not a name
  }
  return inner;
}

function emailOf(r: Rec, cell: Cell): string | null {
  const email = cell(r, "email").toLowerCase();
  if (email) return email;
  const upn = cell(r, "upn").toLowerCase();
  return upn.includes("@") ? upn : null;
}

function readIntervals(
  rows: Rec[],
  layout: Layout,
  cell: Cell,
  read: Read,
  zone: Zone,
  ctx: Context,
  out: ParsedReport,
) {
  const fallbackDate = ctx.meetingStart ? read(ctx.meetingStart) : null;
  for (const r of rows) {
    const fail = (message: string) => out.errors.push({ line: r.line, message });
    const name = personName(r, layout, cell);
    if (!name) {
      fail("The row has no name.");
      continue;
    }
    const rawJoin = cell(r, "join");
    const join = withDate(read(rawJoin), cell(r, "date"), fallbackDate, read, zone);
    if (!join) {
      fail(
        rawJoin
          ? `The join time "${rawJoin}" is not a date and time that can be read.`
          : "The join time is empty.",
      );
      continue;
    }
    let leftAt: number;
    const rawLeave = cell(r, "leave");
    const rawDuration = cell(r, "duration");
    if (rawLeave) {
      const leave = withDate(read(rawLeave), cell(r, "date"), fallbackDate, read, zone);
      if (!leave) {
        fail(`The leave time "${rawLeave}" is not a date and time that can be read.`);
        continue;
      }
      leftAt = leave.at;
      // Times without a date on a date taken from elsewhere: leaving "earlier" means after midnight.
      if (!leave.hasDate && !join.hasDate && leftAt < join.at) leftAt += DAY;
    } else if (rawDuration) {
      const seconds = durationSeconds(rawDuration);
      if (seconds === null) {
        fail(`The duration "${rawDuration}" cannot be read.`);
        continue;
      }
      leftAt = join.at + seconds * 1000;
    } else {
      fail("The row has neither a leave time nor a duration.");
      continue;
    }
    if (leftAt < join.at) {
      fail(`The leave time "${rawLeave}" is before the join time "${rawJoin}".`);
      continue;
    }
    out.rows.push({
      line: r.line,
      name,
      email: emailOf(r, cell),
      joinedAt: new Date(join.at).toISOString(),
      leftAt: new Date(leftAt).toISOString(),
    });
  }
}

/** Old Teams layout: one row per Joined / Joined before / Left; paired per person in time order. */
function readActions(rows: Rec[], cell: Cell, read: Read, ctx: Context, out: ParsedReport) {
  interface Event {
    line: number;
    at: number;
    join: boolean;
  }
  const people = new Map<string, { name: string; events: Event[] }>();
  let last = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    const name = cell(r, "name").replace(/\s+/g, " ");
    const action = norm(cell(r, "action"));
    const raw = cell(r, "timestamp");
    if (!name) {
      out.errors.push({ line: r.line, message: "The row has no name." });
      continue;
    }
    const join = action === "joined" || action === "joined before";
    if (!join && action !== "left") {
      out.errors.push({ line: r.line, message: `The action "${cell(r, "action")}" is not Joined or Left.` });
      continue;
    }
    const t = read(raw);
    if (!t?.hasDate) {
      out.errors.push({
        line: r.line,
        message: `The timestamp "${raw}" is not a date and time that can be read.`,
      });
      continue;
    }
    last = Math.max(last, t.at);
    const key = foldText(name);
    let p = people.get(key);
    if (!p) {
      p = { name, events: [] };
      people.set(key, p);
    }
    p.events.push({ line: r.line, at: t.at, join });
  }
  const end = ctx.meetingEnd ? read(ctx.meetingEnd) : null;
  const meetingEnd = end?.hasDate ? end.at : last;
  for (const { name, events } of people.values()) {
    events.sort((a, b) => a.at - b.at || a.line - b.line);
    // Joins on two devices nest: the person is present from the first join to the last leave.
    let depth = 0;
    let open: Event | null = null;
    const push = (from: Event, to: number) =>
      out.rows.push({
        line: from.line,
        name,
        email: null,
        joinedAt: new Date(from.at).toISOString(),
        leftAt: new Date(Math.max(to, from.at)).toISOString(),
      });
    for (const e of events) {
      if (e.join) {
        if (depth++ === 0) open = e;
      } else if (depth === 0) {
        out.errors.push({
          line: e.line,
          message: `"${name}" left without having joined; the row was ignored.`,
        });
      } else if (--depth === 0 && open) {
        push(open, e.at);
        open = null;
      }
    }
    if (open) push(open, Math.max(meetingEnd, last));
  }
}

// ---------------------------------------------------------------------------------------------
// Dates and times

interface Instant {
  at: number; // epoch ms
  hasDate: boolean; // false: a time of day placed on 1970-01-01, to be given a date
}

interface Lexed {
  // date part: either explicit y-m-d, or three numbers in an order to be decided
  iso: boolean;
  a: number;
  b: number;
  c: number;
  cDigits: number;
  sep: string;
  hasDate: boolean;
  hasTime: boolean;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  meridiem: "a" | "p" | null;
  offset: number | null; // minutes east of UTC
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?\s*m\.?)?`;
const OFFSET = String.raw`(?:\s*(z|(?:utc|gmt)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?`;
const ISO_RE = new RegExp(
  String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:t|\s+|,\s*)${TIME})?${OFFSET}$`,
);
const DATE_RE = new RegExp(
  String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\.?(?:,?\s*${TIME})?${OFFSET}$`,
);
const TIME_RE = new RegExp(`^${TIME}${OFFSET}$`);

function lex(raw: string): Lexed | null {
  const s = raw
    .replace(/[\s\u00a0\u202f\u2009]+/g, " ")
    .trim()
    .toLowerCase();
  if (!s) return null;
  let m = ISO_RE.exec(s);
  if (m) return build(true, +m[1], +m[2], +m[3], 4, "-", m.slice(4));
  m = DATE_RE.exec(s);
  if (m) return build(false, +m[1], +m[3], +m[4], m[4].length, m[2], m.slice(5));
  m = TIME_RE.exec(s);
  if (m) {
    const l = build(true, 1970, 1, 1, 4, "", m.slice(1));
    return l && { ...l, hasDate: false };
  }
  return null;
}

function build(
  iso: boolean,
  a: number,
  b: number,
  c: number,
  cDigits: number,
  sep: string,
  t: Array<string | undefined>,
): Lexed | null {
  const [h, mi, sec, frac, ampm, off] = t;
  let offset: number | null = null;
  if (off) {
    const o = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(off);
    offset = o ? (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3] ?? 0)) : 0;
  }
  return {
    iso,
    a,
    b,
    c,
    cDigits,
    sep,
    hasDate: true,
    hasTime: h !== undefined,
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(sec ?? 0),
    ms: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
    meridiem: (ampm as "a" | "p" | undefined) ?? null,
    offset,
  };
}

/**
 * Day/month order from the data: a first number above 12 can only be a day (dmy), a second one
 * only a day (mdy). Without evidence: dotted dates are day-first; Teams follows the exporter's
 * locale, so 24-hour times suggest day-first and AM/PM month-first; Zoom and Webex are month-first.
 */
function inferDateOrder(samples: string[], source: AttendanceSource): DateOrder {
  let dmy = 0;
  let mdy = 0;
  let dotted = 0;
  let meridiem = 0;
  let clock24 = 0;
  let seen = 0;
  for (const raw of samples) {
    const l = lex(raw);
    if (!l || l.iso || !l.hasDate) continue;
    seen++;
    if (l.a > 12 && l.b <= 12) dmy++;
    if (l.b > 12 && l.a <= 12) mdy++;
    if (l.sep === ".") dotted++;
    if (l.hasTime) {
      if (l.meridiem) meridiem++;
      else clock24++;
    }
  }
  if (dmy || mdy) return dmy >= mdy ? "dmy" : "mdy";
  if (!seen) return "mdy";
  if (dotted * 2 > seen) return "dmy";
  if (source === "teams" && clock24 > meridiem) return "dmy";
  return "mdy";
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function readInstant(raw: string, order: DateOrder, zone: Zone): Instant | null {
  const l = lex(raw);
  if (!l) return null;
  let year: number;
  let month: number;
  let day: number;
  if (l.iso) [year, month, day] = [l.a, l.b, l.c];
  else if (order === "ymd") [year, month, day] = [l.a, l.b, l.c];
  else if (order === "dmy") [day, month, year] = [l.a, l.b, l.c];
  else [month, day, year] = [l.a, l.b, l.c];
  const yearDigits = l.iso ? 4 : order === "ymd" ? 2 : l.cDigits;
  if (yearDigits === 2) year += year < 70 ? 2000 : 1900;
  if (order === "ymd" && !l.iso && l.cDigits !== 2) return null;

  let hour = l.hour;
  if (l.meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (l.meridiem === "p" ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || l.minute > 59 || l.second > 59) return null;

  const wall = Date.UTC(year, month - 1, day, hour, l.minute, l.second, l.ms);
  if (!l.hasDate) return { at: wall, hasDate: false };
  const at = l.offset !== null ? wall - l.offset * MINUTE : zone(wall);
  return { at, hasDate: true };
}

/** Gives a time without a date the row's date column, or else the meeting's date. */
function withDate(
  t: Instant | null,
  rawDate: string,
  fallback: Instant | null,
  read: Read,
  zone: Zone,
): Instant | null {
  if (!t || t.hasDate) return t;
  const date = rawDate ? read(rawDate) : null;
  const base = date?.hasDate ? date : fallback;
  if (!base) return null;
  return { at: zone(zone.localMidnight(base.at) + t.at), hasDate: false };
}

// ---------------------------------------------------------------------------------------------
// Time zones

interface Zone {
  /** The instant of a wall-clock time (given as if it were UTC) in the zone. */
  (wall: number): number;
  /** The wall-clock midnight (as if UTC) of the local day containing an instant. */
  localMidnight(at: number): number;
}

/**
 * Wall-clock → UTC with Intl's IANA data. In a DST overlap the earlier instant is taken; a time
 * in the spring-forward gap is moved forward by the gap (as Temporal's "compatible" does).
 */
function zoneConverter(timeZone: string): Zone {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw badRequest("validation", `"${timeZone}" is not a known time zone.`);
  }
  // Offsets change on whole quarter hours (UTC), so one lookup per quarter hour is enough.
  const QUARTER = 15 * MINUTE;
  const cache = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const q = Math.floor(t / QUARTER);
    let o = cache.get(q);
    if (o === undefined) {
      const at = q * QUARTER;
      const p: Record<string, number> = {};
      for (const part of fmt.formatToParts(at))
        if (part.type !== "literal") p[part.type] = Number(part.value);
      o = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - at;
      cache.set(q, o);
    }
    return o;
  };
  const zone = ((wall: number) => {
    const before = offsetAt(wall - DAY);
    const after = offsetAt(wall + DAY);
    const c1 = wall - before;
    const c2 = wall - after;
    const ok1 = offsetAt(c1) === before;
    const ok2 = offsetAt(c2) === after;
    if (ok1 && ok2) return Math.min(c1, c2);
    if (ok1) return c1;
    if (ok2) return c2;
    return wall - before;
  }) as Zone;
  zone.localMidnight = (at: number) => {
    const local = at + offsetAt(at);
    return local - (((local % DAY) + DAY) % DAY);
  };
  return zone;
}

// ---------------------------------------------------------------------------------------------
// Durations

/**
 * "128" (minutes, as Zoom writes), "63 mins" (Webex), "1h 2m 3s" / "45m 10s" (Teams), "1:02:03".
 * Null when it cannot be read (a two-part "47:03" is ambiguous and refused).
 */
export function durationSeconds(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(",", ".");
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 60);
  const hms = /^(\d+):(\d{2}):(\d{2})$/.exec(s);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const unit = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])/g;
  let total = 0;
  let rest = s;
  let found = false;
  for (const m of s.matchAll(unit)) {
    found = true;
    const n = Number(m[1]);
    total += m[2].startsWith("h") ? n * 3600 : m[2].startsWith("m") ? n * 60 : n;
    rest = rest.replace(m[0], "");
  }
  if (!found || rest.replace(/[\s,.]+/g, "")) return null;
  return Math.round(total);
}
