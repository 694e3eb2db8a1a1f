import { useTranslation } from "react-i18next";
import type { EventView, SessionView } from "../../../shared/schemas/events.ts";
import { localDate } from "../../../shared/time.ts";
import { useRefLookup } from "../../data.ts";
import {
  formatDay,
  formatTimeRange,
  otherDay,
  pickLocalized,
  viewerTimeZone,
  zoneName,
  zonesDiffer,
} from "./format.ts";
import { FallbackNote, Localized } from "./ui.tsx";

/** Sessions grouped by their day in the event's time zone. */
export function groupByDay(sessions: SessionView[], timeZone: string): Array<[string, SessionView[]]> {
  const days = new Map<string, SessionView[]>();
  for (const s of [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const day = localDate(timeZone, s.startsAt);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days];
}

/** "14:00–14:30 Thailand Time (GMT+7) · 08:00–08:30 your time" */
export function SessionTime({ session, timeZone }: { session: SessionView; timeZone: string }) {
  const { t } = useTranslation();
  const differs = zonesDiffer(timeZone, session.startsAt);
  return (
    <p className="session-time">
      <span className="session-time-event">
        <time dateTime={session.startsAt}>{formatTimeRange(session.startsAt, session.endsAt, timeZone)}</time>{" "}
        <span className="zone">{zoneName(timeZone, session.startsAt)}</span>
      </span>
      {differs ? (
        <span className="session-time-viewer">
          {t("agenda.yourTime", {
            time: formatTimeRange(
              session.startsAt,
              session.endsAt,
              viewerTimeZone(),
              otherDay(timeZone, session.startsAt),
            ),
          })}
        </span>
      ) : null}
    </p>
  );
}

export function Agenda({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  if (!event.sessions.length) return <p className="empty">{t("agenda.empty")}</p>;
  const first = event.sessions[0].startsAt;
  const viewer = viewerTimeZone();
  return (
    <>
      <p className="hint">
        {zonesDiffer(event.timeZone, first)
          ? t("agenda.zonesBoth", {
              zone: zoneName(event.timeZone, first),
              yourZone: zoneName(viewer, first),
            })
          : t("agenda.zonesSame", { zone: zoneName(event.timeZone, first) })}
      </p>
      {groupByDay(event.sessions, event.timeZone).map(([day, sessions]) => (
        <section key={day} className="agenda-day" aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`} className="agenda-day-title">
            {formatDay(day)}
          </h3>
          <ol className="agenda-list">
            {sessions.map((s) => {
              const title = pickLocalized(s.title);
              const description = pickLocalized(s.description);
              return (
                <li key={s.id} className={`session session-${s.type}`}>
                  <SessionTime session={s} timeZone={event.timeZone} />
                  <div className="session-body">
                    <h4 className="session-title">
                      <Localized picked={title} />
                      <span className="tag">{t(`sessionType.${s.type}`)}</span>
                    </h4>
                    <FallbackNote picked={title} />
                    {description.value ? (
                      <p className="prewrap">
                        <Localized picked={description} />
                      </p>
                    ) : null}
                    {s.engagementAreas.length ? (
                      <div className="session-areas">
                        <p className="session-label">{t("agenda.areas")}</p>
                        <ul className="tags">
                          {s.engagementAreas.map((a) => (
                            <li key={a} className="tag">
                              {lookup.area(a)}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    {s.speakers.length ? (
                      <div className="session-speakers">
                        <p className="session-label">{t("agenda.speakers")}</p>
                        <ul className="speakers">
                          {s.speakers.map((sp, i) => {
                            const role = pickLocalized(sp.title).value;
                            const affiliation = pickLocalized(sp.affiliation).value;
                            return (
                              <li key={`${sp.name}-${i}`}>
                                <bdi className="person-name">{sp.name}</bdi>
                                {role || affiliation ? (
                                  <span className="muted">
                                    {" — "}
                                    <bdi>
                                      {role && affiliation
                                        ? t("agenda.titleAndAffiliation", { title: role, affiliation })
                                        : role || affiliation}
                                    </bdi>
                                  </span>
                                ) : null}
                              </li>
                            );
                          })}
                        </ul>
                      </div>
                    ) : null}
                    {s.materials.length ? (
                      <div className="session-materials">
                        <p className="session-label">{t("agenda.materials")}</p>
                        <ul>
                          {s.materials.map((m) => (
                            <li key={m.url}>
                              <a href={m.url} rel="noopener noreferrer" dir="auto">
                                {m.label}
                              </a>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}
