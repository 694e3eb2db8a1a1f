/**
 * Deterministic synthetic data for the benchmark: organisations with realistic multi-word names
 * (about 5 % in Arabic, Chinese, Russian, French or Spanish), people and an import CSV with
 * near-duplicates and exact duplicates of existing organisations.
 */

import type { PersonSeed } from "../src/server/features/people/service.ts";
import {
  ENGAGEMENT_AREAS,
  type OrganizationInput,
  type OrgType,
  THEMATIC_CODES,
} from "../src/shared/schemas/organizations.ts";

/** mulberry32: small, fast, seedable. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const chance = (p: number) => next() < p;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = min + int(max - min + 1);
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(int(copy.length), 1)[0]);
    return out;
  };
  const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r <= 0) return v;
    }
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, chance, some, weighted };
}
export type Rng = ReturnType<typeof prng>;

/** Vocabulary for generated texts (recommendations, motivations). */
const WORDS = {
  en: "states parties should strengthen protection victims trafficking persons migrants smuggling firearms corruption training police judges prosecutors awareness media review mechanism civil society participation survivors shelters legislation cooperation regional networks youth prevention schools online recruitment labour exploitation border officials whistleblowers data monitoring evaluation funding capacity academia private sector transparency".split(
    " ",
  ),
  fr: "les états parties devraient renforcer protection victimes traite personnes migrants trafic armes corruption formation police juges procureurs sensibilisation médias mécanisme examen société civile participation survivants refuges coopération régionale réseaux jeunes prévention".split(
    " ",
  ),
  es: "los estados partes deberían fortalecer protección víctimas trata personas migrantes tráfico armas corrupción capacitación policía jueces fiscales sensibilización medios mecanismo examen sociedad civil participación sobrevivientes cooperación regional redes jóvenes prevención".split(
    " ",
  ),
};
export type WordsLang = keyof typeof WORDS;

/** `n` words of `lang` picked at random. */
export function words(r: Rng, lang: WordsLang, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS[lang])).join(" ");
}

// ---------------------------------------------------------------------------------------------
// Word lists

