import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LOCALES, type Locale } from "../../../shared/schemas/common.ts";
import { ApiError, api } from "../../api.ts";
import { formatDate, formatList, formatNumber, isStaff, useMe, useRefLookup } from "../../data.ts";
import { currentLocale, formatLocale, LANGUAGE_NAMES } from "../../i18n/index.ts";
import { Loading, QueryError, SelectField } from "../../ui/forms.tsx";
import { LiveStatus, Notice, PageTitle } from "../../ui/widgets.tsx";
import NotFoundPage from "../home/NotFoundPage.tsx";
import { EventAdminNav } from "./admin/EventAdminNav.tsx";
import { BarChart, type Datum, KeyFigures } from "./charts.tsx";
import { useEvent } from "./EventPage.tsx";
import { formatDateRange, formatPercent, formatTimeRange, pickLocalized } from "./format.ts";
import { type EventReport, formatRating, outcomeApi, outcomeKeys, sortedCounts } from "./outcomes.ts";
import { Localized } from "./ui.tsx";

const FUNNEL = [
  "received",
  "invited",
  "accepted",
  "waitlisted",
  "rejected",
  "declined",
  "withdrawn",
] as const;

/** The event report, computed from the data: key figures, charts with tables, the draft news item. */
export default function ReportPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const staff = isStaff(me.data);
  const event = useEvent(id);
  const [chosen, setChosen] = useState<Locale | null>(null);
  const lang = chosen ?? currentLocale();
  const report = useQuery({
    queryKey: outcomeKeys.report(id, lang),
    queryFn: ({ signal }) => api.get<EventReport>(outcomeApi.report(id), { lang }, signal),
    placeholderData: keepPreviousData,
    enabled: !!event.data,
  });

  if (event.isPending || me.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  const e = event.data;
  const title = pickLocalized(e.title);
  const published = ["completed", "archived"].includes(e.status);

  return (
    <article className="report-page">
      <PageTitle title={t("report.title", { title: title.value })}>
        {t("report.titlePrefix")} <Localized picked={title} />
      </PageTitle>
      {staff ? <EventAdminNav eventId={e.id} title={title.value} /> : null}
      <p className="lead">
        {formatDateRange(e.startDate, e.endDate)} · {t(`eventType.${e.type}`)} ·{" "}
        {t(`eventFormat.${e.format}`)}
      </p>
      <p>
        <Link to={`/events/${e.id}`}>{t("report.backToEvent")}</Link>
      </p>
      {staff && !published ? (
        <Notice kind="warning">
          <p>{t("report.preview")}</p>
        </Notice>
      ) : null}
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        report.error instanceof ApiError && report.error.status === 404 ? (
          <div className="empty">
            <p>{t("report.notYet")}</p>
          </div>
        ) : (
          <QueryError error={report.error} />
        )
      ) : (
        <ReportBody
          report={report.data}
          staff={staff}
          lang={lang}
          onLang={setChosen}
          busy={report.isFetching}
        />
      )}
    </article>
  );
}

