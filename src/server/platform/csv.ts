/**
 * CSV cells for exports. Text that a spreadsheet program would run as a formula when it opens a
 * CSV (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so that
 * user-supplied text stays text. (XLSX needs no such guard: ExcelJS writes text cells as text.)
 */
function guardFormula(v: unknown): string {
  const s = String(v ?? "");
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One CSV cell: quoted when it holds a quote, a comma, a semicolon or a line break. */
export function csvCell(v: unknown): string {
  const s = guardFormula(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: a byte-order mark (so that spreadsheet programs read UTF-8), CRLF lines. */
export function csvDocument(rows: unknown[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
