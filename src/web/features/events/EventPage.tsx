import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type EventView, HOLDS_PLACE } from "../../../shared/schemas/events.ts";
import { localDate } from "../../../shared/time.ts";
import { ApiError, api } from "../../api.ts";
import { formatList, formatNumber, isStaff, useMe, useRefLookup } from "../../data.ts";
import { Loading, QueryError } from "../../ui/forms.tsx";
import { Notice, PageTitle } from "../../ui/widgets.tsx";
import NotFoundPage from "../home/NotFoundPage.tsx";
import { Agenda } from "./Agenda.tsx";
import { ApplicationActions } from "./ApplicationActions.tsx";
import { eventApi, eventKeys } from "./endpoints.ts";
import {
  formatDateRange,
  formatInstant,
  languageName,
  pickLocalized,
  zoneName,
  zoneShort,
} from "./format.ts";
import { type Breakouts, outcomeApi, outcomeKeys } from "./outcomes.ts";
import { FallbackNote, Localized, StatusBadge } from "./ui.tsx";

export function useEvent(id: string) {
  return useQuery({
    queryKey: eventKeys.one(id),
    queryFn: ({ signal }) => api.get<EventView>(eventApi.one(id), undefined, signal),
    enabled: !!id,
  });
}

export default function EventPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const me = useMe();
  const event = useEvent(id);

  if (event.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  const e = event.data;
  const title = pickLocalized(e.title);
  const summary = pickLocalized(e.summary);
  const staff = isStaff(me.data);
  const openTo = [...e.target.regions.map(lookup.region), ...e.target.countries.map(lookup.country)].filter(
    Boolean,
  );

  return (
    <article className="event-page">
      {e.status === "draft" ? (
        <Notice kind="warning">
          <p>{t("events.draftNotice")}</p>
        </Notice>
      ) : null}
      <div className="page-head">
        <div>
          <PageTitle title={title.value}>
            <Localized picked={title} />
          </PageTitle>
          <FallbackNote picked={title} />
        </div>
        {staff ? (
          <div className="actions">
            <Link className="btn btn-secondary btn-small" to={`/admin/events/${e.id}/edit`}>
              {t("eventAdmin.edit")}
            </Link>
            <Link className="btn btn-secondary btn-small" to={`/admin/events/${e.id}/applicants`}>
              {t("eventAdmin.applicants")}
            </Link>
            <Link className="btn btn-secondary btn-small" to={`/admin/events/${e.id}/attendance`}>
              {t("eventNav.attendance")}
            </Link>
            <Link className="btn btn-secondary btn-small" to={`/events/${e.id}/report`}>
              {t("eventNav.report")}
            </Link>
          </div>
        ) : null}
      </div>
      <ul className="tags event-tags">
        <li className="tag">{t(`eventType.${e.type}`)}</li>
        <li className="tag">{t(`eventFormat.${e.format}`)}</li>
        {e.acceptingApplications ? (
          <li>
            <span className="badge badge-success">{t("events.applicationsOpen")}</span>
          </li>
        ) : (
          <li>
            <StatusBadge status={e.status} kind="event" />
          </li>
        )}
      </ul>
      {summary.value ? (
        <p className="lead prewrap">
          <Localized picked={summary} />
        </p>
      ) : null}

      <div className="event-overview">
        <section aria-labelledby="event-take-part" className="card take-part">
          <h2 id="event-take-part">{t("events.takePart")}</h2>
          <Participation event={e} signedIn={!!me.data?.user} />
          <Outcomes event={e} />
          <h3>{t("events.calendarTitle")}</h3>
          <p>
            <a className="btn btn-secondary" href={eventApi.calendar(e.id)} download>
              {t("events.addToCalendar")}
            </a>
          </p>
          <p className="hint">{t("events.calendarHint")}</p>
          {e.onlineLink ? (
            <>
              <h3>{t("events.joinOnline")}</h3>
              <p>
                <a href={e.onlineLink} rel="noopener noreferrer" className="break" dir="ltr">
                  {e.onlineLink}
                </a>
              </p>
            </>
          ) : e.hasOnlineLink ? (
            <p className="hint">{t("events.linkForParticipants")}</p>
          ) : null}
        </section>
        <section aria-labelledby="event-about" className="card event-about">
          <h2 id="event-about">{t("events.about")}</h2>
          <dl className="details">
            <dt>{t("events.dates")}</dt>
            <dd>{formatDateRange(e.startDate, e.endDate)}</dd>
            <dt>{t("events.timeZone")}</dt>
            <dd>
              {zoneName(e.timeZone, `${e.startDate}T12:00:00Z`)}
              <span className="cell-note">
                <bdi dir="ltr">{e.timeZone}</bdi>
              </span>
            </dd>
            <dt>{t("events.type")}</dt>
            <dd>{t(`eventType.${e.type}`)}</dd>
            <dt>{t("events.format")}</dt>
            <dd>{t(`eventFormat.${e.format}`)}</dd>
            {e.venue ? (
              <>
                <dt>{t("events.venue")}</dt>
                <dd dir="auto">{e.venue}</dd>
              </>
            ) : null}
            <dt>{t("events.languages")}</dt>
            <dd>{formatList(e.languages.map(languageName))}</dd>
            <dt>{t("events.interpretation")}</dt>
            <dd>
              {e.interpretation.length ? formatList(e.interpretation.map(languageName)) : t("events.none")}
            </dd>
            {openTo.length ? (
              <>
                <dt>{t("events.openTo")}</dt>
                <dd>{formatList(openTo)}</dd>
              </>
            ) : null}
            {e.target.orgTypes.length ? (
              <>
                <dt>{t("events.orgTypes")}</dt>
                <dd>{formatList(e.target.orgTypes.map((o) => t(`orgType.${o}`)))}</dd>
              </>
            ) : null}
            {e.capacity ? (
              <>
                <dt>{t("events.capacity")}</dt>
                <dd>{formatNumber(e.capacity)}</dd>
              </>
            ) : null}
            {e.organisers.length ? (
              <>
                <dt>{t("events.organisers")}</dt>
                <dd dir="auto">{formatList(e.organisers)}</dd>
              </>
            ) : null}
            {e.partners.length ? (
              <>
                <dt>{t("events.partners")}</dt>
                <dd dir="auto">{formatList(e.partners)}</dd>
              </>
            ) : null}
            {e.travelSupport ? (
              <>
                <dt>{t("events.travelSupport")}</dt>
                <dd>{t("events.travelSupportOffered")}</dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby="event-agenda" className="agenda">
        <h2 id="event-agenda">{t("agenda.title")}</h2>
        <Agenda event={e} />
      </section>
    </article>
  );
}

/** The call to action: apply, sign in to apply, or the state of one's application. */
function Participation({ event: e, signedIn }: { event: EventView; signedIn: boolean }) {
  const { t } = useTranslation();
  const title = pickLocalized(e.title).value;
  const mine = e.myApplication;
  if (mine) {
    return (
      <div className="participation">
        <p>
          {t("events.yourApplication")} <StatusBadge status={mine.status} kind="application" />
        </p>
        <p>{t(`myEvents.explain.${mine.status}`, { defaultValue: "" })}</p>
        <ApplicationActions
          applicationId={mine.id}
          status={mine.status}
          eventId={e.id}
          eventTitle={title}
          ended={e.endDate < localDate(e.timeZone, Date.now())}
        />
        <p>
          <Link to="/me/events">{t("events.seeMyEvents")}</Link>
        </p>
      </div>
    );
  }
  if (e.acceptingApplications) {
    return (
      <div className="participation">
        <p>{t("events.applyIntro")}</p>
        {e.applicationsCloseAt ? (
          <p>
            {t("events.closesAt", {
              date: formatInstant(e.applicationsCloseAt, e.timeZone),
              zone: zoneShort(e.timeZone, e.applicationsCloseAt),
            })}
          </p>
        ) : null}
        {signedIn ? (
          <Link className="btn btn-primary" to={`/events/${e.id}/apply`}>
            {t("events.apply")}
          </Link>
        ) : (
          <>
            <p>{t("events.signInToApply")}</p>
            <Link
              className="btn btn-primary"
              to={`/sign-in?next=${encodeURIComponent(`/events/${e.id}/apply`)}`}
            >
              {t("events.signInButton")}
            </Link>
          </>
        )}
      </div>
    );
  }
  const opensLater =
    e.status === "applications_open" && e.applicationsOpenAt && Date.parse(e.applicationsOpenAt) > Date.now();
  return (
    <p>
      {opensLater
        ? t("events.opensAt", {
            date: formatInstant(e.applicationsOpenAt, e.timeZone),
            zone: zoneShort(e.timeZone, e.applicationsOpenAt!),
          })
        : t("events.notAccepting")}
    </p>
  );
}

/** After (or during) the event: the report, and for participants the directory, feedback and their group. */
function Outcomes({ event: e }: { event: EventView }) {
  const { t } = useTranslation();
  const participant = !!e.myApplication && HOLDS_PLACE.includes(e.myApplication.status as never);
  const published = ["completed", "archived"].includes(e.status);
  const feedbackOpen = ["running", "completed"].includes(e.status);
  if (!participant && !published) return null;
  return (
    <>
      <h3>{t("events.outcomesTitle")}</h3>
      <ul className="outcome-links">
        {published ? (
          <li>
            <Link to={`/events/${e.id}/report`}>{t("events.reportLink")}</Link>
          </li>
        ) : null}
        {participant ? (
          <li>
            <Link to={`/events/${e.id}/participants`}>{t("participants.link")}</Link>
          </li>
        ) : null}
        {participant && feedbackOpen ? (
          <li>
            <Link to={`/events/${e.id}/feedback`}>{t("feedback.link")}</Link>
          </li>
        ) : null}
        {participant ? <MyGroups event={e} /> : null}
        {participant ? (
          <li>
            <Link to={`/recommendations/new?eventId=${e.id}`}>{t("recs.submitForEvent")}</Link>
          </li>
        ) : null}
        {published ? (
          <li>
            <Link to={`/recommendations?event=${e.id}`}>{t("recs.eventRecommendations")}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}

/** The participant's own breakout group in each breakout session, if groups were made. */
function MyGroups({ event: e }: { event: EventView }) {
  const { t } = useTranslation();
  const sessions = e.sessions.filter((s) => s.type === "breakout");
  const sets = useQueries({
    queries: sessions.map((s) => ({
      queryKey: outcomeKeys.breakouts(e.id, s.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Breakouts>(outcomeApi.breakouts(e.id), { sessionId: s.id }, signal),
      retry: false,
    })),
  });
  const groups = sets.flatMap((q) => q.data?.groups ?? []);
  return (
    <>
      {groups.map((g) => (
        <li key={g.id}>
          <Link to={`/events/${e.id}/breakouts/${g.id}`}>
            {t("events.myGroup", { n: formatNumber(g.number) })}
          </Link>
        </li>
      ))}
    </>
  );
}
