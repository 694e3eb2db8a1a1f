import { randomUUID } from "node:crypto";
import { uuidv7 } from "uuidv7";
import type { ApplicationStatus, EventInput } from "../../../shared/schemas/events.ts";
import type { Ctx } from "../../platform/context.ts";
import { createApplicationsBulk } from "./applications.ts";
import { issueCertificates } from "./certificates.ts";
import { createEvent, createSession, updateEvent } from "./service.ts";

export interface DemoParticipant {
  personId: string;
  organizationId: string;
  participant: boolean;
}

/** A small deterministic generator, so that the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const COMMENTS = [
  "The session on the six areas of engagement gave us concrete ideas for our advocacy work.",
  "Very useful to understand how the Review Mechanism works and where civil society can contribute.",
  "More time for the breakout groups would have been welcome.",
  "The networking session helped me meet organisations working on the same migration routes.",
  "Please share the presentations and the toolkit in local languages.",
  "Excellent speakers; the examples from the region were the most valuable part.",
];

/**
 * The reference case as an event that really ran: agenda and speakers, the call for applications
 * and its decisions, attendance as the video platform reported it, feedback and certificates — so
 * that the report counts 40 participants from 18 countries, 30% of them young, by itself.
 * Also an upcoming event with its call for applications open, to try applying.
 */
