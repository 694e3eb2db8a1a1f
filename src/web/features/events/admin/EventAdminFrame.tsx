import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EventView } from "../../../../shared/schemas/events.ts";
import { ApiError } from "../../../api.ts";
import { Loading, QueryError } from "../../../ui/forms.tsx";
import { PageTitle } from "../../../ui/widgets.tsx";
import NotFoundPage from "../../home/NotFoundPage.tsx";
import { useEvent } from "../EventPage.tsx";
import { pickLocalized } from "../format.ts";
import { Localized } from "../ui.tsx";
import { EventAdminNav } from "./EventAdminNav.tsx";

/**
 * A secretariat page about one event: loads the event, gives the page its title ("Attendance:
 * <event>") and the event's tabs, then renders the page's own content.
 */
export function EventAdminFrame({
  eventId,
  section,
  className,
  children,
}: {
  eventId: string;
  /** Key under "eventNav" naming the page ("attendance", "breakouts", …). */
  section: string;
  className?: string;
  children: (event: EventView) => ReactNode;
}) {
  const { t } = useTranslation();
  const event = useEvent(eventId);
  if (event.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  const e = event.data;
  const picked = pickLocalized(e.title);
  const title = picked.value;
  const name = t(`eventNav.${section}`);
  return (
    <div className={className}>
      <PageTitle title={t("eventNav.pageTitle", { page: name, title })}>
        {t("eventNav.pagePrefix", { page: name })} <Localized picked={picked} />
      </PageTitle>
      <EventAdminNav eventId={e.id} title={title} />
      {children(e)}
    </div>
  );
}
