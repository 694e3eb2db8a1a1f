import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { EventSummary } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import type { Page } from "../../../data.ts";
import { Loading, QueryError, SelectField } from "../../../ui/forms.tsx";
import { RequireUser } from "../../../ui/guards.tsx";
import { Notice, PageTitle } from "../../../ui/widgets.tsx";
import { useEvent } from "../EventPage.tsx";
import { eventApi } from "../endpoints.ts";
import { formatDateRange, pickLocalized } from "../format.ts";
import { type AttendanceSummary, type CheckInResult, outcomeApi } from "../outcomes.ts";
import { checkInError, currentSession, sessionLabel } from "./CheckInPanel.tsx";

const DESK_KEY = "untoc.checkinDesk";

function readDesk(): { eventId?: string; sessionId?: string } {
  try {
    return JSON.parse(localStorage.getItem(DESK_KEY) ?? "{}");
  } catch {
    return {};
  }
}

/**
 * Where a participant's QR code leads (`/checkin/<token>`): the secretariat chooses the event and
 * the session once (the choice is remembered on this device), then checks the person in.
 */
export default function CheckInPage() {
  return <RequireUser staff>{() => <CheckIn />}</RequireUser>;
}

function CheckIn() {
  const { token = "" } = useParams();
  const { t } = useTranslation();
  const [desk, setDesk] = useState(readDesk);
  const [done, setDone] = useState<{ name: string; session: string } | null>(null);
  const query = { when: "upcoming", pageSize: "100" };
  const events = useQuery({
    queryKey: ["events", query],
    queryFn: ({ signal }) => api.get<Page<EventSummary>>(eventApi.list, query, signal),
  });
  const eventId = desk.eventId && events.data?.items.some((e) => e.id === desk.eventId) ? desk.eventId : "";
  const event = useEvent(eventId);
  const sessions = eventId ? (event.data?.sessions ?? []) : [];
  const sessionId =
    desk.sessionId && sessions.some((s) => s.id === desk.sessionId)
      ? desk.sessionId
      : (currentSession(sessions)?.id ?? "");

  useEffect(() => {
    try {
      localStorage.setItem(DESK_KEY, JSON.stringify(desk));
    } catch {
      // storage may be unavailable
    }
  }, [desk]);

  const checkIn = useMutation({
    mutationFn: async () => {
      const r = await api.post<CheckInResult>(outcomeApi.checkIn(eventId, sessionId), { token });
      const summary = await api.get<AttendanceSummary>(outcomeApi.attendance(eventId)).catch(() => null);
      return summary?.participants.find((p) => p.personId === r.personId)?.name ?? t("checkin.someone");
    },
    onSuccess: (name) => {
      const s = sessions.find((x) => x.id === sessionId);
      setDone({ name, session: s ? `\u2068${pickLocalized(s.title).value}\u2069` : "" });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (eventId && sessionId) checkIn.mutate();
  };

  return (
    <>
      <PageTitle>{t("checkin.pageTitle")}</PageTitle>
      <p className="lead">{t("checkin.pageIntro")}</p>
      <p>
        {t("checkin.codeLabel")}{" "}
        <code dir="ltr" className="break">
          {token}
        </code>
      </p>
      {done ? (
        <Notice kind="success">
          <p role="status">
            {t("checkin.done", { name: `\u2068${done.name}\u2069`, session: done.session })}
          </p>
        </Notice>
      ) : null}
      {checkIn.error ? (
        <div className="notice notice-error" role="alert">
          <p>{checkInError(checkIn.error, t)}</p>
        </div>
      ) : null}
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <QueryError error={events.error} />
      ) : events.data.items.length === 0 ? (
        <div className="empty">
          <p>{t("checkin.noEvents")}</p>
        </div>
      ) : (
        <form className="card narrow-form" onSubmit={submit}>
          <SelectField
            id="desk-event"
            label={t("checkin.event")}
            hint={t("checkin.deskHint")}
            required
            value={eventId}
            onChange={(v) => {
              setDesk({ eventId: v });
              setDone(null);
              checkIn.reset();
            }}
            options={events.data.items.map((e) => ({
              value: e.id,
              label: `${pickLocalized(e.title).value} (${formatDateRange(e.startDate, e.endDate)})`,
            }))}
            emptyLabel={t("common.choose")}
          />
          {eventId && event.isPending ? <Loading /> : null}
          {eventId && event.data ? (
            sessions.length ? (
              <SelectField
                id="desk-session"
                label={t("checkin.session")}
                required
                value={sessionId}
                onChange={(v) => {
                  setDesk({ eventId, sessionId: v });
                  setDone(null);
                  checkIn.reset();
                }}
                options={sessions.map((s) => ({ value: s.id, label: sessionLabel(s, event.data.timeZone) }))}
              />
            ) : (
              <p className="muted">{t("checkin.noSessions")}</p>
            )
          ) : null}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!eventId || !sessionId || checkIn.isPending || !!done}
          >
            {t("checkin.submit")}
          </button>
        </form>
      )}
      {eventId ? (
        <p>
          <Link to={`/admin/events/${eventId}/attendance`}>{t("checkin.toAttendance")}</Link>
        </p>
      ) : null}
    </>
  );
}
