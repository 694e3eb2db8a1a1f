import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { formatNumber } from "../../data.ts";
import { pickLocalized } from "../events/format.ts";

export interface NotificationItem {
  id: string;
  kind: string;
  data: Record<string, any>;
  read: boolean;
  at: string;
}

export const notificationKeys = {
  list: ["me", "notifications"] as const,
  prefs: ["me", "notification-preferences"] as const,
};

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) =>
      api.get<{ unread: number; items: NotificationItem[] }>("/api/me/notifications", { limit: 50 }, signal),
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return async (ids?: string[]) => {
    await api.post("/api/me/notifications/read", ids ? { ids } : {});
    await queryClient.invalidateQueries({ queryKey: notificationKeys.list });
  };
}

/** The sentence of one notification in the UI language. */
export function notificationText(t: TFunction, n: NotificationItem): string {
  const title =
    typeof n.data?.title === "string" ? n.data.title : n.data?.title ? pickLocalized(n.data.title).value : "";
  if (n.kind === "recommendation.answer")
    return t("notifications.answer", {
      title: title || t("notifications.aRecommendation"),
      status: t(`recStatus.${n.data?.status}`, { defaultValue: n.data?.status ?? "" }),
    });
  if (n.kind === "recommendation.progress")
    return t("notifications.progress", { progress: formatNumber(Number(n.data?.progress ?? 0)) });
  return t("notifications.other");
}

export const notificationLink = (n: NotificationItem) =>
  n.data?.recommendationId ? `/recommendations/${n.data.recommendationId}` : "/me/notifications";

/** The bell in the header: a link to the list whose accessible name says how many are unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;
  return (
    <Link
      to="/me/notifications"
      className="btn btn-ghost notification-bell"
      aria-label={t("notifications.bell", { count: unread, formatted: formatNumber(unread) })}
    >
      <svg
        aria-hidden="true"
        className="bell-icon"
        viewBox="0 0 24 24"
        width="20"
        height="20"
        focusable="false"
      >
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {unread ? (
        <span aria-hidden="true" className="bell-count">
          {formatNumber(unread)}
        </span>
      ) : null}
    </Link>
  );
}
