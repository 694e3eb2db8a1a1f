import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../data.ts";
import { ErrorSummary, Loading, QueryError } from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { LiveStatus, PageTitle } from "../../ui/widgets.tsx";
import { notificationLink, notificationText, useMarkRead, useNotifications } from "./notifications.tsx";

export default function NotificationsPage() {
  return <RequireUser>{() => <NotificationsList />}</RequireUser>;
}

function NotificationsList() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  return (
    <section className="notifications-page">
      <div className="page-head">
        <PageTitle>{t("notifications.title")}</PageTitle>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy || !list.data?.unread}
          onClick={run(async () => {
            await markRead();
            setDone(t("notifications.allRead"));
          })}
        >
          {t("notifications.markAllRead")}
        </button>
      </div>
      <p>
        <Link to="/me/security#notification-preferences-card">{t("notifications.preferencesLink")}</Link>
      </p>
      <ErrorSummary error={error} />
      <LiveStatus>{done}</LiveStatus>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : !list.data.items.length ? (
        <p className="empty">{t("notifications.empty")}</p>
      ) : (
        <ul className="notification-list">
          {list.data.items.map((n) => (
            <li key={n.id} className={`card${n.read ? "" : " unread"}`}>
              <p>
                {n.read ? null : <span className="tag tag-warn">{t("notifications.new")}</span>}{" "}
                <Link to={notificationLink(n)} onClick={() => (n.read ? undefined : markRead([n.id]))}>
                  {notificationText(t, n)}
                </Link>
              </p>
              <p className="cell-note">
                <time dateTime={n.at}>{formatDate(n.at, true)}</time>
              </p>
              {!n.read ? (
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={run(async () => {
                    await markRead([n.id]);
                    setDone(t("notifications.markedRead"));
                  })}
                >
                  {t("notifications.markRead")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
