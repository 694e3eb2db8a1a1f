import type { Locale, Role } from "../../shared/schemas/common.ts";

/** Who is calling. Null for anonymous visitors. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  /** ISO alpha-3 codes of the States a State focal point speaks for. */
  states: string[];
  twoFactorEnabled: boolean;
  /** One of the six languages: a saved choice that is not one of them reads as English. */
  locale: Locale;
  via: "session" | "token";
}

export const hasRole = (actor: Actor | null, ...roles: Role[]) =>
  !!actor && actor.roles.some((r) => roles.includes(r));

export const isStaff = (actor: Actor | null) => hasRole(actor, "admin", "secretariat");
