/**
 * Breakout groups: split a session's participants into K groups that each mirror the cohort
 * (countries, regions, sectors, gender, youth, languages) while honouring pins and keeping
 * colleagues apart. Pure and deterministic: the same input and seed give the same groups.
 *
 * ## Balance score
 * For every attribute a, P_a(v) is the share of the whole cohort with value v (a missing value
 * is a value of its own, "not stated"; youth is yes / no / not stated). Languages are
 * multi-valued: P(v) is the share of people who speak v (those who list none count towards
 * "not stated"), and each language is in effect a yes/no attribute of its own.
 *
 * For a group g of m people, c_v of whom have value v:
 *
 *   L1(g, a)    = Σ_v | c_v − m · P_a(v) |      (single-valued: 2·m · total variation distance)
 *   L1*(m, a)   = Σ_v 2·f_v·(1 − f_v), f_v = frac(m · P_a(v)): the L1 that a perfectly
 *                 stratified split reaches on average, where every group holds either
 *                 floor(m · P_a(v)) or ceil(m · P_a(v)) people of each value. Counts are whole
 *                 people, so a group of 13 cannot mirror 18 countries; this is what sizes allow.
 *   Lmax(m, a)  = 2m, or m · Σ_v max(P(v), 1 − P(v)) for languages: the largest conceivable L1
 *   balance(g, a) = 1 − (L1 − L1*) / (Lmax − L1*), clamped to [0, 1]
 *
 * so 1 means the group is as close to the cohort as stratification allows, and it approaches 0
 * for a group made entirely of a value that is rare in the cohort (everyone from one small
 * country). A group that concentrates one country is far from the cohort's distribution and
 * scores low. (For equal sizes Σ_g L1 ≥ Σ_g L1*, so a split cannot beat 1 on average; a single
 * group can, and is clamped to 1.)
 *
 *   perGroup[g]     = Σ_a w_a · balance(g, a) / Σ_a w_a                     (weights default to 1)
 *   perAttribute[a] = Σ_g m_g · balance(g, a) / N                           (N = people placed)
 *   overall         = Σ_a w_a · perAttribute[a] / Σ_a w_a = Σ_g m_g · perGroup[g] / N
 *
 * Empty groups, and a cohort whose weights are all 0, score 1. perAttribute lists all six
 * attributes, also those weighted 0.
 *
 * ## Hard constraints
 * - Group sizes differ by at most 1. A `together` unit larger than an even share gets a group
 *   of its own and the others are split evenly (then `violations` reports the size range).
 * - `together` pins (overlapping pins merge) put their people in one group: each pinned set is
 *   placed and swapped as a single unit, so the pin always holds.
 * - Spread sets: each `apart` pin, and each organisation with 2+ members (unless
 *   `separateOrganizations` is false), has floor(size / K) to ceil(size / K) members in every
 *   group: pairwise different groups whenever it has no more members than there are groups,
 *   otherwise as even a spread as possible.
 * `violations` lists every hard constraint the returned groups do not meet, including those that
 * cannot be met at all (an organisation or apart pin with more members than groups, a pin naming
 * an unknown id, people pinned both together and apart); it is empty when everything was met.
 * `issues` holds the same, one structured `BreakoutIssue` (code and parameters) per sentence and
 * in the same order, for translation: each sentence is derived from its issue.
 * `commonLanguage` is soft and not reported there.
 *
 * ## Algorithm
 * 1. Units: union-find over `together` pins; every other person is a unit of one.
 * 2. Greedy construction, hardest first: large pinned units, then units in the tightest spread
 *    sets (Σ over their sets of members per group), then people with the rarest attribute
 *    values; each unit goes to a group with room (sizes lo or lo + 1, at most n mod K groups of
 *    lo + 1) and the fewest spread conflicts, and among those to the one whose balance improves
 *    most (ties: the emptier group, then seeded random).
 * 3. Repair, if a spread set is uneven: every swap for the units concerned, and moves to a group
 *    one smaller (the two groups trade sizes, so the size rule holds).
 * 4. Local search: swaps of two equal-size units between groups, the change of the objective
 *    computed incrementally from per-group value counts (O(values of the two units), never a
 *    rescoring). The objective is lexicographic through its weights: members off an even spread
 *    ≫ groups without a speaker of `commonLanguage` ≫ 1 − overall, which is exactly linear in
 *    the L1s once sizes are fixed. Size classes of ≤ 128 units try every partner per unit
 *    (stops in a 2-swap local optimum); larger ones are targeted: a unit whose value is
 *    over-represented in its group tries every unit of 3 groups where that value is
 *    under-represented, plus 8 random partners; passes stop when one gains < 1e-4 overall or
 *    after 2 M evaluated swaps (a count, not a clock, so results stay deterministic).
 * 5. Baseline: a seeded random split (same units and size rule, each unit into a uniformly
 *    random group with room and no spread conflict, uneven spread sets then repaired without
 *    regard to balance) gives `randomScore`. If it beats the optimised split, local search also
 *    runs from it and the best candidate, the random split itself included, is returned, so
 *    `score.overall >= randomScore.overall` whenever both meet the same hard constraints.
 */

export interface BreakoutPerson {
  id: string;
  /** ISO 3166 alpha-3. */
  country: string | null;
  /** UN regional group code. */
  region: string | null;
  /** Organisation type: ngo, academia, private_sector, … */
  sector: string | null;
  /** Self-described; null = not stated. */
  gender: string | null;
  youth: boolean | null;
  /** Languages spoken (ISO 639-1). */
  languages: string[];
  organizationId: string | null;
}

export type BalanceAttribute = "country" | "region" | "sector" | "gender" | "youth" | "language";
export type BalanceWeights = Partial<Record<BalanceAttribute, number>>;

export interface BreakoutOptions {
  /** K groups, or */
  groups?: number;
  /** groups of about S people (K = ceil(n / S)). */
  size?: number;
  /** Deterministic for a given seed. */
  seed: number;
  /** Each list of ids ends up in the same group (hard). */
  together?: string[][];
  /** Each list of ids ends up in pairwise different groups (hard, when possible). */
  apart?: string[][];
  /** Default true: people of one organisation in different groups (spread evenly when an
   * organisation has more members than there are groups). */
  separateOrganizations?: boolean;
  /** Soft: every group should contain at least one speaker of this language (ISO 639-1). */
  commonLanguage?: string | null;
  weights?: BalanceWeights;
}

export interface BalanceScore {
  /** In [0, 1]; 1 = every group mirrors the whole cohort as closely as its size allows. */
  overall: number;
  perGroup: number[];
  perAttribute: Record<string, number>;
}

export interface BreakoutResult {
  groups: string[][];
  score: BalanceScore;
  /** Score of a seeded random split with the same group sizes and hard constraints. */
  randomScore: BalanceScore;
  /** Hard constraints that could not be met (empty when all were), in English. */
  violations: string[];
  /** The same, one structured issue per sentence of `violations` (same order), to translate. */
  issues: BreakoutIssue[];
}

/** Values of an issue's parameters: ids, 1-based group and pin numbers, counts. */
export type BreakoutIssueParams = Record<string, string | number | string[] | number[]>;

/**
 * One unmet hard constraint, for translation: `code` names it and `params` holds what its
 * sentence mentions (person ids, 1-based group and pin numbers, counts). Organisation issues
 * also list the organisation's members placed (`people`), so that its name can be found.
 */
