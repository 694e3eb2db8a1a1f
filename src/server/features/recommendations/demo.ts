import type { RecommendationInput, RecStatus } from "../../../shared/schemas/recommendations.ts";
import type { Ctx } from "../../platform/context.ts";
import { createBreakouts, movePerson, updateGroup } from "../breakouts/service.ts";
import { answer, createRecommendation, endorse } from "./service.ts";

/** How the secretariat answered the five recommendations of the reference case (demo). */
const ANSWERS: Array<{ status: RecStatus; rationale: string; publish: "now" | "later" | "draft" } | null> = [
  {
    status: "accepted",
    rationale:
      "UNODC will include modules on recruitment into scam operations and deceptive job offers in its prevention work with schools and youth organisations in the region.",
    publish: "now",
  },
  {
    status: "in_progress",
    rationale:
      "Joint training of police, immigration officials, prosecutors and judges with civil-society trainers is under way in three countries of the region.",
    publish: "now",
  },
  {
    status: "under_consideration",
    rationale: "The secretariat is studying how survivors can be consulted safely during country reviews.",
    publish: "now",
  },
  {
    status: "partially_accepted",
    rationale:
      "An inter-regional networking session will be added to the next constructive dialogues; a permanent network is beyond current resources.",
    publish: "later",
  },
  null,
];

/**
 * The breakout groups of the reference case and the five recommendations they produced, recorded
 * by the secretariat on behalf of each group's rapporteur and attributed to the group.
 */
export async function seedReferenceRecommendations(
  ctx: Ctx,
  eventId: string,
  breakoutSessionId: string,
  data: { sessions: Array<Record<string, any>>; recommendations: Array<Record<string, any>> },
  personByKey: Map<string, string>,
  memberUserCtx: Ctx | null,
): Promise<number> {
  const session = data.sessions.find((s) => s.type === "breakout");
  const groups: Array<{ group: number; title: Record<string, string>; rapporteur: string }> =
    session?.groups ?? [];
  let state = await createBreakouts(ctx, eventId, {
    sessionId: breakoutSessionId,
    groups: Math.max(1, groups.length),
    seed: 20201111,
    together: [],
    apart: [],
    separateOrganizations: true,
    replace: false,
  });
  for (const g of groups) {
    const personId = personByKey.get(g.rapporteur);
    if (!personId) continue;
    const current = state.groups.find((x) => x.members.some((m) => m.personId === personId));
    if (current && current.number !== g.group)
      state = await movePerson(ctx, eventId, { sessionId: breakoutSessionId, personId, toGroup: g.group });
    const target = state.groups.find((x) => x.number === g.group);
    if (target) state = await updateGroup(ctx, target.id, { title: g.title, rapporteurPersonId: personId });
  }
  let n = 0;
  for (const [i, r] of data.recommendations.entries()) {
    const g = groups.find((x) => x.group === r.group);
    const target = state.groups.find((x) => x.number === r.group);
    const author = g ? personByKey.get(g.rapporteur) : undefined;
    if (!author) continue;
    const input: RecommendationInput = {
      title: r.title,
      text: Object.fromEntries(
        Object.entries(r.text as Record<string, string>).map(([k, v]) => [k, `<p>${v}</p>`]),
      ),
      originalLang: "en",
      addressedActors: r.addressedActors ?? [],
      themes: r.themes ?? [],
      instruments: r.instruments ?? [],
      articles: r.articles ?? [],
      engagementAreas: r.engagementAreas ?? [],
      sdgTargets: r.sdgTargets ?? [],
      eventId,
      sessionId: breakoutSessionId,
      groupId: target?.id,
      protection: "group",
    };
    const rec = await createRecommendation(ctx, input, {
      authorPersonId: author,
      createdAt: "2020-11-12T09:00:00.000Z",
    });
    n++;
    const a = ANSWERS[i];
    if (a)
      // Answered in March 2021, as the secretariat did after studying them.
      await answer(
        { ...ctx, now: () => new Date(Date.parse("2021-03-15T09:00:00Z") + i * 86_400_000) },
        [rec.id],
        {
          status: a.status,
          rationale: { en: a.rationale },
          publish: a.publish,
          publishAt: a.publish === "later" ? "2027-06-30T00:00:00Z" : undefined,
        },
      );
    // The demo stakeholder endorses the first two.
    if (memberUserCtx && i < 2) await endorse(memberUserCtx, rec.id, { showIdentity: true, withdraw: false });
  }
  return n;
}
