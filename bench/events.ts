/**
 * Events part of the benchmark: an event with 2,000 applicants (applicants table filter and sort
 * over HTTP), a 5,000-row Zoom attendance report (preview and commit), and the event report.
 */

import { grantRole } from "../src/server/features/admin/service.ts";
import { createApplicationsBulk } from "../src/server/features/events/applications.ts";
import { importAttendance } from "../src/server/features/events/attendance/service.ts";
import { eventReport } from "../src/server/features/events/report.ts";
import { createEvent, createSession } from "../src/server/features/events/service.ts";
import type { Actor } from "../src/server/platform/actor.ts";
import type { Ctx } from "../src/server/platform/context.ts";
import { ensureUser } from "../src/server/platform/users.ts";
import type { Runtime } from "../src/server/runtime.ts";
import { secretFromUri, totp } from "../src/server/testing-totp.ts";
import { prng, words } from "./data.ts";

const FOCUS = ["trafficking", "smuggling", "firearms", "corruption", "cybercrime", "victim support"];

export interface EventsBench {
  eventId: string;
  /** The secretariat member's e-mail and password (two-step verification is set up at sign-in). */
  staff: { email: string; password: string };
  applicantPaths: string[];
  reportPaths: string[];
  applicants: number;
  run(): Promise<EventsInProcess>;
}

