import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventView, SessionView } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { ConfirmDialog, LiveStatus } from "../../../ui/widgets.tsx";
import { groupByDay } from "../Agenda.tsx";
import { eventApi, eventKeys } from "../endpoints.ts";
import { formatDateRange, formatDay, formatTimeRange, offsetOf, pickLocalized } from "../format.ts";
import { Localized } from "../ui.tsx";
import { SessionForm } from "./SessionForm.tsx";

/** The agenda of an event, edited session by session. */
export function SessionsEditor({ event, mainLang }: { event: EventView; mainLang: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null); // a session id, "new" or null
  const [deleting, setDeleting] = useState<SessionView | null>(null);
  const [status, setStatus] = useState("");
  const remove = useMutation({
    mutationFn: (s: SessionView) => api.del(eventApi.session(event.id, s.id)),
    onSuccess: (_d, s) => {
      setDeleting(null);
      setStatus(t("sessionForm.deleted", { title: pickLocalized(s.title).value }));
      queryClient.invalidateQueries({ queryKey: eventKeys.one(event.id) });
      requestAnimationFrame(() => document.getElementById("sessions-title")?.focus());
    },
  });
  const saved = (message: string) => {
    setEditing(null);
    setStatus(message);
    queryClient.invalidateQueries({ queryKey: eventKeys.one(event.id) });
  };
  const days = groupByDay(event.sessions, event.timeZone);

  return (
    <section aria-labelledby="sessions-title" className="card sessions-editor">
      <h2 id="sessions-title" tabIndex={-1}>
        {t("sessionForm.title")}
      </h2>
      <p className="hint">
        {t("sessionForm.intro", {
          dates: formatDateRange(event.startDate, event.endDate),
          zone: event.timeZone,
          offset: offsetOf(event.timeZone, event.startDate),
        })}
      </p>
      <LiveStatus>{status}</LiveStatus>
      {days.length === 0 && editing !== "new" ? <p className="muted">{t("agenda.empty")}</p> : null}
      {days.map(([day, sessions]) => (
        <div key={day} className="agenda-day">
          <h3 className="agenda-day-title">{formatDay(day)}</h3>
          <ol className="editor-list">
            {sessions.map((s) =>
              editing === s.id ? (
                <li key={s.id} className="editor-item">
                  <SessionForm
                    event={event}
                    mainLang={mainLang}
                    session={s}
                    onCancel={() => setEditing(null)}
                    onSaved={() => saved(t("sessionForm.saved", { title: pickLocalized(s.title).value }))}
                  />
                </li>
              ) : (
                <li key={s.id} className="editor-item session-row">
                  <div>
                    <p className="session-time">
                      <time dateTime={s.startsAt}>
                        {formatTimeRange(s.startsAt, s.endsAt, event.timeZone)}
                      </time>{" "}
                      <span className="tag">{t(`sessionType.${s.type}`)}</span>
                    </p>
                    <p className="session-title">
                      <Localized text={s.title} />
                    </p>
                    {s.speakers.length ? (
                      <p className="muted">
                        {t("agenda.speakers")}: <bdi>{s.speakers.map((sp) => sp.name).join(" · ")}</bdi>
                      </p>
                    ) : null}
                  </div>
                  <div className="actions">
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => setEditing(s.id)}
                      disabled={editing !== null}
                    >
                      {t("sessionForm.edit")}
                      <span className="visually-hidden"> — {pickLocalized(s.title).value}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      onClick={() => setDeleting(s)}
                      disabled={editing !== null}
                    >
                      {t("sessionForm.delete")}
                      <span className="visually-hidden"> — {pickLocalized(s.title).value}</span>
                    </button>
                  </div>
                </li>
              ),
            )}
          </ol>
        </div>
      ))}
      {editing === "new" ? (
        <div className="editor-item">
          <h3>{t("sessionForm.newTitle")}</h3>
          <SessionForm
            event={event}
            mainLang={mainLang}
            onCancel={() => setEditing(null)}
            onSaved={(title) => saved(t("sessionForm.added", { title }))}
          />
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setEditing("new")}
          disabled={editing !== null}
        >
          {t("sessionForm.add")}
        </button>
      )}
      <ConfirmDialog
        isOpen={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t("sessionForm.deleteTitle")}
        confirmLabel={t("sessionForm.delete")}
        onConfirm={() => deleting && remove.mutate(deleting)}
        busy={remove.isPending}
        error={remove.error}
      >
        <p>{t("sessionForm.deleteText", { title: deleting ? pickLocalized(deleting.title).value : "" })}</p>
      </ConfirmDialog>
    </section>
  );
}
