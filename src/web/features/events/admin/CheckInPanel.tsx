import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventView, SessionView } from "../../../../shared/schemas/events.ts";
import { foldText } from "../../../../shared/text.ts";
import { ApiError, api } from "../../../api.ts";
import { formatNumber } from "../../../data.ts";
import { errorText, SelectField } from "../../../ui/forms.tsx";
import { LiveStatus } from "../../../ui/widgets.tsx";
import { formatTimeRange, pickLocalized } from "../format.ts";
import { type AttendanceSummary, type CheckInResult, isolate, outcomeApi, tokenFrom } from "../outcomes.ts";

/** The session under way (or about to start), else the next one, else the last one: where a desk checks people in. */
export function currentSession(sessions: SessionView[], now = Date.now()): SessionView | undefined {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    sorted.find((s) => Date.parse(s.startsAt) - 30 * 60_000 <= now && now <= Date.parse(s.endsAt)) ??
    sorted.find((s) => Date.parse(s.startsAt) > now) ??
    sorted.at(-1)
  );
}

export const sessionLabel = (s: SessionView, timeZone: string) =>
  `${pickLocalized(s.title).value} — ${formatTimeRange(s.startsAt, s.endsAt, timeZone, true)}`;

/** The text of a check-in error: a code of no participant of this event is said plainly. */
export function checkInError(err: unknown, t: (k: string, o?: any) => string): string {
  if (err instanceof ApiError && err.code === "not_a_participant") return t("checkin.unknownCode");
  if (err instanceof ApiError && err.code === "validation") return t("checkin.codeInvalid");
  return errorText(err, t);
}

/**
 * Check-in per session: the code a handheld scanner types (the QR code holds the check-in address),
 * and the list of participants with a box each.
 */
