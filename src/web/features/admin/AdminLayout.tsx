import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { Loading } from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";

const TABS = [
  { to: "/admin", key: "vetting", end: true },
  { to: "/admin/events", key: "events" },
  { to: "/admin/recommendations", key: "recommendations" },
  { to: "/admin/users", key: "users", adminOnly: true },
  { to: "/admin/audit", key: "audit", adminOnly: true },
  { to: "/admin/outbox", key: "outbox" },
  { to: "/admin/reference", key: "reference" },
  { to: "/admin/import", key: "import" },
];

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <RequireUser staff>
      {(me) => (
        <div className="admin">
          <nav aria-label={t("admin.nav")} className="subnav tabs">
            <ul>
              {TABS.filter((tab) => !tab.adminOnly || me.user?.roles.includes("admin")).map((tab) => (
                <li key={tab.to}>
                  <NavLink to={tab.to} end={tab.end}>
                    {t(`admin.tabs.${tab.key}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      )}
    </RequireUser>
  );
}
