import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

const PAGES = [
  { key: "edit", to: (id: string) => `/admin/events/${id}/edit` },
  { key: "applicants", to: (id: string) => `/admin/events/${id}/applicants` },
  { key: "attendance", to: (id: string) => `/admin/events/${id}/attendance` },
  { key: "breakouts", to: (id: string) => `/admin/events/${id}/breakouts` },
  { key: "feedback", to: (id: string) => `/admin/events/${id}/feedback` },
  { key: "recommendations", to: (id: string) => `/admin/recommendations?event=${id}` },
  { key: "report", to: (id: string) => `/events/${id}/report` },
  { key: "publicPage", to: (id: string) => `/events/${id}` },
] as const;

/** The secretariat's pages for one event, as a second row of tabs under the administration tabs. */
export function EventAdminNav({ eventId, title }: { eventId: string; title: string }) {
  const { t } = useTranslation();
  return (
    <nav className="subnav event-subnav" aria-label={t("eventNav.label", { title })}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.key}>
            <NavLink to={p.to(eventId)} end>
              {t(`eventNav.${p.key}`)}
            </NavLink>
          </li>
        ))}
        <li>
          <NavLink to="/admin/events" end>
            {t("eventAdmin.backToList")}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
