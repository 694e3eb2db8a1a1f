import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Locale, Ok, Role } from "../../../shared/schemas/common.ts";
import { PersonPublic, ProfileInput } from "../../../shared/schemas/people.ts";
import type { Auth } from "../../platform/auth.ts";
import { getPerson, updateMyProfile } from "../people/service.ts";
import * as notifications from "./notifications.ts";
import * as svc from "./service.ts";

const tags = ["me"];
const Profile = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  country: z.string().nullable(),
  languages: z.array(z.string()),
  expertise: z.array(z.string()),
  gender: z.string().nullable(),
  birthYear: z.number().nullable(),
  youthDeclared: z.boolean().nullable(),
  bio: z.record(z.string(), z.string()),
  visibility: z.record(z.string(), z.enum(["public", "private"])),
  consentAt: z.string().nullable(),
  consentVersion: z.string().nullable(),
});

export const meRoutes: FastifyPluginAsyncZod<{ auth: Auth }> = async (app) => {
  app.get(
    "/me",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The caller: account, roles, profile and memberships (user null when signed out)",
        response: {
          200: z.object({
            user: z
              .object({
                id: z.string(),
                email: z.string(),
                name: z.string(),
                locale: z.string(),
                emailVerified: z.boolean(),
                twoFactorEnabled: z.boolean(),
                roles: z.array(Role),
                states: z.array(z.string()),
              })
              .nullable(),
            person: Profile.nullable(),
            memberships: z.array(
              z.object({
                id: z.string(),
                role: z.string(),
                status: z.string(),
                organizationId: z.string(),
                organizationName: z.string(),
                organizationStatus: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return svc.getMe(req.ctx);
    },
  );

  app.put(
    "/me/profile",
    { config: { access: "signed-in" }, schema: { tags, body: ProfileInput, response: { 200: Profile } } },
    async (req) => updateMyProfile(req.ctx, req.body),
  );

  app.patch(
    "/me/locale",
    {
      config: { access: "signed-in" },
      schema: { tags, body: z.object({ locale: Locale }), response: { 200: Ok } },
    },
    async (req) => svc.setLocale(req.ctx, req.body.locale),
  );

  app.get(
    "/me/export",
    { config: { access: "signed-in" }, schema: { tags, summary: "Download all my data (JSON)" } },
    async (req, reply) => {
      const data = await svc.exportMyData(req.ctx);
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", 'attachment; filename="my-untoc-engage-data.json"')
        .header("cache-control", "no-store")
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.delete(
    "/me",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Delete my account; my history is anonymised",
        body: z.object({ confirm: z.string() }),
        response: { 200: Ok },
      },
    },
    async (req, reply) => {
      const result = await svc.deleteMyAccount(req.ctx, req.body.confirm);
      reply.clearCookie("untoc.session_token", { path: "/" });
      return result;
    },
  );

  const Token = z.object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  });
  app.get(
    "/me/tokens",
    {
      config: { access: "signed-in" },
      schema: { tags, response: { 200: z.object({ items: z.array(Token) }) } },
    },
    async (req) => ({ items: await svc.listTokens(req.ctx) }),
  );
  app.post(
    "/me/tokens",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Create an API token (shown once)",
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: {
          201: z.object({ id: z.string(), name: z.string(), token: z.string(), prefix: z.string() }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createToken(req.ctx, req.body.name)),
  );
  app.delete(
    "/me/tokens/:id",
    {
      config: { access: "signed-in" },
      schema: { tags, params: z.object({ id: Id }), response: { 200: Ok } },
    },
    async (req) => svc.revokeToken(req.ctx, req.params.id),
  );

  app.get(
    "/people/:id",
    {
      config: { access: "public" },
      schema: { tags: ["people"], params: z.object({ id: Id }), response: { 200: PersonPublic } },
    },
    async (req) => getPerson(req.ctx, req.params.id),
  );

  app.get(
    "/me/notifications",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "In-app notifications (newest first) and the unread count",
        querystring: z.object({
          unread: z.enum(["true", "false"]).default("false"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) =>
      notifications.myNotifications(req.ctx, {
        unreadOnly: req.query.unread === "true",
        limit: req.query.limit,
      }),
  );

  app.post(
    "/me/notifications/read",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Mark notifications read",
        body: z.object({ ids: z.array(z.string().uuid()).max(500).optional() }),
      },
    },
    async (req) => notifications.markRead(req.ctx, req.body.ids ?? "all"),
  );

  app.get(
    "/me/notification-preferences",
    {
      config: { access: "signed-in" },
      schema: { tags, summary: "How each kind of notification reaches me" },
    },
    async (req) => notifications.myPreferences(req.ctx),
  );

  app.put(
    "/me/notification-preferences",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Choose e-mail and/or in-app for a kind of notification ('*' for all)",
        body: notifications.PreferenceInput,
      },
    },
    async (req) => notifications.setPreference(req.ctx, req.body),
  );
};
