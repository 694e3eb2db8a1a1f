import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import helmet from "helmet";
import type { Config } from "./config.ts";
import type { Database } from "./db/index.ts";
import { createSearchIndex } from "./db/search.ts";
import { adminRoutes } from "./features/admin/routes.ts";
import { authRoutes } from "./features/auth/routes.ts";
import { breakoutRoutes } from "./features/breakouts/routes.ts";
import { eventRoutes } from "./features/events/routes.ts";
import { healthRoutes } from "./features/health/routes.ts";
import { meRoutes } from "./features/me/routes.ts";
import { organizationRoutes } from "./features/organizations/routes.ts";
import { peopleRoutes } from "./features/people/routes.ts";
import { recommendationRoutes } from "./features/recommendations/routes.ts";
import { referenceRoutes } from "./features/reference/routes.ts";
import { checkAccess } from "./platform/access.ts";
import type { Auth } from "./platform/auth.ts";
import type { Ctx } from "./platform/context.ts";
import { createFileStore, MAX_UPLOAD_BYTES } from "./platform/files.ts";
import { checkCsrf, installErrorHandler } from "./platform/http.ts";
import { pickLocale } from "./platform/i18n/messages.ts";
import type { Mailer } from "./platform/mail.ts";
import { recordRoutes } from "./platform/route-table.ts";
import { resolveActor } from "./platform/session.ts";

export interface AppDeps {
  config: Config;
  database: Database;
  auth: Auth;
  mailer: Mailer;
  /** Serve the built web app from this folder (default dist/web when it exists). */
  webRoot?: string | null;
  logger?: boolean;
}

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, auth, mailer } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    logController: new LogController({
      disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace",
    }),
  }).withTypeProvider<ZodTypeProvider>();
  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "UNTOC Engage API",
        version: "0.1.0",
        description: "Stakeholder engagement for the UNTOC.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "untoc.session_token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Security headers (CSP, HSTS, nosniff, frame and referrer policies…) are the same for every
  // response: computed once by helmet here, not rebuilt on each request.
  const headers = securityHeaders();
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 5, fields: 20 } });

  const search = createSearchIndex(database.dialect);
  const files = createFileStore(config.dataDir);

  app.decorateRequest("actor", null);
  app.decorateRequest("ctx", null as unknown as Ctx);
  // Who is calling, then whether they may: before any body is parsed or validated.
  app.addHook("onRequest", async (req, reply) => {
    if (req.is404) return;
    // Outside /api/ only the web app's static files are served (public); better-auth guards /api/auth/.
    if (!req.url.startsWith("/api/") || req.url.startsWith("/api/auth/")) return;
    req.actor = await resolveActor(req, database.db, auth, (cookies) => reply.header("set-cookie", cookies));
    checkAccess(req.routeOptions.config.access, req.actor, config.requireStaff2fa);
    checkCsrf(req, config.publicUrl);
    req.ctx = {
      db: database.db,
      dialect: database.dialect,
      search,
      actor: req.actor,
      mail: mailer,
      files,
      config,
      locale: req.actor?.locale ?? pickLocale(req.headers["accept-language"]),
      ip: req.ip ?? null,
      now: () => new Date(),
    };
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { database });
      await api.register(authRoutes, { auth, database });
      await api.register(referenceRoutes);
      await api.register(organizationRoutes);
      await api.register(meRoutes, { auth });
      await api.register(peopleRoutes);
      await api.register(eventRoutes);
      await api.register(breakoutRoutes);
      await api.register(recommendationRoutes);
      await api.register(adminRoutes, { auth });
      api.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: "/api" },
  );

  const webRoot = deps.webRoot === undefined ? resolve("dist/web") : deps.webRoot;
  if (webRoot && existsSync(join(webRoot, "index.html"))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false, index: false });
    // The single-page app answers every non-API path.
    app.get("/*", { config: { access: "public" }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith("/api/")) return reply.callNotFound();
      const path = req.url.split("?")[0];
      const file = join(webRoot, path);
      if (path !== "/" && file.startsWith(webRoot) && existsSync(file) && !file.endsWith("/")) {
        return reply.sendFile(path.slice(1), {
          maxAge: path.startsWith("/assets/") ? "365d" : 0,
          immutable: path.startsWith("/assets/"),
        });
      }
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  }
  return app;
}

/** The headers helmet sets, captured once from its middleware. */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  })({} as never, res as never, () => {});
  return headers;
}
