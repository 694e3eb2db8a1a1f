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
import { eventApi, eventKeys, type MyApplication } from "./endpoints.ts";
import { formatDateRange, pickLocalized } from "./format.ts";
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
  const upcoming = (mine.data ?? []).filter((a) => !isOver(a));
  const past = (mine.data ?? []).filter(isOver);
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
              <ApplicationList items={upcoming} ended={false} />
            ) : (
              <p className="empty">
                {t("myEvents.noUpcoming")} <Link to="/events">{t("myEvents.browse")}</Link>
              </p>
            )}
          </section>
          {past.length ? (
            <section aria-labelledby="my-past">
              <h2 id="my-past">{t("events.tab.past")}</h2>
              <ApplicationList items={past} ended />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

function ApplicationList({ items, ended }: { items: MyApplication[]; ended: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="event-list">
      {items.map((a) => {
        const title = pickLocalized(a.event.title);
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
          </li>
        );
      })}
    </ul>
  );
}
