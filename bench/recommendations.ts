/**
 * Recommendations part of the benchmark: 100,000 recommendations (mixed languages, protection
 * levels, themes, articles, regions, years), then the public tracker's list and filters and the
 * similar-recommendation query over HTTP, and the similar query in process.
 */

import {
  insertRecommendationsBulk,
  similarRecommendations,
} from "../src/server/features/recommendations/service.ts";
import type { Ctx } from "../src/server/platform/context.ts";
import { RecListQuery } from "../src/shared/schemas/recommendations.ts";
import { prng, type WordsLang, words } from "./data.ts";

const THEMES = [
  "Prevention",
  "Victim protection",
  "Capacity building",
  "Criminal justice",
  "Awareness",
  "Review Mechanism",
  "Regional cooperation",
  "Migrants",
  "Firearms",
  "Corruption",
  "Cybercrime",
  "Youth",
  "Gender",
  "Data and research",
  "Whistleblowers",
  "Funding",
  "Networking",
  "Legislation",
  "Media",
  "Private sector",
];
const ARTICLES = [
  "UNTOC:5",
  "UNTOC:6",
  "UNTOC:8",
  "UNTOC:24",
  "UNTOC:25",
  "UNTOC:27",
  "UNTOC:28",
  "UNTOC:29",
  "UNTOC:31",
  "UNTOC:32",
  "TIP:5",
  "TIP:6",
  "TIP:9",
  "TIP:10",
  "SOM:6",
  "SOM:16",
  "FP:5",
  "FP:10",
];
const REGIONS = ["AFRICAN", "APG", "EEG", "GRULAC", "WEOG"];
const STATUSES = [
  "received",
  "under_consideration",
  "accepted",
  "partially_accepted",
  "not_accepted",
  "noted",
  "in_progress",
  "implemented",
] as const;

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export interface RecommendationsBench {
  count: number;
  insertMs: number;
  listPaths: string[];
  filterPaths: string[];
  similarPaths: string[];
  inProcess(): Promise<{
    similarRuns: number;
    similarP50Ms: number;
    similarMaxMs: number;
    meanResults: number;
  }>;
}

export async function prepareRecommendationsBench(
  ctx: Ctx,
  seed: number,
  count = 100_000,
): Promise<RecommendationsBench> {
  const r = prng(seed);
  const sentence = (lang: WordsLang, n: number) => words(r, lang, n);
  const items = Array.from({ length: count }, (_, i) => {
    const lang = (r.chance(0.7) ? "en" : r.chance(0.5) ? "fr" : "es") as WordsLang;
    const p = r.int(100);
    return {
      title: { [lang]: sentence(lang, 4 + r.int(5)) },
      text: { [lang]: `<p>${sentence(lang, 20 + r.int(25))}</p>` },
      originalLang: lang,
      addressedActors: [
        r.pick([
          "states_parties",
          "law_enforcement",
          "judiciary",
          "civil_society",
          "unodc",
          "media",
        ] as const),
      ],
      themes: r.some(THEMES, 1, 3),
      instruments: [r.pick(["UNTOC", "TIP", "SOM", "FP"])],
      articles: r.some(ARTICLES, 1, 2),
      engagementAreas: [
        r.pick(["ADVOCACY", "MONITORING", "AWARENESS", "RESEARCH", "EDUCATION", "PARTNERSHIP"] as const),
      ],
      sdgTargets: [r.pick(["16.2", "16.3", "8.7", "5.2", "10.7", "17.17"])],
      protection: (p < 85 ? "public" : p < 90 ? "group" : p < 95 ? "anonymous" : "confidential") as "public",
      region: r.pick(REGIONS),
      year: 2015 + r.int(12),
      status: r.pick(STATUSES),
      createdAt: new Date(Date.parse("2015-01-01T00:00:00Z") + i * 3_000_000).toISOString(),
    };
  });
  const t = process.hrtime.bigint();
  for (let i = 0; i < items.length; i += 10_000)
    await insertRecommendationsBulk(ctx, items.slice(i, i + 10_000));
  const insertMs = ms(t);
  const listPaths = Array.from(
    { length: 40 },
    (_, i) => `/api/recommendations?page=${1 + (i % 20)}${i % 2 ? "&sort=oldest" : ""}`,
  );
  const filterPaths = Array.from({ length: 40 }, (_, i) => {
    const f = [
      `theme=${encodeURIComponent(THEMES[i % THEMES.length])}`,
      `status=${STATUSES[i % STATUSES.length]}`,
      `region=${REGIONS[i % REGIONS.length]}&year=${2015 + (i % 12)}`,
      `article=${encodeURIComponent(ARTICLES[i % ARTICLES.length])}&status=accepted`,
      `instrument=TIP&region=${REGIONS[(i + 2) % REGIONS.length]}`,
    ][i % 5];
    return `/api/recommendations?${f}`;
  });
  const texts = Array.from({ length: 40 }, (_, i) => sentence(i % 4 === 0 ? "fr" : "en", 12));
  const similarPaths = texts.map((x) => `/api/recommendations/similar?text=${encodeURIComponent(x)}`);
  return {
    count,
    insertMs: Math.round(insertMs),
    listPaths,
    filterPaths,
    similarPaths,
    async inProcess() {
      const times: number[] = [];
      let results = 0;
      for (const x of texts) await similarRecommendations(ctx, x);
      for (const x of texts) {
        const t0 = process.hrtime.bigint();
        results += (await similarRecommendations({ ...ctx, actor: null }, x)).length;
        times.push(ms(t0));
      }
      times.sort((a, b) => a - b);
      RecListQuery.parse({});
      return {
        similarRuns: times.length,
        similarP50Ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
        similarMaxMs: Math.round(times[times.length - 1] * 10) / 10,
        meanResults: Math.round((results / texts.length) * 10) / 10,
      };
    },
  };
}
