import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { ErrorSummary } from "../../ui/forms.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { LiveStatus } from "../../ui/widgets.tsx";
import { notificationKeys } from "./notifications.tsx";

interface Preference {
  kind: string;
  email: boolean;
  inApp: boolean;
}

const KINDS = ["*", "recommendation.answer", "recommendation.progress"] as const;
const kindKey = (k: string) => (k === "*" ? "all" : k.replace(/\./g, "_"));

/** Per kind of notification: by e-mail and/or in the platform ("*" is the default for all). */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { error, run } = useSubmit();
  const [done, setDone] = useState("");
  const prefs = useQuery({
    queryKey: notificationKeys.prefs,
    queryFn: ({ signal }) => api.get<Preference[]>("/api/me/notification-preferences", undefined, signal),
  });
  const current = (kind: string): Preference => {
    const own = prefs.data?.find((p) => p.kind === kind);
    const all = prefs.data?.find((p) => p.kind === "*");
    return own ?? (all ? { ...all, kind } : { kind, email: true, inApp: true });
  };
  const save = (p: Preference) => {
    // shown at once; the server's list replaces it (or the old one comes back on failure)
    const before = prefs.data;
    queryClient.setQueryData<Preference[]>(notificationKeys.prefs, (old) => [
      ...(old ?? []).filter((x) => x.kind !== p.kind),
      p,
    ]);
    return run(async () => {
      try {
        const next = await api.put<Preference[]>("/api/me/notification-preferences", p);
        queryClient.setQueryData(notificationKeys.prefs, next);
        setDone(t("common.saved"));
      } catch (err) {
        queryClient.setQueryData(notificationKeys.prefs, before);
        throw err;
      }
    })();
  };
  return (
    <section className="card" aria-labelledby="notification-preferences" id="notification-preferences-card">
      <h2 id="notification-preferences">{t("notifications.preferencesTitle")}</h2>
      <p className="hint">{t("notifications.preferencesHint")}</p>
      <ErrorSummary error={error} />
      <div className="table-wrap">
        <table className="compact-table">
          <caption className="visually-hidden">{t("notifications.preferencesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("notifications.kind")}</th>
              <th scope="col">{t("notifications.byEmail")}</th>
              <th scope="col">{t("notifications.inApp")}</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((k) => {
              const p = current(k);
              const label = t(`notifications.kind_${kindKey(k)}`);
              return (
                <tr key={k}>
                  <th scope="row" id={`pref-${kindKey(k)}`}>
                    {label}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("notifications.byEmailFor", { kind: label })}
                      checked={p.email}
                      disabled={prefs.isPending}
                      onChange={(e) => save({ ...p, email: e.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("notifications.inAppFor", { kind: label })}
                      checked={p.inApp}
                      disabled={prefs.isPending}
                      onChange={(e) => save({ ...p, inApp: e.target.checked })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <LiveStatus>{done}</LiveStatus>
    </section>
  );
}
