import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, Fragment, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ApplicantSummary, ApplicationRow } from "../../../../shared/schemas/events.ts";
import { ApiError, api } from "../../../api.ts";
import { formatNumber, nameOf, type Page, useRefLookup } from "../../../data.ts";
import { currentLocale } from "../../../i18n/index.ts";
import { errorText, Loading, QueryError, SelectField } from "../../../ui/forms.tsx";
import { useUrlFilters } from "../../../ui/useUrlFilters.ts";
import { LiveStatus, PageTitle, Pagination } from "../../../ui/widgets.tsx";
import NotFoundPage from "../../home/NotFoundPage.tsx";
import { useEvent } from "../EventPage.tsx";
import { eventApi, eventKeys, type QuestionView } from "../endpoints.ts";
import { pickLocalized } from "../format.ts";
import { applicationStatusOptions, orgTypeOptions } from "../labels.ts";
import { StatusBadge } from "../ui.tsx";
import { ApplicantDetail, ScoreInput } from "./ApplicantDetail.tsx";
import { DiversityPanel, useDiversity } from "./DiversityPanel.tsx";
import { EventAdminNav } from "./EventAdminNav.tsx";
import { InviteButton } from "./InviteDialog.tsx";

const PAGE_SIZE = 25;
const FILTERS = ["status", "country", "region", "gender", "youth", "orgType", "travel", "q"] as const;
type Decision = "accepted" | "waitlisted" | "rejected";
const DECISIONS: Decision[] = ["accepted", "waitlisted", "rejected"];
const DECIDABLE = ["submitted", "waitlisted", "accepted", "rejected", "confirmed"];

export default function ApplicantsPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const event = useEvent(id);
  if (event.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  const e = event.data;
  const title = pickLocalized(e.title).value;
  return (
    <div className="applicants-page">
      <PageTitle title={t("applicants.title", { title })}>
        {t("applicants.titlePrefix")} <bdi>{title}</bdi>
      </PageTitle>
      <EventAdminNav eventId={e.id} title={title} />
      <DiversityPanel eventId={e.id} />
      <Applicants eventId={e.id} capacity={e.capacity} questions={(e.questions ?? []) as QuestionView[]} />
    </div>
  );
}

