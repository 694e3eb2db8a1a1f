import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EventSummary } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { formatNumber, type Page } from "../../../data.ts";
import { Loading, QueryError, SelectField } from "../../../ui/forms.tsx";
import { PageTitle, Pagination } from "../../../ui/widgets.tsx";
import { eventApi, eventKeys } from "../endpoints.ts";
import { formatDateRange, pickLocalized } from "../format.ts";
import { eventStatusOptions } from "../labels.ts";
import { Localized, StatusBadge } from "../ui.tsx";

const PAGE_SIZE = 20;

/** All events, drafts included, for the secretariat. */
export default function AdminEventsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");
  const [when, setWhen] = useState("all");
  const [page, setPage] = useState(1);
  const query: Record<string, string> = { when, page: String(page), pageSize: String(PAGE_SIZE) };
  if (status) query.status = status;
  const list = useQuery({
    queryKey: eventKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<EventSummary>>(eventApi.list, query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-head">
        <PageTitle>{t("admin.tabs.events")}</PageTitle>
        <Link className="btn btn-primary" to="/admin/events/new">
          {t("eventAdmin.new")}
        </Link>
      </div>
      <p>{t("eventAdmin.intro")}</p>
      <div className="filter-bar">
        <SelectField
          label={t("fields.status")}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={eventStatusOptions(t)}
          emptyLabel={t("common.all")}
        />
        <SelectField
          label={t("events.when")}
          value={when}
          onChange={(v) => {
            setWhen(v);
            setPage(1);
          }}
          options={[
            { value: "all", label: t("common.all") },
            { value: "upcoming", label: t("events.tab.upcoming") },
            { value: "past", label: t("events.tab.past") },
          ]}
        />
      </div>
      <p role="status" aria-live="polite" className="results-count">
        {list.data ? t("events.count", { formatted: formatNumber(list.data.total) }) : ""}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <div className="empty">
          <p>{t("eventAdmin.empty")}</p>
          <p>
            <Link to="/admin/events/new">{t("eventAdmin.new")}</Link>
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table aria-busy={list.isFetching}>
            <caption id="admin-events-caption" className="visually-hidden">
              {t("admin.tabs.events")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("eventForm.title")}</th>
                <th scope="col">{t("events.dates")}</th>
                <th scope="col">{t("events.type")}</th>
                <th scope="col">{t("fields.status")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((e) => {
                const title = pickLocalized(e.title);
                return (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/admin/events/${e.id}/edit`}>
                        <Localized picked={title} />
                      </Link>
                    </th>
                    <td>{formatDateRange(e.startDate, e.endDate)}</td>
                    <td>
                      {t(`eventType.${e.type}`)} · {t(`eventFormat.${e.format}`)}
                    </td>
                    <td>
                      <StatusBadge status={e.status} kind="event" />
                    </td>
                    <td>
                      <ul className="row-links">
                        <li>
                          <Link to={`/admin/events/${e.id}/applicants`}>
                            {t("eventAdmin.applicants")}
                            <span className="visually-hidden"> — {title.value}</span>
                          </Link>
                        </li>
                        <li>
                          <Link to={`/admin/events/${e.id}/attendance`}>
                            {t("eventNav.attendance")}
                            <span className="visually-hidden"> — {title.value}</span>
                          </Link>
                        </li>
                        <li>
                          <Link to={`/events/${e.id}/report`}>
                            {t("eventNav.report")}
                            <span className="visually-hidden"> — {title.value}</span>
                          </Link>
                        </li>
                        <li>
                          <Link to={`/events/${e.id}`}>
                            {t("eventAdmin.publicPage")}
                            <span className="visually-hidden"> — {title.value}</span>
                          </Link>
                        </li>
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.data ? (
        <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
      ) : null}
    </>
  );
}
