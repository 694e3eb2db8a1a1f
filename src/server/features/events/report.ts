import { pickText } from "../../../shared/schemas/common.ts";
import type { EventReport } from "../../../shared/schemas/events.ts";
import { intlLocale, readableDateTime } from "../../../shared/time.ts";
import { isStaff } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { serverT } from "../../platform/i18n/messages.ts";
import { type PdfLang, renderReport } from "../../platform/pdf/index.ts";
import { isWoman } from "./applications.ts";
import { attendanceSummary } from "./attendance/service.ts";
import { aggregateFeedback } from "./feedback.ts";
import { dateRange } from "./notify.ts";
import { loadEvent } from "./service.ts";

export type { EventReport };

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Recommendations that came out of the event (never counting confidential ones for the public). */
async function recommendationCount(ctx: Ctx, eventId: string, staff: boolean): Promise<number> {
  let q = ctx.db
    .selectFrom("recommendation")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("event_id", "=", eventId)
    .where("merged_into", "is", null);
  if (!staff) q = q.where("protection", "!=", "confidential");
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * The event report, computed from the data: nobody counts by hand. The public sees it once the
 * event is completed, without per-country counts (a country with one participant would name them).
 */
export async function eventReport(ctx: Ctx, eventId: string, lang: string): Promise<EventReport> {
  const event = await loadEvent(ctx, eventId);
  const staff = isStaff(ctx.actor);
  if (!staff && !["completed", "archived"].includes(event.status)) throw notFound("report");
  const [summary, apps, feedback] = await Promise.all([
    attendanceSummary(ctx, eventId),
    ctx.db
      .selectFrom("application")
      .select([
        "person_id",
        "status",
        "country",
        "region",
        "gender",
        "youth",
        "org_type",
        "organization_id",
        "first_time",
        "invited",
      ])
      .where("event_id", "=", eventId)
      .execute(),
    aggregateFeedback(ctx, eventId, false),
  ]);
  const attended = new Set(summary.participants.filter((p) => p.attended).map((p) => p.personId));
  const who = apps.filter((a) => attended.has(a.person_id));
  const tally = (values: Array<string | null>) => {
    const out: Record<string, number> = {};
    for (const v of values) out[v ?? "unknown"] = (out[v ?? "unknown"] ?? 0) + 1;
    return out;
  };
  const byCountry = tally(who.map((a) => a.country));
  const countryList = Object.keys(byCountry)
    .filter((c) => c !== "unknown")
    .sort();
  const youth = who.filter((a) => a.youth === 1).length;
  const genderKnown = who.filter((a) => a.gender && !/^(prefer not|undisclosed)/i.test(a.gender)).length;
  const women = who.filter((a) => isWoman(a.gender)).length;
  const orgs = new Map<string, number>();
  for (const a of who) orgs.set(a.organization_id, a.first_time);
  const count = (s: string) => apps.filter((a) => a.status === s).length;
  const report: Omit<EventReport, "newsText"> = {
    eventId,
    title: JSON.parse(event.title),
    startDate: event.start_date,
    endDate: event.end_date,
    timeZone: event.time_zone,
    participants: who.length,
    registered: apps.filter((a) => a.status === "accepted" || a.status === "confirmed").length,
    countries: countryList.length,
    countryList,
    byCountry: staff ? byCountry : null,
    regions: tally(who.map((a) => a.region)),
    youth,
    youthShare: who.length ? round3(youth / who.length) : null,
    women,
    womenShare: genderKnown ? round3(women / genderKnown) : null,
    genderKnown,
    bySector: tally(who.map((a) => a.org_type)),
    organizations: orgs.size,
    firstTimeOrganizations: [...orgs.values()].filter((f) => f === 1).length,
    applications: {
      received: apps.filter((a) => !a.invited).length,
      invited: apps.filter((a) => a.invited).length,
      accepted: count("accepted") + count("confirmed"),
      waitlisted: count("waitlisted"),
      rejected: count("rejected"),
      declined: count("declined"),
      withdrawn: count("withdrawn"),
    },
    attendanceThreshold: summary.threshold,
    sessions: summary.sessions.map((s) => ({
      id: s.id,
      title: s.title as EventReport["sessions"][number]["title"],
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      attendees: s.attendees,
    })),
    feedback: { responses: feedback.responses, average: feedback.average },
    recommendations: await recommendationCount(ctx, eventId, staff),
    lang,
    generatedAt: ctx.now().toISOString(),
  };
  return { ...report, newsText: newsText(report, event, lang) };
}

/** A draft news item built from the numbers, in one of the six languages. */
export function newsText(
  r: Omit<EventReport, "newsText">,
  event: { start_date: string; end_date: string; format: string },
  lang: string,
): string {
  const pct = (x: number | null) =>
    x == null
      ? "—"
      : new Intl.NumberFormat(intlLocale(lang), { style: "percent", maximumFractionDigits: 0 }).format(x);
  const num = (x: number) => new Intl.NumberFormat(lang).format(x);
  const sectors = Object.entries(r.bySector)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) =>
      lang === "zh"
        ? `${serverT(lang, `report.sector.${k}`)}（${num(n)}）`
        : `${serverT(lang, `report.sector.${k}`)} (${num(n)})`,
    );
  const list = new Intl.ListFormat(lang, { type: "conjunction" }).format(sectors);
  const parts = [
    serverT(lang, "report.news.lead", {
      dates: dateRange(event, lang),
      event: pickText(r.title, lang).value,
      format: serverT(lang, `report.format.${event.format}`),
    }),
    serverT(lang, "report.news.participants", {
      participants: num(r.participants),
      countries: num(r.countries),
      youth: pct(r.youthShare),
      women: pct(r.womenShare),
    }),
  ];
  if (sectors.length) parts.push(serverT(lang, "report.news.sectors", { sectors: list }));
  if (r.sessions.length)
    parts.push(serverT(lang, "report.news.sessions", { sessions: num(r.sessions.length) }));
  if (r.feedback.average != null)
    parts.push(
      serverT(lang, "report.news.feedback", {
        rating: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(r.feedback.average),
        responses: num(r.feedback.responses),
      }),
    );
  if (r.recommendations)
    parts.push(serverT(lang, "report.news.recommendations", { recommendations: num(r.recommendations) }));
  return parts.join(lang === "zh" ? "" : " ");
}

