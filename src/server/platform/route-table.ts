import type { FastifyInstance } from "fastify";

/**
 * Lists the registered routes with their access rule. Fastify does not keep a public route list,
 * so buildApp registers an onRoute hook that records them on the instance.
 */
export const ROUTES = Symbol.for("untoc.routes");

export interface RouteInfo {
  method: string;
  url: string;
  access: unknown;
}

export function recordRoutes(app: FastifyInstance): void {
  const list: RouteInfo[] = [];
  (app as any)[ROUTES] = list;
  app.addHook("onRoute", (route) => {
    for (const method of ([] as string[]).concat(route.method)) {
      if (method === "HEAD") continue;
      list.push({
        method,
        url: route.url,
        access: (route.config as { access?: unknown } | undefined)?.access,
      });
    }
  });
}

export function collectRoutes(app: FastifyInstance): RouteInfo[] {
  return [...((app as any)[ROUTES] ?? [])];
}
