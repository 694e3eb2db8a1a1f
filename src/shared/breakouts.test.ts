import fc from "fast-check";
import { describe, expect, it } from "vitest";
import en from "../web/i18n/locales/en.json";
import {
  assignBreakouts,
  BREAKOUT_ISSUE_CODES,
  type BreakoutIssue,
  type BreakoutIssueParams,
  type BreakoutOptions,
  type BreakoutPerson,
  type BreakoutResult,
  breakoutIssueText,
  checkAssignment,
  checkAssignmentIssues,
  moveperson,
  scoreAssignment,
} from "./breakouts.ts";

// ---------------------------------------------------------------------------------------------
// Generators

const COUNTRIES = ["THA", "VNM", "KHM", "LAO", "MMR", "IDN", "PHL", "MYS", "KEN", "NGA", "BRA", "MEX", "FRA"];
const REGIONS = ["APG", "AFG", "GRULAC", "WEOG", "EEG"];
const SECTORS = ["ngo", "academia", "private_sector", "media", "government"];
const GENDERS = ["female", "male", "non-binary"];
const LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh", "th"];

/** A person without id; countries and sectors skewed towards the first values. */
const personArb = fc.record({
  country: fc.option(
    fc
      .integer({ min: 0, max: COUNTRIES.length * COUNTRIES.length - 1 })
      .map((x) => COUNTRIES[Math.floor(Math.sqrt(x))]),
    { freq: 12 },
  ),
  region: fc.option(fc.constantFrom(...REGIONS), { freq: 12 }),
  sector: fc.option(fc.constantFrom(...SECTORS), { freq: 8 }),
  gender: fc.option(fc.constantFrom(...GENDERS), { freq: 6 }),
  youth: fc.option(
    fc.integer({ min: 0, max: 9 }).map((x) => x < 3),
    { freq: 10 },
  ),
  languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES), { maxLength: 3 }),
  org: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 2 }),
});

type Gen = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

function toPeople(gen: Gen[]): BreakoutPerson[] {
  return gen.map((g, i) => ({
    id: `p${i}`,
    country: g.country,
    region: g.region,
    sector: g.sector,
    gender: g.gender,
    youth: g.youth,
    languages: g.languages,
    organizationId: g.org === null ? null : `org${g.org}`,
  }));
}

/** Group count: K directly, or a group size S (K = ceil(n / S)). */
const groupingArb = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map((groups) => ({ groups })),
  fc.integer({ min: 1, max: 40 }).map((size) => ({ size })),
);

const cohortArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 300, size: "large" }).map(toPeople),
  grouping: groupingArb,
  seed: fc.integer(),
});

/** mulberry32, for deriving planted pins from one generated number. */
function prng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * Pins and organisations that are feasible by construction: a hidden balanced split is drawn
 * first; `together` pins take people from one hidden group, `apart` pins and organisations take
 * people from pairwise different hidden groups. The hidden split meets every constraint.
 */
function plant(people: BreakoutPerson[], K: number, seed: number) {
  const int = prng(seed);
  const n = people.length;
  const order = people.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const hidden: number[][] = Array.from({ length: K }, () => []);
  order.forEach((i, pos) => {
    hidden[pos % K].push(i);
  });
  const pickDistinctGroups = (count: number) => {
    const gs = hidden.map((_, g) => g).filter((g) => hidden[g].length > 0);
    const out: number[] = [];
    while (out.length < count && gs.length) {
      const g = gs.splice(int(gs.length), 1)[0];
      out.push(hidden[g][int(hidden[g].length)]);
    }
    return out;
  };
  const planted = people.map((p) => ({ ...p, organizationId: null as string | null }));
  const used = new Set<number>();
  for (let o = 0; o < int(12); o++) {
    const members = pickDistinctGroups(1 + int(Math.min(K, 6))).filter((i) => !used.has(i));
    for (const i of members) {
      planted[i].organizationId = `org${o}`;
      used.add(i);
    }
  }
  const together: string[][] = [];
  for (let t = 0; t < int(4); t++) {
    const g = hidden[int(K)];
    if (g.length < 2) continue;
    const size = 2 + int(Math.min(3, g.length - 1));
    const pool = [...g];
    const pin: string[] = [];
    while (pin.length < size) pin.push(people[pool.splice(int(pool.length), 1)[0]].id);
    together.push(pin);
  }
  const apart: string[][] = [];
  if (K > 1)
    for (let a = 0; a < int(4); a++)
      apart.push(pickDistinctGroups(2 + int(Math.min(K, 5) - 1)).map((i) => `p${i}`));
  return { people: planted, together, apart };
}

