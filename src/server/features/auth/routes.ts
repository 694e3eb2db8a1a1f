import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../../db/index.ts";
import type { Auth } from "../../platform/auth.ts";
import { problem } from "../../platform/http.ts";
import { recordSignIn, secondsUntilAllowed } from "./throttle.ts";

/** Hands /api/auth/* to better-auth (sign-up, sign-in, verification, reset, two-factor, passkeys). */
export const authRoutes: FastifyPluginAsync<{ auth: Auth; database: Database }> = async (
  app,
  { auth, database },
) => {
  async function forward(req: FastifyRequest, reply: FastifyReply) {
    const url = new URL(req.url, `http://${req.headers.host ?? "localhost"}`);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : String(value));
    }
    // better-auth keys its rate limits on X-Forwarded-For: give it the caller's address as Fastify
    // worked it out (TRUST_PROXY), not whatever the client wrote in that header.
    headers.set("x-forwarded-for", req.ip);
    const isSignIn = req.method === "POST" && url.pathname === "/api/auth/sign-in/email";
    const email =
      isSignIn && req.body && typeof (req.body as { email?: unknown }).email === "string"
        ? (req.body as { email: string }).email.trim().toLowerCase()
        : null;
    if (email) {
      const wait = await secondsUntilAllowed(database.db, email, new Date());
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        return problem(reply, req, 429, "rate_limited", `Too many failed attempts. Try again in ${wait} s.`);
      }
    }
    const body = req.body === undefined || req.method === "GET" ? undefined : JSON.stringify(req.body);
    if (body !== undefined) headers.set("content-type", "application/json");
    const response = await auth.handler(new Request(url, { method: req.method, headers, body }));
    if (email) await recordSignIn(database.db, email, response.status < 400, new Date());
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header("set-cookie", cookies);
    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  }
  app.route({
    method: ["GET", "POST"],
    url: "/auth/*",
    config: { access: "public" },
    schema: { hide: true },
    handler: forward,
  });
};