const EN_PREFIX = [
  "National",
  "Regional",
  "Global",
  "International",
  "Youth",
  "Women's",
  "Community",
  "Independent",
  "African",
  "Asian",
  "Pacific",
  "Caribbean",
  "Andean",
  "Coastal",
  "Rural",
  "Urban",
  "Citizens'",
  "Lawyers'",
  "Journalists'",
  "Students'",
  "Indigenous",
  "Interfaith",
  "Civic",
  "Grassroots",
  "Northern",
  "Southern",
  "Eastern",
  "Western",
  "Central",
  "United",
  "Mekong",
  "Sahel",
  "Balkan",
  "Baltic",
  "Nordic",
  "Mediterranean",
  "Himalayan",
  "Amazon",
  "Great Lakes",
  "Island",
];
const EN_KIND = [
  "Alliance",
  "Network",
  "Centre",
  "Center",
  "Institute",
  "Foundation",
  "Association",
  "Coalition",
  "Observatory",
  "Initiative",
  "Council",
  "Forum",
  "Society",
  "Trust",
  "Collective",
  "Union",
  "Watch",
  "Project",
  "Partnership",
  "Federation",
  "Movement",
  "Hub",
  "Lab",
  "Platform",
  "League",
  "Clinic",
  "Programme",
  "Consortium",
  "Group",
  "Action",
];
const EN_CAUSE = [
  "Human Rights",
  "Justice",
  "Transparency",
  "Accountability",
  "Good Governance",
  "the Rule of Law",
  "Legal Aid",
  "Victim Support",
  "Migrant Rights",
  "Child Protection",
  "Women's Empowerment",
  "Wildlife Conservation",
  "Ocean Protection",
  "Forest Protection",
  "Digital Rights",
  "Cyber Safety",
  "Drug Policy Reform",
  "Public Health",
  "Peacebuilding",
  "Community Safety",
  "Financial Integrity",
  "Press Freedom",
  "Refugee Assistance",
  "Cultural Heritage",
  "Environmental Justice",
  "Civic Education",
  "Youth Development",
  "Prison Reform",
  "Security Sector Reform",
  "Open Contracting",
  "Survivor Advocacy",
  "Labour Rights",
  "Fair Fisheries",
  "Investigative Journalism",
  "Harm Reduction",
];
const EN_CRIME = [
  "Corruption",
  "Human Trafficking",
  "Organized Crime",
  "Money Laundering",
  "Wildlife Trafficking",
  "Illicit Trade",
  "Cybercrime",
  "Drug Trafficking",
  "Modern Slavery",
  "Extortion",
  "Kidnapping",
  "Firearms Trafficking",
  "Falsified Medicines",
  "Environmental Crime",
  "Gender-Based Violence",
  "Migrant Smuggling",
  "Illegal Logging",
  "Illegal Mining",
  "Child Exploitation",
  "Forced Labour",
];
const EN_ANTI = [
  "Anti-Corruption",
  "Counter-Trafficking",
  "Anti-Slavery",
  "Anti-Fraud",
  "Integrity",
  "Transparency",
  "Anti-Poaching",
  "Anti-Smuggling",
  "Open Data",
  "Whistleblower",
  "Accountability",
  "Justice",
];
const CITIES = [
  "Nairobi",
  "Lagos",
  "Accra",
  "Kampala",
  "Dakar",
  "Manila",
  "Jakarta",
  "Bangkok",
  "Dhaka",
  "Karachi",
  "Lima",
  "Bogotá",
  "Quito",
  "São Paulo",
  "Mexico City",
  "Guatemala",
  "Kingston",
  "Tbilisi",
  "Kyiv",
  "Belgrade",
  "Sarajevo",
  "Vienna",
  "Geneva",
  "Brussels",
  "London",
  "Toronto",
  "Chicago",
  "Sydney",
  "Suva",
  "Port Moresby",
  "Kathmandu",
  "Colombo",
  "Lusaka",
  "Harare",
  "Maputo",
  "Addis Ababa",
  "Kigali",
  "Tunis",
  "Beirut",
  "Amman",
  "Yerevan",
  "Almaty",
  "Ulaanbaatar",
  "Hanoi",
  "Phnom Penh",
];
const SURNAMES = [
  "Okonkwo",
  "Mensah",
  "Wanjiru",
  "Haddad",
  "Nguyen",
  "Santos",
  "García",
  "Ivanova",
  "Kowalski",
  "Müller",
  "Dubois",
  "Rossi",
  "Tanaka",
  "Kim",
  "Singh",
  "Patel",
  "Khan",
  "Hassan",
  "Mbeki",
  "Diallo",
  "Traoré",
  "Silva",
  "Fernández",
  "López",
  "Morales",
  "Andersen",
  "Nielsen",
  "O'Brien",
  "Murphy",
  "Chen",
  "Wang",
  "Li",
  "Zhang",
  "Cohen",
  "Levi",
  "Novak",
  "Horvat",
  "Popescu",
  "Petrov",
  "Smirnov",
  "Abebe",
  "Tesfaye",
  "Banda",
  "Phiri",
  "Moyo",
  "Nakamura",
  "Sato",
  "Rahman",
  "Ahmed",
  "Ali",
];
const GIVEN = [
  "Amina",
  "Chinedu",
  "Kwame",
  "Wanjiku",
  "Fatima",
  "Omar",
  "Linh",
  "Minh",
  "Ana",
  "João",
  "María",
  "José",
  "Olga",
  "Dmitri",
  "Anna",
  "Piotr",
  "Sophie",
  "Luc",
  "Giulia",
  "Marco",
  "Yuki",
  "Haruto",
  "Ji-woo",
  "Min-jun",
  "Priya",
  "Arjun",
  "Ayesha",
  "Bilal",
  "Sara",
  "Youssef",
  "Thabo",
  "Naledi",
  "Aïssata",
  "Moussa",
  "Lucas",
  "Beatriz",
  "Diego",
  "Camila",
  "Ingrid",
  "Lars",
  "Siobhan",
  "Liam",
  "Mei",
  "Wei",
  "Lei",
  "Noa",
  "David",
  "Petra",
  "Ivan",
  "Elena",
  "Mihai",
  "Selam",
  "Dawit",
  "Grace",
  "Chipo",
  "Tendai",
  "Emi",
  "Kenji",
  "Nasrin",
  "Farhan",
  "Layla",
  "Karim",
];
const TITLES = [
  "Director",
  "Programme Officer",
  "Researcher",
  "Legal Adviser",
  "Coordinator",
  "Executive Director",
  "Project Manager",
  "Advocacy Officer",
  "Board Member",
  "Volunteer",
  "Policy Analyst",
  "Campaigner",
];
const EXPERTISE = [
  "anti-corruption",
  "human trafficking",
  "migrant smuggling",
  "firearms",
  "cybercrime",
  "money laundering",
  "wildlife crime",
  "victim support",
  "criminal justice",
  "asset recovery",
  "open contracting",
  "investigative journalism",
  "policy research",
  "legal aid",
  "data analysis",
];