function ReportBody({
  report: r,
  staff,
  lang,
  onLang,
  busy,
}: {
  report: EventReport;
  staff: boolean;
  lang: Locale;
  onLang: (l: Locale) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const [copied, setCopied] = useState("");
  const newsId = useId();
  const unknown = t("diversity.unknown");
  const counts = (record: Record<string, number> | null, label: (k: string) => string): Datum[] =>
    sortedCounts(record).map((c) => ({
      key: c.key,
      label: c.key === "unknown" ? unknown : label(c.key),
      value: c.count,
    }));
  const timeZone = r.timeZone;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(r.newsText);
      setCopied(t("report.copied"));
    } catch {
      // Without clipboard access: select the text so that it can be copied by hand.
      const el = document.getElementById(newsId);
      if (el) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
      }
      setCopied(t("report.copyManually"));
    }
  };

  return (
    <div aria-busy={busy}>
      <section aria-labelledby="report-figures-title" className="card">
        <h2 id="report-figures-title">{t("report.figuresTitle")}</h2>
        <p className="hint">{t("report.attendanceRule", { share: formatPercent(r.attendanceThreshold) })}</p>
        <KeyFigures
          items={[
            {
              key: "participants",
              label: t("report.participants"),
              value: formatNumber(r.participants),
              note: t("report.registered", { n: formatNumber(r.registered) }),
            },
            { key: "countries", label: t("report.countries"), value: formatNumber(r.countries) },
            {
              key: "youth",
              label: t("report.youth"),
              value: formatPercent(r.youthShare),
              note: t("diversity.countOf", { n: formatNumber(r.youth), total: formatNumber(r.participants) }),
            },
            {
              key: "women",
              label: t("report.women"),
              value: formatPercent(r.womenShare),
              note: t("diversity.ofKnown", { n: formatNumber(r.women), known: formatNumber(r.genderKnown) }),
            },
            {
              key: "organizations",
              label: t("report.organizations"),
              value: formatNumber(r.organizations),
              note: t("report.firstTime", { n: formatNumber(r.firstTimeOrganizations) }),
            },
            {
              key: "feedback",
              label: t("report.feedback"),
              value: formatRating(r.feedback.average),
              note: t("report.feedbackNote", { n: formatNumber(r.feedback.responses) }),
            },
          ]}
        />
        {r.countryList.length ? (
          <p className="report-countries">
            <strong>{t("report.countryList")}</strong>{" "}
            {formatList(
              r.countryList.map((c) => lookup.country(c)).sort((a, b) => a.localeCompare(b, formatLocale())),
            )}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="report-charts-title" className="card">
        <h2 id="report-charts-title">{t("report.chartsTitle")}</h2>
        <div className="chart-grid">
          <BarChart
            title={t("report.sectors")}
            valueLabel={t("report.participantsShort")}
            total={r.participants}
            data={counts(r.bySector, (k) => t(`orgType.${k}`, { defaultValue: k }))}
          />
          <BarChart
            title={t("report.regions")}
            valueLabel={t("report.participantsShort")}
            total={r.participants}
            data={counts(r.regions, (k) => lookup.region(k))}
          />
          <BarChart
            title={t("report.sessions")}
            valueLabel={t("report.attendees")}
            note={t("report.sessionsHint")}
            data={r.sessions.map((s) => {
              const p = pickLocalized(s.title);
              return {
                key: s.id,
                label: p.value,
                detail: formatTimeRange(s.startsAt, s.endsAt, timeZone, true),
                lang: p.fallback ? p.lang : undefined,
                value: s.attendees,
              };
            })}
          />
          {staff && r.byCountry ? (
            <BarChart
              title={t("report.byCountry")}
              valueLabel={t("report.participantsShort")}
              total={r.participants}
              note={t("report.byCountryHint")}
              data={counts(r.byCountry, (k) => lookup.country(k))}
            />
          ) : null}
          <BarChart
            title={t("report.funnel")}
            valueLabel={t("report.applicationsShort")}
            note={t("report.funnelHint")}
            data={FUNNEL.map((k) => ({ key: k, label: t(`report.stage.${k}`), value: r.applications[k] }))}
          />
        </div>
      </section>

      <section aria-labelledby="report-news-title" className="card">
        <h2 id="report-news-title">{t("report.newsTitle")}</h2>
        <div className="report-tools">
          <SelectField
            id="report-lang"
            label={t("report.language")}
            hint={t("report.languageHint")}
            value={lang}
            onChange={(v) => {
              onLang(v as Locale);
              setCopied("");
            }}
            options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          />
        </div>
        <blockquote id={newsId} className="news-text" lang={r.lang} dir={r.lang === "ar" ? "rtl" : "ltr"}>
          {r.newsText}
        </blockquote>
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={copy}>
            {t("report.copy")}
          </button>
          <a className="btn btn-primary" href={outcomeApi.reportPdf(r.eventId, lang)} type="application/pdf">
            {t("report.pdf", { language: `\u2068${LANGUAGE_NAMES[lang]}\u2069` })}
          </a>
        </div>
        <LiveStatus>{copied}</LiveStatus>
        <p className="hint">{t("report.generated", { date: formatDate(r.generatedAt, true) })}</p>
      </section>
    </div>
  );
}
