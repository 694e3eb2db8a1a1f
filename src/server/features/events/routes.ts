import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import QRCode from "qrcode";
import { z } from "zod";
import { Id, Locale, listOf, Ok } from "../../../shared/schemas/common.ts";
import {
  ApplicantQuery,
  ApplicantSummary,
  ApplicationInput,
  ApplicationReview,
  ApplicationRow,
  DecisionInput,
  DiversityPanel,
  Eligibility,
  EventInput,
  EventListQuery,
  EventPatch,
  EventSummary,
  EventView,
  SessionInput,
  SessionPatch,
  SessionView,
} from "../../../shared/schemas/events.ts";
import { badRequest } from "../../platform/errors.ts";
import { mappedRows } from "../../platform/http.ts";
import { readImportForm } from "../../platform/import-form.ts";
import { exportApplicants } from "./applicants-export.ts";
import * as apps from "./applications.ts";
import * as attendance from "./attendance/service.ts";
import * as certificates from "./certificates.ts";
import * as feedback from "./feedback.ts";
import * as networking from "./networking.ts";
import { icsFor } from "./notify.ts";
import { eventReport, eventReportPdf } from "./report.ts";
import * as svc from "./service.ts";

const STAFF = ["admin", "secretariat"] as const;
const tags = ["events"];
const EventParams = z.object({ id: Id });
const SessionParams = z.object({ id: Id, sessionId: Id });
const AppParams = z.object({ id: Id });

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/events",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Events (drafts only for the secretariat)",
        querystring: EventListQuery,
        response: { 200: listOf(EventSummary) },
      },
    },
    async (req) => svc.listEvents(req.ctx, req.query),
  );

  app.post(
    "/events",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Create an event (as a draft)",
        body: EventInput,
        response: { 201: EventView },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createEvent(req.ctx, req.body)),
  );

  app.get(
    "/events/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "An event with its agenda (the online link only for confirmed participants)",
        params: EventParams,
        response: { 200: EventView },
      },
    },
    async (req) => svc.getEvent(req.ctx, req.params.id),
  );

  app.patch(
    "/events/:id",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Edit an event or move it along its life cycle (status)",
        params: EventParams,
        body: EventPatch,
        response: { 200: EventView },
      },
    },
    async (req) => svc.updateEvent(req.ctx, req.params.id, req.body),
  );

  app.get(
    "/events/:id/calendar.ics",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The agenda as an iCalendar file, in the event's time zone",
        params: EventParams,
      },
    },
    async (req, reply) => {
      const event = await svc.loadEvent(req.ctx, req.params.id);
      const sessions = await svc.loadSessions(req.ctx, event.id);
      reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="event-${event.start_date}.ics"`);
      return reply.send(icsFor(req.ctx, event, sessions, req.ctx.locale, false));
    },
  );

  // ---------------------------------------------------------------- agenda
  app.get(
    "/events/:id/sessions",
    {
      config: { access: "public" },
      schema: { tags, summary: "The agenda", params: EventParams, response: { 200: z.array(SessionView) } },
    },
    async (req) => svc.listSessions(req.ctx, req.params.id),
  );

  app.post(
    "/events/:id/sessions",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Add a session",
        params: EventParams,
        body: SessionInput,
        response: { 201: SessionView },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createSession(req.ctx, req.params.id, req.body)),
  );

  app.patch(
    "/events/:id/sessions/:sessionId",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Edit a session",
        params: SessionParams,
        body: SessionPatch,
        response: { 200: SessionView },
      },
    },
    async (req) => svc.updateSession(req.ctx, req.params.id, req.params.sessionId, req.body),
  );

  app.delete(
    "/events/:id/sessions/:sessionId",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Delete a session (not once attendance is recorded)",
        params: SessionParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await svc.deleteSession(req.ctx, req.params.id, req.params.sessionId);
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- call for applications
  app.get(
    "/events/:id/eligibility",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Whether the caller may apply, and why not",
        params: EventParams,
        response: { 200: Eligibility },
      },
    },
    async (req) => apps.myEligibility(req.ctx, req.params.id),
  );

  app.post(
    "/events/:id/applications",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Apply on behalf of one's organisation",
        params: EventParams,
        body: ApplicationInput,
        response: { 201: ApplicationRow },
      },
    },
    async (req, reply) => reply.status(201).send(await apps.apply(req.ctx, req.params.id, req.body)),
  );

  app.get(
    "/events/:id/applications",
    {
      config: { access: STAFF },
      // Staff-only rows built by one typed mapper (toSummary) with exactly the schema's fields.
      ...mappedRows,
      schema: {
        tags,
        summary: "Applicants, with filters, sorting and paging",
        params: EventParams,
        querystring: ApplicantQuery,
        response: { 200: listOf(ApplicantSummary) },
      },
    },
    async (req) => apps.listApplications(req.ctx, req.params.id, req.query),
  );

  app.get(
    "/events/:id/applications/export",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The applicants matching the table's filters, in its order, as CSV or XLSX (audited)",
        params: EventParams,
        querystring: ApplicantQuery.omit({ page: true, pageSize: true }).extend({
          format: z.enum(["csv", "xlsx"]).default("csv"),
          lang: Locale.optional(),
        }),
      },
    },
    async (req, reply) => {
      const { format, lang, ...q } = req.query;
      const file = await exportApplicants(req.ctx, req.params.id, q, format, lang ?? req.ctx.locale);
      reply
        .type(file.type)
        // Personal data: kept by no cache on the way.
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `attachment; filename="applicants-${req.ctx.now().toISOString().slice(0, 10)}.${file.ext}"`,
        );
      return reply.send(file.body);
    },
  );

  app.get(
    "/events/:id/diversity",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Diversity of the selection (or of all applicants) against the targets",
        params: EventParams,
        querystring: z.object({ scope: z.enum(["selected", "applicants"]).default("selected") }),
        response: { 200: DiversityPanel },
      },
    },
    async (req) => apps.diversity(req.ctx, req.params.id, req.query.scope),
  );

  app.post(
    "/events/:id/invitations",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Invite a person directly (a place without an application)",
        params: EventParams,
        body: z.object({ personId: Id, organizationId: Id }),
        response: { 201: ApplicationRow },
      },
    },
    async (req, reply) => reply.status(201).send(await apps.invite(req.ctx, req.params.id, req.body)),
  );

  app.get(
    "/applications/endorsements",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Applications of members of my organisations that ask for my endorsement (focal points)",
      },
    },
    async (req) => apps.endorsementRequests(req.ctx),
  );

  app.get(
    "/applications/mine",
    {
      config: { access: "signed-in" },
      schema: { tags, summary: "The caller's applications" },
    },
    async (req) => apps.myApplications(req.ctx),
  );

  app.get(
    "/applications/:id",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "An application (its applicant, focal point or the secretariat)",
        params: AppParams,
        response: { 200: ApplicationRow },
      },
    },
    async (req) => apps.getApplication(req.ctx, req.params.id),
  );

  app.patch(
    "/applications/:id",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Score and notes",
        params: AppParams,
        body: ApplicationReview,
        response: { 200: ApplicationRow },
      },
    },
    async (req) => apps.reviewApplication(req.ctx, req.params.id, req.body),
  );

  app.post(
    "/applications/:id/decision",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Accept, waitlist or reject (e-mail in the applicant's language)",
        params: AppParams,
        body: DecisionInput,
        response: { 200: ApplicationRow },
      },
    },
    async (req) => apps.decide(req.ctx, req.params.id, req.body),
  );

  app.post(
    "/applications/:id/respond",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Confirm or decline an offered place",
        params: AppParams,
        body: z.object({ confirm: z.boolean() }),
        response: { 200: ApplicationRow },
      },
    },
    async (req) => apps.respond(req.ctx, req.params.id, req.body.confirm),
  );

  app.post(
    "/applications/:id/withdraw",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Withdraw one's application",
        params: AppParams,
        response: { 200: ApplicationRow },
      },
    },
    async (req) => apps.withdraw(req.ctx, req.params.id),
  );

  app.post(
    "/applications/:id/endorse",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Endorse (or not) a member's application, as the organisation's focal point",
        params: AppParams,
        body: z.object({ endorse: z.boolean() }),
        response: { 200: ApplicationRow },
      },
    },
    async (req) => apps.endorse(req.ctx, req.params.id, req.body.endorse),
  );

  // ---------------------------------------------------------------- attendance
  app.post(
    "/events/:id/attendance/import",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          "Import a Zoom, Teams or Webex attendance report, or any CSV with a column mapping (multipart: file, sessionId, dryRun, mapping, mappingName, dateOrder, decisions)",
        consumes: ["multipart/form-data"],
        params: EventParams,
      },
    },
    async (req) => {
      const form = await readImportForm(req);
      const sessionId = form.fields.sessionId || undefined;
      if (sessionId && !Id.safeParse(sessionId).success)
        throw badRequest("validation", "sessionId is not valid.", [
          { path: "body.sessionId", message: "invalid id" },
        ]);
      const dateOrder = form.fields.dateOrder || undefined;
      if (dateOrder && !["mdy", "dmy", "ymd"].includes(dateOrder))
        throw badRequest("validation", "dateOrder must be mdy, dmy or ymd.", [
          { path: "body.dateOrder", message: "must be mdy, dmy or ymd" },
        ]);
      const mapping = form.mapping as Record<string, string> | undefined;
      if (
        mapping !== undefined &&
        (typeof mapping !== "object" || typeof mapping.name !== "string" || typeof mapping.join !== "string")
      )
        throw badRequest("validation", "The mapping must name at least the name and join columns.", [
          { path: "body.mapping", message: "needs name and join" },
        ]);
      return attendance.importAttendance(req.ctx, req.params.id, {
        file: form.file,
        dryRun: form.dryRun,
        sessionId,
        mapping: mapping as never,
        mappingName: form.fields.mappingName?.trim().slice(0, 100) || undefined,
        dateOrder: dateOrder as never,
        decisions: form.decisions,
      });
    },
  );

  app.get(
    "/attendance/mappings",
    {
      config: { access: STAFF },
      schema: { tags, summary: "Saved column mappings for attendance CSV files" },
    },
    async (req) => attendance.savedMappings(req.ctx),
  );

  app.get(
    "/events/:id/attendance",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Attendance per participant and session, against the threshold",
        params: EventParams,
      },
    },
    async (req) => attendance.attendanceSummary(req.ctx, req.params.id),
  );

  app.post(
    "/events/:id/sessions/:sessionId/checkin",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Check a participant in (by person, or by the code of their QR code)",
        params: SessionParams,
        body: z.object({ personId: Id.optional(), token: z.string().min(10).max(100).optional() }),
      },
    },
    async (req) => attendance.checkIn(req.ctx, req.params.id, req.params.sessionId, req.body),
  );

  app.delete(
    "/events/:id/sessions/:sessionId/checkin/:personId",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Undo a check-in",
        params: SessionParams.extend({ personId: Id }),
        response: { 200: Ok },
      },
    },
    async (req) => attendance.undoCheckIn(req.ctx, req.params.id, req.params.sessionId, req.params.personId),
  );

  // ---------------------------------------------------------------- feedback
  app.get(
    "/events/:id/feedback",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Whether the feedback form is open and whether the caller has answered",
        params: EventParams,
      },
    },
    async (req) => feedback.feedbackStatus(req.ctx, req.params.id),
  );

  app.post(
    "/events/:id/feedback",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Answer the feedback form (participants; anonymous if asked)",
        params: EventParams,
        body: feedback.FeedbackInput,
        response: { 200: Ok },
      },
    },
    async (req) => feedback.submitFeedback(req.ctx, req.params.id, req.body),
  );

  app.get(
    "/events/:id/feedback/results",
    {
      config: { access: STAFF },
      schema: { tags, summary: "Aggregated feedback with the comments", params: EventParams },
    },
    async (req) => feedback.feedbackResults(req.ctx, req.params.id),
  );

  // ---------------------------------------------------------------- report
  const ReportQuery = z.object({ lang: Locale.optional() });
  app.get(
    "/events/:id/report",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The event report computed from the data (public once the event is completed)",
        params: EventParams,
        querystring: ReportQuery,
      },
    },
    async (req) => eventReport(req.ctx, req.params.id, req.query.lang ?? req.ctx.locale),
  );

  app.get(
    "/events/:id/report.pdf",
    {
      config: { access: "public" },
      schema: { tags, summary: "The event report as PDF", params: EventParams, querystring: ReportQuery },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? req.ctx.locale;
      const pdf = await eventReportPdf(req.ctx, req.params.id, lang);
      reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="event-report-${lang}.pdf"`);
      return reply.send(pdf);
    },
  );

  // ---------------------------------------------------------------- certificates
  app.post(
    "/events/:id/certificates",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Issue certificates to everyone who met the attendance threshold",
        params: EventParams,
      },
    },
    async (req) => certificates.issueCertificates(req.ctx, req.params.id),
  );

  app.get(
    "/certificates/mine",
    { config: { access: "signed-in" }, schema: { tags, summary: "The caller's certificates" } },
    async (req) => certificates.myCertificates(req.ctx),
  );

  const CodeParams = z.object({ code: z.string().min(12).max(20) });
  app.get(
    "/certificates/:code",
    {
      config: { access: "public" },
      schema: { tags, summary: "Verify a certificate: name, event and dates only", params: CodeParams },
    },
    async (req) => certificates.verifyCertificate(req.ctx, req.params.code),
  );

  app.get(
    "/certificates/:code/pdf",
    {
      config: { access: "public" },
      schema: { tags, summary: "The certificate as PDF", params: CodeParams, querystring: ReportQuery },
    },
    async (req, reply) => {
      const pdf = await certificates.certificatePdf(req.ctx, req.params.code, req.query.lang);
      reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="certificate-${req.params.code}.pdf"`);
      return reply.send(pdf);
    },
  );

  // ---------------------------------------------------------------- networking
  app.put(
    "/events/:id/directory",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Join or leave the participants' directory of the event (participants)",
        params: EventParams,
        body: z.object({ optIn: z.boolean() }),
      },
    },
    async (req) => networking.setDirectoryOptIn(req.ctx, req.params.id, req.body.optIn),
  );

  app.get(
    "/events/:id/participants",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "The participants' directory (participants who joined it, and the secretariat)",
        params: EventParams,
        querystring: z.object({
          country: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
          expertise: z.string().trim().max(100).optional(),
          q: z.string().trim().max(200).optional(),
        }),
      },
    },
    async (req) => networking.participantDirectory(req.ctx, req.params.id, req.query),
  );

  app.post(
    "/events/:id/contacts",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary:
          "Ask another participant to exchange contact details (no address is revealed without consent)",
        params: EventParams,
        body: z.object({ personId: Id, message: z.string().trim().max(1000).optional() }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await networking.requestContact(req.ctx, req.params.id, req.body.personId, req.body.message)),
  );

  app.post(
    "/contacts/:id/answer",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Accept or decline a contact request",
        params: AppParams,
        body: z.object({ accept: z.boolean() }),
      },
    },
    async (req) => networking.answerContact(req.ctx, req.params.id, req.body.accept),
  );

  app.get(
    "/applications/:id/checkin.svg",
    {
      config: { access: "signed-in" },
      schema: { tags, summary: "The participant's check-in QR code (SVG)", params: AppParams },
    },
    async (req, reply) => {
      const code = await apps.checkinCode(req.ctx, req.params.id);
      const svg = await QRCode.toString(code.url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      reply.type("image/svg+xml").header("cache-control", "private, no-store");
      return reply.send(svg);
    },
  );

  app.post(
    "/events/:id/application-files",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary:
          "Upload a file that answers a question of the application form (PDF or image, ≤ 10 MB, type sniffed)",
        params: EventParams,
        consumes: ["multipart/form-data"],
      },
    },
    async (req, reply) => {
      const part = await req.file();
      if (!part) throw badRequest("file_missing", "Attach the file in the field `file`.");
      const bytes = await part.toBuffer();
      return reply
        .status(201)
        .send(await apps.uploadApplicationFile(req.ctx, req.params.id, { name: part.filename, bytes }));
    },
  );

  app.get(
    "/applications/:id/files/:fileId",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "A file attached to an application",
        params: AppParams.extend({ fileId: Id }),
      },
    },
    async (req, reply) => {
      const { meta, bytes } = await apps.readApplicationFile(req.ctx, req.params.id, req.params.fileId);
      reply
        .type(meta.mime)
        .header("content-disposition", `attachment; filename="${encodeURIComponent(meta.name)}"`)
        .header("x-content-type-options", "nosniff");
      return reply.send(bytes);
    },
  );
};