const OTHER_LANG = {
  fr: {
    countries: ["SEN", "CIV", "CAN", "FRA", "MLI", "COD", "BEL", "CHE", "CMR", "BFA", "HTI", "MDG"],
    make(r: Rng) {
      const kind = r.pick([
        "Association",
        "Réseau",
        "Centre",
        "Institut",
        "Fondation",
        "Observatoire",
        "Collectif",
        "Coalition",
        "Ligue",
        "Union",
      ]);
      const cause = r.pick([
        "pour la Justice",
        "pour la Transparence",
        "pour la Protection des Victimes",
        "contre la Corruption",
        "pour les Droits Humains",
        "contre la Traite des Personnes",
        "pour la Sécurité Numérique",
        "pour l'Environnement",
        "contre le Blanchiment d'Argent",
        "pour la Bonne Gouvernance",
      ]);
      const place = r.pick([
        "Dakar",
        "Abidjan",
        "Montréal",
        "Lyon",
        "Bamako",
        "Kinshasa",
        "Genève",
        "Douala",
        "Ouagadougou",
        "Port-au-Prince",
      ]);
      return r.chance(0.5) ? `${kind} ${cause}` : `${kind} ${cause} de ${place}`;
    },
  },
  es: {
    countries: ["COL", "PER", "MEX", "ECU", "CHL", "ARG", "ESP", "GTM", "HND", "BOL", "PRY", "URY"],
    make(r: Rng) {
      const kind = r.pick([
        "Asociación",
        "Red",
        "Centro",
        "Instituto",
        "Fundación",
        "Observatorio",
        "Colectivo",
        "Coalición",
        "Liga",
      ]);
      const cause = r.pick([
        "para la Justicia",
        "para la Transparencia",
        "por los Derechos Humanos",
        "para la Protección de Víctimas",
        "contra la Trata de Personas",
        "para la Seguridad Digital",
        "contra la Corrupción",
        "por el Medio Ambiente",
        "contra el Crimen Organizado",
      ]);
      const place = r.pick([
        "Bogotá",
        "Lima",
        "Ciudad de México",
        "Quito",
        "Santiago",
        "Buenos Aires",
        "Madrid",
        "Tegucigalpa",
        "La Paz",
      ]);
      return r.chance(0.5) ? `${kind} ${cause}` : `${kind} ${cause} de ${place}`;
    },
  },
  ar: {
    countries: ["EGY", "JOR", "LBN", "TUN", "MAR", "QAT", "IRQ", "SAU", "DZA", "OMN", "KWT", "BHR"],
    make(r: Rng) {
      const kind = r.pick(["جمعية", "شبكة", "مركز", "معهد", "مؤسسة", "مرصد", "منظمة", "تحالف"]);
      const cause = r.pick([
        "حقوق الإنسان",
        "مكافحة الفساد",
        "حماية الضحايا",
        "مكافحة الاتجار بالبشر",
        "العدالة",
        "الشفافية",
        "الأمن الرقمي",
        "حماية البيئة",
        "النزاهة",
      ]);
      const place = r.pick([
        "القاهرة",
        "عمّان",
        "بيروت",
        "تونس",
        "الرباط",
        "الدوحة",
        "بغداد",
        "الرياض",
        "الجزائر",
      ]);
      return r.chance(0.5) ? `${kind} ${cause}` : `${kind} ${cause} في ${place}`;
    },
  },
  zh: {
    countries: ["CHN", "SGP", "MYS"],
    make(r: Rng) {
      const kind = r.pick(["协会", "网络", "中心", "研究所", "基金会", "观察站", "联盟", "研究会"]);
      const cause = r.pick([
        "反腐败",
        "人权",
        "受害者保护",
        "打击人口贩运",
        "司法改革",
        "透明度",
        "网络安全",
        "环境保护",
        "禁毒",
      ]);
      const place = r.pick(["北京", "上海", "香港", "广州", "新加坡", "成都", "吉隆坡", "深圳"]);
      return r.chance(0.6) ? `${place}${cause}${kind}` : `${cause}${kind}`;
    },
  },
  ru: {
    countries: ["RUS", "KAZ", "UZB", "KGZ", "BLR", "MDA", "TJK", "ARM"],
    make(r: Rng) {
      const kind = r.pick([
        "Ассоциация",
        "Сеть",
        "Центр",
        "Институт",
        "Фонд",
        "Союз",
        "Коалиция",
        "Движение",
      ]);
      const cause = r.pick([
        "по защите прав человека",
        "по борьбе с коррупцией",
        "против торговли людьми",
        "за прозрачность",
        "поддержки пострадавших",
        "цифровой безопасности",
        "правовой помощи",
      ]);
      const place = r.pick([
        "Москва",
        "Алматы",
        "Ташкент",
        "Бишкек",
        "Минск",
        "Кишинёв",
        "Душанбе",
        "Ереван",
      ]);
      return r.chance(0.5) ? `${kind} ${cause}` : `${kind} ${cause} (${place})`;
    },
  },
} as const;
export type OtherLang = keyof typeof OTHER_LANG;

