/**
 * Server-side PDFs (participation certificates, event reports) in the six UN languages. Arabic is shaped
 * and laid out right to left, Chinese uses a full Simplified Chinese font, and any string may mix scripts.
 * Fonts come from npm packages (see fonts.ts), never from the system.
 */
export { type CertificateInput, renderCertificate } from "./certificate.ts";
export type { PdfLang } from "./document.ts";
export { type ReportInput, type ReportSection, renderReport } from "./report.ts";
