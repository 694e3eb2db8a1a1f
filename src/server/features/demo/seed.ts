import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locale } from "../../../shared/schemas/common.ts";
import { OrganizationInput } from "../../../shared/schemas/organizations.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Auth } from "../../platform/auth.ts";
import type { Ctx } from "../../platform/context.ts";
import { ensureUser } from "../../platform/users.ts";
import { grantRole } from "../admin/service.ts";
import { seedReferenceEvents } from "../events/demo.ts";
import { addMembershipsBulk, createOrganizationsBulk } from "../organizations/service.ts";
import { createPeopleBulk } from "../people/service.ts";
import { seedReferenceRecommendations } from "../recommendations/demo.ts";

/** Password of the demo accounts (demo data only; documented in the README). */
export const DEMO_PASSWORD = "untoc-demo-2020";
/** A stakeholder account among the participants, to try the member side. */
export const DEMO_MEMBER_KEY = "p-01";

const FILE = join(dirname(fileURLToPath(import.meta.url)), "reference-case.json");

export function readReferenceCase() {
  return JSON.parse(readFileSync(FILE, "utf8")) as {
    secretariat: Array<{ email: string; name: string; role: "secretariat" | "admin"; locale: Locale }>;
    organizations: Array<Record<string, any> & { key: string; status: string; rejectionReason?: string }>;
    people: Array<
      Record<string, any> & {
        key: string;
        organization: string;
        orgRole: "focal_point" | "member";
        participant: boolean;
      }
    >;
    event: Record<string, any>;
  };
}

/** Is the demo already there? (the first demo organisation exists) */
export async function demoLoaded(ctx: Ctx): Promise<boolean> {
  const row = await ctx.db
    .selectFrom("organization")
    .select("id")
    .where("website_domain", "=", "lanna-migrant.org.example")
    .executeTakeFirst();
  return !!row;
}

/** Loads the reference case: secretariat accounts, ~30 organisations and 48 people of the Nov 2020 training. */
export async function seedDemo(
  ctx: Ctx,
  auth: Auth,
): Promise<{ organizations: number; people: number; users: number }> {
  if (await demoLoaded(ctx)) return { organizations: 0, people: 0, users: 0 };
  const data = readReferenceCase();
  let users = 0;
  let organiser: Actor | null = null;
  for (const s of data.secretariat) {
    const { id } = await ensureUser(auth, {
      email: s.email,
      password: DEMO_PASSWORD,
      name: s.name,
      locale: s.locale,
    });
    await grantRole(ctx, id, s.role);
    if (s.role === "admin") await grantRole(ctx, id, "secretariat");
    organiser ??= {
      userId: id,
      email: s.email,
      name: s.name,
      roles: ["secretariat"],
      states: [],
      twoFactorEnabled: true,
      locale: s.locale,
      via: "token",
    };
    users++;
  }
  const orgIds = await createOrganizationsBulk(
    ctx,
    data.organizations.map((o) => ({
      input: OrganizationInput.parse({ ...o, originalLang: "en" }),
      status: o.status,
      statusReason: o.rejectionReason ?? null,
      createdAt: "2020-10-01T00:00:00.000Z",
    })),
  );
  const orgByKey = new Map(data.organizations.map((o, i) => [o.key, orgIds[i]]));
  const member = data.people.find((p) => p.key === DEMO_MEMBER_KEY);
  let memberUserId: string | null = null;
  if (member) {
    memberUserId = (
      await ensureUser(auth, {
        email: member.email,
        password: DEMO_PASSWORD,
        name: `${member.givenName} ${member.familyName ?? ""}`.trim(),
      })
    ).id;
    users++;
  }
  const personIds = await createPeopleBulk(
    ctx,
    data.people.map((p) => ({
      givenName: p.givenName,
      familyName: p.familyName ?? "",
      email: p.email,
      title: p.title,
      country: p.country,
      languages: p.languages,
      expertise: p.expertise,
      gender: p.gender,
      birthYear: p.birthYear,
      bio: p.bio,
      visibility: p.visibility,
      userId: p.key === DEMO_MEMBER_KEY ? memberUserId : null,
    })),
  );
  await addMembershipsBulk(
    ctx,
    data.people.map((p, i) => ({
      organizationId: orgByKey.get(p.organization)!,
      personId: personIds[i],
      role: p.orgRole,
    })),
  );
  // The event itself, run by the first secretariat member.
  const seeded = await seedReferenceEvents(
    { ...ctx, actor: organiser },
    data.event,
    data.people.map((p, i) => ({
      personId: personIds[i],
      organizationId: orgByKey.get(p.organization)!,
      participant: p.participant,
    })),
  );
  // Its breakout groups and the five recommendations they produced, with answers in several states.
  if (seeded.breakoutSessionId) {
    const memberCtx: Ctx | null =
      member && memberUserId
        ? {
            ...ctx,
            actor: {
              userId: memberUserId,
              email: member.email,
              name: `${member.givenName} ${member.familyName ?? ""}`.trim(),
              roles: [],
              states: [],
              twoFactorEnabled: false,
              locale: "en",
              via: "token",
            },
          }
        : null;
    await seedReferenceRecommendations(
      { ...ctx, actor: organiser },
      seeded.eventId,
      seeded.breakoutSessionId,
      data.event as never,
      new Map(data.people.map((p, i) => [p.key, personIds[i]])),
      memberCtx,
    );
  }
  return { organizations: orgIds.length, people: personIds.length, users };
}
