import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { FieldError, FieldRule } from "../../shared/schemas/common.ts";
import type { Actor } from "./actor.ts";
import type { Ctx } from "./context.ts";
import { AppError } from "./errors.ts";
import { pickLocale, serverT } from "./i18n/messages.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    ctx: Ctx;
  }
}

/** The JSON of pages served again and again from an epoch cache (the same object each time). */
const jsonOf = new WeakMap<object, string>();

/**
 * Route option for hot list endpoints whose rows are built by one typed mapper with exactly the
 * response schema's fields (e.g. toPublic): the schema still documents the response in OpenAPI,
 * but serialising skips re-validating every row with zod, which costs more than the query.
 * These lists are served from epoch caches, whose values are never changed once made: the JSON of
 * a page is made once, when it is first sent (≈0.09 ms for 50 applicants), and kept as long as the
 * page is.
 */
export const mappedRows = {
  serializerCompiler: () => (data: unknown) => {
    if (typeof data !== "object" || data === null) return JSON.stringify(data);
    let json = jsonOf.get(data);
    if (json === undefined) {
      json = JSON.stringify(data);
      jsonOf.set(data, json);
    }
    return json;
  },
};

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF: a cookie-authenticated mutation must come from our own pages. Browsers send Origin on
 * cross-site POSTs; our web app also sends X-Requested-With, which a cross-site form cannot set
 * without a CORS preflight that this server never grants. Bearer-token calls carry no cookie and
 * are not exposed to CSRF.
 */
export function checkCsrf(req: FastifyRequest, publicUrl: string): void {
  if (!UNSAFE.has(req.method) || req.actor?.via !== "session") return;
  const origin = req.headers.origin;
  if (origin) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    const allowed = origin === new URL(publicUrl).origin || (host !== null && host === req.headers.host);
    if (!allowed) throw new AppError(403, "csrf", "Cross-site request refused.");
  }
  if (req.headers["x-requested-with"] !== "fetch")
    throw new AppError(403, "csrf", "Cross-site request refused.");
}

export function problem(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  fields?: FieldError[],
  extra?: Record<string, unknown>,
) {
  const locale = req.actor?.locale ?? pickLocale(req.headers["accept-language"]);
  const key = `error.${code}`;
  const title = serverT(locale, key);
  return reply
    .status(status)
    .type("application/problem+json")
    .send({
      type: `about:blank#${code}`,
      title: title === key ? detail : title,
      status,
      code,
      detail,
      ...(fields ? { fields } : {}),
      ...(extra ?? {}),
    });
}

function valueAt(root: unknown, segments: string[]): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

const num = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? Number(v) : undefined);

/** The rule a value broke, from a zod issue (code and parameters) and the value itself. */
export function fieldRule(code: string, params: Record<string, unknown>, value: unknown): FieldRule {
  const origin = typeof params.origin === "string" ? params.origin : undefined;
  const blank = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  switch (code) {
    case "invalid_type":
      return blank ? { code: "required" } : { code: "invalid_type" };
    case "too_small":
      // An empty text where at least one character is needed is simply missing.
      if (blank && (origin === "string" || origin === "array")) return { code: "required" };
      return { code: "too_small", origin, minimum: num(params.minimum) };
    case "too_big":
      return { code: "too_big", origin, maximum: num(params.maximum) };
    case "invalid_format":
      return {
        code: "invalid_format",
        format: typeof params.format === "string" ? params.format : undefined,
      };
    case "invalid_value":
    case "invalid_union":
      return blank ? { code: "required" } : { code: "invalid_value" };
    default:
      return { code: "other" };
  }
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError)
      return problem(reply, req, err.status, err.code, err.message, err.fields, err.extra);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = err.validationContext;
      const input = context ? (req as unknown as Record<string, unknown>)[context] : undefined;
      const fields = err.validation.map((v) => {
        const segments = String(v.instancePath).split("/").filter(Boolean);
        return {
          path: [context, ...segments].join("."),
          message: v.message ?? "invalid",
          rule: fieldRule(v.keyword, v.params as Record<string, unknown>, valueAt(input, segments)),
        };
      });
      return problem(reply, req, 400, "validation", "Some fields are not valid.", fields);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, "response did not match its schema");
      return problem(reply, req, 500, "internal", "Something went wrong on our side.");
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 429)
      return problem(reply, req, 429, "rate_limited", "Too many requests. Try again later.");
    if (status === 413 || (err as FastifyError).code === "FST_REQ_FILE_TOO_LARGE")
      return problem(reply, req, 413, "file_too_large", "The file is too large.");
    if (status >= 400 && status < 500) {
      const code =
        (err as FastifyError).code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? "unsupported_media_type"
          : "bad_request";
      return problem(reply, req, status, code, "The request could not be understood.");
    }
    req.log.error({ err }, "unhandled error");
    return problem(reply, req, 500, "internal", "Something went wrong on our side.");
  });
  app.setNotFoundHandler((req, reply) => problem(reply, req, 404, "not_found", "Not found."));
}
