import type { Role } from "../../shared/schemas/common.ts";
import type { Actor } from "./actor.ts";
import { AppError, forbidden, unauthorized } from "./errors.ts";

/**
 * Every route declares who may call it in `config.access`. A route without a rule is refused
 * (and a test walks all registered routes to make sure none lacks one).
 *  - "public": anyone;
 *  - "signed-in": any signed-in user;
 *  - a list of platform roles: any of them (admin and secretariat also need two-step verification).
 * Finer rules (an organisation's focal point, the owner of a profile) are checked in services.
 */
export type Access = "public" | "signed-in" | readonly Role[];

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

const STAFF_ROLES: readonly Role[] = ["admin", "secretariat"];

export function checkAccess(access: Access | undefined, actor: Actor | null, requireStaff2fa: boolean): void {
  if (access === undefined) throw new AppError(500, "no_access_rule", "This route has no access rule.");
  if (access === "public") return;
  if (!actor) throw unauthorized();
  if (access === "signed-in") return;
  const granted = actor.roles.filter((r) => access.includes(r));
  if (granted.length === 0) throw forbidden();
  if (
    requireStaff2fa &&
    actor.via === "session" &&
    granted.every((r) => STAFF_ROLES.includes(r)) &&
    !actor.twoFactorEnabled
  ) {
    throw forbidden(
      "Set up two-step verification to use secretariat and admin functions.",
      "two_factor_required",
    );
  }
}
