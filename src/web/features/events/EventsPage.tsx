import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EventSummary } from "../../../shared/schemas/events.ts";
import { api } from "../../api.ts";
import { formatList, formatNumber, type Page } from "../../data.ts";
import { Loading, QueryError, SelectField } from "../../ui/forms.tsx";
import { useUrlFilters } from "../../ui/useUrlFilters.ts";
import { PageTitle, Pagination } from "../../ui/widgets.tsx";
import { eventApi, eventKeys } from "./endpoints.ts";
import { formatDateRange, languageName, pickLocalized } from "./format.ts";
import { eventTypeOptions } from "./labels.ts";
import { FallbackNote, Localized, StatusBadge } from "./ui.tsx";

const PAGE_SIZE = 10;
const TABS = ["upcoming", "past"] as const;

export default function EventsPage() {
  const { t } = useTranslation();
  const { params, page, update } = useUrlFilters([]);
  const when = params.get("when") === "past" ? "past" : "upcoming";
  const type = params.get("type") ?? "";
  const query: Record<string, string> = { when, page: String(page), pageSize: String(PAGE_SIZE) };
  if (type) query.type = type;

  const list = useQuery({
    queryKey: eventKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<EventSummary>>(eventApi.list, query, signal),
    placeholderData: keepPreviousData,
  });

  const tabHref = (w: string) => {
    const next = new URLSearchParams(type ? { type } : {});
    if (w !== "upcoming") next.set("when", w);
    const s = next.toString();
    return s ? `/events?${s}` : "/events";
  };

  return (
    <>
      <PageTitle>{t("events.title")}</PageTitle>
      <p className="lead">{t("events.intro")}</p>
      <nav className="subnav" aria-label={t("events.when")}>
        <ul>
          {TABS.map((w) => (
            <li key={w}>
              <Link to={tabHref(w)} aria-current={w === when ? "page" : undefined}>
                {t(`events.tab.${w}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="results-head">
        <div className="results-tools">
          <SelectField
            label={t("events.filterType")}
            value={type}
            onChange={(v) => update({ type: v })}
            options={eventTypeOptions(t)}
            emptyLabel={t("common.all")}
          />
        </div>
        <p role="status" aria-live="polite" className="results-count">
          {list.isPending
            ? t("common.loading")
            : t("events.count", { formatted: formatNumber(list.data?.total ?? 0) })}
        </p>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <div className="empty">
          <p>{t(when === "past" ? "events.emptyPast" : "events.emptyUpcoming")}</p>
          <p>
            <Link to={tabHref(when === "past" ? "upcoming" : "past")}>
              {t(when === "past" ? "events.seeUpcoming" : "events.seePast")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="event-list" aria-busy={list.isFetching}>
          {list.data.items.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </ul>
      )}
      {list.data ? (
        <Pagination
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onPage={(p) => update({ page: p > 1 ? String(p) : null }, false)}
        />
      ) : null}
    </>
  );
}

function EventCard({ event: e }: { event: EventSummary }) {
  const { t } = useTranslation();
  const title = pickLocalized(e.title);
  const summary = pickLocalized(e.summary);
  return (
    <li className="event-card">
      <div className="event-card-head">
        <h2 className="event-card-title">
          <Link to={`/events/${e.id}`}>
            <Localized picked={title} />
          </Link>
        </h2>
        {e.acceptingApplications ? (
          <span className="badge badge-success">{t("events.applicationsOpen")}</span>
        ) : e.status === "draft" ? (
          <StatusBadge status={e.status} kind="event" />
        ) : null}
      </div>
      <FallbackNote picked={title} />
      <dl className="meta">
        <div>
          <dt>{t("events.dates")}</dt>
          <dd>{formatDateRange(e.startDate, e.endDate)}</dd>
        </div>
        <div>
          <dt>{t("events.type")}</dt>
          <dd>{t(`eventType.${e.type}`)}</dd>
        </div>
        <div>
          <dt>{t("events.format")}</dt>
          <dd>{t(`eventFormat.${e.format}`)}</dd>
        </div>
        {e.venue ? (
          <div>
            <dt>{t("events.venue")}</dt>
            <dd dir="auto">{e.venue}</dd>
          </div>
        ) : null}
        {e.languages.length ? (
          <div>
            <dt>{t("events.languages")}</dt>
            <dd>{formatList(e.languages.map(languageName))}</dd>
          </div>
        ) : null}
      </dl>
      {summary.value ? (
        <p className="event-card-summary">
          <Localized picked={summary} />
        </p>
      ) : null}
    </li>
  );
}