export type BreakoutIssue =
  /** A group lists an id that is not in the cohort. */
  | { code: "unknown_member"; params: { group: number; id: string } }
  /** A person is in two groups (the first two are named). */
  | { code: "duplicate_member"; params: { person: string; groups: number[] } }
  | { code: "unassigned"; params: { person: string } }
  /** Group sizes differ by more than 1. */
  | { code: "size_range"; params: { min: number; max: number } }
  | { code: "together_unknown"; params: { pin: number; id: string } }
  /** The groups (sorted) that a `together` pin's people are in. */
  | { code: "together_split"; params: { pin: number; groups: number[] } }
  | { code: "apart_unknown"; params: { pin: number; id: string } }
  /** More members than groups: reported even when spread as evenly as possible. */
  | { code: "apart_exceeds_groups"; params: { pin: number; members: number; groups: number } }
  | {
      code: "organization_exceeds_groups";
      params: { organization: string; people: string[]; members: number; groups: number };
    }
  /** Members per group range from min to max where floor to cap was possible. */
  | { code: "apart_uneven"; params: { pin: number; min: number; max: number; floor: number; cap: number } }
  | {
      code: "organization_uneven";
      params: {
        organization: string;
        people: string[];
        min: number;
        max: number;
        floor: number;
        cap: number;
      };
    }
  /** `people` (2 or more) share group `group` although they could all be apart. */
  | { code: "apart_together"; params: { pin: number; people: string[]; group: number } }
  | { code: "organization_together"; params: { organization: string; people: string[]; group: number } };

export type BreakoutIssueCode = BreakoutIssue["code"];

/** Every issue code (each has a translation key `breakouts.issues.<code>` in the web app). */
export const BREAKOUT_ISSUE_CODES: readonly BreakoutIssueCode[] = [
  "unknown_member",
  "duplicate_member",
  "unassigned",
  "size_range",
  "together_unknown",
  "together_split",
  "apart_unknown",
  "apart_exceeds_groups",
  "organization_exceeds_groups",
  "apart_uneven",
  "organization_uneven",
  "apart_together",
  "organization_together",
];

// Every issue fits the generic shape that clients receive as JSON.
const _issueShape: (i: BreakoutIssue) => { code: string; params: BreakoutIssueParams } = (i) => i;
void _issueShape;

/** Constraints that `checkAssignment` and `moveperson` report violations of. */
export interface BreakoutConstraints {
  together?: string[][];
  apart?: string[][];
  separateOrganizations?: boolean;
}

export const BALANCE_ATTRIBUTES: readonly BalanceAttribute[] = [
  "country",
  "region",
  "sector",
  "gender",
  "youth",
  "language",
];

const NONE = "\u0000";
/** Objective weight of one member over a spread set's cap (dominates everything else). */
const HARD = 1000;
/** Objective weight of one group without a speaker of the common language. */
const SOFT = 10;
/** Local search: scan every partner when a size class has at most this many units. */
const EXHAUSTIVE_UNITS = 128;
/** Local search otherwise: groups lacking a unit's surplus value whose units are all tried … */
const TARGET_GROUPS = 3;
/** … plus this many random partners. */
const RANDOM_PARTNERS = 8;
/** Local search: swap evaluations per run (deterministic budget, not a clock). */
const EVALUATION_BUDGET = 2_000_000;
const MAX_PASSES = 200;
/** Constructions tried when spread conflicts remain (fewer for cohorts over 2,000 people). */
const RESTARTS = 8;
/** Local search (targeted): stop after a pass that gained less than this much overall score. */
const PASS_GAIN = 1e-4;
const EPS = 1e-12;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (sfc32 with a seed-mixing step) — never Math.random.

type Rng = { next: () => number; int: (n: number) => number };

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function makeRng(seed: number, salt: number): Rng {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const lo = s >>> 0;
  const hi = Math.floor(s / 4294967296) >>> 0;
  let a = mix(lo ^ 0x9e3779b9);
  let b = mix(hi ^ 0x7f4a7c15 ^ a);
  let c = mix(salt ^ 0x2545f491 ^ b);
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next, int: (n: number) => Math.floor(next() * n) };
}

function shuffle<T>(list: T[], rng: Rng): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = list[i];
    list[i] = list[j];
    list[j] = t;
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Attribute encoding

interface Attr {
  key: BalanceAttribute;
  weight: number;
  values: string[];
  /** Cohort share of each value. */
  p: Float64Array;
  /** Per person: entries [start[i], start[i + 1]) of val/wt. */
  start: Int32Array;
  val: Int32Array;
  wt: Float64Array;
  baseCache: Map<number, number>;
  /** Largest conceivable L1 per group member: 2, or Σ_v max(p_v, 1 − p_v) for languages. */
  maxPerMember: number;
}

function clean(s: string | null | undefined, upper: boolean): string {
  const t = (s ?? "").trim();
  if (!t) return NONE;
  return upper ? t.toUpperCase() : t.toLowerCase();
}

function personValues(p: BreakoutPerson, key: BalanceAttribute): string[] {
  switch (key) {
    case "country":
      return [clean(p.country, true)];
    case "region":
      return [clean(p.region, true)];
    case "sector":
      return [clean(p.sector, false)];
    case "gender":
      return [clean(p.gender, false)];
    case "youth":
      return [p.youth === true ? "yes" : p.youth === false ? "no" : NONE];
    case "language": {
      const set = new Set<string>();
      for (const l of p.languages ?? []) {
        const v = clean(l, false);
        if (v !== NONE) set.add(v);
      }
      return set.size ? [...set] : [NONE];
    }
  }
}

function resolveWeights(weights: BalanceWeights | undefined): Record<BalanceAttribute, number> {
  const out = {} as Record<BalanceAttribute, number>;
  for (const key of BALANCE_ATTRIBUTES) {
    const w = weights?.[key];
    if (w === undefined) out[key] = 1;
    else if (!Number.isFinite(w) || w < 0) throw new RangeError(`weight for ${key} must be a number >= 0`);
    else out[key] = w;
  }
  return out;
}

function encodeAttrs(people: BreakoutPerson[], weights: BalanceWeights | undefined): Attr[] {
  const w = resolveWeights(weights);
  const n = people.length;
  return BALANCE_ATTRIBUTES.map((key) => {
    const index = new Map<string, number>();
    const values: string[] = [];
    const start = new Int32Array(n + 1);
    const val: number[] = [];
    const wt: number[] = [];
    const mass: number[] = [];
    for (let i = 0; i < n; i++) {
      start[i] = val.length;
      const vs = personValues(people[i], key);
      for (const v of vs) {
        let k = index.get(v);
        if (k === undefined) {
          k = values.length;
          index.set(v, k);
          values.push(v);
          mass.push(0);
        }
        val.push(k);
        wt.push(1);
        mass[k] += 1;
      }
    }
    start[n] = val.length;
    const p = new Float64Array(values.length);
    for (let v = 0; v < values.length; v++) p[v] = n ? mass[v] / n : 0;
    return {
      key,
      weight: w[key],
      values,
      p,
      start,
      val: Int32Array.from(val),
      wt: Float64Array.from(wt),
      baseCache: new Map(),
      maxPerMember: key === "language" ? p.reduce((sum, q) => sum + Math.max(q, 1 - q), 0) : 2,
    };
  });
}