/** The report as a PDF in one of the six languages. */
export async function eventReportPdf(ctx: Ctx, eventId: string, lang: PdfLang): Promise<Buffer> {
  const r = await eventReport(ctx, eventId, lang);
  const t = (key: string, vars?: Record<string, string>) => serverT(lang, `report.pdf.${key}`, vars);
  const nf = new Intl.NumberFormat(lang);
  const pct = (x: number | null) =>
    x == null
      ? "—"
      : new Intl.NumberFormat(intlLocale(lang), { style: "percent", maximumFractionDigits: 0 }).format(x);
  const countryName = new Intl.DisplayNames([lang], { type: "region" });
  const iso2 = await import("i18n-iso-countries").then((m) => m.default ?? m);
  const country = (c: string) => {
    const a2 = iso2.alpha3ToAlpha2(c);
    return a2 ? (countryName.of(a2) ?? c) : c;
  };
  const time = readableDateTime(lang, { dateStyle: "medium", timeStyle: "short", timeZone: r.timeZone });
  return renderReport({
    lang,
    title: pickText(r.title, lang).value,
    subtitle: `${t("title")} · ${dateRange({ start_date: r.startDate, end_date: r.endDate }, lang)}`,
    generatedOn: t("generatedOn", {
      date: readableDateTime(lang, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(
        new Date(r.generatedAt),
      ),
    }),
    sections: [
      {
        heading: t("keyFigures"),
        stats: [
          { label: t("participants"), value: nf.format(r.participants) },
          { label: t("countries"), value: nf.format(r.countries) },
          { label: t("youth"), value: pct(r.youthShare) },
          { label: t("women"), value: pct(r.womenShare) },
          { label: t("organizations"), value: nf.format(r.organizations) },
          {
            label: t("feedback"),
            value: r.feedback.average == null ? "—" : `${nf.format(r.feedback.average)} / 5`,
          },
        ],
      },
      { heading: t("news"), paragraphs: [r.newsText] },
      {
        heading: t("sectors"),
        table: {
          columns: [t("sector"), t("participants")],
          rows: Object.entries(r.bySector).map(([k, n]) => [
            serverT(lang, `report.sector.${k}`),
            nf.format(n),
          ]),
        },
      },
      {
        heading: t("countriesRepresented"),
        table: {
          columns: [t("country"), t("participants")],
          rows: r.byCountry
            ? Object.entries(r.byCountry)
                .sort((a, b) => b[1] - a[1])
                .map(([c, n]) => [country(c), nf.format(n)])
            : r.countryList.map((c) => [country(c), "—"]),
        },
      },
      {
        heading: t("sessions"),
        table: {
          columns: [t("session"), t("time"), t("attendees")],
          rows: r.sessions.map((s) => [
            pickText(s.title, lang).value,
            time.format(new Date(s.startsAt)),
            nf.format(s.attendees),
          ]),
        },
      },
      {
        heading: t("applications"),
        stats: [
          { label: t("received"), value: nf.format(r.applications.received) },
          { label: t("invited"), value: nf.format(r.applications.invited) },
          { label: t("accepted"), value: nf.format(r.applications.accepted) },
          { label: t("waitlisted"), value: nf.format(r.applications.waitlisted) },
          { label: t("declined"), value: nf.format(r.applications.declined) },
        ],
      },
    ],
    footer: t("footer", { threshold: pct(r.attendanceThreshold) }),
  });
}
