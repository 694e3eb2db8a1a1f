import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id } from "../../../shared/schemas/common.ts";
import * as svc from "./service.ts";

const STAFF = ["admin", "secretariat"] as const;
const tags = ["breakouts"];
const EventParams = z.object({ id: Id });
const GroupParams = z.object({ groupId: Id });

export const breakoutRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/events/:id/breakouts",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          "Split a session's participants into balanced groups ({ groups: k } or { size: s }, pins, seed); the score is given beside a random split's",
        params: EventParams,
        body: svc.BreakoutInput,
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createBreakouts(req.ctx, req.params.id, req.body)),
  );

  app.get(
    "/events/:id/breakouts",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "The groups of a session (all for the secretariat; one's own group for a participant)",
        params: EventParams,
        querystring: z.object({ sessionId: Id }),
      },
    },
    async (req) => svc.getBreakouts(req.ctx, req.params.id, req.query.sessionId),
  );

  app.patch(
    "/events/:id/breakouts",
    {
      config: { access: STAFF },
      schema: { tags, summary: "Move a person to another group", params: EventParams, body: svc.MoveInput },
    },
    async (req) => svc.movePerson(req.ctx, req.params.id, req.body),
  );

  app.patch(
    "/breakout-groups/:groupId",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Name a group or choose its rapporteur",
        params: GroupParams,
        body: svc.GroupPatch,
      },
    },
    async (req) => svc.updateGroup(req.ctx, req.params.groupId, req.body),
  );

  app.get(
    "/breakout-groups/:groupId/draft",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "The rapporteur's draft (members of the group and the secretariat)",
        params: GroupParams,
      },
    },
    async (req) => svc.getDraft(req.ctx, req.params.groupId),
  );

  app.put(
    "/breakout-groups/:groupId/draft",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Save the draft as it is typed (refused with the current text if it changed elsewhere)",
        params: GroupParams,
        body: svc.DraftInput,
      },
    },
    async (req) => svc.saveDraft(req.ctx, req.params.groupId, req.body),
  );
};
