import {
  COLORS,
  contextOf,
  createDocument,
  drawQrCode,
  finish,
  ltrContext,
  type PdfLang,
} from "./document.ts";
import { drawText, layoutText, type TextBlock, type TextContext } from "./text.ts";

export interface CertificateInput {
  lang: PdfLang;
  /** e.g. "Certificate of participation" (already translated by the caller). */
  heading: string;
  /** e.g. "This is to certify that". */
  preamble: string;
  /** The participant's name, in any script. */
  name: string;
  /** e.g. "participated in the Online Training … held online from 10 to 12 November 2020". */
  body: string;
  /** Extra lines, e.g. "Attendance: 6 h 30 min". */
  details?: string[];
  /** e.g. "United Nations Office on Drugs and Crime — Civil Society Unit". */
  issuer: string;
  /** Already formatted date. */
  issuedOn: string;
  /** Verification code, e.g. "7KQ2-M9XD-4TPA". */
  code: string;
  /** https://…/verify/CODE, also encoded in the QR code. */
  verifyUrl: string;
  /** e.g. "Verify at". */
  verifyLabel: string;
}

const QR_SIZE = 96;

/** Lays out text, shrinking the font size (down to `min`) until it fits in `maxLines` lines. */
function fitted(
  text: string,
  style: { size: number; min: number; weight?: "regular" | "bold"; color?: string },
  ctx: TextContext,
  width: number,
  maxLines: number,
): TextBlock {
  let size = style.size;
  for (;;) {
    const block = layoutText(text, { size, weight: style.weight, color: style.color }, ctx, width);
    if (block.lines.length <= maxLines || size <= style.min) return block;
    size = Math.max(style.min, size - 1);
  }
}

