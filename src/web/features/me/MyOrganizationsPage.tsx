import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RequireUser } from "../../ui/guards.tsx";
import { PageTitle } from "../../ui/widgets.tsx";
import { PendingRequests } from "../organizations/OrganizationPage.tsx";
import { EndorsementRequests } from "./EndorsementRequests.tsx";

export default function MyOrganizationsPage() {
  const { t } = useTranslation();
  return (
    <RequireUser>
      {(me) => {
        const focal = me.memberships.filter((m) => m.role === "focal_point" && m.status === "approved");
        return (
          <>
            <PageTitle>{t("myOrgs.title")}</PageTitle>
            {me.memberships.length === 0 ? (
              <div className="empty">
                <p>{t("myOrgs.none")}</p>
                <p>
                  <Link to="/organizations">{t("myOrgs.browse")}</Link> ·{" "}
                  <Link to="/organizations/new">{t("directory.register")}</Link>
                </p>
              </div>
            ) : (
              <ul className="org-list">
                {me.memberships.map((m) => (
                  <li key={m.id} className="org-card">
                    <h2 className="org-card-title">
                      <Link to={`/organizations/${m.organizationId}`}>{m.organizationName}</Link>
                    </h2>
                    <p>
                      {t(`memberRole.${m.role}`, { defaultValue: m.role })} ·{" "}
                      {t(`membershipStatus.${m.status}`, { defaultValue: m.status })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {focal.length ? <EndorsementRequests /> : null}
            {focal.map((m) => (
              <section key={m.id} aria-label={m.organizationName}>
                <h2>{t("myOrgs.requestsFor", { name: m.organizationName })}</h2>
                <PendingRequests orgId={m.organizationId} />
              </section>
            ))}
            <p>
              <Link className="btn btn-secondary" to="/organizations/new">
                {t("directory.register")}
              </Link>
            </p>
          </>
        );
      }}
    </RequireUser>
  );
}
