import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { pickText } from "../../../shared/schemas/common.ts";
import type { OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { api } from "../../api.ts";
import { formatDate, formatNumber, type Page, useRefLookup } from "../../data.ts";
import { currentLocale } from "../../i18n/index.ts";
import { Loading, QueryError, SelectField } from "../../ui/forms.tsx";
import { LiveStatus, PageTitle, Pagination } from "../../ui/widgets.tsx";
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
  // The last vetting result, announced at page level: the card it came from usually leaves the
  // list as soon as it reloads, taking any message inside it along.
  const [announcement, setAnnouncement] = useState("");
  // Where focus goes once the list has reloaded after an action: the same card if it is still
  // listed, else the next one, else the previous one, else the list heading.
  const focusPlan = useRef<string[] | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const planFocus = (id: string) => {
    const ids = list.data?.items.map((o) => o.id) ?? [];
    const i = ids.indexOf(id);
    focusPlan.current = i < 0 ? [id] : [id, ...ids.slice(i + 1), ...ids.slice(0, i).reverse()];
  };
  const updatedAt = list.dataUpdatedAt;
  useEffect(() => {
    const plan = focusPlan.current;
    if (!plan || !updatedAt) return;
    // Runs after the reloaded list has been rendered, so the acted-on card may be gone.
    focusPlan.current = null;
    const target =
      plan.map((id) => document.getElementById(`vetting-org-${id}`)).find((el) => el !== null) ??
      listHeading.current;
    target?.focus();
  }, [updatedAt]);
  return (
    <>
      <PageTitle>{t("admin.tabs.vetting")}</PageTitle>
      <p>{t("vetting.intro")}</p>
      <LiveStatus>{announcement}</LiveStatus>
      <SelectField
        label={t("fields.status")}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={statusOptions(t)}
      />
      <h2 className="list-title" tabIndex={-1} ref={listHeading}>
        {t("vetting.listTitle", { status: t(`orgStatus.${status}`) })}
      </h2>
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
                <h3 className="org-card-title" id={`vetting-org-${o.id}`} tabIndex={-1}>
                  <Link to={`/organizations/${o.id}`} dir="auto">
                    {name}
                  </Link>
                  {o.acronym ? <span className="acronym"> ({o.acronym})</span> : null}
                </h3>
                <p className="muted">
                  {t(`orgType.${o.type}`)} · {lookup.country(o.country)} · {t("vetting.submitted")}{" "}
                  {formatDate(o.createdAt)}
                </p>
                <StatusActions
                  org={{ ...o, name }}
                  onStatus={setAnnouncement}
                  onDone={() => planFocus(o.id)}
                />
              </li>
            );
          })}
        </ul>
      )}
      {list.data ? <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} /> : null}
    </>
  );
}
