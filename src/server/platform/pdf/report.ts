import { COLORS, contextOf, createDocument, finish, ltrContext, type PdfLang } from "./document.ts";
import { drawText, layoutText, scriptsIn, type TextBlock, type TextContext, type TextLine } from "./text.ts";

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  /** Key figures. */
  stats?: Array<{ label: string; value: string }>;
  /** May be long: it is paginated and its header repeated on each page. */
  table?: { columns: string[]; rows: string[][] };
}

export interface ReportInput {
  lang: PdfLang;
  title: string;
  subtitle?: string;
  generatedOn: string;
  sections: ReportSection[];
  footer?: string;
}

const MARGIN_X = 50;
const TOP = 58;
const BOTTOM = 64;
const CELL_PAD_X = 5;
const CELL_PAD_Y = 4;
const TABLE_SIZE = 9;

class Cursor {
  y = TOP;
  readonly left = MARGIN_X;
  readonly width: number;
  readonly bottom: number;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - 2 * MARGIN_X;
    this.bottom = doc.page.height - BOTTOM;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = TOP;
  }

  /** Starts a new page unless `height` points still fit on this one (a fresh page always takes it). */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom || this.y === TOP) return false;
    this.newPage();
    return true;
  }
}

function lineBlock(block: TextBlock, line: TextLine): TextBlock {
  return { ...block, lines: [line], height: block.lineHeight, width: line.width };
}

/** Draws a block line by line, continuing on new pages as needed. */
function flow(cur: Cursor, block: TextBlock, align: "start" | "center" = "start"): void {
  for (const line of block.lines) {
    cur.ensure(block.lineHeight);
    cur.y += drawText(cur.doc, lineBlock(block, line), cur.left, cur.y, cur.width, align);
  }
}

function drawStats(cur: Cursor, stats: Array<{ label: string; value: string }>, ctx: TextContext): void {
  const { doc } = cur;
  const columns = stats.length >= 4 && stats.length % 3 !== 0 ? 4 : Math.min(3, stats.length);
  const gap = 10;
  const cardWidth = (cur.width - gap * (columns - 1)) / columns;
  const inner = cardWidth - 20;
  const data = { ...ctx, auto: true };
  const scripts = scriptsIn(stats.flatMap((s) => [s.label, s.value]));
  for (let start = 0; start < stats.length; start += columns) {
    const row = stats.slice(start, start + columns).map((s) => ({
      value: layoutText(s.value, { size: 17, weight: "bold", color: COLORS.navy, scripts }, data, inner),
      label: layoutText(s.label, { size: 8.5, color: COLORS.muted, scripts }, data, inner),
    }));
    const height = Math.max(...row.map((c) => c.value.height + c.label.height)) + 16;
    cur.ensure(height);
    row.forEach((card, i) => {
      const offset = i * (cardWidth + gap);
      const x = ctx.dir === "rtl" ? cur.left + cur.width - offset - cardWidth : cur.left + offset;
      doc.save().rect(x, cur.y, cardWidth, height).fill(COLORS.band);
      doc
        .rect(ctx.dir === "rtl" ? x + cardWidth - 3 : x, cur.y, 3, height)
        .fill(COLORS.blue)
        .restore();
      let y = cur.y + 8;
      y += drawText(doc, card.value, x + 10, y, inner, "start");
      drawText(doc, card.label, x + 10, y, inner, "start");
    });
    cur.y += height + gap;
  }
}

/** Column widths: proportional to the widest content, capped, filling the table width. */
function columnWidths(
  table: { columns: string[]; rows: string[][] },
  ctx: TextContext,
  total: number,
): number[] {
  const natural = table.columns.map((heading, c) => {
    let widest = layoutText(heading, { size: TABLE_SIZE, weight: "bold" }, ctx, 10_000).width;
    for (const row of table.rows.slice(0, 200)) {
      widest = Math.max(widest, layoutText(row[c] ?? "", { size: TABLE_SIZE }, ctx, 10_000).width);
    }
    return Math.min(Math.max(widest, 24), 220) + 2 * CELL_PAD_X;
  });
  const sum = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w / sum) * total);
}

