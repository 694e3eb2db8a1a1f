import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Iso3, Ok, Paging, Role } from "../../../shared/schemas/common.ts";
import type { Auth } from "../../platform/auth.ts";
import * as svc from "./service.ts";

const ADMIN = ["admin"] as const;
const STAFF = ["admin", "secretariat"] as const;
const tags = ["admin"];
const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const adminRoutes: FastifyPluginAsyncZod<{ auth: Auth }> = async (app) => {
  app.get(
    "/admin/users",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        querystring: Paging.extend({ q: z.string().max(200).optional(), role: Role.optional() }),
        response: {
          200: paged(
            z.object({
              id: z.string(),
              email: z.string(),
              name: z.string(),
              emailVerified: z.boolean(),
              twoFactorEnabled: z.boolean(),
              createdAt: z.string(),
              roles: z.array(z.object({ role: Role, stateCode: z.string().nullable() })),
            }),
          ),
        },
      },
    },
    async (req) => svc.listUsers(req.ctx, req.query),
  );

  app.post(
    "/admin/users/:id/roles",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        params: z.object({ id: z.string().min(1) }),
        body: z.object({ role: Role, stateCode: Iso3.nullish() }),
        response: { 200: Ok },
      },
    },
    async (req) => svc.grantRole(req.ctx, req.params.id, req.body.role, req.body.stateCode),
  );

  app.delete(
    "/admin/users/:id/roles/:role",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        params: z.object({ id: z.string().min(1), role: Role }),
        querystring: z.object({ stateCode: Iso3.optional() }),
        response: { 200: Ok },
      },
    },
    async (req) => svc.revokeRole(req.ctx, req.params.id, req.params.role, req.query.stateCode),
  );

  app.get(
    "/admin/audit",
    {
      config: { access: ADMIN },
      schema: {
        tags,
        querystring: Paging.extend({
          entity: z.string().max(60).optional(),
          entityId: z.string().max(60).optional(),
          action: z.string().max(60).optional(),
          actor: z.string().max(200).optional(),
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}/)
            .optional(),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}/)
            .optional(),
        }),
        response: {
          200: paged(
            z.object({
              id: z.string(),
              at: z.string(),
              actorId: z.string().nullable(),
              actorLabel: z.string().nullable(),
              action: z.string(),
              entity: z.string(),
              entityId: z.string().nullable(),
              before: z.unknown(),
              after: z.unknown(),
              ip: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (req) => svc.listAudit(req.ctx, req.query),
  );

  const OutboxItem = z.object({
    id: z.string(),
    createdAt: z.string(),
    to: z.string(),
    subject: z.string(),
    kind: z.string(),
    locale: z.string(),
    status: z.string(),
  });
  app.get(
    "/admin/outbox",
    {
      config: { access: STAFF },
      schema: {
        tags,
        querystring: Paging.extend({ to: z.string().max(200).optional() }),
        response: { 200: paged(OutboxItem) },
      },
    },
    async (req) => svc.listOutbox(req.ctx, req.query),
  );
  app.get(
    "/admin/outbox/:id",
    {
      config: { access: STAFF },
      schema: {
        tags,
        params: z.object({ id: Id }),
        response: { 200: OutboxItem.extend({ text: z.string(), error: z.string().nullable() }) },
      },
    },
    async (req) => svc.getOutboxMessage(req.ctx, req.params.id),
  );
};
