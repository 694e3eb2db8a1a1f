import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DatasetName } from "../../../shared/reference/datasets.ts";
import { badRequest } from "../../platform/errors.ts";
import * as svc from "./service.ts";

const STAFF = ["admin", "secretariat"] as const;
const Names = z.record(z.string(), z.string());

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/reference",
    {
      config: { access: "public" },
      schema: {
        tags: ["reference"],
        summary:
          "Reference data for forms and filters (countries, regional groups, instruments, areas, SDG targets)",
        response: {
          200: z.object({
            asOf: z.record(z.string(), z.string()),
            countries: z.array(z.object({ code: z.string(), names: Names, region: z.string().nullable() })),
            regions: z.array(z.object({ code: z.string(), names: Names, members: z.array(z.string()) })),
            instruments: z.array(z.looseObject({ code: z.string(), names: Names })),
            clusters: z.array(z.record(z.string(), z.unknown())),
            engagementAreas: z.array(z.object({ code: z.string(), names: Names })),
            thematicAreas: z.array(z.object({ code: z.string(), names: Names })),
            sdgTargets: z.array(z.object({ code: z.string(), names: Names })),
          }),
        },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "public, max-age=60");
      return svc.publicReference(req.ctx);
    },
  );

  app.get(
    "/admin/reference",
    {
      config: { access: STAFF },
      schema: {
        tags: ["reference"],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                dataset: z.string(),
                version: z.number(),
                asOf: z.string(),
                importedAt: z.string(),
                count: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await svc.listDatasets(req.ctx) }),
  );

  app.get(
    "/admin/reference/:dataset",
    {
      config: { access: STAFF },
      schema: {
        tags: ["reference"],
        params: z.object({ dataset: DatasetName }),
        response: {
          200: z.object({
            dataset: z.string(),
            version: z.number(),
            asOf: z.string(),
            sources: z.unknown(),
            items: z.array(z.object({ code: z.string(), data: z.record(z.string(), z.unknown()) })),
          }),
        },
      },
    },
    async (req) => svc.getDataset(req.ctx, req.params.dataset),
  );

  app.put(
    "/admin/reference/:dataset/:code",
    {
      config: { access: STAFF },
      schema: {
        tags: ["reference"],
        summary: "Correct one item of a reference dataset",
        params: z.object({ dataset: DatasetName, code: z.string().min(1).max(40) }),
        body: z.object({ data: z.record(z.string(), z.unknown()) }),
        response: { 200: z.object({ code: z.string(), data: z.record(z.string(), z.unknown()) }) },
      },
    },
    async (req) => svc.updateItem(req.ctx, req.params.dataset, req.params.code, req.body.data),
  );

  app.post(
    "/admin/reference/:dataset/reload",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["reference"],
        summary: "Re-import the dataset file shipped with this version",
        params: z.object({ dataset: DatasetName }),
        response: { 200: z.object({ count: z.number() }) },
      },
    },
    async (req) => svc.reloadShippedDataset(req.ctx, req.params.dataset),
  );

  app.post(
    "/admin/reference/:dataset/import",
    {
      config: { access: ["admin"] },
      schema: {
        tags: ["reference"],
        summary: "Import a corrected dataset file (JSON, multipart field `file`)",
        params: z.object({ dataset: DatasetName }),
        response: { 200: z.object({ count: z.number() }) },
      },
    },
    async (req) => {
      const file = await req.file();
      if (!file) throw badRequest("file_missing", "Attach the dataset file in the field `file`.");
      const text = (await file.toBuffer()).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw badRequest("reference_invalid", "The file is not valid JSON.");
      }
      return svc.importDataset(req.ctx, req.params.dataset, json);
    },
  );
};
