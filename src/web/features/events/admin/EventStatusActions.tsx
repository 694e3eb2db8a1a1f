import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EVENT_TRANSITIONS, type EventStatus, type EventView } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { errorText } from "../../../ui/forms.tsx";
import { LiveStatus } from "../../../ui/widgets.tsx";
import { eventApi, eventKeys } from "../endpoints.ts";
import { formatInstant } from "../format.ts";
import { StatusBadge } from "../ui.tsx";

/** The event's life cycle: its status and a button for each status it may move to next. */
export function EventStatusActions({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const move = useMutation({
    mutationFn: (status: EventStatus) => api.patch<EventView>(eventApi.one(event.id), { status }),
    onSuccess: (e) => {
      setMessage(t("eventAdmin.statusChanged", { status: t(`eventStatus.${e.status}`) }));
      queryClient.setQueryData(eventKeys.one(event.id), e);
      queryClient.invalidateQueries({ queryKey: ["events"] });
    },
  });
  const next = EVENT_TRANSITIONS[event.status] ?? [];
  const notYet =
    event.status === "applications_open" && !event.acceptingApplications
      ? event.applicationsOpenAt && Date.parse(event.applicationsOpenAt) > Date.now()
        ? t("eventAdmin.opensLater", { date: formatInstant(event.applicationsOpenAt, event.timeZone) })
        : t("eventAdmin.closedByDate")
      : "";
  return (
    <section aria-labelledby="event-status-title" className="card event-status">
      <h2 id="event-status-title" className="h3">
        {t("eventAdmin.lifeCycle")}
      </h2>
      <p>
        {t("eventAdmin.currentStatus")} <StatusBadge status={event.status} kind="event" />
      </p>
      <p className="hint">{t(`eventAdmin.statusHelp.${event.status}`)}</p>
      {notYet ? <p className="notice notice-warning">{notYet}</p> : null}
      {next.length ? (
        <div className="actions">
          {next.map((s) => (
            <button
              key={s}
              type="button"
              className={`btn ${s === "draft" || s === "archived" ? "btn-secondary" : "btn-primary"}`}
              disabled={move.isPending}
              onClick={() => move.mutate(s)}
            >
              {t(`eventAdmin.to.${s}`)}
            </button>
          ))}
        </div>
      ) : null}
      {move.error ? (
        <p className="field-error" role="alert">
          {errorText(move.error, t)}
        </p>
      ) : null}
      <LiveStatus>{message}</LiveStatus>
    </section>
  );
}
