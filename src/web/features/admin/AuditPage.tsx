import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { formatDate, formatNumber, type Page } from "../../data.ts";
import { Loading, QueryError, TextField } from "../../ui/forms.tsx";
import { LiveStatus, PageTitle, Pagination } from "../../ui/widgets.tsx";

interface AuditEntry {
  id: string;
  at: string;
  actorLabel: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const show = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v, null, 1));

export function Diff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const isObj = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === "object" && !Array.isArray(v);
  if (before == null && after == null) return <span className="muted">—</span>;
  if (!isObj(before) && !isObj(after)) {
    return (
      <div className="diff">
        <pre className="diff-before">{show(before)}</pre>
        <pre className="diff-after">{show(after)}</pre>
      </div>
    );
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    <table className="diff-table">
      <thead>
        <tr>
          <th scope="col">{t("audit.field")}</th>
          <th scope="col">{t("audit.before")}</th>
          <th scope="col">{t("audit.after")}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const changed = JSON.stringify(b[k]) !== JSON.stringify(a[k]);
          return (
            <tr key={k} className={changed ? "changed" : undefined}>
              <th scope="row">{k}</th>
              <td>
                <pre className={changed ? "diff-before" : undefined}>{show(b[k])}</pre>
              </td>
              <td>
                <pre className={changed ? "diff-after" : undefined}>{show(a[k])}</pre>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ entity: "", action: "", actor: "", from: "", to: "" });
  const [query, setQuery] = useState({ ...form, page: 1 });
  const audit = useQuery({
    queryKey: ["admin", "audit", query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>("/api/admin/audit", query, signal),
  });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ ...form, page: 1 });
  };
  return (
    <>
      <PageTitle>{t("admin.tabs.audit")}</PageTitle>
      <form onSubmit={submit} className="filter-bar" aria-label={t("directory.filters")}>
        <TextField label={t("audit.entity")} value={form.entity} onChange={set("entity")} />
        <TextField label={t("audit.action")} value={form.action} onChange={set("action")} />
        <TextField label={t("audit.actor")} value={form.actor} onChange={set("actor")} />
        <TextField label={t("audit.from")} type="date" value={form.from} onChange={set("from")} />
        <TextField label={t("audit.to")} type="date" value={form.to} onChange={set("to")} />
        <button type="submit" className="btn btn-primary">
          {t("common.apply")}
        </button>
      </form>
      <LiveStatus>
        {audit.data ? t("audit.count", { formatted: formatNumber(audit.data.total) }) : ""}
      </LiveStatus>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <QueryError error={audit.error} />
      ) : audit.data.items.length === 0 ? (
        <p className="empty">{t("audit.empty")}</p>
      ) : (
        <ol className="audit-list">
          {audit.data.items.map((e) => (
            <li key={e.id} className="card">
              <p>
                <strong>{e.action}</strong> · {e.entity}
                {e.entityId ? <code className="small"> {e.entityId}</code> : null}
              </p>
              <p className="muted">
                <time dateTime={e.at}>{formatDate(e.at, true)}</time> · {e.actorLabel ?? t("audit.system")}
              </p>
              <details>
                <summary>{t("audit.changes")}</summary>
                <Diff before={e.before} after={e.after} />
              </details>
            </li>
          ))}
        </ol>
      )}
      {audit.data ? (
        <Pagination
          page={query.page}
          pageSize={audit.data.pageSize ?? 50}
          total={audit.data.total}
          onPage={(p) => setQuery((q) => ({ ...q, page: p }))}
        />
      ) : null}
    </>
  );
}
