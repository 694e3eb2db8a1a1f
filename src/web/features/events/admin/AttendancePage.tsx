import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { EventView } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { formatNumber, useRefLookup } from "../../../data.ts";
import { Loading, QueryError } from "../../../ui/forms.tsx";
import { ScrollTable } from "../charts.tsx";
import { formatPercent, formatTimeRange, pickLocalized } from "../format.ts";
import { type AttendanceSummary, formatDuration, outcomeApi, outcomeKeys } from "../outcomes.ts";
import { Localized } from "../ui.tsx";
import { AttendanceImport } from "./AttendanceImport.tsx";
import { CertificatesPanel } from "./CertificatesPanel.tsx";
import { CheckInPanel } from "./CheckInPanel.tsx";
import { EventAdminFrame } from "./EventAdminFrame.tsx";

export function useAttendance(eventId: string) {
  return useQuery({
    queryKey: outcomeKeys.attendance(eventId),
    queryFn: ({ signal }) => api.get<AttendanceSummary>(outcomeApi.attendance(eventId), undefined, signal),
    enabled: !!eventId,
  });
}

/** Attendance of an event: import of the video platform's report, check-in, who attended, certificates. */
export default function AttendancePage() {
  const { id = "" } = useParams();
  return (
    <EventAdminFrame eventId={id} section="attendance" className="attendance-page">
      {(e) => <Attendance event={e} />}
    </EventAdminFrame>
  );
}

function Attendance({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const summary = useAttendance(event.id);
  return (
    <>
      <p className="lead">{t("attendance.intro")}</p>
      <AttendanceImport event={event} participants={summary.data?.participants ?? []} />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <QueryError error={summary.error} />
      ) : (
        <>
          <CheckInPanel event={event} summary={summary.data} />
          <SummaryTable event={event} summary={summary.data} />
          <CertificatesPanel event={event} summary={summary.data} />
        </>
      )}
    </>
  );
}

function SummaryTable({ event, summary }: { event: EventView; summary: AttendanceSummary }) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const attended = summary.participants.filter((p) => p.attended).length;
  return (
    <section className="card" aria-labelledby="attendance-summary-title">
      <h2 id="attendance-summary-title">{t("attendance.summaryTitle")}</h2>
      <p>
        {t("attendance.threshold", {
          share: formatPercent(summary.threshold),
          total: formatDuration(summary.totalSeconds),
        })}
      </p>
      <p role="status" className="results-count">
        {t("attendance.attendedCount", {
          attended: formatNumber(attended),
          total: formatNumber(summary.participants.length),
        })}
      </p>
      {summary.participants.length === 0 ? (
        <div className="empty">
          <p>{t("attendance.noParticipants")}</p>
        </div>
      ) : (
        <ScrollTable label={t("attendance.caption")}>
          <table className="attendance-table">
            <caption className="visually-hidden">{t("attendance.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("attendance.participant")}</th>
                <th scope="col">{t("fields.country")}</th>
                {summary.sessions.map((s) => (
                  <th scope="col" key={s.id}>
                    <Localized picked={pickLocalized(s.title)} />
                    <span className="cell-note">
                      {formatTimeRange(s.startsAt, s.endsAt, event.timeZone, true)}
                    </span>
                  </th>
                ))}
                <th scope="col">{t("attendance.total")}</th>
                <th scope="col">{t("attendance.share")}</th>
                <th scope="col">{t("attendance.attended")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.participants.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">
                    <bdi>{p.name}</bdi>
                    <span className="cell-note">
                      <bdi>{p.organization}</bdi>
                    </span>
                  </th>
                  <td>{lookup.country(p.country) || "—"}</td>
                  {summary.sessions.map((s) => (
                    <td key={s.id} className="num">
                      {p.sessions[s.id] ? formatDuration(p.sessions[s.id]) : "—"}
                    </td>
                  ))}
                  <td className="num">{p.seconds ? formatDuration(p.seconds) : "—"}</td>
                  <td className="num">{formatPercent(p.share)}</td>
                  <td>
                    {p.attended ? (
                      <span className="attended attended-yes">
                        <span aria-hidden="true">✓ </span>
                        {t("attendance.yes")}
                      </span>
                    ) : (
                      <span className="attended attended-no">
                        <span aria-hidden="true">✗ </span>
                        {t("attendance.no")}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
