import ExcelJS from "exceljs";
import type { Locale } from "../../../shared/schemas/common.ts";
import type { ApplicationRow, Question } from "../../../shared/schemas/events.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Ctx } from "../../platform/context.ts";
import { csvDocument } from "../../platform/csv.ts";
import { badRequest } from "../../platform/errors.ts";
import { webLabel } from "../../platform/i18n/web-labels.ts";
import { publicReference } from "../reference/service.ts";
import { type ApplicantFilter, applicantsForExport } from "./applications.ts";
import { loadEvent } from "./service.ts";

/** A bound on one file: far more than a call for applications receives (hundreds to a few thousand). */
export const EXPORT_MAX = 20_000;

export interface ApplicantsFile {
  body: string | Buffer;
  type: string;
  ext: "csv" | "xlsx";
  rows: number;
}

/**
 * The applicants table as a file for the secretariat: every application matching the table's
 * filters, in its order, with what the table shows and what an opened application shows (the
 * motivation, one column per question, the travel justification, the notes). Headers and values
 * are the table's own labels in `lang`; the export is audited, since it holds personal data.
 */
export async function exportApplicants(
  ctx: Ctx,
  eventId: string,
  q: ApplicantFilter,
  format: "csv" | "xlsx",
  lang: Locale,
  max = EXPORT_MAX,
): Promise<ApplicantsFile> {
  const event = await loadEvent(ctx, eventId);
  const questions = JSON.parse(event.questions) as Question[];
  const [rows, ref] = await Promise.all([
    applicantsForExport(ctx, eventId, q, max + 1),
    publicReference(ctx),
  ]);
  if (rows.length > max)
    throw badRequest(
      "export_too_large",
      `More than ${max} applications match; narrow the filters to export them.`,
    );
  const l = (key: string, otherwise?: string) => webLabel(lang, key, otherwise);
  // Questions keep plain texts per language, as the secretariat typed them.
  const plain = (t: Record<string, string>) => t[lang] || t.en || Object.values(t).find(Boolean) || "";
  const named = (list: Array<{ code: string; names: Record<string, string> }>) =>
    new Map(list.map((x) => [x.code, x.names[lang] || x.names.en || x.code]));
  const countries = named(ref.countries);
  const regions = named(ref.regions);
  const yesNo = (v: boolean | null) => (v == null ? "" : l(v ? "common.yes" : "common.no"));
  const optional = (prefix: string, v: string | null) => (v == null ? "" : l(`${prefix}.${v}`, v));
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
  const answer = (question: Question, a: unknown): string => {
    if (a == null || a === "") return "";
    const option = (v: string) => {
      const o = question.options?.find((x) => x.value === v);
      return o ? plain(o.label) : v;
    };
    if (Array.isArray(a)) return a.map((v) => option(String(v))).join("; ");
    if (typeof a === "object") return l("applicants.fileAnswer");
    return question.kind === "single" ? option(String(a)) : String(a);
  };

  const columns: Array<{ header: string; width: number; value: (r: ApplicationRow) => string | number }> = [
    { header: l("fields.name"), width: 28, value: (r) => r.name },
    { header: l("fields.email"), width: 28, value: (r) => r.email ?? "" },
    { header: l("fields.organization"), width: 36, value: (r) => r.organizationName },
    { header: l("fields.type"), width: 20, value: (r) => optional("orgType", r.organizationType) },
    {
      header: l("fields.country"),
      width: 20,
      value: (r) => (r.country ? (countries.get(r.country) ?? r.country) : ""),
    },
    {
      header: l("fields.region"),
      width: 24,
      value: (r) => (r.region ? (regions.get(r.region) ?? r.region) : ""),
    },
    { header: l("fields.gender"), width: 12, value: (r) => optional("diversity.gender", r.gender) },
    { header: l("applicants.youth"), width: 8, value: (r) => yesNo(r.youth) },
    { header: l("applicants.firstTime"), width: 10, value: (r) => yesNo(r.firstTime) },
    { header: l("applicants.endorsement"), width: 14, value: (r) => optional("endorsement", r.endorsement) },
    { header: l("applicants.travel"), width: 10, value: (r) => yesNo(r.travelSupport) },
    { header: l("fields.travelJustification"), width: 40, value: (r) => r.travelJustification ?? "" },
    { header: l("applicants.score"), width: 8, value: (r) => r.score ?? "" },
    { header: l("fields.status"), width: 16, value: (r) => optional("applicationStatus", r.status) },
    { header: l("applicants.appliedOn"), width: 12, value: (r) => day(r.createdAt) },
    { header: l("applicants.decidedOn"), width: 12, value: (r) => day(r.decidedAt) },
    { header: l("fields.motivation"), width: 60, value: (r) => r.motivation ?? "" },
    ...questions.map((question) => ({
      header: plain(question.label),
      width: 40,
      value: (r: ApplicationRow) => answer(question, (r.answers as Record<string, unknown>)[question.id]),
    })),
    { header: l("applicants.notesColumn"), width: 40, value: (r) => r.notes ?? "" },
  ];

  await writeAudit(ctx.db, {
    actor: ctx.actor,
    action: "application.export",
    entity: "event",
    entityId: eventId,
    after: { format, filters: q, rows: rows.length },
    ip: ctx.ip,
  });

  const header = columns.map((c) => c.header);
  const values = rows.map((r) => columns.map((c) => c.value(r)));
  if (format === "csv")
    return {
      body: csvDocument([header, ...values]),
      type: "text/csv; charset=utf-8",
      ext: "csv",
      rows: rows.length,
    };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(l("applicants.listTitle").slice(0, 31), {
    views: [{ rightToLeft: lang === "ar", state: "frozen", ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow(header).font = { bold: true };
  // ExcelJS writes text as text (never as a formula), so cells go as they are.
  for (const v of values) ws.addRow(v);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return {
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
    rows: rows.length,
  };
}