/** L1*(m): Σ_v 2·f·(1 − f) with f = frac(m·p_v), the L1 of a perfectly stratified group of m. */
function baseL1(attr: Attr, m: number): number {
  if (m <= 0) return 0;
  const cached = attr.baseCache.get(m);
  if (cached !== undefined) return cached;
  let l1 = 0;
  for (let v = 0; v < attr.p.length; v++) {
    const x = m * attr.p[v];
    const f = x - Math.floor(x);
    l1 += 2 * f * (1 - f);
  }
  attr.baseCache.set(m, l1);
  return l1;
}

function groupBalance(attr: Attr, m: number, l1: number): number {
  if (m <= 0) return 1;
  const min = baseL1(attr, m);
  const span = attr.maxPerMember * m - min;
  if (span <= 1e-9) return 1;
  const b = 1 - (l1 - min) / span;
  return clamp01(b);
}

/** Score of groups given as person indices (unknown people already dropped). */
function scoreIndices(attrs: Attr[], groups: number[][]): BalanceScore {
  let totalW = 0;
  for (const a of attrs) totalW += a.weight;
  let placed = 0;
  for (const g of groups) placed += g.length;
  const weighted = groups.map(() => 0);
  const perAttribute: Record<string, number> = {};
  let overall = 0;
  for (const a of attrs) {
    const c = new Float64Array(a.values.length);
    let sum = 0;
    groups.forEach((members, g) => {
      const m = members.length;
      c.fill(0);
      for (const i of members) for (let e = a.start[i]; e < a.start[i + 1]; e++) c[a.val[e]] += a.wt[e];
      let l1 = 0;
      for (let v = 0; v < c.length; v++) l1 += Math.abs(c[v] - m * a.p[v]);
      const b = groupBalance(a, m, l1);
      sum += m * b;
      weighted[g] += a.weight * b;
    });
    perAttribute[a.key] = placed ? clamp01(sum / placed) : 1;
    overall += a.weight * perAttribute[a.key];
  }
  return {
    overall: totalW > 0 ? clamp01(overall / totalW) : 1,
    perGroup: weighted.map((w) => (totalW > 0 ? clamp01(w / totalW) : 1)),
    perAttribute,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function indexPeople(people: BreakoutPerson[]): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((p, i) => {
    if (index.has(p.id)) throw new RangeError(`duplicate person id ${JSON.stringify(p.id)}`);
    index.set(p.id, i);
  });
  return index;
}

function toIndices(index: Map<string, number>, groups: string[][]): number[][] {
  const seen = new Set<number>();
  return groups.map((ids) => {
    const out: number[] = [];
    for (const id of ids) {
      const i = index.get(id);
      if (i !== undefined && !seen.has(i)) {
        seen.add(i);
        out.push(i);
      }
    }
    return out;
  });
}

/** Balance of a given split against the cohort `people` (see the formula at the top). */
export function scoreAssignment(
  people: BreakoutPerson[],
  groups: string[][],
  weights?: BreakoutOptions["weights"],
): BalanceScore {
  const attrs = encodeAttrs(people, weights);
  return scoreIndices(attrs, toIndices(indexPeople(people), groups));
}

// ---------------------------------------------------------------------------------------------
// Constraint checking (the single source of `issues` and `violations`)

const quote = (s: string) => JSON.stringify(s);

function orgKey(p: BreakoutPerson): string | null {
  const o = p.organizationId?.trim();
  return o ? o : null;
}

/**
 * Every hard constraint the split does not meet, as structured issues (a code and its
 * parameters, for translation); `breakoutIssueText` gives each its English sentence. Group and
 * pin numbers are 1-based. This is the only checking code: `checkAssignment` and the
 * `violations` of `assignBreakouts` and `moveperson` are these issues in words, in this order.
 */
export function checkAssignmentIssues(
  people: BreakoutPerson[],
  groups: string[][],
  constraints: BreakoutConstraints = {},
): BreakoutIssue[] {
  const out: BreakoutIssue[] = [];
  const index = indexPeople(people);
  const K = groups.length;
  const groupOf = new Map<string, number>();
  groups.forEach((ids, g) => {
    for (const id of ids) {
      if (!index.has(id)) out.push({ code: "unknown_member", params: { group: g + 1, id } });
      else if (groupOf.has(id))
        out.push({ code: "duplicate_member", params: { person: id, groups: [groupOf.get(id)! + 1, g + 1] } });
      else groupOf.set(id, g);
    }
  });
  for (const p of people) if (!groupOf.has(p.id)) out.push({ code: "unassigned", params: { person: p.id } });
  if (K > 0) {
    const sizes = groups.map((ids) => ids.length);
    const lo = Math.min(...sizes);
    const hi = Math.max(...sizes);
    if (hi - lo > 1) out.push({ code: "size_range", params: { min: lo, max: hi } });
  }

  (constraints.together ?? []).forEach((pin, t) => {
    const found = new Set<number>();
    for (const id of pin) {
      if (!index.has(id)) out.push({ code: "together_unknown", params: { pin: t + 1, id } });
      else if (groupOf.has(id)) found.add(groupOf.get(id)!);
    }
    if (found.size > 1)
      out.push({
        code: "together_split",
        params: { pin: t + 1, groups: [...found].sort((a, b) => a - b).map((g) => g + 1) },
      });
  });

  const spread = (set: { pin: number } | { organization: string }, ids: string[]) => {
    const known = ids.filter((id) => groupOf.has(id));
    if (known.length < 2 || K === 0) return;
    const cap = Math.ceil(known.length / K);
    const byGroup = new Map<number, string[]>();
    for (const id of known) {
      const g = groupOf.get(id)!;
      const list = byGroup.get(g) ?? [];
      list.push(id);
      byGroup.set(g, list);
    }
    // An organisation is named by its id: its members placed let a reader find its name.
    const report = (
      apart: (pin: number) => BreakoutIssue,
      org: (o: { organization: string; people: string[] }) => BreakoutIssue,
    ) => out.push("pin" in set ? apart(set.pin) : org({ organization: set.organization, people: known }));
    if (known.length > K) {
      const exceeds = { members: known.length, groups: K };
      report(
        (pin) => ({ code: "apart_exceeds_groups", params: { pin, ...exceeds } }),
        (o) => ({ code: "organization_exceeds_groups", params: { ...o, ...exceeds } }),
      );
      const floor = Math.floor(known.length / K);
      const counts = Array.from({ length: K }, (_, g) => byGroup.get(g)?.length ?? 0);
      const min = Math.min(...counts);
      const max = Math.max(...counts);
      if (max > cap || min < floor) {
        const uneven = { min, max, floor, cap };
        report(
          (pin) => ({ code: "apart_uneven", params: { pin, ...uneven } }),
          (o) => ({ code: "organization_uneven", params: { ...o, ...uneven } }),
        );
      }
    } else {
      for (const [g, list] of byGroup)
        if (list.length > 1) {
          const together = { people: list, group: g + 1 };
          report(
            (pin) => ({ code: "apart_together", params: { pin, ...together } }),
            (o) => ({ code: "organization_together", params: { organization: o.organization, ...together } }),
          );
        }
    }
  };

  (constraints.apart ?? []).forEach((pin, a) => {
    for (const id of pin) if (!index.has(id)) out.push({ code: "apart_unknown", params: { pin: a + 1, id } });
    spread({ pin: a + 1 }, [...new Set(pin)]);
  });

  if (constraints.separateOrganizations !== false) {
    const orgs = new Map<string, string[]>();
    for (const p of people) {
      const o = orgKey(p);
      if (o === null) continue;
      const list = orgs.get(o) ?? [];
      list.push(p.id);
      orgs.set(o, list);
    }
    for (const [o, ids] of orgs) spread({ organization: o }, ids);
  }
  return out;
}

/** The English sentence of an issue (what `violations` lists). */
export function breakoutIssueText(issue: BreakoutIssue): string {
  switch (issue.code) {
    case "unknown_member":
      return `group ${issue.params.group} contains unknown id ${quote(issue.params.id)}`;
    case "duplicate_member": {
      const [a, b] = issue.params.groups;
      return `${quote(issue.params.person)} is in more than one group (${a} and ${b})`;
    }
    case "unassigned":
      return `${quote(issue.params.person)} is in no group`;
    case "size_range":
      return `group sizes range from ${issue.params.min} to ${issue.params.max} (more than 1 apart)`;
    case "together_unknown":
      return `together pin ${issue.params.pin} names unknown id ${quote(issue.params.id)}`;
    case "together_split":
      return `together pin ${issue.params.pin} is split across groups ${issue.params.groups.join(", ")}`;
    case "apart_unknown":
      return `apart pin ${issue.params.pin} names unknown id ${quote(issue.params.id)}`;
    case "apart_exceeds_groups":
    case "organization_exceeds_groups":
      return `${spreadLabel(issue)} has ${issue.params.members} members but there are only ${issue.params.groups} groups: cannot be fully separated`;
    case "apart_uneven":
    case "organization_uneven": {
      const { min, max, floor, cap } = issue.params;
      return `${spreadLabel(issue)} is not spread evenly: ${min} to ${max} members per group (${floor} to ${cap} possible)`;
    }
    case "apart_together":
    case "organization_together":
      return `${spreadLabel(issue)}: ${issue.params.people.map(quote).join(", ")} are all in group ${issue.params.group}`;
  }
}

function spreadLabel(issue: { params: { pin: number } | { organization: string } }): string {
  return "pin" in issue.params
    ? `apart pin ${issue.params.pin}`
    : `organisation ${quote(issue.params.organization)}`;
}

/** Every hard constraint the split does not meet, in words (see `checkAssignmentIssues`). */
export function checkAssignment(
  people: BreakoutPerson[],
  groups: string[][],
  constraints: BreakoutConstraints = {},
): string[] {
  return checkAssignmentIssues(people, groups, constraints).map(breakoutIssueText);
}

/** Issues and their sentences, computed once. */
function checked(
  people: BreakoutPerson[],
  groups: string[][],
  constraints: BreakoutConstraints,
): { violations: string[]; issues: BreakoutIssue[] } {
  const issues = checkAssignmentIssues(people, groups, constraints);
  return { violations: issues.map(breakoutIssueText), issues };
}

// ---------------------------------------------------------------------------------------------
// The optimisation model

interface Units {
  count: number;
  members: number[][];
  size: Int32Array;
  /** Per active attribute: aggregated value entries per unit. */
  aStart: Int32Array[];
  aVal: Int32Array[];
  aWt: Float64Array[];
  /** Per active attribute: the unit's only value when it is one person with one value, else −1. */
  single: Int32Array[];
  /** Spread-set entries per unit. */
  sStart: Int32Array;
  sSet: Int32Array;
  sCnt: Int32Array;
  /** Members speaking the common language. */
  speak: Int32Array;
}

interface SpreadSets {
  count: number;
  size: Int32Array;
  cap: Int32Array;
  /** floor(size / K): a group holding fewer is below an even spread. */
  floor: Int32Array;
  ofPerson: number[][];
}

interface Problem {
  n: number;
  K: number;
  attrs: Attr[];
  active: Attr[];
  totalWeight: number;
  units: Units;
  sets: SpreadSets;
  common: boolean;
  /** Final size rule: at most `r` groups of `hi`, the rest `lo` (hi = lo + 1 when r > 0). */
  lo: number;
  hi: number;
  r: number;
  /** Pinned units too large for an even split, each alone in group 0, 1, … (see `planSizes`). */
  dedicated: number[];
}

function buildUnits(
  n: number,
  index: Map<string, number>,
  together: string[][],
  active: Attr[],
  sets: SpreadSets,
  speaks: boolean[],
): Units {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const pin of together) {
    let first = -1;
    for (const id of pin) {
      const i = index.get(id);
      if (i === undefined) continue;
      if (first < 0) first = i;
      else {
        const a = find(first);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const unitOfRoot = new Map<number, number>();
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let u = unitOfRoot.get(root);
    if (u === undefined) {
      u = members.length;
      unitOfRoot.set(root, u);
      members.push([]);
    }
    members[u].push(i);
  }
  const U = members.length;
  const size = Int32Array.from(members, (m) => m.length);
  const aStart: Int32Array[] = [];
  const aVal: Int32Array[] = [];
  const aWt: Float64Array[] = [];
  const single: Int32Array[] = [];
  for (const a of active) {
    const start = new Int32Array(U + 1);
    const val: number[] = [];
    const wt: number[] = [];
    for (let u = 0; u < U; u++) {
      start[u] = val.length;
      const ms = members[u];
      if (ms.length === 1) {
        const i = ms[0];
        for (let e = a.start[i]; e < a.start[i + 1]; e++) {
          val.push(a.val[e]);
          wt.push(a.wt[e]);
        }
      } else {
        const agg = new Map<number, number>();
        for (const i of ms)
          for (let e = a.start[i]; e < a.start[i + 1]; e++)
            agg.set(a.val[e], (agg.get(a.val[e]) ?? 0) + a.wt[e]);
        for (const [v, w] of agg) {
          val.push(v);
          wt.push(w);
        }
      }
    }
    start[U] = val.length;
    const one = new Int32Array(U).fill(-1);
    for (let u = 0; u < U; u++)
      if (start[u + 1] - start[u] === 1 && wt[start[u]] === 1) one[u] = val[start[u]];
    single.push(one);
    aStart.push(start);
    aVal.push(Int32Array.from(val));
    aWt.push(Float64Array.from(wt));
  }
  const sStart = new Int32Array(U + 1);
  const sSet: number[] = [];
  const sCnt: number[] = [];
  const speak = new Int32Array(U);
  for (let u = 0; u < U; u++) {
    sStart[u] = sSet.length;
    const agg = new Map<number, number>();
    for (const i of members[u]) {
      for (const s of sets.ofPerson[i]) agg.set(s, (agg.get(s) ?? 0) + 1);
      if (speaks[i]) speak[u]++;
    }
    for (const [s, c] of agg) {
      sSet.push(s);
      sCnt.push(c);
    }
  }
  sStart[U] = sSet.length;
  return {
    count: U,
    members,
    size,
    aStart,
    aVal,
    aWt,
    single,
    sStart,
    sSet: Int32Array.from(sSet),
    sCnt: Int32Array.from(sCnt),
    speak,
  };
}

function buildSets(
  people: BreakoutPerson[],
  index: Map<string, number>,
  K: number,
  apart: string[][],
  separateOrganizations: boolean,
): SpreadSets {
  const lists: number[][] = [];
  if (separateOrganizations) {
    const orgs = new Map<string, number[]>();
    people.forEach((p, i) => {
      const o = orgKey(p);
      if (o === null) return;
      const list = orgs.get(o) ?? [];
      list.push(i);
      orgs.set(o, list);
    });
    for (const list of orgs.values()) if (list.length > 1) lists.push(list);
  }
  for (const pin of apart) {
    const known = new Set<number>();
    for (const id of pin) {
      const i = index.get(id);
      if (i !== undefined) known.add(i);
    }
    if (known.size > 1) lists.push([...known]);
  }
  const ofPerson: number[][] = people.map(() => []);
  lists.forEach((list, s) => {
    for (const i of list) ofPerson[i].push(s);
  });
  const size = Int32Array.from(lists, (l) => l.length);
  const cap = Int32Array.from(lists, (l) => Math.max(1, Math.ceil(l.length / Math.max(1, K))));
  const floor = Int32Array.from(lists, (l) => (K > 0 ? Math.floor(l.length / K) : 0));
  return { count: lists.length, size, cap, floor, ofPerson };
}

/** Mutable per-group state shared by construction and local search. */
class State {
  readonly size: Int32Array;
  readonly counts: Float64Array[];
  readonly spread: Int32Array;
  readonly speak: Int32Array;
  readonly groupOf: Int32Array;
  /** Objective factor per active attribute k and group g at [k * K + g] (set by `freeze`). */
  factor = new Float64Array(0);
  /** Σ over groups and spread sets of `off` (members above the cap or below the floor). */
  excess = 0;
  /** The same per spread set. */
  readonly setOff: Int32Array;

  constructor(readonly pb: Problem) {
    const { K, units, sets } = pb;
    this.setOff = new Int32Array(sets.count);
    for (let s = 0; s < sets.count; s++) {
      this.setOff[s] = K * sets.floor[s];
      this.excess += K * sets.floor[s];
    }
    this.size = new Int32Array(K);
    this.counts = pb.active.map((a) => new Float64Array(K * a.values.length));
    this.spread = new Int32Array(K * sets.count);
    this.speak = new Int32Array(K);
    this.groupOf = new Int32Array(units.count).fill(-1);
  }

  /** Add (sign 1) or remove (sign −1) unit u to/from group g. */
  apply(u: number, g: number, sign: 1 | -1): void {
    const { units, sets, active } = this.pb;
    this.size[g] += sign * units.size[u];
    for (let k = 0; k < active.length; k++) {
      const V = active[k].values.length;
      const c = this.counts[k];
      const start = units.aStart[k];
      const val = units.aVal[k];
      const wt = units.aWt[k];
      for (let e = start[u]; e < start[u + 1]; e++) c[g * V + val[e]] += sign * wt[e];
    }
    const S = sets.count;
    for (let e = units.sStart[u]; e < units.sStart[u + 1]; e++) {
      const s = units.sSet[e];
      const idx = g * S + s;
      const before = this.spread[idx];
      const after = before + sign * units.sCnt[e];
      this.spread[idx] = after;
      const change = this.off(s, after) - this.off(s, before);
      this.setOff[s] += change;
      this.excess += change;
    }
    this.speak[g] += sign * units.speak[u];
    this.groupOf[u] = sign === 1 ? g : -1;
  }

  /** Group sizes are final: compute the objective factor F(a, g) = (w_a/W)/N · m/(Lmax − L1*). */
  freeze(): void {
    const { active, K, n, totalWeight } = this.pb;
    this.factor = new Float64Array(active.length * K);
    active.forEach((a, k) => {
      for (let g = 0; g < K; g++) {
        const m = this.size[g];
        const span = a.maxPerMember * m - baseL1(a, m);
        this.factor[k * K + g] =
          m > 0 && span > 1e-9 && n > 0 ? ((a.weight / totalWeight) * m) / n / span : 0;
      }
    });
  }

  /** Spread-set excess after adding unit u to g (construction). */
  addExcess(u: number, g: number): number {
    const { units, sets } = this.pb;
    const S = sets.count;
    let ex = 0;
    for (let e = units.sStart[u]; e < units.sStart[u + 1]; e++) {
      const s = units.sSet[e];
      const before = this.spread[g * S + s];
      const after = before + units.sCnt[e];
      ex += this.off(s, after) - this.off(s, before);
    }
    return ex;
  }

  /** Objective change of swapping units x and y (in different groups). */
  swapDelta(x: number, y: number): number {
    const { units, active } = this.pb;
    const A = this.groupOf[x];
    const B = this.groupOf[y];
    let d = 0;
    // Spread sets.
    if (units.sStart[x + 1] > units.sStart[x] || units.sStart[y + 1] > units.sStart[y])
      d += HARD * this.swapOff(x, y);
    // Common language.
    if (this.pb.common) {
      const diff = units.speak[y] - units.speak[x];
      if (diff !== 0) {
        const a0 = this.speak[A];
        const b0 = this.speak[B];
        d += SOFT * ((a0 + diff === 0 ? 1 : 0) - (a0 === 0 ? 1 : 0));
        d += SOFT * ((b0 - diff === 0 ? 1 : 0) - (b0 === 0 ? 1 : 0));
      }
    }
    // Balance.
    const K = this.pb.K;
    const mA = this.size[A];
    const mB = this.size[B];
    for (let k = 0; k < active.length; k++) {
      const p = active[k].p;
      const V = p.length;
      const c = this.counts[k];
      const fA = this.factor[k * K + A];
      const fB = this.factor[k * K + B];
      const baseA = A * V;
      const baseB = B * V;
      const one = units.single[k];
      const vx = one[x];
      const vy = one[y];
      if (vx >= 0 && vy >= 0) {
        // One person with one value each (the common case): x's value moves A→B, y's B→A.
        if (vx === vy) continue;
        const tAx = mA * p[vx];
        const tBx = mB * p[vx];
        const tAy = mA * p[vy];
        const tBy = mB * p[vy];
        const cAx = c[baseA + vx];
        const cBx = c[baseB + vx];
        const cAy = c[baseA + vy];
        const cBy = c[baseB + vy];
        d +=
          fA *
            (Math.abs(cAx - 1 - tAx) - Math.abs(cAx - tAx) + Math.abs(cAy + 1 - tAy) - Math.abs(cAy - tAy)) +
          fB *
            (Math.abs(cBx + 1 - tBx) - Math.abs(cBx - tBx) + Math.abs(cBy - 1 - tBy) - Math.abs(cBy - tBy));
        continue;
      }
      const start = units.aStart[k];
      const val = units.aVal[k];
      const wt = units.aWt[k];
      const s1 = start[x];
      const e1 = start[x + 1];
      const s2 = start[y];
      const e2 = start[y + 1];
      // Net mass moving from A to B per value: x's entries minus y's.
      for (let e = s1; e < e1; e++) {
        const v = val[e];
        let m = wt[e];
        for (let f = s2; f < e2; f++) if (val[f] === v) m -= wt[f];
        if (m === 0) continue;
        const cA = c[baseA + v];
        const tA = mA * p[v];
        const cB = c[baseB + v];
        const tB = mB * p[v];
        d +=
          fA * (Math.abs(cA - m - tA) - Math.abs(cA - tA)) + fB * (Math.abs(cB + m - tB) - Math.abs(cB - tB));
      }
      for (let f = s2; f < e2; f++) {
        const v = val[f];
        let inX = false;
        for (let e = s1; e < e1; e++) if (val[e] === v) inX = true;
        if (inX) continue;
        const m = -wt[f];
        const cA = c[baseA + v];
        const tA = mA * p[v];
        const cB = c[baseB + v];
        const tB = mB * p[v];
        d +=
          fA * (Math.abs(cA - m - tA) - Math.abs(cA - tA)) + fB * (Math.abs(cB + m - tB) - Math.abs(cB - tB));
      }
    }
    return d;
  }

  /** How far a group holding c members of spread set s is from an even spread. */
  off(s: number, c: number): number {
    const { cap, floor } = this.pb.sets;
    return c > cap[s] ? c - cap[s] : c < floor[s] ? floor[s] - c : 0;
  }

  /** Change of `off` when set s's count changes by +move in group A (index ia) and −move in B. */
  private spreadChange(s: number, ia: number, move: number, ib: number): number {
    const a0 = this.spread[ia];
    const b0 = this.spread[ib];
    return this.off(s, a0 + move) - this.off(s, a0) + this.off(s, b0 - move) - this.off(s, b0);
  }

  /** Spread-set change (in members off an even spread) of swapping units x and y. */
  swapOff(x: number, y: number): number {
    const { units, sets } = this.pb;
    const A = this.groupOf[x];
    const B = this.groupOf[y];
    const S = sets.count;
    const xs = units.sStart[x];
    const xe = units.sStart[x + 1];
    const ys = units.sStart[y];
    const ye = units.sStart[y + 1];
    let d = 0;
    for (let e = xs; e < xe; e++) {
      const s = units.sSet[e];
      let cy = 0;
      for (let f = ys; f < ye; f++) if (units.sSet[f] === s) cy = units.sCnt[f];
      const diff = units.sCnt[e] - cy;
      if (diff !== 0) d += this.spreadChange(s, A * S + s, -diff, B * S + s);
    }
    for (let f = ys; f < ye; f++) {
      const s = units.sSet[f];
      let inX = false;
      for (let e = xs; e < xe; e++) if (units.sSet[e] === s) inX = true;
      if (!inX) d += this.spreadChange(s, A * S + s, units.sCnt[f], B * S + s);
    }
    return d;
  }

  /** Spread-set change (in members off an even spread) of moving unit x to group B. */
  moveOff(x: number, B: number): number {
    const { units, sets } = this.pb;
    const A = this.groupOf[x];
    const S = sets.count;
    let d = 0;
    for (let e = units.sStart[x]; e < units.sStart[x + 1]; e++) {
      const s = units.sSet[e];
      d += this.spreadChange(s, A * S + s, -units.sCnt[e], B * S + s);
    }
    return d;
  }

  /** Move unit x to group B, where size[A] − size[B] = size[x]: A and B trade sizes (and factors). */
  move(x: number, B: number): void {
    const A = this.groupOf[x];
    this.apply(x, A, -1);
    this.apply(x, B, 1);
    const K = this.pb.K;
    for (let k = 0; k < this.pb.active.length; k++) {
      const t = this.factor[k * K + A];
      this.factor[k * K + A] = this.factor[k * K + B];
      this.factor[k * K + B] = t;
    }
  }

  swap(x: number, y: number): void {
    const A = this.groupOf[x];
    const B = this.groupOf[y];
    this.apply(x, A, -1);
    this.apply(y, B, -1);
    this.apply(x, B, 1);
    this.apply(y, A, 1);
  }

  /** Whether unit u belongs to a spread set that is uneven and could give a member away. */
  inExcess(u: number): boolean {
    const { units, sets } = this.pb;
    const g = this.groupOf[u];
    const S = sets.count;
    for (let e = units.sStart[u]; e < units.sStart[u + 1]; e++) {
      const s = units.sSet[e];
      if (this.setOff[s] > 0 && this.spread[g * S + s] > sets.floor[s]) return true;
    }
    return false;
  }

  groupsWithoutSpeaker(): number {
    let c = 0;
    for (let g = 0; g < this.pb.K; g++) if (this.size[g] > 0 && this.speak[g] === 0) c++;
    return c;
  }

  sizeSpread(): number {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of this.size) {
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
    return this.pb.K ? Math.max(0, hi - lo - 1) : 0;
  }

  clone(): State {
    const st = new State(this.pb);
    st.size.set(this.size);
    for (let k = 0; k < this.counts.length; k++) st.counts[k].set(this.counts[k]);
    st.spread.set(this.spread);
    st.speak.set(this.speak);
    st.groupOf.set(this.groupOf);
    st.excess = this.excess;
    st.setOff.set(this.setOff);
    return st;
  }
}

/** Place every unit, hardest first: greedily (best balance) or uniformly at random. */
function construct(pb: Problem, rng: Rng, greedy: boolean, noisy = false): State {
  const st = new State(pb);
  const { units, sets, K, lo, hi, r, active } = pb;
  const U = units.count;
  if (K === 0) return st;
  pb.dedicated.forEach((u, g) => {
    st.apply(u, g, 1);
  });
  const tight = new Float64Array(U);
  const rare = new Float64Array(U).fill(1);
  for (let u = 0; u < U; u++) {
    for (let e = units.sStart[u]; e < units.sStart[u + 1]; e++) {
      const s = units.sSet[e];
      tight[u] += sets.size[s] / (K * sets.cap[s]);
    }
    if (noisy) tight[u] *= 0.5 + rng.next();
    if (greedy)
      for (let k = 0; k < active.length; k++)
        for (let e = units.aStart[k][u]; e < units.aStart[k][u + 1]; e++)
          rare[u] = Math.min(rare[u], active[k].p[units.aVal[k][e]]);
  }
  const order = shuffle(
    Array.from({ length: U }, (_, u) => u),
    rng,
  );
  order.sort(
    (a, b) => units.size[b] - units.size[a] || tight[b] - tight[a] || (greedy ? rare[a] - rare[b] : 0),
  );
  if (pb.dedicated.length) {
    const placed = new Set(pb.dedicated);
    order.splice(0, order.length, ...order.filter((u) => !placed.has(u)));
  }
  let atHi = 0;
  const T = pb.n / K;
  // The unit's value entries across active attributes, gathered once per unit.
  const eCounts: Float64Array[] = [];
  const eStride: number[] = [];
  const eVal: number[] = [];
  const eW: number[] = [];
  const eT: number[] = [];
  const eWeight: number[] = [];
  for (const u of order) {
    const s = units.size[u];
    const hasSets = units.sStart[u + 1] > units.sStart[u];
    const bonus = greedy && pb.common && units.speak[u] > 0 ? -2 * pb.totalWeight - 1 : 0;
    let entries = 0;
    if (greedy) {
      for (let k = 0; k < active.length; k++) {
        const a = active[k];
        for (let e = units.aStart[k][u]; e < units.aStart[k][u + 1]; e++) {
          const v = units.aVal[k][e];
          eCounts[entries] = st.counts[k];
          eStride[entries] = a.values.length;
          eVal[entries] = v;
          eW[entries] = units.aWt[k][e];
          eT[entries] = T * a.p[v];
          eWeight[entries] = a.weight;
          entries++;
        }
      }
    }
    let chosen = -1;
    let bestEx = Infinity;
    let bestD = Infinity;
    let ties = 0;
    for (let g = 0; g < K; g++) {
      const after = st.size[g] + s;
      if (after > hi || (after === hi && hi > lo && atHi >= r)) continue;
      const ex = hasSets ? st.addExcess(u, g) : 0;
      if (ex > bestEx) continue;
      let d = 0;
      if (greedy) {
        for (let e = 0; e < entries; e++) {
          const c = eCounts[e][g * eStride[e] + eVal[e]];
          const t = eT[e];
          d += eWeight[e] * (Math.abs(c + eW[e] - t) - Math.abs(c - t));
        }
        if (bonus && st.speak[g] === 0) d += bonus;
        // Ties (common while groups are empty) go to the emptier group, then at random.
        d = Math.round(d * 1e9) / 1e9 + st.size[g] * 1e-7;
      }
      if (ex < bestEx || d < bestD) {
        bestEx = ex;
        bestD = d;
        chosen = g;
        ties = 1;
      } else if (d === bestD && rng.int(++ties) === 0) chosen = g;
    }
    if (chosen < 0) {
      // No group has room (together pins too large to pack): the smallest group takes it.
      chosen = 0;
      for (let g = 1; g < K; g++) if (st.size[g] < st.size[chosen]) chosen = g;
    }
    const before = st.size[chosen];
    st.apply(u, chosen, 1);
    if (hi > lo && before < hi && st.size[chosen] >= hi) atHi++;
  }
  st.freeze();
  return st;
}

/** Spread-set excess that no split avoids: members of one `together` unit above a set's cap. */
function unavoidableExcess(pb: Problem): number {
  const { units, sets } = pb;
  let ex = 0;
  for (let e = 0; e < units.sSet.length; e++) ex += Math.max(0, units.sCnt[e] - sets.cap[units.sSet[e]]);
  return ex;
}

function objective(st: State, score: number): [number, number, number] {
  return [st.excess + st.sizeSpread(), st.groupsWithoutSpeaker(), -score];
}

function better(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * Improving swaps of equal-size units until none is found or the budget runs out. Small size
 * classes scan every partner. Large ones are targeted: a unit whose value of some attribute is
 * over-represented in its group looks at every unit of a few groups where that value is
 * under-represented, plus a few random partners; a unit whose values are all at or below their
 * targets is left alone in that pass (an improving swap is then found from the other side).
 */
function localSearch(st: State, rng: Rng): void {
  const { units, K, active } = st.pb;
  const U = units.count;
  const bySize = new Map<number, number[]>();
  const inGroup: number[][] = Array.from({ length: K }, () => []);
  const pos = new Int32Array(U);
  for (let u = 0; u < U; u++) {
    const list = bySize.get(units.size[u]) ?? [];
    list.push(u);
    bySize.set(units.size[u], list);
    const g = st.groupOf[u];
    pos[u] = inGroup[g].length;
    inGroup[g].push(u);
  }
  const swap = (x: number, y: number) => {
    const A = st.groupOf[x];
    const B = st.groupOf[y];
    st.swap(x, y);
    inGroup[A][pos[x]] = y;
    inGroup[B][pos[y]] = x;
    const t = pos[x];
    pos[x] = pos[y];
    pos[y] = t;
  };
  let evals = 0;
  let best = 0;
  let by = -1;
  const consider = (x: number, y: number) => {
    evals++;
    const d = st.swapDelta(x, y);
    if (d < best) {
      best = d;
      by = y;
    }
  };
  const exhaustive = (x: number) => {
    const gx = st.groupOf[x];
    for (const y of bySize.get(units.size[x])!) if (st.groupOf[y] !== gx) consider(x, y);
  };
  const picked: number[] = [];
  const targeted = (x: number): boolean => {
    const A = st.groupOf[x];
    const mA = st.size[A];
    // x's most over-represented value in A, by objective weight.
    let bestK = -1;
    let bestV = -1;
    let bestW = 0;
    let bestGain = 0;
    for (let k = 0; k < active.length; k++) {
      const a = active[k];
      const V = a.values.length;
      const start = units.aStart[k];
      for (let e = start[x]; e < start[x + 1]; e++) {
        const v = units.aVal[k][e];
        const w = units.aWt[k][e];
        const surplus = st.counts[k][A * V + v] - mA * a.p[v];
        const gain = (surplus - w / 2) * st.factor[k * K + A];
        if (surplus > w / 2 && gain > bestGain) {
          bestGain = gain;
          bestK = k;
          bestV = v;
          bestW = w;
        }
      }
    }
    if (bestK < 0) return false;
    // A few groups where that value is under-represented (reservoir sample).
    const a = active[bestK];
    const V = a.values.length;
    const c = st.counts[bestK];
    picked.length = 0;
    let seen = 0;
    for (let B = 0; B < K; B++) {
      if (B === A || c[B * V + bestV] - st.size[B] * a.p[bestV] >= -bestW / 2) continue;
      seen++;
      if (picked.length < TARGET_GROUPS) picked.push(B);
      else {
        const j = rng.int(seen);
        if (j < TARGET_GROUPS) picked[j] = B;
      }
    }
    const size = units.size[x];
    for (const B of picked) for (const y of inGroup[B]) if (units.size[y] === size) consider(x, y);
    const list = bySize.get(size)!;
    for (let t = 0; t < RANDOM_PARTNERS; t++) {
      const y = list[rng.int(list.length)];
      if (st.groupOf[y] !== A) consider(x, y);
    }
    return true;
  };
  const move = (x: number, B: number) => {
    const A = st.groupOf[x];
    const last = inGroup[A].pop()!;
    if (last !== x) {
      inGroup[A][pos[x]] = last;
      pos[last] = pos[x];
    }
    st.move(x, B);
    pos[x] = inGroup[B].length;
    inGroup[B].push(x);
  };
  // Repair: units of an uneven spread set look at every possible partner, and at moves to a
  // group one unit smaller (the two groups trade sizes, so the size rule still holds).
  for (let round = 0; round < 8 && st.excess > 0; round++) {
    let fixed = 0;
    for (let x = 0; x < U; x++) {
      if (!st.inExcess(x)) continue;
      best = -EPS;
      by = -1;
      exhaustive(x);
      if (by >= 0 && best <= -HARD / 2) {
        swap(x, by);
        fixed++;
        continue;
      }
      const A = st.groupOf[x];
      let bestMove = 0;
      let to = -1;
      for (let B = 0; B < K; B++) {
        if (B === A || st.size[A] - st.size[B] !== units.size[x]) continue;
        const d = st.moveOff(x, B);
        if (d < bestMove) {
          bestMove = d;
          to = B;
        }
      }
      if (to >= 0) {
        move(x, to);
        fixed++;
      } else if (by >= 0) {
        swap(x, by);
        fixed++;
      }
    }
    if (!fixed) break;
  }
  const order = Array.from({ length: U }, (_, u) => u);
  let targetedUsed = false;
  for (let pass = 0; pass < MAX_PASSES && evals < EVALUATION_BUDGET; pass++) {
    shuffle(order, rng);
    let improved = 0;
    let gain = 0;
    for (const x of order) {
      const n = bySize.get(units.size[x])!.length;
      if (n < 2) continue;
      best = -EPS;
      by = -1;
      if (n <= EXHAUSTIVE_UNITS) exhaustive(x);
      else {
        targeted(x);
        targetedUsed = true;
      }
      if (by >= 0) {
        swap(x, by);
        improved++;
        gain -= best;
      }
      if (evals >= EVALUATION_BUDGET) break;
    }
    if (!improved || (targetedUsed && gain < PASS_GAIN)) break;
  }
}

/**
 * The random baseline's repair: swaps and moves chosen only to even out spread sets (uniformly
 * among the best), so that the baseline meets the same hard constraints without being balanced.
 */
function repairSpread(st: State, rng: Rng): void {
  const { units, K } = st.pb;
  const U = units.count;
  const order = Array.from({ length: U }, (_, u) => u);
  for (let round = 0; round < 8 && st.excess > 0; round++) {
    let fixed = 0;
    for (const x of shuffle(order, rng)) {
      if (!st.inExcess(x)) continue;
      const A = st.groupOf[x];
      let best = 0;
      let pick = -1;
      let isMove = false;
      let ties = 0;
      const offer = (d: number, target: number, asMove: boolean) => {
        if (d < best) {
          best = d;
          ties = 1;
        } else if (d !== best || d === 0 || rng.int(++ties) !== 0) return;
        pick = target;
        isMove = asMove;
      };
      for (let y = 0; y < U; y++)
        if (units.size[y] === units.size[x] && st.groupOf[y] !== A) offer(st.swapOff(x, y), y, false);
      for (let B = 0; B < K; B++)
        if (B !== A && st.size[A] - st.size[B] === units.size[x]) offer(st.moveOff(x, B), B, true);
      if (pick < 0) continue;
      if (isMove) st.move(x, pick);
      else st.swap(x, pick);
      fixed++;
    }
    if (!fixed) break;
  }
}

function stateGroups(st: State): number[][] {
  const groups: number[][] = Array.from({ length: st.pb.K }, () => []);
  st.pb.units.members.forEach((ms, u) => {
    for (const i of ms) groups[st.groupOf[u]].push(i);
  });
  for (const g of groups) g.sort((a, b) => a - b);
  return groups;
}

/**
 * Size rule: groups of lo or lo + 1 people, r of them lo + 1. A `together` unit larger than that
 * gets a group of its own (largest first) and the rest are split evenly over the other groups.
 */
function planSizes(units: Units, K: number): { lo: number; r: number; dedicated: number[] } {
  let n = 0;
  for (let u = 0; u < units.count; u++) n += units.size[u];
  const dedicated: number[] = [];
  if (K === 0) return { lo: 0, r: 0, dedicated };
  const bySize = Array.from({ length: units.count }, (_, u) => u).sort(
    (a, b) => units.size[b] - units.size[a],
  );
  let rest = n;
  for (const u of bySize) {
    const k = K - dedicated.length;
    if (k <= 1 || units.size[u] <= Math.ceil(rest / k)) break;
    dedicated.push(u);
    rest -= units.size[u];
  }
  const k = K - dedicated.length;
  const lo = Math.floor(rest / k);
  return { lo, r: rest - lo * k, dedicated };
}

function groupCount(n: number, opts: BreakoutOptions): number {
  if (opts.groups !== undefined) {
    if (!Number.isInteger(opts.groups) || opts.groups < 1)
      throw new RangeError("groups must be a positive integer");
    return opts.groups;
  }
  if (opts.size !== undefined) {
    if (!Number.isFinite(opts.size) || opts.size < 1) throw new RangeError("size must be a number >= 1");
    return Math.ceil(n / opts.size);
  }
  throw new RangeError("either groups or size is required");
}

/** Split `people` into balanced breakout groups (see the module comment). */
export function assignBreakouts(people: BreakoutPerson[], opts: BreakoutOptions): BreakoutResult {
  const index = indexPeople(people);
  const n = people.length;
  const K = groupCount(n, opts);
  const attrs = encodeAttrs(people, opts.weights);
  const active = attrs.filter((a) => a.weight > 0);
  const totalWeight = active.reduce((s, a) => s + a.weight, 0);
  const together = opts.together ?? [];
  const apart = opts.apart ?? [];
  const separateOrganizations = opts.separateOrganizations !== false;
  const sets = buildSets(people, index, K, apart, separateOrganizations);
  const commonLanguage = opts.commonLanguage ? clean(opts.commonLanguage, false) : null;
  const speaks = people.map(
    (p) => commonLanguage !== null && personValues(p, "language").includes(commonLanguage),
  );
  const units = buildUnits(n, index, together, active, sets, speaks);
  const { lo, r, dedicated } = planSizes(units, K);
  const pb: Problem = {
    n,
    K,
    attrs,
    active,
    totalWeight,
    units,
    sets,
    common: commonLanguage !== null && speaks.some(Boolean),
    lo,
    hi: r > 0 ? lo + 1 : lo,
    r,
    dedicated,
  };

  const finish = (groups: number[][]): BreakoutResult["groups"] =>
    groups.map((g) => g.map((i) => people[i].id));
  const constraints = { together, apart, separateOrganizations };

  if (K === 0 || n === 0) {
    const groups = Array.from({ length: K }, () => [] as number[]);
    const score = scoreIndices(attrs, groups);
    return {
      groups: finish(groups),
      score,
      randomScore: score,
      ...checked(people, finish(groups), constraints),
    };
  }

  const random = construct(pb, makeRng(opts.seed, 0x52414e44), false);
  if (random.excess > 0) repairSpread(random, makeRng(opts.seed, 0x52455052));
  const randomGroups = stateGroups(random);
  const randomScore = scoreIndices(attrs, randomGroups);
  const randomKey = objective(random, randomScore.overall);

  const candidates: { groups: number[][]; score: BalanceScore; key: [number, number, number] }[] = [];
  const optimise = (st: State, salt: number) => {
    if (totalWeight > 0 || st.excess > 0 || pb.common) localSearch(st, makeRng(opts.seed, salt));
    const groups = stateGroups(st);
    const score = scoreIndices(attrs, groups);
    candidates.push({ groups, score, key: objective(st, score.overall) });
  };
  optimise(construct(pb, makeRng(opts.seed, 0x47524459), true), 0x4c533031);
  let best = candidates[0];
  // Spread conflicts left (a local optimum of the repair): restart from other constructions,
  // alternately greedy and random with a shuffled order of the constrained units.
  const floorExcess = unavoidableExcess(pb);
  const restarts = n <= 2000 ? RESTARTS : 2;
  for (let attempt = 1; attempt <= restarts && best.key[0] > floorExcess; attempt++) {
    optimise(
      construct(pb, makeRng(opts.seed, 0x52535430 + attempt), attempt % 2 === 1, true),
      0x4c533130 + attempt,
    );
    if (better(candidates[attempt].key, best.key)) best = candidates[attempt];
  }
  if (better(randomKey, best.key)) {
    optimise(random.clone(), 0x4c533032);
    candidates.push({ groups: randomGroups, score: randomScore, key: randomKey });
    for (const c of candidates) if (better(c.key, best.key)) best = c;
  }

  const groups = finish(best.groups);
  return { groups, score: best.score, randomScore, ...checked(people, groups, constraints) };
}

/**
 * Manual adjustment: move one person to group `toGroup` (0-based). Pure: returns new groups,
 * their score and the hard constraints they break (sizes, organisations, and any pins given).
 */
export function moveperson(
  people: BreakoutPerson[],
  groups: string[][],
  personId: string,
  toGroup: number,
  weights?: BreakoutOptions["weights"],
  constraints: BreakoutConstraints = {},
): { groups: string[][]; score: BalanceScore; violations: string[]; issues: BreakoutIssue[] } {
  if (!Number.isInteger(toGroup) || toGroup < 0 || toGroup >= groups.length)
    throw new RangeError(`toGroup must be between 0 and ${groups.length - 1}`);
  if (!people.some((p) => p.id === personId)) throw new RangeError(`unknown person ${quote(personId)}`);
  const next = groups.map((ids) => ids.filter((id) => id !== personId));
  if (groups[toGroup].includes(personId)) next[toGroup] = [...groups[toGroup]];
  else next[toGroup].push(personId);
  return {
    groups: next,
    score: scoreAssignment(people, next, weights),
    ...checked(people, next, constraints),
  };
}

/** Alias of `moveperson` in the usual camel case. */
export const movePerson = moveperson;
