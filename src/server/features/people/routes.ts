import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readImportForm } from "../../platform/import-form.ts";
import { importPeople } from "./import.ts";

const STAFF = ["admin", "secretariat"] as const;

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/people/import",
    {
      config: { access: STAFF },
      schema: {
        tags: ["people"],
        summary:
          "Import people from CSV or XLSX (multipart: file, dryRun, mapping, decisions); linked to organisations by name",
        consumes: ["multipart/form-data"],
      },
    },
    async (req) => importPeople(req.ctx, await readImportForm(req)),
  );
};
