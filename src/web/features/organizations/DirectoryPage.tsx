import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { pickText } from "../../../shared/schemas/common.ts";
import { ORG_SORTS, type OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { api, toSearch } from "../../api.ts";
import { formatNumber, langAttrs, nameOf, type Page, useMe, useRefLookup } from "../../data.ts";
import { currentLocale } from "../../i18n/index.ts";
import { Checkbox, Loading, QueryError, SelectField } from "../../ui/forms.tsx";
import { useUrlFilters } from "../../ui/useUrlFilters.ts";
import { PageTitle, Pagination } from "../../ui/widgets.tsx";
import { ecosocOptions, typeOptions } from "./labels.ts";

const PAGE_SIZE = 20;
const FILTER_KEYS = [
  "q",
  "type",
  "country",
  "region",
  "theme",
  "area",
  "ecosoc",
  "youthLed",
  "victimLed",
  "grassroots",
];

export default function DirectoryPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { params, setParams, page, filters, update } = useUrlFilters(FILTER_KEYS);
  const lookup = useRefLookup();
  const me = useMe();
  const searchId = useId();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => setQ(params.get("q") ?? ""), [params]);

  const sort = params.get("sort") || "name";
  const query = { ...filters, sort, page: String(page), pageSize: String(PAGE_SIZE) };

  const list = useQuery({
    queryKey: ["organizations", query],
    queryFn: ({ signal }) => api.get<Page<OrganizationPublic>>("/api/organizations", query, signal),
    placeholderData: keepPreviousData,
  });

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: q.trim() || null });
  };

  const ref = lookup.ref.data;
  const list4 = (items: Array<{ code: string; names: any }> | undefined) =>
    (items ?? [])
      .map((i) => ({ value: i.code, label: nameOf(i.names, i.code, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  const countries = lookup.sortedCountries().map((c) => ({ value: c.code, label: c.name }));
  const exportQuery = toSearch({ ...filters, sort });
  const hasFilters = Object.keys(filters).length > 0;
  const total = list.data?.total ?? 0;

  return (
    <>
      <div className="page-head">
        <PageTitle>{t("directory.title")}</PageTitle>
        {me.data?.user ? (
          <Link className="btn btn-primary" to="/organizations/new">
            {t("directory.register")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("directory.intro")}</p>
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
                <label htmlFor={searchId}>{t("directory.search")}</label>
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
              label={t("fields.type")}
              value={filters.type ?? ""}
              onChange={(v) => update({ type: v })}
              options={typeOptions(t)}
              emptyLabel={t("common.all")}
            />
            <SelectField
              label={t("fields.country")}
              value={filters.country ?? ""}
              onChange={(v) => update({ country: v })}
              options={countries}
              emptyLabel={t("common.all")}
            />
            <SelectField
              label={t("fields.region")}
              value={filters.region ?? ""}
              onChange={(v) => update({ region: v })}
              options={list4(ref?.regions)}
              emptyLabel={t("common.all")}
            />
            <SelectField
              label={t("fields.thematicFocus")}
              value={filters.theme ?? ""}
              onChange={(v) => update({ theme: v })}
              options={list4(ref?.thematicAreas)}
              emptyLabel={t("common.all")}
            />
            <SelectField
              label={t("fields.engagementAreas")}
              value={filters.area ?? ""}
              onChange={(v) => update({ area: v })}
              options={list4(ref?.engagementAreas)}
              emptyLabel={t("common.all")}
            />
            <SelectField
              label={t("fields.ecosocStatus")}
              value={filters.ecosoc ?? ""}
              onChange={(v) => update({ ecosoc: v })}
              options={ecosocOptions(t)}
              emptyLabel={t("common.all")}
            />
            <fieldset className="group">
              <legend>{t("directory.characteristics")}</legend>
              {(["youthLed", "victimLed", "grassroots"] as const).map((k) => (
                <Checkbox
                  key={k}
                  label={t(`fields.${k}`)}
                  checked={filters[k] === "true"}
                  onChange={(on) => update({ [k]: on ? "true" : null })}
                />
              ))}
            </fieldset>
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
              {list.isPending
                ? t("common.loading")
                : t("directory.count", { formatted: formatNumber(total) })}
            </p>
            <div className="results-tools">
              <SelectField
                label={t("directory.sort")}
                value={sort}
                onChange={(v) => update({ sort: v }, false)}
                options={ORG_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
              />
              <div className="exports">
                <span>{t("directory.export")}</span>
                <a
                  href={`/api/organizations/export${exportQuery}${exportQuery ? "&" : "?"}format=csv`}
                  download
                >
                  CSV
                </a>
                <a
                  href={`/api/organizations/export${exportQuery}${exportQuery ? "&" : "?"}format=xlsx`}
                  download
                >
                  XLSX
                </a>
              </div>
            </div>
          </div>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <QueryError error={list.error} />
          ) : list.data.items.length === 0 ? (
            <div className="empty">
              <p>{t("directory.empty")}</p>
              {hasFilters ? <p>{t("directory.emptyHint")}</p> : null}
            </div>
          ) : (
            <ul className="org-list" aria-busy={list.isFetching}>
              {list.data.items.map((o) => {
                const name = pickText(o.names, locale, o.originalLang);
                const display = name.value || o.name;
                return (
                  <li key={o.id} className="org-card">
                    <h3 className="org-card-title">
                      <Link to={`/organizations/${o.id}`} {...langAttrs(name.lang, name.fallback)}>
                        {display}
                      </Link>
                      {o.acronym ? <span className="acronym"> ({o.acronym})</span> : null}
                    </h3>
                    <dl className="meta">
                      <div>
                        <dt>{t("fields.type")}</dt>
                        <dd>{t(`orgType.${o.type}`)}</dd>
                      </div>
                      <div>
                        <dt>{t("fields.country")}</dt>
                        <dd>{lookup.country(o.country)}</dd>
                      </div>
                      {o.region ? (
                        <div>
                          <dt>{t("fields.region")}</dt>
                          <dd>{lookup.region(o.region)}</dd>
                        </div>
                      ) : null}
                    </dl>
                    <ul className="tags" aria-label={t("directory.characteristics")}>
                      {o.youthLed ? <li className="tag">{t("fields.youthLed")}</li> : null}
                      {o.victimLed ? <li className="tag">{t("fields.victimLed")}</li> : null}
                      {o.grassroots ? <li className="tag">{t("fields.grassroots")}</li> : null}
                      {o.ecosocStatus !== "none" ? (
                        <li className="tag">{t(`ecosoc.${o.ecosocStatus}`)}</li>
                      ) : null}
                    </ul>
                  </li>
                );
              })}
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
        </section>
      </div>
    </>
  );
}
