import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { localDate } from "../../../shared/time.ts";
import { api } from "../../api.ts";
import { formatDate } from "../../data.ts";
import { Loading, QueryError } from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { PageTitle } from "../../ui/widgets.tsx";
import { ApplicationActions } from "./ApplicationActions.tsx";
import { useEvent } from "./EventPage.tsx";
import { eventApi, eventKeys, type MyApplication } from "./endpoints.ts";
import { formatDateRange, pickLocalized } from "./format.ts";
import { type MyCertificate, outcomeApi, outcomeKeys } from "./outcomes.ts";
import { FallbackNote, Localized, StatusBadge } from "./ui.tsx";

/** Has the event's last day passed, in the event's own time zone? */
const isOver = (a: MyApplication) => {
  try {
    return a.event.endDate < localDate(a.event.timeZone, Date.now());
  } catch {
    return false;
  }
};

export default function MyEventsPage() {
  return <RequireUser>{() => <MyEvents />}</RequireUser>;
}

function MyEvents() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: eventKeys.mine,
    queryFn: ({ signal }) => api.get<MyApplication[]>(eventApi.mine, undefined, signal),
  });
  const certificates = useQuery({
    queryKey: outcomeKeys.myCertificates,
    queryFn: ({ signal }) => api.get<MyCertificate[]>(outcomeApi.myCertificates, undefined, signal),
  });
  const upcoming = (mine.data ?? []).filter((a) => !isOver(a));
  const past = (mine.data ?? []).filter(isOver);
  const certs = certificates.data ?? [];
  return (
    <>
      <PageTitle>{t("myEvents.title")}</PageTitle>
      <p className="lead">{t("myEvents.intro")}</p>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <QueryError error={mine.error} />
      ) : mine.data.length === 0 ? (
        <div className="empty">
          <p>{t("myEvents.empty")}</p>
          <p>
            <Link to="/events">{t("myEvents.browse")}</Link>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="my-upcoming">
            <h2 id="my-upcoming">{t("events.tab.upcoming")}</h2>
            {upcoming.length ? (
              <ApplicationList items={upcoming} ended={false} certificates={certs} />
            ) : (
              <p className="empty">
                {t("myEvents.noUpcoming")} <Link to="/events">{t("myEvents.browse")}</Link>
              </p>
            )}
          </section>
          {past.length ? (
            <section aria-labelledby="my-past">
              <h2 id="my-past">{t("events.tab.past")}</h2>
              <ApplicationList items={past} ended certificates={certs} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

function ApplicationList({
  items,
  ended,
  certificates,
}: {
  items: MyApplication[];
  ended: boolean;
  certificates: MyCertificate[];
}) {
  const { t } = useTranslation();
  return (
    <ul className="event-list">
      {items.map((a) => {
        const title = pickLocalized(a.event.title);
        const certificate = certificates.find((c) => c.event.id === a.eventId && c.valid);
        return (
          <li key={a.id} className="event-card">
            <div className="event-card-head">
              <h3 className="event-card-title">
                <Link to={`/events/${a.eventId}`}>
                  <Localized picked={title} />
                </Link>
              </h3>
              <StatusBadge status={a.status} kind="application" />
            </div>
            <FallbackNote picked={title} />
            <dl className="meta">
              <div>
                <dt>{t("events.dates")}</dt>
                <dd>{formatDateRange(a.event.startDate, a.event.endDate)}</dd>
              </div>
              <div>
                <dt>{t("fields.organization")}</dt>
                <dd>
                  <bdi>{a.organizationName}</bdi>
                </dd>
              </div>
              <div>
                <dt>{a.invited ? t("myEvents.invitedOn") : t("myEvents.appliedOn")}</dt>
                <dd>{formatDate(a.createdAt)}</dd>
              </div>
            </dl>
            {ended ? null : <p className="status-explain">{t(`myEvents.explain.${a.status}`)}</p>}
            <ApplicationActions
              applicationId={a.id}
              status={a.status}
              eventId={a.eventId}
              eventTitle={title.value}
              ended={ended}
            />
            {certificate ? <Certificate certificate={certificate} eventTitle={title.value} /> : null}
            {!ended && a.status === "confirmed" ? (
              <CheckInCode applicationId={a.id} eventId={a.eventId} eventTitle={title.value} />
            ) : null}
            {a.status === "confirmed" || a.status === "accepted" ? (
              <ul className="row-links participant-links">
                <li>
                  <Link to={`/events/${a.eventId}/participants`}>
                    {t("participants.link")}
                    <span className="visually-hidden"> — {title.value}</span>
                  </Link>
                </li>
                <li>
                  <Link to={`/events/${a.eventId}/feedback`}>
                    {t("feedback.link")}
                    <span className="visually-hidden"> — {title.value}</span>
                  </Link>
                </li>
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The participant's certificate: the PDF, and the code anyone can check on the verification page. */
function Certificate({ certificate: c, eventTitle }: { certificate: MyCertificate; eventTitle: string }) {
  const { t } = useTranslation();
  return (
    <div className="certificate-box">
      <p>
        <a className="btn btn-secondary btn-small" href={c.pdf} download={`certificate-${c.code}.pdf`}>
          {t("myEvents.certificate")}
          <span className="visually-hidden"> — {eventTitle}</span>
        </a>
      </p>
      <p className="hint">
        {t("myEvents.certificateCode")}{" "}
        <Link to={`/verify/${c.code}`} className="certificate-code" dir="ltr">
          {c.code}
        </Link>
      </p>
    </div>
  );
}

/** The personal QR code for the registration desk of an event held in person (or hybrid). */
function CheckInCode({
  applicationId,
  eventId,
  eventTitle,
}: {
  applicationId: string;
  eventId: string;
  eventTitle: string;
}) {
  const { t } = useTranslation();
  const event = useEvent(eventId);
  // Only for events held in person, and only until they are over.
  if (!event.data || event.data.format === "online" || ["completed", "archived"].includes(event.data.status))
    return null;
  return (
    <figure className="checkin-qr">
      <img
        src={outcomeApi.checkinQr(applicationId)}
        alt={t("myEvents.qrAlt", { event: `\u2068${eventTitle}\u2069` })}
        width={160}
        height={160}
      />
      <figcaption className="hint">{t("myEvents.qrHint")}</figcaption>
    </figure>
  );
}
