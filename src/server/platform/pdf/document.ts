import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Script } from "./fonts.ts";
import type { Dir, TextContext } from "./text.ts";

export type PdfLang = "ar" | "en" | "es" | "fr" | "ru" | "zh";

/** BCP 47 tags written to the PDF catalogue's /Lang. */
const LANG_TAGS: Record<PdfLang, string> = {
  ar: "ar",
  en: "en",
  es: "es",
  fr: "fr",
  ru: "ru",
  zh: "zh-Hans",
};

export function langTag(lang: PdfLang): string {
  return LANG_TAGS[lang];
}

export function directionOf(lang: PdfLang): Dir {
  return lang === "ar" ? "rtl" : "ltr";
}

export function scriptOfLang(lang: PdfLang): Script {
  return lang === "ar" ? "arabic" : lang === "zh" ? "cjk" : "latin";
}

/** Text context of a document language: base direction and script for text without letters. */
export function contextOf(lang: PdfLang): TextContext {
  return { dir: directionOf(lang), script: scriptOfLang(lang) };
}

/** Left-to-right context for URLs and codes, whatever the document language. */
export function ltrContext(lang: PdfLang): TextContext {
  return { dir: "ltr", script: scriptOfLang(lang) };
}

export const COLORS = {
  ink: "#1f2933",
  muted: "#5b6770",
  navy: "#15365a",
  blue: "#009edb",
  rule: "#c7d3dd",
  band: "#eef4f8",
  stripe: "#f6f9fb",
  gold: "#b08d3c",
};

export function createDocument(opts: {
  lang: PdfLang;
  title: string;
  subject: string;
  layout: "portrait" | "landscape";
  author?: string;
  bufferPages?: boolean;
}): PDFKit.PDFDocument {
  return new PDFDocument({
    size: "A4",
    layout: opts.layout,
    margin: 0,
    pdfVersion: "1.7",
    lang: langTag(opts.lang),
    displayTitle: true,
    bufferPages: opts.bufferPages ?? false,
    info: {
      Title: opts.title,
      Subject: opts.subject,
      Author: opts.author ?? "UNTOC Engage",
      Creator: "UNTOC Engage",
      Producer: "UNTOC Engage (pdfkit)",
    },
  });
}

/** Ends the document and resolves with its bytes. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/**
 * Draws `text` as a QR code of `size` points square (quiet zone included) with vector rectangles, so it
 * stays sharp at any zoom and in print, and links the square to `link` when given.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  size: number,
  link?: string,
): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const quiet = 2;
  const cell = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      // A hair of overlap so that neighbouring rows do not show seams in some viewers.
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell + 0.01);
    }
  }
  doc.fill("#000000");
  doc.restore();
  if (link) doc.link(x, y, size, size, link);
}