export async function seedReferenceEvents(
  ctx: Ctx,
  data: Record<string, any>,
  people: DemoParticipant[],
): Promise<{ events: number; applications: number; eventId: string; breakoutSessionId: string | null }> {
  const event = await createEvent(ctx, {
    type: "training",
    format: data.format,
    title: data.title,
    summary: {
      en: "A three-day online training for NGOs, academia and the private sector from Asia on the Convention, its Protocols and how stakeholders can engage in its Review Mechanism, with a networking session, a session on tools for engagement in six areas and breakout groups.",
    },
    timeZone: data.timeZone,
    startDate: data.start,
    endDate: data.end,
    onlineLink: "https://meet.example.org/untoc-asia-2020",
    languages: ["en"],
    interpretation: [],
    target: { regions: ["APG"], countries: [], orgTypes: [] },
    capacity: 45,
    organisers: ["UNODC Civil Society Unit"],
    partners: [],
    applicationsOpenAt: "2020-09-21T00:00:00+07:00",
    applicationsCloseAt: "2020-10-16T23:59:00+07:00",
    questions: [],
    consentText: {
      en: "I agree that UNODC processes the data in this application to select participants and to report on the event.",
    },
    endorsementRequired: false,
    travelSupport: false,
    attendanceThreshold: 0.75,
    diversityTargets: { youthShareMin: 0.3, countriesMin: 15, maxPerOrganization: 3 },
  } as EventInput);
  const sessions = [];
  for (const s of data.sessions as Array<Record<string, any>>) {
    sessions.push(
      await createSession(ctx, event.id, {
        type: s.type,
        title: s.title,
        description: s.description,
        startsAt: s.start,
        endsAt: s.end,
        engagementAreas: s.engagementAreas ?? [],
        speakers: (s.speakers ?? []).map((sp: Record<string, any>) => ({
          name: sp.name,
          title: sp.role,
          affiliation: sp.affiliation,
        })),
        materials:
          s.type === "tools"
            ? [
                {
                  label: "Toolkit on Stakeholder Engagement",
                  url: "https://www.unodc.org/unodc/en/ngos/toolkit.html",
                },
              ]
            : [],
      }),
    );
  }

  // Applications: the 40 participants confirmed; the others rejected, waitlisted or declined.
  const random = rng(2020);
  const others: ApplicationStatus[] = [
    "rejected",
    "rejected",
    "waitlisted",
    "declined",
    "rejected",
    "waitlisted",
    "declined",
    "rejected",
  ];
  let other = 0;
  const items = people.map((p, i) => ({
    personId: p.personId,
    organizationId: p.organizationId,
    status: p.participant ? ("confirmed" as const) : others[other++ % others.length],
    createdAt: new Date(
      Date.parse("2020-09-22T03:00:00Z") + Math.floor(random() * 24) * 86400_000 + i * 60_000,
    ).toISOString(),
    decidedAt: "2020-10-21T08:00:00.000Z",
    directoryOptIn: p.participant && random() < 0.8,
  }));
  await createApplicationsBulk(ctx, event.id, items);

  // Attendance as Zoom reported it: late joins, early leaves, dropped connections and rejoins.
  const intervals: Array<Record<string, string | null>> = [];
  const now = ctx.now().toISOString();
  for (const p of people.filter((x) => x.participant)) {
    for (const s of sessions) {
      const a = Date.parse(s.startsAt);
      const b = Date.parse(s.endsAt);
      const join = a - 5 * 60_000 + Math.floor(random() * 10 * 60_000);
      const leave = b - Math.floor(random() * 4 * 60_000) + (random() < 0.3 ? 5 * 60_000 : 0);
      if (random() < 0.2) {
        const cut = join + Math.floor((leave - join) * (0.3 + random() * 0.4));
        const back = cut + 2 * 60_000 + Math.floor(random() * 6 * 60_000);
        intervals.push({
          joined_at: new Date(join).toISOString(),
          left_at: new Date(cut).toISOString(),
          session_id: s.id,
          person_id: p.personId,
        });
        intervals.push({
          joined_at: new Date(back).toISOString(),
          left_at: new Date(leave).toISOString(),
          session_id: s.id,
          person_id: p.personId,
        });
      } else
        intervals.push({
          joined_at: new Date(join).toISOString(),
          left_at: new Date(leave).toISOString(),
          session_id: s.id,
          person_id: p.personId,
        });
    }
  }
  for (let i = 0; i < intervals.length; i += 200)
    await ctx.db
      .insertInto("attendance_interval")
      .values(
        intervals.slice(i, i + 200).map((x) => ({
          id: uuidv7(),
          event_id: event.id,
          session_id: x.session_id,
          person_id: x.person_id as string,
          source: "zoom",
          import_id: null,
          joined_at: x.joined_at as string,
          left_at: x.left_at as string,
          created_at: now,
        })),
      )
      .execute();

  for (const status of ["published", "applications_open", "applications_closed", "running"] as const)
    await updateEvent(ctx, event.id, { status });

  // Feedback from 28 participants, ten of them anonymous.
  const respondents = people.filter((x) => x.participant).slice(0, 28);
  for (const [i, p] of respondents.entries()) {
    const anonymous = i % 3 === 0;
    const score = () => (random() < 0.65 ? 5 : random() < 0.85 ? 4 : 3);
    await ctx.db
      .insertInto("feedback_submission")
      .values({ event_id: event.id, person_id: p.personId, submitted_on: "2020-11-13" })
      .execute();
    await ctx.db
      .insertInto("feedback")
      .values({
        id: anonymous ? randomUUID() : uuidv7(),
        event_id: event.id,
        person_id: anonymous ? null : p.personId,
        ratings: JSON.stringify({
          overall: score(),
          relevance: score(),
          speakers: score(),
          organisation: score(),
          usefulness: score(),
        }),
        comment: i % 4 === 1 ? COMMENTS[(i >> 2) % COMMENTS.length] : null,
        created_at: anonymous ? "2020-11-13T00:00:00.000Z" : `2020-11-13T0${i % 9}:1${i % 6}:00.000Z`,
      })
      .execute();
  }
  await updateEvent(ctx, event.id, { status: "completed" });
  await issueCertificates(ctx, event.id, { notify: false });

  // An upcoming event with its call for applications open.
  const upcoming = await createEvent(ctx, {
    type: "preparation_day",
    format: "online",
    title: {
      en: "Preparation day for stakeholders from Asia and the Pacific ahead of the country reviews",
      fr: "Journée de préparation pour les parties prenantes d'Asie et du Pacifique en vue des examens de pays",
      es: "Jornada preparatoria para las partes interesadas de Asia y el Pacífico ante los exámenes de los países",
      ru: "День подготовки для заинтересованных сторон из Азиатско-Тихоокеанского региона к страновым обзорам",
      ar: "يوم تحضيري لأصحاب المصلحة من آسيا والمحيط الهادئ استعدادًا للاستعراضات القُطرية",
      zh: "亚太利益攸关方国别审议筹备日",
    },
    summary: {
      en: "How to prepare written contributions and take part in constructive dialogues during the country reviews.",
    },
    timeZone: "Asia/Bangkok",
    startDate: "2027-03-09",
    endDate: "2027-03-09",
    onlineLink: "https://meet.example.org/untoc-prep-2027",
    languages: ["en"],
    interpretation: ["zh", "ru"],
    target: {
      regions: ["APG"],
      countries: [],
      orgTypes: ["ngo", "academia", "private_sector", "network", "foundation", "media"],
    },
    capacity: 40,
    organisers: ["UNODC Civil Society Unit"],
    partners: [],
    applicationsOpenAt: "2026-11-01T00:00:00+07:00",
    applicationsCloseAt: "2027-02-01T23:59:00+07:00",
    questions: [
      {
        id: "review-stage",
        kind: "single",
        label: { en: "Where is your country in its review?" },
        required: true,
        options: [
          { value: "not-started", label: { en: "Not started" } },
          { value: "self-assessment", label: { en: "Self-assessment under way" } },
          { value: "dialogue", label: { en: "Constructive dialogue under way" } },
          { value: "unknown", label: { en: "I do not know" } },
        ],
      },
      {
        id: "contribution",
        kind: "text",
        label: { en: "What would you like to contribute to the review?" },
        required: false,
      },
    ],
    consentText: {
      en: "I agree that UNODC processes the data in this application to select participants and to report on the event.",
    },
    endorsementRequired: false,
    travelSupport: false,
    attendanceThreshold: 0.75,
    diversityTargets: { youthShareMin: 0.3, countriesMin: 12 },
  } as EventInput);
  await createSession(ctx, upcoming.id, {
    type: "plenary",
    title: { en: "The country reviews step by step" },
    startsAt: "2027-03-09T13:00:00+07:00",
    endsAt: "2027-03-09T14:30:00+07:00",
    engagementAreas: [],
    speakers: [],
    materials: [],
  });
  await createSession(ctx, upcoming.id, {
    type: "tools",
    title: { en: "Written contributions and constructive dialogues" },
    startsAt: "2027-03-09T14:45:00+07:00",
    endsAt: "2027-03-09T16:00:00+07:00",
    engagementAreas: ["ADVOCACY", "MONITORING"],
    speakers: [],
    materials: [],
  });
  for (const status of ["published", "applications_open"] as const)
    await updateEvent(ctx, upcoming.id, { status });
  return {
    events: 2,
    applications: items.length,
    eventId: event.id,
    breakoutSessionId: sessions.find((x) => x.type === "breakout")?.id ?? null,
  };
}
