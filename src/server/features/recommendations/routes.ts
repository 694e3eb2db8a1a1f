import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Locale } from "../../../shared/schemas/common.ts";
import {
  AnswerInput,
  Assignee,
  EndorseInput,
  RecListQuery,
  RecommendationInput,
  RecommendationPatch,
} from "../../../shared/schemas/recommendations.ts";
import { exportRecommendations } from "./export.ts";
import * as followup from "./followup.ts";
import * as svc from "./service.ts";

const STAFF = ["admin", "secretariat"] as const;
const tags = ["recommendations"];
const IdParams = z.object({ id: Id });

export const recommendationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/recommendations",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary:
          "The public tracker (filters: event, theme, instrument, article, status, region, year); the secretariat's queue",
        querystring: RecListQuery,
      },
    },
    async (req) => svc.listRecommendations(req.ctx, req.query),
  );

  app.post(
    "/recommendations",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Submit a recommendation, with its origin and protection level",
        body: RecommendationInput,
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createRecommendation(req.ctx, req.body)),
  );

  app.get(
    "/recommendations/similar",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Recommendations similar to a text (while writing: 'similar ones already exist')",
        querystring: z.object({ text: z.string().trim().min(1).max(5000), exclude: Id.optional() }),
      },
    },
    async (req) => svc.similarRecommendations(req.ctx, req.query.text, { exclude: req.query.exclude }),
  );

  app.get(
    "/recommendations/clusters",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          "Clusters of similar recommendations across events and languages (to merge or answer together)",
        querystring: RecListQuery.extend({ threshold: z.coerce.number().min(0.1).max(0.95).default(0.3) }),
      },
    },
    async (req) => {
      const { threshold, ...q } = req.query;
      return svc.clusters(req.ctx, q as never, threshold);
    },
  );

  app.get(
    "/recommendations/assignees",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "The people a recommendation can be assigned to (the secretariat and admins, by name)",
        response: { 200: z.array(Assignee) },
      },
    },
    async (req) => svc.listAssignees(req.ctx),
  );

  app.get(
    "/recommendations/stats",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Counts by status for the tracker (never counting confidential ones)",
        querystring: RecListQuery,
      },
    },
    async (req) => svc.statistics(req.ctx, req.query),
  );

  app.get(
    "/recommendations/export",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Compilation of the current filter, grouped by theme or by instrument and article",
        querystring: RecListQuery.extend({
          format: z.enum(["csv", "xlsx", "pdf", "docx"]).default("csv"),
          groupBy: z.enum(["theme", "article"]).default("theme"),
          lang: Locale.optional(),
        }),
      },
    },
    async (req, reply) => {
      const { format, groupBy, lang, ...q } = req.query;
      const out = await exportRecommendations(req.ctx, q as never, format, groupBy, lang ?? req.ctx.locale);
      reply
        .type(out.type)
        .header(
          "content-disposition",
          `attachment; filename="recommendations-${groupBy}-${new Date().toISOString().slice(0, 10)}.${out.ext}"`,
        );
      return reply.send(out.body);
    },
  );

  app.post(
    "/recommendations/answers",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Answer several recommendations at once",
        body: AnswerInput.extend({ ids: z.array(Id).min(1).max(500) }),
      },
    },
    async (req) => {
      const { ids, ...input } = req.body;
      return svc.answer(req.ctx, ids, input);
    },
  );

  app.post(
    "/recommendations/publish",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Release prepared answers together",
        body: z.object({ ids: z.array(Id).max(5000).optional() }),
      },
    },
    async (req) => svc.publishAnswers(req.ctx, req.body.ids ?? []),
  );

  app.get(
    "/recommendations/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A recommendation with its answer, endorsements and public history",
        params: IdParams,
      },
    },
    async (req) => svc.getRecommendation(req.ctx, req.params.id),
  );

  app.patch(
    "/recommendations/:id",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Edit (the author until it is taken up; the secretariat, incl. assignment)",
        params: IdParams,
        body: z.intersection(
          RecommendationPatch,
          z.object({ assignedTo: z.string().max(100).nullable().optional() }),
        ),
      },
    },
    async (req) => svc.updateRecommendation(req.ctx, req.params.id, req.body as never),
  );

  app.post(
    "/recommendations/:id/answer",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Answer with a status and a public rationale (now, later or as a draft)",
        params: IdParams,
        body: AnswerInput,
      },
    },
    async (req) => svc.answer(req.ctx, [req.params.id], req.body),
  );

  app.post(
    "/recommendations/:id/endorse",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Endorse as a person or on behalf of an organisation (or withdraw)",
        params: IdParams,
        body: EndorseInput,
      },
    },
    async (req) => svc.endorse(req.ctx, req.params.id, req.body),
  );

  app.post(
    "/recommendations/:id/merge",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Merge into another recommendation (origins, endorsements and history are kept)",
        params: IdParams,
        body: z.object({ into: Id }),
      },
    },
    async (req) => svc.merge(req.ctx, req.params.id, req.body.into),
  );

  app.get(
    "/recommendations/:id/notes",
    { config: { access: STAFF }, schema: { tags, summary: "Internal notes", params: IdParams } },
    async (req) => svc.listNotes(req.ctx, req.params.id),
  );

  app.post(
    "/recommendations/:id/notes",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Add an internal note (mention colleagues with @email)",
        params: IdParams,
        body: z.object({ text: z.string().trim().min(1).max(5000) }),
      },
    },
    async (req) => svc.addNote(req.ctx, req.params.id, req.body.text),
  );

  app.get(
    "/recommendations/:id/actions",
    {
      config: { access: "public" },
      schema: { tags, summary: "Follow-up actions and overall progress", params: IdParams },
    },
    async (req) => followup.listActions(req.ctx, req.params.id),
  );

  app.post(
    "/recommendations/:id/actions",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Add a follow-up action (owner, due date, milestones, progress)",
        params: IdParams,
        body: followup.ActionInput,
      },
    },
    async (req, reply) => reply.status(201).send(await followup.addAction(req.ctx, req.params.id, req.body)),
  );

  app.patch(
    "/recommendation-actions/:id",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Update an action; authors and endorsers are told when progress changes",
        params: IdParams,
        body: followup.ActionPatch,
      },
    },
    async (req) => followup.updateAction(req.ctx, req.params.id, req.body),
  );

  app.get(
    "/answer-templates",
    { config: { access: STAFF }, schema: { tags, summary: "Answer templates" } },
    async (req) => followup.listTemplates(req.ctx),
  );

  app.post(
    "/answer-templates",
    {
      config: { access: STAFF },
      schema: { tags, summary: "Add an answer template", body: followup.TemplateInput },
    },
    async (req, reply) => reply.status(201).send(await followup.addTemplate(req.ctx, req.body)),
  );

  app.delete(
    "/answer-templates/:id",
    { config: { access: STAFF }, schema: { tags, summary: "Delete an answer template", params: IdParams } },
    async (req) => followup.deleteTemplate(req.ctx, req.params.id),
  );
};