// ---------------------------------------------------------------------------------------------
// Checks

function groupCount(n: number, grouping: { groups?: number; size?: number }): number {
  return grouping.groups ?? Math.ceil(n / grouping.size!);
}

function expectPartition(people: BreakoutPerson[], groups: string[][]) {
  const all = groups.flat();
  expect(all.length).toBe(people.length);
  expect(new Set(all)).toEqual(new Set(people.map((p) => p.id)));
}

function expectBalancedSizes(groups: string[][]) {
  const sizes = groups.map((g) => g.length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
}

function groupOf(groups: string[][]): Map<string, number> {
  const map = new Map<string, number>();
  groups.forEach((ids, g) => {
    for (const id of ids) map.set(id, g);
  });
  return map;
}

/** Each organisation: pairwise different groups when it has at most K members, else floor or ceil(size / K) per group. */
function expectOrganisationsSpread(people: BreakoutPerson[], groups: string[][]) {
  const where = groupOf(groups);
  const orgs = new Map<string, string[]>();
  for (const p of people)
    if (p.organizationId) orgs.set(p.organizationId, [...(orgs.get(p.organizationId) ?? []), p.id]);
  for (const ids of orgs.values()) {
    const perGroup = new Map<number, number>();
    for (const id of ids) perGroup.set(where.get(id)!, (perGroup.get(where.get(id)!) ?? 0) + 1);
    const counts = groups.map((_, g) => perGroup.get(g) ?? 0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(Math.ceil(ids.length / groups.length));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.floor(ids.length / groups.length));
  }
}

function distinct<T>(values: T[]): number {
  return new Set(values).size;
}

/** Enough diversity for balancing to matter: several values and at least two people per group. */
function diverse(people: BreakoutPerson[], K: number): boolean {
  return people.length >= 2 * K && K >= 2 && distinct(people.map((p) => p.country)) >= 3;
}

const NOTE = /cannot be fully separated$/;

// ---------------------------------------------------------------------------------------------
// Properties

/** Cohorts per property (BREAKOUTS_RUNS overrides, e.g. 5000 for a long soak). */
const RUNS = Number(process.env.BREAKOUTS_RUNS ?? 120);
const PROPERTY_TIMEOUT = 60_000 + RUNS * 200;

describe("assignBreakouts properties", () => {
  it("partitions everyone into K balanced groups, spreads organisations, is deterministic and beats random", {
    timeout: PROPERTY_TIMEOUT,
  }, () => {
    const gaps: number[] = [];
    fc.assert(
      fc.property(cohortArb, ({ people, grouping, seed }) => {
        const opts: BreakoutOptions = { ...grouping, seed };
        const r = assignBreakouts(people, opts);
        const K = groupCount(people.length, grouping);
        expect(r.groups.length).toBe(K);
        expectPartition(people, r.groups);
        expectBalancedSizes(r.groups);
        expectOrganisationsSpread(people, r.groups);
        // Only organisations larger than K may be reported, and only as unavoidable.
        expect(r.violations.filter((v) => !NOTE.test(v))).toEqual([]);
        expect(r.violations).toEqual(checkAssignment(people, r.groups, {}));
        // Scores are in range and describe the returned groups.
        expect(r.score).toEqual(scoreAssignment(people, r.groups));
        for (const s of [r.score.overall, r.randomScore.overall, ...r.score.perGroup]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
        expect(r.score.overall).toBeGreaterThanOrEqual(r.randomScore.overall);
        if (diverse(people, K)) gaps.push(r.score.overall - r.randomScore.overall);
        // Same input and seed, same groups.
        expect(assignBreakouts(people, opts).groups).toEqual(r.groups);
      }),
      { numRuns: RUNS },
    );
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    console.info(
      `diverse cohorts: ${gaps.length}, mean gain over random ${mean.toFixed(3)}, min ${Math.min(...gaps).toFixed(3)}`,
    );
    expect(gaps.length).toBeGreaterThan(20);
    expect(mean).toBeGreaterThan(0.02);
    expect(gaps.filter((g) => g > 0).length).toBeGreaterThan(gaps.length * 0.8);
  });

  it("honours feasible together and apart pins and keeps colleagues apart", {
    timeout: PROPERTY_TIMEOUT,
  }, () => {
    const gaps: number[] = [];
    fc.assert(
      fc.property(cohortArb, fc.integer(), ({ people: base, grouping, seed }, plantSeed) => {
        const K = groupCount(base.length, grouping);
        const { people, together, apart } = plant(base, K, plantSeed);
        const r = assignBreakouts(people, { ...grouping, seed, together, apart });
        expect(r.groups.length).toBe(K);
        expectPartition(people, r.groups);
        expect(r.violations).toEqual([]);
        const where = groupOf(r.groups);
        for (const pin of together) expect(distinct(pin.map((id) => where.get(id)))).toBe(1);
        for (const pin of apart) expect(distinct(pin.map((id) => where.get(id)))).toBe(new Set(pin).size);
        const orgs = new Map<string, number[]>();
        for (const p of people)
          if (p.organizationId)
            orgs.set(p.organizationId, [...(orgs.get(p.organizationId) ?? []), where.get(p.id)!]);
        for (const gs of orgs.values()) expect(distinct(gs)).toBe(gs.length);
        expectBalancedSizes(r.groups);
        expect(r.score.overall).toBeGreaterThanOrEqual(r.randomScore.overall);
        if (diverse(people, K)) gaps.push(r.score.overall - r.randomScore.overall);
        expect(assignBreakouts(people, { ...grouping, seed, together, apart }).groups).toEqual(r.groups);
      }),
      { numRuns: RUNS },
    );
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    expect(mean).toBeGreaterThan(0.02);
  });

  it("keeps together pins even when they unbalance the sizes", { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(
        cohortArb,
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), { maxLength: 4 }),
        (c, pinIdx) => {
          const n = c.people.length;
          const together = pinIdx.map((pin) => pin.map((i) => `p${i % n}`));
          const r = assignBreakouts(c.people, { ...c.grouping, seed: c.seed, together });
          expectPartition(c.people, r.groups);
          expect(r.groups.length).toBe(groupCount(n, c.grouping));
          const where = groupOf(r.groups);
          for (const pin of together) expect(distinct(pin.map((id) => where.get(id)))).toBe(1);
          expect(r.violations).toEqual(checkAssignment(c.people, r.groups, { together }));
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });

  it("moveperson keeps the groups consistent and rescores them", { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(cohortArb, fc.nat(), fc.nat(), ({ people, grouping, seed }, who, to) => {
        const r = assignBreakouts(people, { ...grouping, seed });
        const id = people[who % people.length].id;
        const target = to % r.groups.length;
        const moved = moveperson(people, r.groups, id, target);
        expectPartition(people, moved.groups);
        expect(moved.groups.length).toBe(r.groups.length);
        expect(moved.groups[target]).toContain(id);
        r.groups.forEach((ids, g) => {
          expect(moved.groups[g].filter((x) => x !== id)).toEqual(ids.filter((x) => x !== id));
        });
        expect(moved.score).toEqual(scoreAssignment(people, moved.groups));
        expect(moved.violations).toEqual(checkAssignment(people, moved.groups));
        // Pure: the input is untouched, and moving back restores the score.
        expect(r.groups.flat().length).toBe(people.length);
        const from = r.groups.findIndex((ids) => ids.includes(id));
        const back = moveperson(people, moved.groups, id, from);
        expect(back.score.overall).toBeCloseTo(r.score.overall, 12);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Examples

/** The November 2020 training's shape: 40 participants from 18 countries, 30 % youth. */
function referenceCohort(): BreakoutPerson[] {
  const countries = [
    ["THA", "APG", 6],
    ["VNM", "APG", 4],
    ["KHM", "APG", 3],
    ["LAO", "APG", 3],
    ["MMR", "APG", 3],
    ["IDN", "APG", 3],
    ["PHL", "APG", 2],
    ["MYS", "APG", 2],
    ["BGD", "APG", 2],
    ["NPL", "APG", 2],
    ["LKA", "APG", 2],
    ["PAK", "APG", 1],
    ["MNG", "APG", 1],
    ["TLS", "APG", 1],
    ["KEN", "AFG", 2],
    ["NGA", "AFG", 1],
    ["AUT", "WEOG", 1],
    ["USA", "WEOG", 1],
  ] as const;
  const sectors = ["ngo", "academia", "private_sector", "media"];
  const people: BreakoutPerson[] = [];
  for (const [country, region, count] of countries)
    for (let k = 0; k < count; k++) {
      const i = people.length;
      people.push({
        id: `ref${i}`,
        country,
        region,
        sector: sectors[(i * 7) % 4],
        gender: i % 9 === 4 ? null : i % 2 ? "female" : "male",
        youth: i % 10 < 3,
        languages: i % 3 === 0 ? ["en", "th"] : ["en"],
        organizationId: i < 12 ? `org${Math.floor(i / 2)}` : null,
      });
    }
  return people;
}

describe("assignBreakouts examples", () => {
  it("balances the reference training (40 people, 18 countries, 30 % youth) into 3 groups", () => {
    const people = referenceCohort();
    expect(people.length).toBe(40);
    expect(distinct(people.map((p) => p.country))).toBe(18);
    const r = assignBreakouts(people, { groups: 3, seed: 2020 });
    console.info(
      `reference case: overall ${r.score.overall.toFixed(3)} vs random ${r.randomScore.overall.toFixed(3)};`,
      Object.entries(r.score.perAttribute)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(", "),
    );
    expect(r.violations).toEqual([]);
    expect(r.groups.map((g) => g.length).sort()).toEqual([13, 13, 14]);
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const g of r.groups) {
      // 12 youth → 4 per group; Thailand's 6 → 2 per group; no country more than its fair share.
      expect(g.filter((id) => byId.get(id)!.youth).length).toBe(4);
      const perCountry = new Map<string, number>();
      for (const id of g)
        perCountry.set(byId.get(id)!.country!, (perCountry.get(byId.get(id)!.country!) ?? 0) + 1);
      expect(perCountry.get("THA")).toBe(2);
      for (const [country, count] of perCountry) {
        const total = people.filter((p) => p.country === country).length;
        expect(count).toBeLessThanOrEqual(Math.ceil(total / 3));
      }
      expect(distinct(g.map((id) => byId.get(id)!.organizationId).filter(Boolean))).toBe(
        g.filter((id) => byId.get(id)!.organizationId).length,
      );
    }
    expect(r.score.overall).toBeGreaterThan(0.95);
    expect(r.score.overall).toBeGreaterThan(r.randomScore.overall);
    expect(Math.min(...r.score.perGroup)).toBeGreaterThan(0.9);
  });

  it("reports infeasible pins in violations instead of throwing", () => {
    const people = referenceCohort().slice(0, 12);
    const r = assignBreakouts(people, {
      groups: 3,
      seed: 1,
      together: [
        ["ref0", "ref1"],
        ["ref5", "nobody"],
      ],
      apart: [
        ["ref0", "ref1"],
        ["ref2", "ref3", "ref4", "ref5"],
      ],
    });
    expectPartition(people, r.groups);
    expect(r.violations).toContain('together pin 2 names unknown id "nobody"');
    expect(r.violations).toContain(
      'apart pin 1: "ref0", "ref1" are all in group ' + (groupOf(r.groups).get("ref0")! + 1),
    );
    expect(r.violations).toContain(
      "apart pin 2 has 4 members but there are only 3 groups: cannot be fully separated",
    );
    // The pinned pair stays together; the four are spread 2/1/1.
    const where = groupOf(r.groups);
    expect(where.get("ref0")).toBe(where.get("ref1"));
    expect(distinct(["ref2", "ref3", "ref4", "ref5"].map((id) => where.get(id)))).toBe(3);
  });

  it("keeps an oversized together pin whole and says the sizes could not be balanced", () => {
    const people = referenceCohort().slice(0, 12);
    const together = [people.slice(0, 7).map((p) => p.id)];
    const r = assignBreakouts(people, { groups: 3, seed: 3, together, separateOrganizations: false });
    const sizes = r.groups.map((g) => g.length).sort();
    expect(sizes).toEqual([2, 3, 7]);
    expect(r.violations).toEqual(["group sizes range from 2 to 7 (more than 1 apart)"]);
  });

  it("spreads an organisation larger than the number of groups as evenly as possible", () => {
    const people = referenceCohort().map((p, i) => ({ ...p, organizationId: i < 8 ? "big" : null }));
    const r = assignBreakouts(people, { groups: 3, seed: 5 });
    const where = groupOf(r.groups);
    const counts = [0, 0, 0];
    for (const p of people.slice(0, 8)) counts[where.get(p.id)!]++;
    expect(counts.sort()).toEqual([2, 3, 3]);
    expect(r.violations).toEqual([
      'organisation "big" has 8 members but there are only 3 groups: cannot be fully separated',
    ]);
    // Switched off, colleagues may share a group and nothing is reported.
    expect(assignBreakouts(people, { groups: 3, seed: 5, separateOrganizations: false }).violations).toEqual(
      [],
    );
  });

  it("puts a speaker of the common language in every group when there are enough", () => {
    const people = referenceCohort().map((p, i) => ({
      ...p,
      languages: i % 10 === 0 ? ["fr", "en"] : ["th"],
    }));
    const r = assignBreakouts(people, { groups: 4, seed: 9, commonLanguage: "fr" });
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const g of r.groups) expect(g.filter((id) => byId.get(id)!.languages.includes("fr")).length).toBe(1);
  });

  it("uses group sizes, weights and handles tiny cohorts", () => {
    const people = referenceCohort();
    expect(assignBreakouts(people, { size: 6, seed: 1 }).groups.length).toBe(7);
    const youthOnly = assignBreakouts(people, {
      groups: 4,
      seed: 1,
      weights: { country: 0, region: 0, sector: 0, gender: 0, language: 0 },
    });
    expect(youthOnly.score.perAttribute.youth).toBe(1);
    expect(youthOnly.score.overall).toBe(1);
    const tiny = assignBreakouts(people.slice(0, 2), { groups: 4, seed: 1 });
    expect(tiny.groups.map((g) => g.length).sort()).toEqual([0, 0, 1, 1]);
    expect(assignBreakouts([], { groups: 2, seed: 1 }).groups).toEqual([[], []]);
    expect(() => assignBreakouts(people, { seed: 1 })).toThrow(RangeError);
    expect(() => assignBreakouts(people, { groups: 0, seed: 1 })).toThrow(RangeError);
  });
});

describe("scoreAssignment", () => {
  it("gives 1 to groups that mirror the cohort and less to groups split by attribute", () => {
    const person = (id: string, country: string, youth: boolean): BreakoutPerson => ({
      id,
      country,
      region: "APG",
      sector: "ngo",
      gender: "female",
      youth,
      languages: ["en"],
      organizationId: null,
    });
    const people = [
      person("a", "THA", true),
      person("b", "VNM", false),
      person("c", "THA", false),
      person("d", "VNM", true),
    ];
    const mirrored = scoreAssignment(people, [
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(mirrored.overall).toBe(1);
    expect(mirrored.perGroup).toEqual([1, 1]);
    const byCountry = scoreAssignment(people, [
      ["a", "c"],
      ["b", "d"],
    ]);
    // Each group is all one country where the cohort is half and half: total variation 1/2.
    expect(byCountry.perAttribute.country).toBe(0.5);
    expect(byCountry.perAttribute.youth).toBe(1);
    expect(byCountry.overall).toBeCloseTo(11 / 12, 12);
    expect(
      scoreAssignment(
        people,
        [
          ["a", "c"],
          ["b", "d"],
        ],
        { country: 1, youth: 0, region: 0, sector: 0, gender: 0, language: 0 },
      ).overall,
    ).toBe(0.5);
  });

  it("results of assignBreakouts satisfy BreakoutResult's contract", () => {
    const r: BreakoutResult = assignBreakouts(referenceCohort(), { groups: 5, seed: 11 });
    expect(Object.keys(r.score.perAttribute).sort()).toEqual([
      "country",
      "gender",
      "language",
      "region",
      "sector",
      "youth",
    ]);
    expect(r.score.perGroup.length).toBe(5);
  });
});

// ---------------------------------------------------------------------------------------------
// Structured issues: one per sentence of `violations`, the sentence derived from the issue

const sentences = (issues: BreakoutIssue[]) => issues.map(breakoutIssueText);

describe("violations as structured issues", () => {
  it("every violation is the sentence of its issue, for optimised, moved and arbitrary splits", {
    timeout: PROPERTY_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(
        cohortArb,
        fc.integer(),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), { maxLength: 3 }),
        ({ people: base, grouping, seed }, plantSeed, pinIdx) => {
          const K = groupCount(base.length, grouping);
          const planted = plant(base, K, plantSeed);
          // Colleagues kept from `plant` on odd seeds, the generated organisations on even ones.
          const people = plantSeed % 2 ? planted.people : base;
          const n = people.length;
          // Extra pins from generated indices; an index past the cohort is an unknown id.
          const extra = pinIdx.map((pin) => pin.map((i) => (i % (n + 2) < n ? `p${i % (n + 2)}` : `x${i}`)));
          const constraints = {
            together: [...planted.together, ...extra.slice(0, 1)],
            apart: [...planted.apart, ...extra.slice(1)],
          };
          const r = assignBreakouts(people, { ...grouping, seed, ...constraints });
          expect(r.violations).toEqual(sentences(r.issues));
          expect(r.issues).toEqual(checkAssignmentIssues(people, r.groups, constraints));
          const moved = moveperson(
            people,
            r.groups,
            people[(plantSeed >>> 0) % n].id,
            0,
            undefined,
            constraints,
          );
          expect(moved.violations).toEqual(sentences(moved.issues));
          expect(moved.violations).toEqual(checkAssignment(people, moved.groups, constraints));
          // An arbitrary split (uneven sizes, people missing or twice, unknown ids) breaks more.
          const int = prng(seed);
          const arbitrary: string[][] = Array.from({ length: K }, () => []);
          for (let i = 0; i < n + int(4); i++) {
            const j = int(n + 2);
            arbitrary[int(K)].push(j < n ? people[j].id : `ghost${j - n}`);
          }
          const issues = checkAssignmentIssues(people, arbitrary, constraints);
          expect(checkAssignment(people, arbitrary, constraints)).toEqual(sentences(issues));
          for (const issue of issues) {
            expect(BREAKOUT_ISSUE_CODES).toContain(issue.code);
            // Group numbers are 1-based (`groups` is a count where it is not a list).
            const params: BreakoutIssueParams = issue.params;
            const numbers = [params.group ?? [], Array.isArray(params.groups) ? params.groups : []];
            for (const g of numbers.flat()) {
              expect(g).toBeGreaterThanOrEqual(1);
              expect(g).toBeLessThanOrEqual(K);
            }
          }
        },
      ),
      { numRuns: RUNS / 2 },
    );
  });

  it("states each kind of issue in the same words as before, with parameters for translation", () => {
    const person = (id: string, org: string | null): BreakoutPerson => ({
      id,
      country: null,
      region: null,
      sector: null,
      gender: null,
      youth: null,
      languages: [],
      organizationId: org,
    });
    const people = [
      person("a", "o1"),
      person("b", "o1"),
      person("c", "o2"),
      person("d", "o2"),
      person("e", "o2"),
      person("f", "o2"),
      person("g", null),
      person("h", null),
    ];
    const groups = [["a", "b", "c", "d", "e", "ghost"], ["f", "a"], ["g"]];
    const constraints = {
      together: [
        ["a", "f"],
        ["g", "nobody"],
      ],
      apart: [
        ["a", "b", "x"],
        ["c", "d", "e", "f"],
      ],
    };
    const issues = checkAssignmentIssues(people, groups, constraints);
    expect(sentences(issues)).toEqual([
      'group 1 contains unknown id "ghost"',
      '"a" is in more than one group (1 and 2)',
      '"h" is in no group',
      "group sizes range from 1 to 6 (more than 1 apart)",
      "together pin 1 is split across groups 1, 2",
      'together pin 2 names unknown id "nobody"',
      'apart pin 1 names unknown id "x"',
      'apart pin 1: "a", "b" are all in group 1',
      "apart pin 2 has 4 members but there are only 3 groups: cannot be fully separated",
      "apart pin 2 is not spread evenly: 0 to 3 members per group (1 to 2 possible)",
      'organisation "o1": "a", "b" are all in group 1',
      'organisation "o2" has 4 members but there are only 3 groups: cannot be fully separated',
      'organisation "o2" is not spread evenly: 0 to 3 members per group (1 to 2 possible)',
    ]);
    expect(checkAssignment(people, groups, constraints)).toEqual(sentences(issues));
    expect(issues.map((i) => i.code).sort()).toEqual([...BREAKOUT_ISSUE_CODES].sort());
    expect(issues.find((i) => i.code === "organization_uneven")).toEqual({
      code: "organization_uneven",
      params: { organization: "o2", people: ["c", "d", "e", "f"], min: 0, max: 3, floor: 1, cap: 2 },
    });
    expect(issues.find((i) => i.code === "together_split")?.params).toEqual({ pin: 1, groups: [1, 2] });
    // The English translation uses only parameters that the issue has.
    const texts = (en as { breakouts: { issues: Record<string, string> } }).breakouts.issues;
    for (const issue of issues) {
      const used = [...texts[issue.code].matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
      for (const name of used) expect(Object.keys(issue.params), `${issue.code}: ${name}`).toContain(name);
    }
  });
});
