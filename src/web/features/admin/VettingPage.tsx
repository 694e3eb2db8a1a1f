import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { pickText } from "../../../shared/schemas/common.ts";
import type { OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { api } from "../../api.ts";
import { formatDate, formatNumber, type Page, useRefLookup } from "../../data.ts";
import { currentLocale } from "../../i18n/index.ts";
import { Loading, QueryError, SelectField } from "../../ui/forms.tsx";
import { PageTitle, Pagination } from "../../ui/widgets.tsx";
import { statusOptions } from "../organizations/labels.ts";
import { StatusActions } from "../organizations/StatusActions.tsx";

export default function VettingPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookup = useRefLookup();
  const [status, setStatus] = useState("pending");
  const [page, setPage] = useState(1);
  const query = { status, sort: "created", page: String(page), pageSize: "20" };
  const list = useQuery({
    queryKey: ["organizations", query],
    queryFn: ({ signal }) => api.get<Page<OrganizationPublic>>("/api/organizations", query, signal),
  });
  return (
    <>
      <PageTitle>{t("admin.tabs.vetting")}</PageTitle>
      <p>{t("vetting.intro")}</p>
      <SelectField
        label={t("fields.status")}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={statusOptions(t)}
      />
      <p role="status" aria-live="polite">
        {list.data ? t("directory.count", { formatted: formatNumber(list.data.total) }) : ""}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t("vetting.empty")}</p>
      ) : (
        <ul className="org-list">
          {list.data.items.map((o) => {
            const name = pickText(o.names, locale, o.originalLang).value || o.name;
            return (
              <li key={o.id} className="org-card">
                <h2 className="org-card-title">
                  <Link to={`/organizations/${o.id}`} dir="auto">
                    {name}
                  </Link>
                  {o.acronym ? <span className="acronym"> ({o.acronym})</span> : null}
                </h2>
                <p className="muted">
                  {t(`orgType.${o.type}`)} · {lookup.country(o.country)} · {t("vetting.submitted")}{" "}
                  {formatDate(o.createdAt)}
                </p>
                <StatusActions org={{ ...o, name }} />
              </li>
            );
          })}
        </ul>
      )}
      {list.data ? <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} /> : null}
    </>
  );
}