/** One A4 landscape page. */
export async function renderCertificate(input: CertificateInput): Promise<Buffer> {
  const ctx = contextOf(input.lang);
  const rtl = ctx.dir === "rtl";
  const doc = createDocument({
    lang: input.lang,
    title: `${input.heading} — ${input.name}`,
    subject: input.body,
    author: input.issuer,
    layout: "landscape",
  });
  const W = doc.page.width;
  const H = doc.page.height;

  // Frame.
  doc.save();
  doc.rect(0, 0, W, H).fill("#ffffff");
  doc
    .lineWidth(3)
    .strokeColor(COLORS.navy)
    .rect(18, 18, W - 36, H - 36)
    .stroke();
  doc
    .lineWidth(0.8)
    .strokeColor(COLORS.gold)
    .rect(26, 26, W - 52, H - 52)
    .stroke();
  doc.rect(26.4, 26.4, W - 52.8, 7).fill(COLORS.blue);
  doc.restore();

  const left = 72;
  const width = W - 2 * left;
  const bottomTop = H - 56 - QR_SIZE;

  // Heading.
  let y = 66;
  const heading = fitted(
    input.heading,
    { size: 30, min: 20, weight: "bold", color: COLORS.navy },
    ctx,
    width,
    2,
  );
  y += drawText(doc, heading, left, y, width, "center");
  doc
    .save()
    .rect(W / 2 - 40, y + 6, 80, 2)
    .fill(COLORS.blue)
    .restore();
  y += 22;

  // Middle: preamble, name, body, details — shrunk as a whole until it fits above the footer.
  const middleTop = y;
  const middleBottom = bottomTop - 18;
  let scale = 1;
  let blocks: { preamble: TextBlock; name: TextBlock; body: TextBlock; details: TextBlock[] };
  let total = 0;
  const gaps = { afterPreamble: 8, afterName: 22, afterBody: 10, betweenDetails: 2 };
  for (;;) {
    const s = (n: number) => Math.round(n * scale * 10) / 10;
    blocks = {
      preamble: layoutText(input.preamble, { size: s(14), color: COLORS.muted }, ctx, width),
      name: fitted(
        input.name,
        { size: s(30), min: 16, weight: "bold", color: COLORS.ink },
        { ...ctx, auto: true },
        width - 80,
        1,
      ),
      body: layoutText(input.body, { size: s(14), color: COLORS.ink }, ctx, width - 60),
      details: (input.details ?? [])
        .filter((d) => d.trim())
        .map((d) => layoutText(d, { size: s(11.5), color: COLORS.muted }, ctx, width - 60)),
    };
    total =
      blocks.preamble.height +
      gaps.afterPreamble +
      blocks.name.height +
      gaps.afterName +
      blocks.body.height +
      (blocks.details.length ? gaps.afterBody : 0) +
      blocks.details.reduce((sum, b) => sum + b.height + gaps.betweenDetails, 0);
    if (total <= middleBottom - middleTop || scale <= 0.6) break;
    scale -= 0.05;
  }
  y = middleTop + Math.max(0, (middleBottom - middleTop - total) / 2);
  y += drawText(doc, blocks.preamble, left, y, width, "center");
  y += gaps.afterPreamble;
  y += drawText(doc, blocks.name, left + 40, y, width - 80, "center");
  const ruleWidth = Math.min(width - 80, Math.max(260, blocks.name.width + 60));
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor(COLORS.gold)
    .moveTo(W / 2 - ruleWidth / 2, y + 6)
    .lineTo(W / 2 + ruleWidth / 2, y + 6)
    .stroke()
    .restore();
  y += gaps.afterName;
  y += drawText(doc, blocks.body, left + 30, y, width - 60, "center");
  if (blocks.details.length) y += gaps.afterBody;
  for (const detail of blocks.details) {
    y += drawText(doc, detail, left + 30, y, width - 60, "center");
    y += gaps.betweenDetails;
  }

  // Footer: issuer and date on the start side, verification on the end side.
  const issuerWidth = 320;
  const issuerX = rtl ? W - left - issuerWidth : left;
  const issuer = layoutText(
    input.issuer,
    { size: 11.5, weight: "bold", color: COLORS.ink },
    ctx,
    issuerWidth,
  );
  const issued = layoutText(input.issuedOn, { size: 11, color: COLORS.muted }, ctx, issuerWidth);
  const footerTextHeight = issuer.height + 4 + issued.height;
  let fy = bottomTop + QR_SIZE - footerTextHeight;
  const ruleX = rtl ? issuerX + issuerWidth - 220 : issuerX;
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor(COLORS.rule)
    .moveTo(ruleX, fy - 8)
    .lineTo(ruleX + 220, fy - 8)
    .stroke()
    .restore();
  fy += drawText(doc, issuer, issuerX, fy, issuerWidth, "start");
  fy += 4;
  drawText(doc, issued, issuerX, fy, issuerWidth, "start");

  const qrX = rtl ? left : W - left - QR_SIZE;
  drawQrCode(doc, input.verifyUrl, qrX, bottomTop, QR_SIZE, input.verifyUrl);
  const verifyWidth = 250;
  const verifyX = rtl ? qrX + QR_SIZE + 12 : qrX - 12 - verifyWidth;
  const side = rtl ? "left" : "right";
  const label = layoutText(input.verifyLabel, { size: 9.5, color: COLORS.muted }, ctx, verifyWidth);
  const url = layoutText(
    input.verifyUrl,
    { size: 9, color: COLORS.blue },
    ltrContext(input.lang),
    verifyWidth,
  );
  const code = layoutText(
    input.code,
    { size: 13, weight: "bold", color: COLORS.navy },
    ltrContext(input.lang),
    verifyWidth,
  );
  let vy = bottomTop + QR_SIZE - (label.height + url.height + 4 + code.height);
  vy += drawText(doc, label, verifyX, vy, verifyWidth, side);
  const urlX = side === "left" ? verifyX : verifyX + verifyWidth - url.width;
  doc.link(urlX, vy, url.width, url.height, input.verifyUrl);
  vy += drawText(doc, url, verifyX, vy, verifyWidth, side);
  vy += 4;
  drawText(doc, code, verifyX, vy, verifyWidth, side);

  return finish(doc);
}