function drawTable(cur: Cursor, table: { columns: string[]; rows: string[][] }, docCtx: TextContext): void {
  const { doc } = cur;
  const ctx = { ...docCtx, auto: true };
  // One line height and baseline for every cell, whatever script each holds.
  const scripts = scriptsIn([...table.columns, ...table.rows.flat()]);
  scripts.add(ctx.script);
  const widths = columnWidths(table, ctx, cur.width);
  // Column i's left edge; in right-to-left documents the first column is on the right.
  const xs: number[] = [];
  let offset = 0;
  for (const w of widths) {
    xs.push(ctx.dir === "rtl" ? cur.left + cur.width - offset - w : cur.left + offset);
    offset += w;
  }
  // A row never grows past what a page holds under the header: cells longer than that are cut.
  const maxRowHeight = (cur.bottom - TOP) / 2;
  const layoutRow = (cells: string[], header: boolean) => {
    const blocks = widths
      .map((w, c) =>
        layoutText(
          cells[c] ?? "",
          {
            size: TABLE_SIZE,
            weight: header ? "bold" : "regular",
            color: header ? "#ffffff" : COLORS.ink,
            scripts,
          },
          ctx,
          w - 2 * CELL_PAD_X,
        ),
      )
      .map((block) => {
        const fits = Math.max(1, Math.floor((maxRowHeight - 2 * CELL_PAD_Y) / block.lineHeight));
        if (block.lines.length <= fits) return block;
        return { ...block, lines: block.lines.slice(0, fits), height: fits * block.lineHeight };
      });
    return { blocks, height: Math.max(...blocks.map((b) => b.height)) + 2 * CELL_PAD_Y };
  };
  const header = layoutRow(table.columns, true);
  const drawRow = (row: ReturnType<typeof layoutRow>, fill: string | null) => {
    if (fill) doc.save().rect(cur.left, cur.y, cur.width, row.height).fill(fill).restore();
    row.blocks.forEach((block, c) => {
      drawText(doc, block, xs[c] + CELL_PAD_X, cur.y + CELL_PAD_Y, widths[c] - 2 * CELL_PAD_X, "start");
    });
    cur.y += row.height;
  };
  const drawHeader = () => drawRow(header, COLORS.navy);

  cur.ensure(header.height * 2 + 8);
  drawHeader();
  table.rows.forEach((cells, i) => {
    const row = layoutRow(cells, false);
    if (cur.y + row.height > cur.bottom) {
      cur.newPage();
      drawHeader();
    }
    drawRow(row, i % 2 ? COLORS.stripe : null);
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .moveTo(cur.left, cur.y)
      .lineTo(cur.left + cur.width, cur.y)
      .stroke()
      .restore();
  });
  cur.y += 12;
}

/** Running header (pages after the first), footer text and page numbers, drawn once all pages exist. */
function decoratePages(doc: PDFKit.PDFDocument, input: ReportInput, ctx: TextContext): void {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - 2 * MARGIN_X;
  const footerY = doc.page.height - BOTTOM + 18;
  const footerWidth = width - 80;
  const footer = input.footer
    ? layoutText(input.footer, { size: 8, color: COLORS.muted }, ctx, footerWidth)
    : null;
  const running = layoutText(input.title, { size: 8, color: COLORS.muted }, ctx, width);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i - range.start + 1;
    if (n > 1) drawText(doc, { ...running, lines: running.lines.slice(0, 1) }, MARGIN_X, 28, width, "start");
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .moveTo(MARGIN_X, footerY - 6)
      .lineTo(MARGIN_X + width, footerY - 6)
      .stroke()
      .restore();
    if (footer) {
      const x = ctx.dir === "rtl" ? MARGIN_X + width - footerWidth : MARGIN_X;
      drawText(doc, footer, x, footerY, footerWidth, "start");
    }
    const page = layoutText(
      `${n} / ${range.count}`,
      { size: 8.5, color: COLORS.muted },
      ltrContext(input.lang),
      70,
    );
    drawText(doc, page, MARGIN_X, footerY, width, ctx.dir === "rtl" ? "left" : "right");
  }
}

/** A4 portrait, numbered pages. */
export async function renderReport(input: ReportInput): Promise<Buffer> {
  const ctx = contextOf(input.lang);
  const doc = createDocument({
    lang: input.lang,
    title: input.title,
    subject: input.subtitle ?? input.title,
    layout: "portrait",
    bufferPages: true,
  });
  const cur = new Cursor(doc);

  flow(cur, layoutText(input.title, { size: 22, weight: "bold", color: COLORS.navy }, ctx, cur.width));
  if (input.subtitle) {
    cur.y += 2;
    flow(cur, layoutText(input.subtitle, { size: 13, color: COLORS.ink }, ctx, cur.width));
  }
  cur.y += 2;
  flow(cur, layoutText(input.generatedOn, { size: 9, color: COLORS.muted }, ctx, cur.width));
  cur.y += 6;
  doc.save().rect(cur.left, cur.y, cur.width, 2).fill(COLORS.blue).restore();
  cur.y += 16;

  for (const section of input.sections) {
    const heading = layoutText(
      section.heading,
      { size: 14, weight: "bold", color: COLORS.navy },
      ctx,
      cur.width,
    );
    // Keep a heading with at least a few lines of what follows it.
    cur.ensure(heading.height + 60);
    flow(cur, heading);
    cur.y += 6;
    for (const paragraph of section.paragraphs ?? []) {
      flow(cur, layoutText(paragraph, { size: 10.5, color: COLORS.ink }, ctx, cur.width));
      cur.y += 6;
    }
    if (section.stats?.length) {
      cur.y += 2;
      drawStats(cur, section.stats, ctx);
    }
    if (section.table?.columns.length) {
      cur.y += 4;
      drawTable(cur, section.table, ctx);
    }
    cur.y += 10;
  }

  decoratePages(doc, input, ctx);
  return finish(doc);
}