/** Search terms that occur in generated names, including a Chinese and an Arabic one. */
export const SEARCH_TERMS = [
  "justice",
  "corruption",
  "trafficking",
  "wildlife",
  "transparency",
  "youth",
  "cyber",
  "legal aid",
  "migrant",
  "observatory",
  "nairobi",
  "women",
  "forest",
  "integrity",
  "press freedom",
  "okonkwo",
  "réseau",
  "fundación",
  "反腐败",
  "人权",
  "الفساد",
  "حقوق",
  "коррупцией",
  "lima",
];

function englishName(r: Rng, countryName: string): string {
  switch (r.int(8)) {
    case 0:
      return `${r.pick(EN_PREFIX)} ${r.pick(EN_KIND)} for ${r.pick(EN_CAUSE)}`;
    case 1:
      return `${r.pick(EN_KIND)} against ${r.pick(EN_CRIME)}${r.chance(0.5) ? ` in ${r.pick(CITIES)}` : ""}`;
    case 2:
      return `${countryName} ${r.pick(EN_KIND)} for ${r.pick(EN_CAUSE)}`;
    case 3:
      return `${r.pick(EN_CAUSE).replace(/^the /, "")} ${r.pick(EN_KIND)} of ${r.chance(0.5) ? countryName : r.pick(CITIES)}`;
    case 4:
      return `${r.pick(SURNAMES)} ${r.pick(["Foundation", "Trust", "Institute", "Centre", "Fund"])}${r.chance(0.4) ? ` for ${r.pick(EN_CAUSE)}` : ""}`;
    case 5:
      return `${r.pick(EN_PREFIX)} ${r.pick(EN_ANTI)} ${r.pick(EN_KIND)}${r.chance(0.5) ? ` ${r.pick(CITIES)}` : ""}`;
    case 6:
      return `${r.pick(CITIES)} ${r.pick(EN_CRIME)} ${r.pick(["Watch", "Observatory", "Monitor", "Research Group", "Response Network"])}`;
    default:
      return `${r.pick(EN_PREFIX)} ${r.pick(EN_PREFIX)} ${r.pick(EN_KIND)} on ${r.pick(EN_CRIME)} and ${r.pick(EN_CAUSE)}`;
  }
}

const acronymOf = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("")
    .slice(0, 10);

const slugOf = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");

export interface Country {
  code: string;
  name: string;
}

/** Countries with a Zipf-like weight (a few countries hold many organisations, as in reality). */
export function countryPicker(r: Rng, countries: Country[]) {
  const BIG = [
    "USA",
    "GBR",
    "IND",
    "NGA",
    "KEN",
    "BRA",
    "MEX",
    "PHL",
    "ZAF",
    "COL",
    "FRA",
    "DEU",
    "IDN",
    "PAK",
    "UGA",
  ];
  const ordered = [
    ...BIG.filter((c) => countries.some((x) => x.code === c)),
    ...countries.map((c) => c.code).filter((c) => !BIG.includes(c)),
  ];
  const weights = ordered.map((code, i) => [code, 1 / (i + 1) ** 0.8] as const);
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const x = r.next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return ordered[lo];
  };
}