export function CheckInPanel({ event, summary }: { event: EventView; summary: AttendanceSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const codeRef = useRef<HTMLInputElement>(null);
  const filterId = useId();
  const [sessionId, setSessionId] = useState(() => currentSession(event.sessions)?.id ?? "");
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState("");
  const [filter, setFilter] = useState("");
  const [message, setMessage] = useState("");
  const [rowError, setRowError] = useState("");
  /** The box as ticked, until the attendance is read again from the server. */
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const session = event.sessions.find((s) => s.id === sessionId);
  const sessionTitle = session ? isolate(pickLocalized(session.title).value) : "";
  const nameOf = (personId: string) =>
    summary.participants.find((p) => p.personId === personId)?.name ?? t("checkin.someone");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["event", event.id, "attendance"] });

  const byCode = useMutation({
    mutationFn: (token: string) =>
      api.post<CheckInResult>(outcomeApi.checkIn(event.id, sessionId), { token }),
    onSuccess: (r) => {
      setCode("");
      setCodeError("");
      setMessage(t("checkin.done", { name: `\u2068${nameOf(r.personId)}\u2069`, session: sessionTitle }));
      refresh();
      codeRef.current?.focus();
    },
    onError: (err) => {
      setMessage("");
      setCodeError(checkInError(err, t));
    },
  });
  const toggle = useMutation({
    mutationFn: ({ personId, on }: { personId: string; name: string; on: boolean }) =>
      on
        ? api.post(outcomeApi.checkIn(event.id, sessionId), { personId })
        : api.del(outcomeApi.undoCheckIn(event.id, sessionId, personId)),
    onMutate: (v) => {
      setRowError("");
      setCodeError("");
      setTicked((m) => ({ ...m, [v.personId]: v.on }));
    },
    onSettled: async (_r, _e, v) => {
      await refresh();
      setTicked((m) => {
        const next = { ...m };
        delete next[v.personId];
        return next;
      });
    },
    onSuccess: (_r, v) => {
      setMessage(
        t(v.on ? "checkin.done" : "checkin.undone", { name: `\u2068${v.name}\u2069`, session: sessionTitle }),
      );
    },
    onError: (err, v) => {
      setMessage("");
      setRowError(
        !v.on && err instanceof ApiError && err.status === 404
          ? t("checkin.fromReport", { name: `\u2068${v.name}\u2069` })
          : errorText(err, t),
      );
    },
  });

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    const token = tokenFrom(code);
    if (token.length < 10) {
      setCodeError(t("checkin.codeInvalid"));
      return;
    }
    byCode.mutate(token);
  };

  const needle = foldText(filter.trim());
  const people = summary.participants.filter(
    (p) => !needle || foldText(`${p.name} ${p.organization}`).includes(needle),
  );
  const present = summary.participants.filter((p) => (p.sessions[sessionId] ?? 0) > 0).length;

  return (
    <section className="card checkin" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t("checkin.title")}</h2>
      <p>{t("checkin.intro")}</p>
      {event.sessions.length === 0 ? (
        <p className="muted">{t("checkin.noSessions")}</p>
      ) : (
        <>
          <SelectField
            id="checkin-session"
            label={t("checkin.session")}
            value={sessionId}
            onChange={(v) => {
              setSessionId(v);
              setMessage("");
              setRowError("");
              setCodeError("");
            }}
            options={event.sessions.map((s) => ({ value: s.id, label: sessionLabel(s, event.timeZone) }))}
          />
          <form className="inline-form checkin-code" onSubmit={submitCode} noValidate>
            <div className={`field${codeError ? " has-error" : ""}`}>
              <label htmlFor="checkin-code">{t("checkin.code")}</label>
              <p className="hint" id="checkin-code-hint">
                {t("checkin.codeHint")}
              </p>
              {codeError ? (
                <p className="field-error" id="checkin-code-error">
                  {codeError}
                </p>
              ) : null}
              <input
                id="checkin-code"
                ref={codeRef}
                type="text"
                autoComplete="off"
                spellCheck={false}
                dir="ltr"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={`checkin-code-hint${codeError ? " checkin-code-error" : ""}`}
              />
            </div>
            <button type="submit" className="btn btn-primary" disabled={!sessionId || byCode.isPending}>
              {t("checkin.submit")}
            </button>
          </form>
          <LiveStatus>{message}</LiveStatus>
          {rowError ? (
            <div className="notice notice-error" role="alert">
              <p>{rowError}</p>
            </div>
          ) : null}
          <h3 id="checkin-list-title">{t("checkin.listTitle", { session: sessionTitle })}</h3>
          <p className="results-count">
            {t("checkin.presentCount", {
              present: formatNumber(present),
              total: formatNumber(summary.participants.length),
            })}
          </p>
          {summary.participants.length > 8 ? (
            <div className="field checkin-filter">
              <label htmlFor={filterId}>{t("checkin.filter")}</label>
              <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
          ) : null}
          {summary.participants.length === 0 ? (
            <p className="muted">{t("attendance.noParticipants")}</p>
          ) : (
            <ul className="checkin-list" aria-labelledby="checkin-list-title">
              {people.map((p) => {
                const seconds = p.sessions[sessionId] ?? 0;
                return (
                  <li key={p.personId}>
                    <div className="checkbox">
                      <input
                        id={`present-${p.personId}`}
                        type="checkbox"
                        checked={ticked[p.personId] ?? seconds > 0}
                        disabled={toggle.isPending}
                        onChange={(e) =>
                          toggle.mutate({ personId: p.personId, name: p.name, on: e.target.checked })
                        }
                        aria-describedby={`present-${p.personId}-org`}
                      />
                      <label htmlFor={`present-${p.personId}`}>
                        <bdi>{p.name}</bdi>
                      </label>
                      <p className="hint" id={`present-${p.personId}-org`}>
                        <bdi>{p.organization}</bdi>
                      </p>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          {people.length === 0 && summary.participants.length ? (
            <p className="muted">{t("checkin.noMatch")}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
