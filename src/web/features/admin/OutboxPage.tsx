import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { formatDate, type Page } from "../../data.ts";
import { Loading, QueryError } from "../../ui/forms.tsx";
import { ModalDialog, PageTitle, Pagination } from "../../ui/widgets.tsx";

interface Mail {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  kind: string;
  locale: string;
  status: string;
  text?: string;
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["admin", "outbox", page],
    queryFn: ({ signal }) => api.get<Page<Mail>>("/api/admin/outbox", { page }, signal),
  });
  const one = useQuery({
    queryKey: ["admin", "outbox", "one", openId],
    queryFn: ({ signal }) => api.get<Mail>(`/api/admin/outbox/${openId}`, undefined, signal),
    enabled: !!openId,
  });
  return (
    <>
      <PageTitle>{t("admin.tabs.outbox")}</PageTitle>
      <p>{t("outbox.intro")}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="empty">{t("outbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("admin.tabs.outbox")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outbox.date")}</th>
                <th scope="col">{t("outbox.to")}</th>
                <th scope="col">{t("outbox.subject")}</th>
                <th scope="col">{t("outbox.kind")}</th>
                <th scope="col">{t("fields.locale")}</th>
                <th scope="col">{t("fields.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((m) => (
                <tr key={m.id}>
                  <td>{formatDate(m.createdAt, true)}</td>
                  <td>{m.to}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setOpenId(m.id)}>
                      {m.subject}
                    </button>
                  </td>
                  <td>{m.kind}</td>
                  <td>{m.locale}</td>
                  <td>{m.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data ? (
        <Pagination
          page={page}
          pageSize={list.data.pageSize ?? 50}
          total={list.data.total}
          onPage={setPage}
        />
      ) : null}
      <ModalDialog
        isOpen={!!openId}
        onClose={() => setOpenId(null)}
        title={one.data?.subject ?? t("outbox.message")}
      >
        {one.isPending ? (
          <Loading />
        ) : one.isError ? (
          <QueryError error={one.error} />
        ) : (
          <>
            <p className="muted">
              {t("outbox.to")}: {one.data.to} · {formatDate(one.data.createdAt, true)}
            </p>
            <pre className="mail-text" lang={one.data.locale}>
              {one.data.text}
            </pre>
          </>
        )}
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={() => setOpenId(null)}>
            {t("common.close")}
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
