import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Database, ping } from "../../db/index.ts";

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["platform"],
        summary: "Liveness and database check",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgres"]) }) },
      },
    },
    async () => {
      await ping(database);
      return { status: "ok" as const, database: database.dialect };
    },
  );
};
