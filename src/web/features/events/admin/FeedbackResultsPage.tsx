import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { EventView } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { formatNumber } from "../../../data.ts";
import { Loading, QueryError } from "../../../ui/forms.tsx";
import { BarChart, KeyFigures } from "../charts.tsx";
import { formatDateRange } from "../format.ts";
import { type FeedbackResults, formatRating, outcomeApi, outcomeKeys } from "../outcomes.ts";
import { EventAdminFrame } from "./EventAdminFrame.tsx";

/** The feedback survey's results: averages and distributions per aspect, and the comments. */
export default function FeedbackResultsPage() {
  const { id = "" } = useParams();
  return (
    <EventAdminFrame eventId={id} section="feedback" className="feedback-results">
      {(e) => <Results event={e} />}
    </EventAdminFrame>
  );
}

function Results({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: outcomeKeys.feedbackResults(event.id),
    queryFn: ({ signal }) =>
      api.get<FeedbackResults>(outcomeApi.feedbackResults(event.id), undefined, signal),
  });
  if (results.isPending) return <Loading />;
  if (results.isError) return <QueryError error={results.error} />;
  const r = results.data;
  const open = ["running", "completed"].includes(event.status);
  return (
    <>
      <p className="lead">{t("feedbackResults.intro")}</p>
      <p className="hint">
        {open ? t("feedbackResults.open") : t("feedbackResults.closed")}{" "}
        <Link to={`/events/${event.id}/feedback`}>{t("feedbackResults.formLink")}</Link>
      </p>
      {r.responses === 0 ? (
        <div className="empty">
          <p>{t("feedbackResults.empty")}</p>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="feedback-summary-title">
            <h2 id="feedback-summary-title">{t("feedbackResults.summaryTitle")}</h2>
            <KeyFigures
              items={[
                { key: "responses", label: t("feedbackResults.responses"), value: formatNumber(r.responses) },
                {
                  key: "average",
                  label: t("feedbackResults.average"),
                  value: formatRating(r.average),
                  note: t("feedbackResults.outOf5"),
                },
              ]}
            />
            <BarChart
              title={t("feedbackResults.averages")}
              valueLabel={t("feedbackResults.averageShort")}
              scale={5}
              data={r.aspects.map((a) => ({
                key: a.key,
                label: t(`feedback.aspects.${a.key}`, { defaultValue: a.key }),
                value: a.average ?? 0,
                display: `${formatRating(a.average)} (${t("feedbackResults.answers", { n: formatNumber(a.count) })})`,
              }))}
            />
          </section>
          <section className="card" aria-labelledby="feedback-distribution-title">
            <h2 id="feedback-distribution-title">{t("feedbackResults.distributionTitle")}</h2>
            <p className="hint">{t("feedbackResults.distributionHint")}</p>
            <div className="chart-grid">
              {r.aspects.map((a) => (
                <BarChart
                  key={a.key}
                  title={t(`feedback.aspects.${a.key}`, { defaultValue: a.key })}
                  valueLabel={t("feedbackResults.answersHeader")}
                  total={a.count}
                  note={t("feedbackResults.aspectAverage", { average: formatRating(a.average) })}
                  data={[5, 4, 3, 2, 1].map((n) => ({
                    key: String(n),
                    label: t(`feedback.scale.${n}`),
                    value: a.distribution[n - 1] ?? 0,
                  }))}
                />
              ))}
            </div>
          </section>
          <section className="card" aria-labelledby="feedback-comments-title">
            <h2 id="feedback-comments-title">{t("feedbackResults.commentsTitle")}</h2>
            {r.comments.length === 0 ? (
              <p className="muted">{t("feedbackResults.noComments")}</p>
            ) : (
              <ul className="comments">
                {r.comments.map((c, i) => (
                  <li key={`${c.at}-${i}`}>
                    <blockquote className="prewrap" dir="auto">
                      {c.text}
                    </blockquote>
                    <p className="comment-meta">
                      {c.author ? <bdi>{c.author}</bdi> : <em>{t("feedbackResults.anonymous")}</em>}
                      {" · "}
                      <time dateTime={c.at}>{formatDateRange(c.at, c.at)}</time>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
