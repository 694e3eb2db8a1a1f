import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LocalizedText } from "../../../shared/schemas/common.ts";
import { api, toSearch } from "../../api.ts";
import { formatDate, formatNumber, nameOf, useMe, useReference } from "../../data.ts";
import { currentLocale } from "../../i18n/index.ts";
import { Loading, QueryError, SelectField } from "../../ui/forms.tsx";
import { useUrlFilters } from "../../ui/useUrlFilters.ts";
import { PageTitle, Pagination } from "../../ui/widgets.tsx";
import { eventTitle } from "../events/ui.tsx";
import {
  EXPORT_FORMATS,
  LocalText,
  ProgressBar,
  REGIONS,
  type RecList,
  RecStatusBadge,
  recApi,
  recKeys,
  statusOptions,
} from "./shared.tsx";

const PAGE_SIZE = 20;
const FILTER_KEYS = ["q", "status", "event", "theme", "instrument", "article", "region", "year", "area"];
const SORTS = ["newest", "oldest", "endorsements", "status"] as const;

interface EventOption {
  id: string;
  title: LocalizedText;
  startDate: string;
}

export default function TrackerPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { params, setParams, page, filters, update } = useUrlFilters(FILTER_KEYS);
  const ref = useReference();
  const me = useMe();
  const searchId = useId();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [groupBy, setGroupBy] = useState("theme");
  useEffect(() => setQ(params.get("q") ?? ""), [params]);

  const sort = params.get("sort") || "newest";
  const query = { ...filters, sort, page: String(page), pageSize: String(PAGE_SIZE) };
  const list = useQuery({
    queryKey: recKeys.list(query),
    queryFn: ({ signal }) => api.get<RecList>(recApi.list, query, signal),
    placeholderData: keepPreviousData,
  });
  const stats = useQuery({
    queryKey: recKeys.stats(filters),
    queryFn: ({ signal }) =>
      api.get<{ total: number; byStatus: Record<string, number> }>(recApi.stats, filters, signal),
    placeholderData: keepPreviousData,
  });
  const events = useQuery({
    queryKey: ["events", { pageSize: "100", scope: "all" }],
    queryFn: ({ signal }) =>
      api.get<{ items: EventOption[] }>("/api/events", { pageSize: 100, when: "all" }, signal),
    staleTime: 60_000,
  });

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: q.trim() || null });
  };

  const names = (items: Array<{ code: string; names: any }> | undefined) =>
    (items ?? [])
      .map((i) => ({ value: i.code, label: nameOf(i.names, i.code, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  const articles = (ref.data?.instruments ?? []).flatMap(
    (i: any) =>
      ((i.articles ?? []) as Array<{ number: string | number; names?: any }>).map((a) => ({
        value: `${i.code}:${a.number}`,
        label: t("recs.articleRef", { instrument: i.code, article: a.number }),
      })) ?? [],
  );
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 }, (_, i) => String(thisYear - i)).map((y) => ({
    value: y,
    label: y,
  }));
  const hasFilters = Object.keys(filters).length > 0;
  const total = list.data?.total ?? 0;
  const exportHref = (format: string) =>
    `${recApi.export}${toSearch({ ...filters, format, groupBy, lang: locale })}`;

  return (
    <>
      <div className="page-head">
        <PageTitle>{t("recs.title")}</PageTitle>
        {me.data?.user ? (
          <Link className="btn btn-primary" to="/recommendations/new">
            {t("recs.submit")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("recs.intro")}</p>

      <section aria-labelledby="rec-stats-title" className="rec-stats">
        <h2 id="rec-stats-title" className="h3">
          {t("recs.statsTitle")}
        </h2>
        {stats.data ? (
          <dl className="stats">
            <div className="stat">
              <dt>{t("recs.statsTotal")}</dt>
              <dd>
                <span className="stat-value">{formatNumber(stats.data.total)}</span>
              </dd>
            </div>
            {Object.entries(stats.data.byStatus)
              .sort((a, b) => b[1] - a[1])
              .map(([status, n]) => (
                <div className="stat" key={status}>
                  <dt>{t(`recStatus.${status}`, { defaultValue: status })}</dt>
                  <dd>
                    <span className="stat-value">{formatNumber(n)}</span>
                  </dd>
                </div>
              ))}
          </dl>
        ) : stats.isError ? (
          <QueryError error={stats.error} />
        ) : (
          <Loading />
        )}
      </section>

      <div className="directory">
        <aside className={`filters${filtersOpen ? " open" : ""}`} aria-labelledby="filters-title">
          <h2 id="filters-title" className="h3 filters-title">
            {t("directory.filters")}
          </h2>
          <button
            type="button"
            className="btn btn-secondary filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="filters-body"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {filtersOpen ? t("directory.hideFilters") : t("directory.showFilters")}
            {hasFilters ? ` (${formatNumber(Object.keys(filters).length)})` : ""}
          </button>
          <div id="filters-body" className="filters-body">
            <search>
              <form onSubmit={onSearch} className="search-form">
                <label htmlFor={searchId}>{t("recs.search")}</label>
                <div className="search-row">
                  <input
                    id={searchId}
                    type="search"
                    value={q}
                    onChange={(e) => setQ(e.target.value)}
                    maxLength={200}
                  />
                  <button className="btn btn-primary" type="submit">
                    {t("directory.searchButton")}
                  </button>
                </div>
              </form>
            </search>
            <SelectField
              id="rec-filter-status"
              label={t("recs.status")}
              value={filters.status ?? ""}
              onChange={(v) => update({ status: v })}
              options={statusOptions(t)}
              emptyLabel={t("common.all")}
            />
            <SelectField
              id="rec-filter-event"
              label={t("recs.event")}
              value={filters.event ?? ""}
              onChange={(v) => update({ event: v })}
              options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: eventTitle(e.title) }))}
              emptyLabel={t("common.all")}
            />
            <div className="field">
              <label htmlFor="rec-filter-theme">{t("recs.theme")}</label>
              <input
                id="rec-filter-theme"
                type="text"
                defaultValue={filters.theme ?? ""}
                key={filters.theme ?? ""}
                onBlur={(e) => update({ theme: e.target.value.trim() || null })}
                onKeyDown={(e) => {
                  if (e.key === "Enter") update({ theme: e.currentTarget.value.trim() || null });
                }}
              />
            </div>
            <SelectField
              id="rec-filter-instrument"
              label={t("recs.instrument")}
              value={filters.instrument ?? ""}
              onChange={(v) => update({ instrument: v })}
              options={names(ref.data?.instruments)}
              emptyLabel={t("common.all")}
            />
            {articles.length ? (
              <SelectField
                id="rec-filter-article"
                label={t("recs.article")}
                value={filters.article ?? ""}
                onChange={(v) => update({ article: v })}
                options={articles.filter(
                  (a) => !filters.instrument || a.value.startsWith(`${filters.instrument}:`),
                )}
                emptyLabel={t("common.all")}
              />
            ) : null}
            <SelectField
              id="rec-filter-region"
              label={t("recs.region")}
              value={filters.region ?? ""}
              onChange={(v) => update({ region: v })}
              options={REGIONS.map((r) => ({
                value: r,
                label: nameOf(ref.data?.regions.find((x) => x.code === r)?.names, r, locale),
              }))}
              emptyLabel={t("common.all")}
            />
            <SelectField
              id="rec-filter-year"
              label={t("recs.year")}
              value={filters.year ?? ""}
              onChange={(v) => update({ year: v })}
              options={years}
              emptyLabel={t("common.all")}
            />
            <SelectField
              id="rec-filter-area"
              label={t("fields.engagementAreas")}
              value={filters.area ?? ""}
              onChange={(v) => update({ area: v })}
              options={names(ref.data?.engagementAreas)}
              emptyLabel={t("common.all")}
            />
            {hasFilters ? (
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => setParams(new URLSearchParams({ sort }))}
              >
                {t("directory.clear")}
              </button>
            ) : null}
          </div>
        </aside>
        <section className="results" aria-labelledby="results-title">
          <div className="results-head">
            <h2 id="results-title" className="h3">
              {t("directory.results")}
            </h2>
            <p role="status" aria-live="polite" className="results-count">
              {list.isPending ? t("common.loading") : t("recs.count", { formatted: formatNumber(total) })}
            </p>
            <div className="results-tools">
              <SelectField
                id="rec-sort"
                label={t("directory.sort")}
                value={sort}
                onChange={(v) => update({ sort: v }, false)}
                options={SORTS.map((s) => ({ value: s, label: t(`recs.sort.${s}`) }))}
              />
              <SelectField
                id="rec-group-by"
                label={t("recs.groupBy")}
                value={groupBy}
                onChange={setGroupBy}
                options={[
                  { value: "theme", label: t("recs.groupByTheme") },
                  { value: "article", label: t("recs.groupByArticle") },
                ]}
              />
              <div className="exports">
                <span>{t("directory.export")}</span>
                {EXPORT_FORMATS.map((f) => (
                  <a key={f} href={exportHref(f)} download data-format={f}>
                    {f.toUpperCase()}
                  </a>
                ))}
              </div>
            </div>
          </div>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <QueryError error={list.error} />
          ) : list.data.items.length === 0 ? (
            <div className="empty">
              <p>{t("recs.empty")}</p>
            </div>
          ) : (
            <ul className="rec-list" aria-busy={list.isFetching}>
              {list.data.items.map((r) => (
                <li key={r.id} className="rec-card">
                  <h3 className="rec-card-title">
                    <Link to={`/recommendations/${r.id}`}>
                      <LocalText text={r.title} />
                    </Link>
                  </h3>
                  <p className="rec-card-status">
                    <RecStatusBadge status={r.status} />
                    {r.answeredAt ? (
                      <span className="cell-note">
                        {" "}
                        {t("recs.answeredOn", { date: formatDate(r.answeredAt) })}
                      </span>
                    ) : null}
                  </p>
                  <dl className="meta">
                    {r.event ? (
                      <div>
                        <dt>{t("recs.event")}</dt>
                        <dd>
                          <LocalText text={r.event.title} />
                        </dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{t("recs.year")}</dt>
                      <dd>{r.year}</dd>
                    </div>
                    {r.themes.length ? (
                      <div>
                        <dt>{t("recs.themes")}</dt>
                        <dd>
                          <bdi>{r.themes.join(", ")}</bdi>
                        </dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{t("recs.endorsements")}</dt>
                      <dd>{formatNumber(r.endorsements)}</dd>
                    </div>
                  </dl>
                  {r.progress != null ? <ProgressBar value={r.progress} label={t("recs.progress")} /> : null}
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            onPage={(p) => update({ page: String(p) }, false)}
          />
        </section>
      </div>
    </>
  );
}
