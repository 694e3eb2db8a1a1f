/**
 * Writes sample PDFs (all certificates, reports in ar/en/zh) to a folder, to look at them:
 *   node --import tsx src/server/platform/pdf/preview.ts screenshots/pdf
 *   pdftoppm -png -r 60 screenshots/pdf/certificate-ar.pdf screenshots/pdf/certificate-ar
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PdfLang } from "./document.ts";
import { renderCertificate, renderReport } from "./index.ts";
import { sampleCertificate, sampleReport } from "./samples.ts";

const out = process.argv[2] ?? "screenshots/pdf";
mkdirSync(out, { recursive: true });
const langs: PdfLang[] = ["ar", "en", "es", "fr", "ru", "zh"];
for (const lang of langs) {
  const started = performance.now();
  writeFileSync(join(out, `certificate-${lang}.pdf`), await renderCertificate(sampleCertificate(lang)));
  console.log(`certificate-${lang}.pdf ${Math.round(performance.now() - started)} ms`);
}
writeFileSync(
  join(out, "certificate-en-mixed.pdf"),
  await renderCertificate(sampleCertificate("en", { name: "محمد عبد الله الأحمد (王小明)" })),
);
for (const lang of ["ar", "en", "zh"] as const) {
  const started = performance.now();
  writeFileSync(join(out, `report-${lang}.pdf`), await renderReport(sampleReport(lang)));
  console.log(`report-${lang}.pdf ${Math.round(performance.now() - started)} ms`);
}
