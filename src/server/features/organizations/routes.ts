import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, listOf, Ok } from "../../../shared/schemas/common.ts";
import {
  MembershipDecisionInput,
  MembershipRequestInput,
  OrganizationFull,
  OrganizationInput,
  OrganizationListQuery,
  OrganizationPatch,
  OrganizationPublic,
  RejectInput,
} from "../../../shared/schemas/organizations.ts";
import { PersonPublic } from "../../../shared/schemas/people.ts";
import { badRequest } from "../../platform/errors.ts";
import { mappedRows } from "../../platform/http.ts";
import { readImportForm } from "../../platform/import-form.ts";
import { toCsv, toXlsx } from "./export.ts";
import { importOrganizations } from "./import.ts";
import * as svc from "./service.ts";

const STAFF = ["admin", "secretariat"] as const;
const OrgAny = z.union([OrganizationFull, OrganizationPublic]);
const IdParams = z.object({ id: Id });
const tags = ["organizations"];

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/organizations",
    {
      config: { access: "public" },
      // Rows built by toPublic, typed as OrganizationPublic: nothing else can reach the response.
      ...mappedRows,
      schema: {
        tags,
        summary: "Directory of organisations (verified only, unless the secretariat asks for another status)",
        querystring: OrganizationListQuery,
        response: { 200: listOf(OrganizationPublic) },
      },
    },
    async (req) => svc.listOrganizations(req.ctx, req.query),
  );

  app.get(
    "/organizations/export",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "CSV or XLSX of the current filter (public fields only for the public)",
        querystring: OrganizationListQuery.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }),
      },
    },
    async (req, reply) => {
      const data = await svc.exportOrganizations(req.ctx, req.query);
      const stamp = new Date().toISOString().slice(0, 10);
      if (req.query.format === "xlsx") {
        reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="organizations-${stamp}.xlsx"`);
        return reply.send(await toXlsx(data.rows, data.staff));
      }
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="organizations-${stamp}.csv"`);
      return reply.send(toCsv(data.rows, data.staff));
    },
  );

  app.post(
    "/organizations",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Register an organisation (pending until vetted)",
        body: OrganizationInput,
        response: { 201: OrganizationFull },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createOrganization(req.ctx, req.body)),
  );

  app.post(
    "/organizations/import",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Import organisations from CSV or XLSX (multipart: file, dryRun, mapping, decisions)",
        consumes: ["multipart/form-data"],
      },
    },
    async (req) => importOrganizations(req.ctx, await readImportForm(req)),
  );

  app.get(
    "/organizations/:id",
    { config: { access: "public" }, schema: { tags, params: IdParams, response: { 200: OrgAny } } },
    async (req) => svc.getOrganization(req.ctx, req.params.id),
  );

  app.patch(
    "/organizations/:id",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Edit (focal point or secretariat)",
        params: IdParams,
        body: OrganizationPatch,
        response: { 200: OrganizationFull },
      },
    },
    async (req) => svc.updateOrganization(req.ctx, req.params.id, req.body),
  );

  for (const action of ["verify", "reject", "suspend"] as const) {
    app.post(
      `/organizations/:id/${action}`,
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: `Vetting: ${action}`,
          params: IdParams,
          body: action === "verify" ? z.object({}).optional() : RejectInput,
          response: { 200: OrganizationFull },
        },
      },
      async (req) =>
        svc.changeStatus(
          req.ctx,
          req.params.id,
          action,
          (req.body as { reason?: string } | undefined)?.reason,
        ),
    );
  }

  app.post(
    "/organizations/:id/merge",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Merge this organisation into another; history is kept",
        params: IdParams,
        body: z.object({ into: Id }),
        response: { 200: z.object({ id: z.string(), merged: z.string() }) },
      },
    },
    async (req) => svc.mergeOrganizations(req.ctx, req.params.id, req.body.into),
  );

  app.get(
    "/organizations/:id/members",
    {
      config: { access: "public" },
      schema: {
        tags,
        params: IdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                membershipId: z.string(),
                role: z.string(),
                status: z.string(),
                message: z.string().nullable(),
                requestedAt: z.string(),
                person: PersonPublic,
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await svc.listMembers(req.ctx, req.params.id) }),
  );

  app.post(
    "/organizations/:id/memberships",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Ask to join an organisation",
        params: IdParams,
        body: MembershipRequestInput,
        response: { 201: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.requestMembership(req.ctx, req.params.id, req.body.message)),
  );

  app.post(
    "/memberships/:id/decision",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Approve or decline a membership request (focal point or secretariat)",
        params: IdParams,
        body: MembershipDecisionInput,
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    async (req) => svc.decideMembership(req.ctx, req.params.id, req.body.decision),
  );

  const DocumentOut = z.object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    mime: z.string(),
    size: z.number(),
  });
  app.get(
    "/organizations/:id/documents",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(DocumentOut.extend({ createdAt: z.string() })) }) },
      },
    },
    async (req) => ({ items: await svc.listDocuments(req.ctx, req.params.id) }),
  );

  app.post(
    "/organizations/:id/documents",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Upload a supporting document (PDF or image, ≤ 10 MB; type sniffed from the bytes)",
        params: IdParams,
        consumes: ["multipart/form-data"],
        response: { 201: DocumentOut },
      },
    },
    async (req, reply) => {
      const part = await req.file();
      if (!part) throw badRequest("file_missing", "Attach the document in the field `file`.");
      const bytes = await part.toBuffer();
      const kind = String((part.fields.kind as { value?: string } | undefined)?.value ?? "supporting").slice(
        0,
        40,
      );
      return reply
        .status(201)
        .send(await svc.addDocument(req.ctx, req.params.id, { name: part.filename, bytes, kind }));
    },
  );

  app.get(
    "/organizations/:id/documents/:docId",
    { config: { access: "signed-in" }, schema: { tags, params: z.object({ id: Id, docId: Id }) } },
    async (req, reply) => {
      const doc = await svc.readDocument(req.ctx, req.params.id, req.params.docId);
      return reply
        .type(doc.mime)
        .header("content-disposition", `attachment; filename="${encodeURIComponent(doc.name)}"`)
        .header("x-content-type-options", "nosniff")
        .send(doc.bytes);
    },
  );

  app.put(
    "/organizations/:id/logo",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Set the logo (PNG, JPEG or WebP)",
        params: IdParams,
        consumes: ["multipart/form-data"],
        response: { 200: Ok },
      },
    },
    async (req) => {
      const part = await req.file();
      if (!part) throw badRequest("file_missing", "Attach the image in the field `file`.");
      return svc.setLogo(req.ctx, req.params.id, { name: part.filename, bytes: await part.toBuffer() });
    },
  );

  app.get(
    "/organizations/:id/logo",
    { config: { access: "public" }, schema: { tags, params: IdParams } },
    async (req, reply) => {
      const logo = await svc.readLogo(req.ctx, req.params.id);
      return reply.type(logo.mime).header("cache-control", "public, max-age=300").send(logo.bytes);
    },
  );
};