export interface GeneratedOrg {
  input: OrganizationInput;
  status: string;
  createdAt: string;
}

const TYPES: ReadonlyArray<readonly [OrgType, number]> = [
  ["ngo", 60],
  ["academia", 10],
  ["private_sector", 5],
  ["media", 5],
  ["foundation", 8],
  ["network", 7],
  ["other", 5],
];

export function generateOrganizations(seed: number, n: number, countries: Country[]): GeneratedOrg[] {
  const r = prng(seed);
  const pickCountry = countryPicker(r, countries);
  const codes = new Set(countries.map((c) => c.code));
  const nameOf = new Map(countries.map((c) => [c.code, c.name]));
  const usedDomains = new Set<string>();
  const out: GeneratedOrg[] = [];
  const start = Date.parse("2021-01-01T00:00:00Z");
  const span = Date.parse("2026-01-01T00:00:00Z") - start;
  for (let i = 0; i < n; i++) {
    const other = r.chance(0.05) ? r.pick(Object.keys(OTHER_LANG) as OtherLang[]) : null;
    let country = pickCountry();
    let names: Record<string, string>;
    let originalLang = "en";
    if (other) {
      const spec = OTHER_LANG[other];
      const candidates = spec.countries.filter((c) => codes.has(c));
      if (candidates.length) country = r.pick(candidates);
      names = { [other]: spec.make(r) };
      originalLang = other;
      if (r.chance(0.4)) names.en = englishName(r, nameOf.get(country) ?? "");
    } else {
      names = { en: englishName(r, nameOf.get(country) ?? "") };
      if (r.chance(0.03)) names.fr = OTHER_LANG.fr.make(r);
    }
    const main = names[originalLang];
    const acronym = originalLang === "en" && r.chance(0.6) ? acronymOf(main) || null : null;
    let website: string | null = null;
    if (r.chance(0.75)) {
      const base =
        acronym && acronym.length >= 3 && r.chance(0.5)
          ? acronym.toLowerCase()
          : slugOf(names.en ?? main) || `org${i}`;
      let domain = `${base}.${r.pick(["org", "org", "org", "net", "ngo", "com", "info"])}`;
      if (usedDomains.has(domain))
        domain = `${base}-${country.toLowerCase()}${usedDomains.has(`${base}-${country.toLowerCase()}.org`) ? i : ""}.org`;
      usedDomains.add(domain);
      website = `https://${r.chance(0.5) ? "www." : ""}${domain}`;
    }
    const email =
      website && r.chance(0.6)
        ? `${r.pick(["info", "contact", "office", "secretariat"])}@${new URL(website).hostname.replace(/^www\./, "")}`
        : null;
    const operation = r.chance(0.6)
      ? [country, ...Array.from({ length: r.int(5) }, () => pickCountry())]
      : [];
    out.push({
      input: {
        names,
        originalLang,
        acronym,
        type: r.weighted(TYPES),
        country,
        countriesOfOperation: [...new Set(operation)],
        thematicFocus: r.some(THEMATIC_CODES, 1, 4),
        engagementAreas: r.some(ENGAGEMENT_AREAS, 1, 3),
        ecosocStatus: r.weighted([
          ["none", 90],
          ["special", 7],
          ["general", 1],
          ["roster", 2],
        ] as const),
        youthLed: r.chance(0.1),
        victimLed: r.chance(0.05),
        grassroots: r.chance(0.2),
        website,
        email,
        description: r.chance(0.5)
          ? {
              [originalLang]: `${main} works on ${r.pick(EN_CRIME).toLowerCase()} and ${r.pick(EN_CAUSE).toLowerCase()} through research, advocacy and direct support to communities.`,
            }
          : {},
      },
      status: r.weighted([
        ["verified", 95],
        ["pending", 3],
        ["rejected", 1],
        ["suspended", 1],
      ] as const),
      createdAt: new Date(start + r.int(span)).toISOString(),
    });
  }
  return out;
}

