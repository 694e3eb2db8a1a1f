import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ANSWER_STATUSES } from "../../../../shared/schemas/recommendations.ts";
import { api } from "../../../api.ts";
import { formatDate, formatNumber, useMe } from "../../../data.ts";
import { ErrorSummary, Loading, QueryError, SelectField } from "../../../ui/forms.tsx";
import { useSubmit } from "../../../ui/useSubmit.ts";
import { useUrlFilters } from "../../../ui/useUrlFilters.ts";
import { LiveStatus, ModalDialog, PageTitle, Pagination } from "../../../ui/widgets.tsx";
import {
  LocalText,
  protectionOptions,
  type RecList,
  RecStatusBadge,
  recApi,
  recKeys,
  statusOptions,
  useAssignees,
} from "../shared.tsx";
import { AnswerFields, type AnswerState, answerBody, emptyAnswer } from "./AnswerFields.tsx";

const PAGE_SIZE = 25;
const FILTERS = ["q", "status", "protection", "assigned", "event"];

export default function TriagePage() {
  const { t } = useTranslation();
  const { params, page, filters, update: setFilters } = useUrlFilters(FILTERS);
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [status, setStatus] = useState("");
  const [q, setQ] = useState(params.get("q") ?? "");
  const release = useSubmit();
  const query = {
    ...filters,
    sort: params.get("sort") || "oldest",
    page: String(page),
    pageSize: String(PAGE_SIZE),
  };
  const myId = useMe().data?.user?.id;
  const people = useAssignees();
  const list = useQuery({
    queryKey: recKeys.list({ ...query, staff: "1" }),
    queryFn: ({ signal }) => api.get<RecList>(recApi.list, query, signal),
    placeholderData: keepPreviousData,
  });
  /** A new filter starts again on page 1, with nothing selected. */
  const update = (changes: Record<string, string | null>) => {
    setFilters(changes);
    setSelected([]);
  };
  const items = list.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((r) => selected.includes(r.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));

  const releaseAll = release.run(async () => {
    const r = await api.post<{ published: number }>(recApi.publish, {});
    await queryClient.invalidateQueries({ queryKey: recKeys.all });
    setStatus(t("triage.released", { count: r.published, formatted: formatNumber(r.published) }));
  });

  return (
    <section className="triage">
      <div className="page-head">
        <PageTitle>{t("triage.title")}</PageTitle>
        <div className="actions">
          <Link className="btn btn-secondary" to="/admin/recommendations/clusters">
            {t("triage.clusters")}
          </Link>
          <button type="button" className="btn btn-secondary" onClick={releaseAll} disabled={release.busy}>
            {t("triage.release")}
          </button>
        </div>
      </div>
      <p className="lead">{t("triage.intro")}</p>
      <ErrorSummary error={release.error} />
      <LiveStatus>{status}</LiveStatus>
      {filters.event ? (
        <p className="notice">
          {t("triage.eventFiltered")}{" "}
          <button type="button" className="link-button" onClick={() => update({ event: null })}>
            {t("directory.clear")}
          </button>
        </p>
      ) : null}
      <div className="filter-bar">
        <form
          className="search-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            update({ q: q.trim() || null });
          }}
        >
          <label htmlFor="triage-q">{t("recs.search")}</label>
          <div className="search-row">
            <input id="triage-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            <button className="btn btn-primary" type="submit">
              {t("directory.searchButton")}
            </button>
          </div>
        </form>
        <SelectField
          id="triage-status"
          label={t("recs.status")}
          value={filters.status ?? ""}
          onChange={(v) => update({ status: v })}
          options={statusOptions(t)}
          emptyLabel={t("common.all")}
        />
        <SelectField
          id="triage-protection"
          label={t("triage.protection")}
          value={filters.protection ?? ""}
          onChange={(v) => update({ protection: v })}
          options={protectionOptions(t)}
          emptyLabel={t("common.all")}
        />
        <SelectField
          id="triage-assigned"
          label={t("triage.assigned")}
          value={filters.assigned ?? ""}
          onChange={(v) => update({ assigned: v })}
          options={[
            { value: "me", label: t("triage.assignedMe") },
            { value: "none", label: t("triage.assignedNone") },
            // Colleagues by name (the secretariat and admins; oneself is "me").
            ...(people.data ?? []).filter((p) => p.id !== myId).map((p) => ({ value: p.id, label: p.name })),
          ]}
          emptyLabel={t("common.all")}
        />
      </div>
      <div className="results-head">
        <p role="status" aria-live="polite" className="results-count">
          {list.isPending
            ? t("common.loading")
            : t("recs.count", { formatted: formatNumber(list.data?.total ?? 0) })}
        </p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!selected.length}
          onClick={() => setBulkOpen(true)}
        >
          {t("triage.bulkAnswer", { count: selected.length, formatted: formatNumber(selected.length) })}
        </button>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : (
        <div className="table-wrap">
          <table className="compact-table triage-table">
            <caption className="visually-hidden">{t("triage.title")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t("triage.selectAll")}
                    checked={allOnPage}
                    onChange={(e) => setSelected(e.target.checked ? items.map((r) => r.id) : [])}
                  />
                </th>
                <th scope="col">{t("recs.fieldTitle")}</th>
                <th scope="col">{t("recs.status")}</th>
                <th scope="col">{t("triage.protection")}</th>
                <th scope="col">{t("recs.event")}</th>
                <th scope="col">{t("triage.received")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-labelledby={`triage-title-${r.id}`}
                      checked={selected.includes(r.id)}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                    />
                  </td>
                  <td>
                    <Link id={`triage-title-${r.id}`} to={`/admin/recommendations/${r.id}`}>
                      <LocalText text={r.title} />
                    </Link>
                  </td>
                  <td>
                    <RecStatusBadge status={r.status} />
                    {r.internal?.pendingAnswer ? (
                      <span className="cell-note"> {t("triage.prepared")}</span>
                    ) : null}
                  </td>
                  <td>{t(`recProtection.${r.protection}`)}</td>
                  <td>{r.event ? <LocalText text={r.event.title} /> : "—"}</td>
                  <td>{formatDate(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        onPage={(p) => setFilters({ page: String(p) }, false)}
      />
      <BulkAnswer
        ids={selected}
        isOpen={bulkOpen}
        onClose={() => setBulkOpen(false)}
        onDone={(n) => {
          setSelected([]);
          setStatus(t("triage.bulkDone", { count: n, formatted: formatNumber(n) }));
        }}
      />
    </section>
  );
}

function BulkAnswer({
  ids,
  isOpen,
  onClose,
  onDone,
}: {
  ids: string[];
  isOpen: boolean;
  onClose: () => void;
  onDone: (n: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const [answer, setAnswer] = useState<AnswerState>(emptyAnswer());
  const submit = run(async () => {
    await api.post(recApi.answers, { ids, ...answerBody(answer) });
    await queryClient.invalidateQueries({ queryKey: recKeys.all });
    onDone(ids.length);
    onClose();
  });
  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={onClose}
      title={t("triage.bulkTitle", { count: ids.length, formatted: formatNumber(ids.length) })}
    >
      <form onSubmit={submit}>
        <ErrorSummary error={error} form="bulk" />
        <AnswerFields form="bulk" value={answer} onChange={setAnswer} statuses={ANSWER_STATUSES} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("triage.answerButton")}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
