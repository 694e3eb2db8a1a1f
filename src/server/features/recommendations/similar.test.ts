import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { similarityWords } from "../../../shared/text.ts";
import { createTestApp, type TestApp, type TestUser } from "../../testing.ts";
import { insertRecommendationsBulk, similarRecommendations } from "./service.ts";

/**
 * "Similar" starts from the word counts in search_term: they must equal a recount of the indexed
 * documents after every kind of change, and a corpus where every word is common must still find
 * the near-duplicate (through documents containing several rare-ish words together).
 */
describe("similar recommendations over word counts", () => {
  let t: TestApp;
  let staff: TestUser;

  // Ten common words, each in most documents, plus two words particular to each document.
  const COMMON = "border police training victims shelters funding schools online media review".split(" ");
  const UNIQUE = (i: number) =>
    `${["kilo", "lima", "mike", "oscar", "papa", "romeo"][i % 6]}${i}x quasar${i}q`;
  const item = (i: number, words: string[]) => ({
    title: { en: `Recommendation ${i}` },
    text: { en: `<p>${words.join(" ")} ${UNIQUE(i)}</p>` },
    originalLang: "en",
    addressedActors: ["states_parties" as const],
    themes: [],
    instruments: [],
    articles: [],
    engagementAreas: [],
    sdgTargets: [],
    protection: "public" as const,
    year: 2024,
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  });

  /** Counts recomputed from the stored documents, the way the index counts them. */
  async function recount() {
    const db = t.rt.database.db;
    const docs =
      t.rt.database.dialect === "sqlite"
        ? ((await db
            .selectFrom("fts_recommendation_content" as never)
            .select("c1 as doc" as never)
            .execute()) as Array<{
            doc: string;
          }>)
        : await db.selectFrom("search_doc").select("doc").where("entity", "=", "recommendation").execute();
    const counts = new Map<string, number>([["", docs.length]]);
    for (const { doc } of docs)
      for (const w of new Set(similarityWords(doc))) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  }
  async function stored() {
    const rows = await t.rt.database.db
      .selectFrom("search_term")
      .select(["term", "docs"])
      .where("entity", "=", "recommendation")
      .execute();
    return new Map(rows.filter((r) => Number(r.docs) !== 0).map((r) => [r.term, Number(r.docs)]));
  }

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.user({ roles: ["secretariat"] });
    // 400 documents, each with 8 of the 10 common words: every word is in ~80% of them.
    const items = Array.from({ length: 400 }, (_, i) =>
      item(
        i,
        COMMON.filter((_, k) => k !== i % 10 && k !== (i * 3 + 1) % 10),
      ),
    );
    await insertRecommendationsBulk(t.rt.systemCtx(), items);
  });
  afterAll(() => t.close());

  it("keeps word counts equal to the indexed documents through create, edit and merge", async () => {
    expect(await stored()).toEqual(await recount());
    const post = await t.app.inject({
      method: "POST",
      url: "/api/recommendations",
      headers: staff.auth,
      payload: {
        title: { en: "Whistleblower hotlines" },
        text: { en: "<p>Protect whistleblowers reporting corruption at border crossings</p>" },
        originalLang: "en",
        addressedActors: ["states_parties"],
        protection: "public",
      },
    });
    expect(post.statusCode).toBe(201);
    const id = post.json().id;
    expect((await stored()).get("whistleblowers")).toBe(1);
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/recommendations/${id}`,
      headers: staff.auth,
      payload: { text: { en: "<p>Confidential hotlines for people reporting bribery</p>" } },
    });
    expect(patch.json()).toMatchObject({ id });
    const after = await stored();
    expect(after.get("whistleblowers")).toBeUndefined();
    expect(after.get("bribery")).toBe(1);
    expect(after).toEqual(await recount());
    const other = (
      await t.app.inject({ url: "/api/recommendations?pageSize=1&sort=oldest", headers: staff.auth })
    ).json().items[0].id;
    const merge = await t.app.inject({
      method: "POST",
      url: `/api/recommendations/${id}/merge`,
      headers: staff.auth,
      payload: { into: other },
    });
    expect(merge.statusCode).toBe(200);
    expect(await stored()).toEqual(await recount());
  });

  it("finds the near-duplicate when every word of the text is common", async () => {
    const target = 137;
    const words = COMMON.filter((_, k) => k !== target % 10 && k !== (target * 3 + 1) % 10);
    const counts = await stored();
    // The premise: even the rarest word of the text is in far more documents than are compared.
    expect(Math.min(...words.map((w) => counts.get(w) ?? 0))).toBeGreaterThan(250);
    const found = await similarRecommendations(
      { ...t.rt.systemCtx(), actor: null },
      `${words.join(" ")} ${UNIQUE(target)}`,
    );
    expect(found[0]?.title).toEqual({ en: { value: `Recommendation ${target}`, origin: "original" } });
    expect(found[0]?.similarity).toBeGreaterThan(0.9);
  });
});