function Applicants({
  eventId,
  capacity,
  questions,
}: {
  eventId: string;
  capacity: number | null;
  questions: QuestionView[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookup = useRefLookup();
  const queryClient = useQueryClient();
  const searchId = useId();
  const { params, setParams, page, filters, update } = useUrlFilters(FILTERS, { replace: true });
  const [q, setQ] = useState(params.get("q") ?? "");
  useEffect(() => setQ(params.get("q") ?? ""), [params]);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [alert, setAlert] = useState("");
  // Messages are made in the language of the moment: a switch of language clears them rather than
  // leaving an English sentence in an Arabic page.
  useEffect(() => {
    setAnnouncement("");
    setAlert("");
  }, [locale]);

  const sort = params.get("sort") || "created";
  const dir = params.get("dir") === "desc" ? "desc" : "asc";
  const query = { ...filters, sort, dir, page: String(page), pageSize: String(PAGE_SIZE) };
  const list = useQuery({
    queryKey: eventKeys.applicants(eventId, query),
    queryFn: ({ signal }) => api.get<Page<ApplicantSummary>>(eventApi.applications(eventId), query, signal),
    placeholderData: keepPreviousData,
  });
  const everyone = useDiversity(eventId, "applicants");

  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: eventKeys.applicants(eventId) });
    queryClient.invalidateQueries({ queryKey: eventKeys.diversity(eventId) });
  };

  const decide = useMutation({
    mutationFn: (v: { row: ApplicantSummary; decision: Decision }) =>
      api.post<ApplicationRow>(eventApi.decision(v.row.id), { decision: v.decision }),
    onMutate: () => setAlert(""),
    onSuccess: (_r, v) => {
      setAnnouncement(
        t("applicants.decided", {
          name: `\u2068${v.row.name}\u2069`,
          status: t(`applicationStatus.${v.decision}`),
        }),
      );
      refresh();
    },
    onError: (err) => {
      setAnnouncement("");
      setAlert(
        err instanceof ApiError && err.code === "capacity_reached"
          ? t("applicants.capacityReached", { capacity: formatNumber(capacity ?? 0) })
          : errorText(err, t),
      );
    },
  });

  const sortHeader = (key: string, label: string) => {
    const active = sort === key;
    const nextDir = active && dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => update({ sort: key, dir: nextDir }, false)}
        >
          {label}
          <span className="sort-icon" aria-hidden="true">
            {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  const regions = (lookup.ref.data?.regions ?? []).map((r) => ({
    value: r.code,
    label: nameOf(r.names, r.code, locale),
  }));
  const genders = (everyone.data?.genders ?? [])
    .filter((g) => g.key !== "unknown")
    .map((g) => ({ value: g.key, label: t(`diversity.gender.${g.key}`, { defaultValue: g.key }) }));
  const yesNo = [
    { value: "true", label: t("common.yes") },
    { value: "false", label: t("common.no") },
  ];
  const hasFilters = Object.keys(filters).length > 0;
  const yes = (v: boolean | null) => (v == null ? "—" : v ? t("common.yes") : t("common.no"));
  const COLS = 11;

  return (
    <section aria-labelledby="applicants-title" className="applicants">
      <h2 id="applicants-title">{t("applicants.listTitle")}</h2>
      <InviteButton eventId={eventId} />
      <search>
        <form
          className="search-form"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            update({ q: q.trim() || null });
          }}
        >
          <label htmlFor={searchId}>{t("applicants.search")}</label>
          <div className="search-row">
            <input
              id={searchId}
              type="search"
              value={q}
              onChange={(ev) => setQ(ev.target.value)}
              maxLength={200}
            />
            <button className="btn btn-primary" type="submit">
              {t("directory.searchButton")}
            </button>
          </div>
        </form>
      </search>
      <div className="filter-bar">
        <SelectField
          label={t("fields.status")}
          value={filters.status ?? ""}
          onChange={(v) => update({ status: v })}
          options={applicationStatusOptions(t)}
          emptyLabel={t("common.all")}
        />
        <SelectField
          label={t("fields.country")}
          value={filters.country ?? ""}
          onChange={(v) => update({ country: v })}
          options={lookup.sortedCountries().map((c) => ({ value: c.code, label: c.name }))}
          emptyLabel={t("common.all")}
        />
        <SelectField
          label={t("fields.region")}
          value={filters.region ?? ""}
          onChange={(v) => update({ region: v })}
          options={regions}
          emptyLabel={t("common.all")}
        />
        <SelectField
          label={t("fields.gender")}
          value={filters.gender ?? ""}
          onChange={(v) => update({ gender: v })}
          options={genders}
          emptyLabel={t("common.all")}
        />
        <SelectField
          label={t("applicants.youth")}
          value={filters.youth ?? ""}
          onChange={(v) => update({ youth: v })}
          options={yesNo}
          emptyLabel={t("common.all")}
        />
        <SelectField
          label={t("fields.type")}
          value={filters.orgType ?? ""}
          onChange={(v) => update({ orgType: v })}
          options={orgTypeOptions(t)}
          emptyLabel={t("common.all")}
        />
        <SelectField
          label={t("applicants.travel")}
          value={filters.travel ?? ""}
          onChange={(v) => update({ travel: v })}
          options={yesNo}
          emptyLabel={t("common.all")}
        />
        {hasFilters ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setParams(new URLSearchParams({ sort, dir }))}
          >
            {t("directory.clear")}
          </button>
        ) : null}
      </div>
      <div className="results-head">
        <p role="status" aria-live="polite" className="results-count">
          {list.data ? t("applicants.count", { formatted: formatNumber(list.data.total) }) : ""}
        </p>
        {list.data?.total ? (
          <div className="exports">
            <span>{t("applicants.export")}</span>
            {(["csv", "xlsx"] as const).map((format) => (
              <a
                key={format}
                href={`${eventApi.applicationsExport(eventId)}?${new URLSearchParams({ ...filters, sort, dir, lang: locale, format })}`}
                download
              >
                {format.toUpperCase()}
              </a>
            ))}
          </div>
        ) : null}
      </div>
      <LiveStatus>{announcement}</LiveStatus>
      {alert ? (
        <div className="notice notice-error" role="alert">
          <p>{alert}</p>
        </div>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <div className="empty">
          <p>{hasFilters ? t("applicants.emptyFiltered") : t("applicants.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="applicants-table" aria-busy={list.isFetching}>
            <caption id="applicants-caption" className="visually-hidden">
              {t("applicants.caption")}
            </caption>
            <thead>
              <tr>
                {sortHeader("name", t("fields.name"))}
                {sortHeader("organization", t("fields.organization"))}
                {sortHeader("country", t("fields.country"))}
                <th scope="col">{t("fields.gender")}</th>
                <th scope="col">{t("applicants.youth")}</th>
                <th scope="col">{t("applicants.firstTime")}</th>
                <th scope="col">{t("applicants.endorsement")}</th>
                <th scope="col">{t("applicants.travel")}</th>
                {sortHeader("score", t("applicants.score"))}
                {sortHeader("status", t("fields.status"))}
                <th scope="col">{t("applicants.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => {
                const open = expanded === r.id;
                return (
                  <Fragment key={r.id}>
                    <tr className={open ? "row-open" : undefined}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button row-toggle"
                          aria-expanded={open}
                          aria-controls={`applicant-${r.id}`}
                          onClick={() => setExpanded(open ? null : r.id)}
                        >
                          <span className="toggle-icon flip" aria-hidden="true">
                            {open ? "▾" : "▸"}
                          </span>
                          <bdi>{r.name}</bdi>
                        </button>
                      </th>
                      <td>
                        <bdi>{r.organizationName}</bdi>
                        <span className="cell-note">
                          {t(`orgType.${r.organizationType}`, { defaultValue: r.organizationType })}
                        </span>
                      </td>
                      <td>{lookup.country(r.country) || "—"}</td>
                      <td>
                        {r.gender
                          ? t(`diversity.gender.${r.gender.toLowerCase()}`, { defaultValue: r.gender })
                          : "—"}
                      </td>
                      <td>{yes(r.youth)}</td>
                      <td>{yes(r.firstTime)}</td>
                      <td>{t(`endorsement.${r.endorsement}`, { defaultValue: r.endorsement })}</td>
                      <td>{yes(r.travelSupport)}</td>
                      <td>
                        <ScoreInput row={r} onSaved={(m) => setAnnouncement(m)} onChanged={refresh} />
                      </td>
                      <td>
                        <StatusBadge status={r.status} kind="application" />
                      </td>
                      <td>
                        {DECIDABLE.includes(r.status) ? (
                          <div className="decision-buttons">
                            {DECISIONS.map((d) => (
                              <button
                                key={d}
                                type="button"
                                className={`btn btn-small ${d === "accepted" ? "btn-primary" : d === "rejected" ? "btn-ghost" : "btn-secondary"}`}
                                disabled={
                                  decide.isPending ||
                                  r.status === d ||
                                  (d === "accepted" && r.status === "confirmed")
                                }
                                onClick={() => decide.mutate({ row: r, decision: d })}
                              >
                                {t(`applicants.do.${d}`)}
                                <span className="visually-hidden"> — {r.name}</span>
                              </button>
                            ))}
                          </div>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                    {open ? (
                      <tr className="row-detail">
                        <td colSpan={COLS} id={`applicant-${r.id}`}>
                          <ApplicantDetail row={r} questions={questions} onSaved={setAnnouncement} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
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
  );
}