export interface EventsInProcess {
  attendanceRows: number;
  attendanceMatched: number;
  attendanceUnmatched: number;
  attendanceDryRunMs: number;
  attendanceCommitMs: number;
  reportRuns: number;
  reportP50Ms: number;
  reportMaxMs: number;
  reportParticipants: number;
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export async function prepareEventsBench(
  rt: Runtime,
  memberships: Array<{ organizationId: string; personId: string }>,
  seed: number,
  applicants = 2000,
): Promise<EventsBench> {
  const r = prng(seed);
  const { id: userId } = await ensureUser(rt.auth, {
    email: "bench-staff@example.org",
    password: "bench-staff-password-123",
    name: "Bench Secretariat",
  });
  await grantRole(rt.systemCtx(), userId, "secretariat");
  const actor: Actor = {
    userId,
    email: "bench-staff@example.org",
    name: "Bench Secretariat",
    roles: ["secretariat"],
    states: [],
    twoFactorEnabled: true,
    locale: "en",
    via: "token",
  };
  const ctx: Ctx = { ...rt.systemCtx(), actor };
  const event = await createEvent(ctx, {
    type: "training",
    format: "online",
    title: { en: "Benchmark training" },
    timeZone: "Asia/Bangkok",
    startDate: "2026-03-10",
    endDate: "2026-03-12",
    languages: ["en"],
    interpretation: [],
    target: { regions: [], countries: [], orgTypes: [] },
    organisers: [],
    partners: [],
    // What a real call asks: a free-text question and a single choice, besides the motivation.
    questions: [
      {
        id: "experience",
        kind: "text",
        label: { en: "Your experience with the review process" },
        required: true,
      },
      {
        id: "focus",
        kind: "single",
        label: { en: "Main area of work" },
        required: true,
        options: FOCUS.map((value) => ({ value, label: { en: value } })),
      },
    ],
    endorsementRequired: false,
    travelSupport: true,
    attendanceThreshold: 0.75,
    diversityTargets: { youthShareMin: 0.3, countriesMin: 15 },
  });
  const sessions = [];
  for (const day of ["10", "11", "12"])
    sessions.push(
      await createSession(ctx, event.id, {
        type: "plenary",
        title: { en: `Day ${day}` },
        startsAt: `2026-03-${day}T14:00:00+07:00`,
        endsAt: `2026-03-${day}T17:00:00+07:00`,
        engagementAreas: [],
        speakers: [],
        materials: [],
      }),
    );
  // One application per person: the first `applicants` distinct people with a membership.
  const seen = new Set<string>();
  const picked: Array<{ organizationId: string; personId: string }> = [];
  for (const m of memberships) {
    if (seen.has(m.personId)) continue;
    seen.add(m.personId);
    picked.push(m);
    if (picked.length === applicants) break;
  }
  // Most applicants end up confirmed, so that the attendance report is mostly real participants.
  const statuses = [
    "submitted",
    "confirmed",
    "confirmed",
    "confirmed",
    "confirmed",
    "waitlisted",
    "rejected",
  ] as const;
  await createApplicationsBulk(
    ctx,
    event.id,
    picked.map((m, i) => ({
      personId: m.personId,
      organizationId: m.organizationId,
      status: statuses[r.int(statuses.length)],
      createdAt: new Date(Date.parse("2026-01-05T00:00:00Z") + i * 600_000).toISOString(),
      // Texts as long as real ones (a motivation of 60–200 words, an answer of 20–80), a quarter
      // asking for travel support, half of them scored and some with the secretariat's notes.
      motivation: words(r, "en", 60 + r.int(141)),
      answers: { experience: words(r, "en", 20 + r.int(61)), focus: r.pick(FOCUS) },
      ...(r.chance(0.25) ? { travelJustification: words(r, "en", 20 + r.int(41)) } : {}),
      score: r.chance(0.5) ? r.int(11) : null,
      ...(r.chance(0.15) ? { notes: words(r, "en", 8 + r.int(25)) } : {}),
    })),
  );
  const countries = (
    await ctx.db
      .selectFrom("application")
      .select("country")
      .distinct()
      .where("event_id", "=", event.id)
      .execute()
  )
    .map((c) => c.country)
    .filter((c): c is string => !!c)
    .slice(0, 20);
  const base = `/api/events/${event.id}/applications`;
  const applicantPaths: string[] = [];
  const sorts = ["created", "name", "country", "score", "organization", "status"];
  for (let i = 0; i < 60; i++) {
    const sort = sorts[i % sorts.length];
    const dir = i % 2 ? "desc" : "asc";
    const filter = [
      "",
      "status=submitted",
      `country=${countries[i % Math.max(1, countries.length)] ?? "THA"}`,
      "youth=true",
      "orgType=ngo",
      "region=APG",
      "q=an",
      `status=confirmed&country=${countries[(i + 3) % Math.max(1, countries.length)] ?? "THA"}`,
    ][i % 8];
    applicantPaths.push(`${base}?${filter ? `${filter}&` : ""}sort=${sort}&dir=${dir}&page=${1 + (i % 3)}`);
  }

  // A Zoom participants report: each confirmed person joins each day, a third of them twice.
  const confirmed = await ctx.db
    .selectFrom("application as a")
    .innerJoin("person as p", "p.id", "a.person_id")
    .select(["p.email", "p.given_name", "p.family_name"])
    .where("a.event_id", "=", event.id)
    .where("a.status", "=", "confirmed")
    .execute();
  const lines = [
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent",
  ];
  const fmt = (d: Date) => {
    // Zoom writes the meeting owner's local time: Bangkok is UTC+7.
    const l = new Date(d.getTime() + 7 * 3600_000);
    const h = l.getUTCHours();
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(l.getUTCMonth() + 1)}/${pad(l.getUTCDate())}/${l.getUTCFullYear()} ${pad(((h + 11) % 12) + 1)}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
  };
  let k = 0;
  outer: for (const s of sessions) {
    for (const p of confirmed) {
      const a = Date.parse(s.startsAt) + r.int(15) * 60_000;
      const b = Date.parse(s.endsAt) - r.int(10) * 60_000;
      const name = `"${p.family_name}, ${p.given_name}"`;
      const email = p.email ?? "";
      if (r.chance(0.33)) {
        const cut = a + Math.floor((b - a) / 2);
        lines.push(
          `${name},${email},${fmt(new Date(a))},${fmt(new Date(cut))},${Math.round((cut - a) / 60000)},No,Y`,
        );
        lines.push(
          `${name},${email},${fmt(new Date(cut + 300_000))},${fmt(new Date(b))},${Math.round((b - cut) / 60000)},No,Y`,
        );
        k += 2;
      } else {
        lines.push(
          `${name},${email},${fmt(new Date(a))},${fmt(new Date(b))},${Math.round((b - a) / 60000)},No,Y`,
        );
        k++;
      }
      if (k >= 4990) break outer;
    }
  }
  // A few strangers (phone dial-ins, guests) for the review list.
  for (let i = 0; lines.length <= 5000; i++)
    lines.push(
      `Guest ${i},,${fmt(new Date(Date.parse(sessions[0].startsAt)))},${fmt(new Date(Date.parse(sessions[0].endsAt)))},180,Yes,`,
    );
  const csv = Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`);

  return {
    eventId: event.id,
    staff: { email: "bench-staff@example.org", password: "bench-staff-password-123" },
    applicantPaths,
    reportPaths: [`/api/events/${event.id}/report`],
    applicants: picked.length,
    async run() {
      let t = process.hrtime.bigint();
      const dry = await importAttendance(ctx, event.id, {
        file: { name: "zoom.csv", bytes: csv },
        dryRun: true,
      });
      const dryMs = ms(t);
      const decisions = Object.fromEntries(dry.unmatched.map((u) => [u.key, "skip"]));
      t = process.hrtime.bigint();
      await importAttendance(ctx, event.id, {
        file: { name: "zoom.csv", bytes: csv },
        dryRun: false,
        decisions,
      });
      const commitMs = ms(t);
      const times: number[] = [];
      let participants = 0;
      for (let i = 0; i < 21; i++) {
        t = process.hrtime.bigint();
        const rep = await eventReport(ctx, event.id, "en");
        times.push(ms(t));
        participants = rep.participants;
      }
      times.sort((a, b) => a - b);
      return {
        attendanceRows: dry.rows,
        attendanceMatched: dry.matched,
        attendanceUnmatched: dry.unmatched.length,
        attendanceDryRunMs: Math.round(dryMs),
        attendanceCommitMs: Math.round(commitMs),
        reportRuns: times.length,
        reportP50Ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
        reportMaxMs: Math.round(times[times.length - 1] * 10) / 10,
        reportParticipants: participants,
      };
    },
  };
}

/**
 * Signs the secretariat member in over HTTP as the web app does, setting up two-step verification
 * on the first sign-in as secretariat accounts must: returns the session cookie that the browser
 * would then send with every request.
 */
export async function signInSecretariat(
  base: string,
  staff: { email: string; password: string },
  origin: string,
): Promise<string> {
  let cookie = "";
  const post = async (path: string, body: unknown) => {
    const res = await fetch(base + path, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const set = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    const jar = new Map(cookie ? cookie.split("; ").map((c) => c.split("=", 2) as [string, string]) : []);
    for (const c of set) {
      const eq = c.indexOf("=");
      jar.set(c.slice(0, eq), c.slice(eq + 1));
    }
    cookie = [...jar]
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    return res.json() as Promise<Record<string, unknown>>;
  };
  await post("/api/auth/sign-in/email", staff);
  const { totpURI } = await post("/api/auth/two-factor/enable", { password: staff.password });
  await post("/api/auth/two-factor/verify-totp", { code: totp(secretFromUri(String(totpURI))) });
  const me = await fetch(`${base}/api/admin/outbox`, { headers: { cookie } });
  if (!me.ok) throw new Error(`the secretariat session is refused: ${me.status} ${await me.text()}`);
  return cookie;
}
