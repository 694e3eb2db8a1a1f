/**
 * Breakout-group assignment at scale: 5,000 synthetic participants into 250 groups.
 * Standalone: `node --import tsx bench/breakouts.ts [people] [groups]`. Prints the median of 5
 * runs and the balance against a seeded random split with the same sizes and constraints.
 */

import { assignBreakouts, type BreakoutPerson } from "../src/shared/breakouts.ts";

/** mulberry32 */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int };
}

const REGIONS = ["AFG", "APG", "EEG", "GRULAC", "WEOG"];
const SECTORS = ["ngo", "academia", "private_sector", "media", "youth_organization", "community_based"];
const LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh", "pt", "sw", "de", "hi"];

function cohort(n: number, seed = 2020): BreakoutPerson[] {
  const rng = prng(seed);
  // ~100 countries with a Zipf-like skew, each in one of the five regional groups.
  const countries = Array.from({ length: 100 }, (_, i) => ({
    code: `C${String(i).padStart(2, "0")}`,
    region: REGIONS[i % REGIONS.length],
    weight: 1 / (i + 1) ** 0.9,
    language: LANGUAGES[i % 6],
  }));
  const total = countries.reduce((s, c) => s + c.weight, 0);
  const pickCountry = () => {
    let r = rng.next() * total;
    for (const c of countries) {
      r -= c.weight;
      if (r <= 0) return c;
    }
    return countries[countries.length - 1];
  };
  const people: BreakoutPerson[] = [];
  let org = 0;
  while (people.length < n) {
    // An organisation of 1–8 people (most small), all from one country and sector.
    const members = Math.min(n - people.length, 1 + Math.floor(rng.next() ** 2 * 8));
    const country = pickCountry();
    const sector = SECTORS[Math.floor(rng.next() ** 1.5 * SECTORS.length)];
    const orgId = `org-${org++}`;
    for (let m = 0; m < members; m++) {
      const g = rng.next();
      const languages = new Set([country.language]);
      const extra = rng.int(4);
      for (let l = 0; l < extra; l++)
        languages.add(LANGUAGES[Math.floor(rng.next() ** 2 * LANGUAGES.length)]);
      people.push({
        id: `p${people.length}`,
        country: rng.next() < 0.02 ? null : country.code,
        region: country.region,
        sector,
        gender: g < 0.48 ? "female" : g < 0.94 ? "male" : g < 0.97 ? "non-binary" : null,
        youth: rng.next() < 0.03 ? null : rng.next() < 0.3,
        languages: [...languages],
        organizationId: members > 1 || rng.next() < 0.5 ? orgId : null,
      });
    }
  }
  return people;
}

function main() {
  const n = Number(process.argv[2] ?? 5000);
  const k = Number(process.argv[3] ?? 250);
  const people = cohort(n);
  const orgSizes = new Map<string, number>();
  for (const p of people)
    if (p.organizationId) orgSizes.set(p.organizationId, (orgSizes.get(p.organizationId) ?? 0) + 1);
  console.log(
    `${n} people, ${new Set(people.map((p) => p.country)).size} countries, ${orgSizes.size} organisations ` +
      `(largest ${Math.max(...orgSizes.values())}), ${k} groups`,
  );
  const times: number[] = [];
  let last: ReturnType<typeof assignBreakouts> | undefined;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    last = assignBreakouts(people, { groups: k, seed: 42 });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = last!;
  const sizes = r.groups.map((g) => g.length);
  const fmt = (x: number) => x.toFixed(3);
  console.log(
    `time: median ${times[2].toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
  );
  console.log(`group sizes ${Math.min(...sizes)}–${Math.max(...sizes)}, violations: ${r.violations.length}`);
  console.log(`overall balance ${fmt(r.score.overall)} vs random ${fmt(r.randomScore.overall)}`);
  for (const [key, v] of Object.entries(r.score.perAttribute))
    console.log(`  ${key.padEnd(9)} ${fmt(v)} vs random ${fmt(r.randomScore.perAttribute[key])}`);
  const worst = Math.min(...r.score.perGroup);
  console.log(`worst group ${fmt(worst)} vs random ${fmt(Math.min(...r.randomScore.perGroup))}`);
}

main();
