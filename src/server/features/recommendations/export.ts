import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import sanitizeHtml from "sanitize-html";
import { type LocalizedText, pickText } from "../../../shared/schemas/common.ts";
import type { RecListQuery } from "../../../shared/schemas/recommendations.ts";
import type { Ctx } from "../../platform/context.ts";
import { csvDocument } from "../../platform/csv.ts";
import { serverT } from "../../platform/i18n/messages.ts";
import { type PdfLang, renderReport } from "../../platform/pdf/index.ts";
import { listRecommendations } from "./service.ts";

const plain = (html: string) =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();

/** Every recommendation of the filter (the caller's view of it), grouped by theme or by article. */
async function grouped(ctx: Ctx, q: RecListQuery, groupBy: "theme" | "article", lang: string) {
  const items = [];
  for (let page = 1; ; page++) {
    const r = await listRecommendations(ctx, { ...q, page, pageSize: 100 });
    items.push(...r.items);
    if (items.length >= r.total || r.items.length === 0 || page >= 1000) break;
  }
  const groups = new Map<string, typeof items>();
  for (const it of items) {
    const keys = groupBy === "theme" ? it.themes : it.articles;
    for (const k of keys.length ? keys : [serverT(lang, "recommendation.export.unclassified")]) {
      const list = groups.get(k) ?? [];
      list.push(it);
      groups.set(k, list);
    }
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

const COLUMNS = [
  "group",
  "id",
  "title_col",
  "text",
  "status",
  "answer",
  "event",
  "year",
  "addressedActors",
  "instruments",
  "articles",
  "sdgTargets",
] as const;

function rowsOf(groups: Awaited<ReturnType<typeof grouped>>, lang: string) {
  const out: string[][] = [];
  for (const [g, items] of groups)
    for (const it of items)
      out.push([
        g,
        it.id,
        pickText(it.title as LocalizedText, lang).value,
        plain(pickText(it.text as LocalizedText, lang).value),
        serverT(lang, `recommendation.status.${it.status}`),
        plain(pickText(it.answer as LocalizedText, lang).value),
        it.event ? pickText(it.event.title, lang).value : "",
        String(it.year),
        it.addressedActors.join("; "),
        it.instruments.join("; "),
        it.articles.join("; "),
        it.sdgTargets.join("; "),
      ]);
  return out;
}

export async function exportRecommendations(
  ctx: Ctx,
  q: RecListQuery,
  format: "csv" | "xlsx" | "pdf" | "docx",
  groupBy: "theme" | "article",
  lang: PdfLang,
): Promise<{ body: Buffer | string; type: string; ext: string }> {
  const groups = await grouped(ctx, q, groupBy, lang);
  const header = COLUMNS.map((c) => serverT(lang, `recommendation.export.${c}`));
  const rows = rowsOf(groups, lang);
  if (format === "csv")
    return {
      body: csvDocument([header, ...rows]),
      type: "text/csv; charset=utf-8",
      ext: "csv",
    };
  if (format === "xlsx") {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(serverT(lang, "recommendation.export.sheet"), {
      views: [{ rightToLeft: lang === "ar", state: "frozen", ySplit: 1 }],
    });
    ws.addRow(header).font = { bold: true };
    // ExcelJS writes text as text (never as a formula), so cells go as they are.
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = [20, 12, 40, 80, 18, 60, 40, 8, 30, 16, 20, 16][i] ?? 20;
    });
    return {
      body: Buffer.from(await wb.xlsx.writeBuffer()),
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ext: "xlsx",
    };
  }
  if (format === "docx") {
    const rtl = lang === "ar";
    const para = (
      text: string,
      opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bold?: boolean } = {},
    ) =>
      new Paragraph({
        heading: opts.heading,
        bidirectional: rtl,
        alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.bold, rightToLeft: rtl })],
      });
    const children: Paragraph[] = [
      para(serverT(lang, "recommendation.export.title"), { heading: HeadingLevel.TITLE }),
      para(serverT(lang, `recommendation.export.by.${groupBy}`)),
    ];
    for (const [g, items] of groups) {
      children.push(para(g, { heading: HeadingLevel.HEADING_1 }));
      for (const it of items) {
        children.push(
          para(pickText(it.title as LocalizedText, lang).value, { heading: HeadingLevel.HEADING_2 }),
        );
        children.push(para(plain(pickText(it.text as LocalizedText, lang).value)));
        children.push(
          para(
            `${serverT(lang, "recommendation.export.status")}: ${serverT(lang, `recommendation.status.${it.status}`)}`,
            { bold: true },
          ),
        );
        const answerText = plain(pickText(it.answer as LocalizedText, lang).value);
        if (answerText)
          children.push(para(`${serverT(lang, "recommendation.export.answer")}: ${answerText}`));
        const refs = [it.articles.join(", "), it.sdgTargets.length ? `SDG ${it.sdgTargets.join(", ")}` : ""]
          .filter(Boolean)
          .join(" · ");
        if (refs) children.push(para(refs));
      }
    }
    const doc = new Document({
      title: serverT(lang, "recommendation.export.title"),
      styles: {
        default: {
          document: {
            run: { font: lang === "zh" ? "Noto Sans SC" : lang === "ar" ? "Noto Sans Arabic" : "Noto Sans" },
          },
        },
      },
      sections: [{ properties: {}, children }],
    });
    return {
      body: await Packer.toBuffer(doc),
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ext: "docx",
    };
  }
  const pdf = await renderReport({
    lang,
    title: serverT(lang, "recommendation.export.title"),
    subtitle: serverT(lang, `recommendation.export.by.${groupBy}`),
    generatedOn: new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, { dateStyle: "long" }).format(
      ctx.now(),
    ),
    sections: groups.map(([g, items]) => ({
      heading: g,
      paragraphs: items.map(
        (it) =>
          `${pickText(it.title as LocalizedText, lang).value} — ${plain(pickText(it.text as LocalizedText, lang).value)} [${serverT(lang, `recommendation.status.${it.status}`)}]${
            plain(pickText(it.answer as LocalizedText, lang).value)
              ? ` ${plain(pickText(it.answer as LocalizedText, lang).value)}`
              : ""
          }`,
      ),
    })),
  });
  return { body: pdf, type: "application/pdf", ext: "pdf" };
}