export function generatePeople(seed: number, n: number, countries: Country[]): PersonSeed[] {
  const r = prng(seed);
  const pickCountry = countryPicker(r, countries);
  const out: PersonSeed[] = [];
  for (let i = 0; i < n; i++) {
    const givenName = r.pick(GIVEN);
    const familyName = r.pick(SURNAMES);
    out.push({
      givenName,
      familyName,
      email: r.chance(0.8) ? `${slugOf(givenName)}.${slugOf(familyName)}.${i}@example.org` : null,
      title: r.chance(0.7) ? r.pick(TITLES) : null,
      country: pickCountry(),
      languages: r.some(["en", "fr", "es", "ar", "ru", "zh"], 1, 3),
      expertise: r.some(EXPERTISE, 0, 3),
      gender: r.chance(0.8) ? r.pick(["female", "male", "non_binary"]) : null,
      birthYear: r.chance(0.6) ? 1950 + r.int(55) : null,
      visibility: r.chance(0.5) ? { email: "public" } : {},
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import CSV

/** One or two typing errors: swap, drop, double or replace a letter (never in the first 3). */
function typo(r: Rng, name: string): string {
  let s = name;
  const edits = 1 + (r.chance(0.3) ? 1 : 0);
  for (let e = 0; e < edits; e++) {
    const chars = [...s];
    const letters = chars.map((c, i) => (/\p{L}/u.test(c) && i >= 3 ? i : -1)).filter((i) => i >= 0);
    if (letters.length < 2) break;
    const at = r.pick(letters);
    switch (r.int(4)) {
      case 0:
        if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
        break;
      case 1:
        chars.splice(at, 1);
        break;
      case 2:
        chars.splice(at, 0, chars[at]);
        break;
      default:
        chars[at] = r.pick([..."aeioulnrst"]);
    }
    s = chars.join("");
  }
  return s;
}

const csvCell = (v: string | null | undefined) => {
  const s = v ?? "";
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export interface ImportCsv {
  bytes: Buffer;
  rows: number;
  planted: { exact: number; near: number; fresh: number };
}

export function buildImportCsv(
  seed: number,
  n: number,
  existing: Array<{
    name: string;
    country: string;
    acronym: string | null;
    website: string | null;
    email: string | null;
    type: string;
  }>,
  countries: Country[],
): ImportCsv {
  const r = prng(seed);
  const nameOf = new Map(countries.map((c) => [c.code, c.name]));
  const fresh = generateOrganizations(seed + 1, n, countries);
  const typeLabel: Record<string, string[]> = {
    ngo: ["NGO", "ngo", "Civil society", "Non-governmental organization"],
    academia: ["Academia", "University", "Research institute"],
    private_sector: ["Private sector", "Business"],
    media: ["Media"],
    foundation: ["Foundation"],
    network: ["Network"],
    other: ["Other", ""],
  };
  const countryCell = (code: string) => (r.chance(0.8) ? code : (nameOf.get(code) ?? code));
  const lines = ["name,acronym,type,country,website,email"];
  const planted = { exact: 0, near: 0, fresh: 0 };
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.05) {
      const o = r.pick(existing);
      planted.exact++;
      lines.push(
        [
          o.name,
          o.acronym,
          r.pick(typeLabel[o.type] ?? ["NGO"]),
          countryCell(o.country),
          r.chance(0.5) ? o.website : null,
          null,
        ]
          .map(csvCell)
          .join(","),
      );
    } else if (roll < 0.15) {
      const o = r.pick(existing);
      planted.near++;
      lines.push(
        [typo(r, o.name), o.acronym, r.pick(typeLabel[o.type] ?? ["NGO"]), countryCell(o.country), null, null]
          .map(csvCell)
          .join(","),
      );
    } else {
      const f = fresh[i].input;
      planted.fresh++;
      const website = f.website ? f.website.replace(/\.(\w+)$/, "-imp.$1") : null;
      lines.push(
        [
          f.names[f.originalLang],
          f.acronym,
          r.pick(typeLabel[f.type]),
          countryCell(f.country),
          website ? website.replace(/^https:\/\//, r.chance(0.5) ? "" : "https://") : null,
          f.email ? f.email.replace("@", `.${i}@`) : null,
        ]
          .map(csvCell)
          .join(","),
      );
    }
  }
  return { bytes: Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8"), rows: n, planted };
}
