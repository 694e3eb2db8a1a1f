import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { isStaff, type Me, useMe } from "../data.ts";
import { Loading, QueryError } from "./forms.tsx";
import { PageTitle } from "./widgets.tsx";

/** Renders children only for a signed-in user (and, with `staff`, only for secretariat/admin). */
export function RequireUser({ children, staff }: { children: (me: Me) => ReactNode; staff?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <QueryError error={me.error} />;
  if (!me.data?.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <section>
        <PageTitle>{t("auth.signInRequiredTitle")}</PageTitle>
        <p>{t("auth.signInRequired")}</p>
        <p>
          <Link className="btn btn-primary" to={`/sign-in?next=${next}`}>
            {t("nav.signIn")}
          </Link>
        </p>
      </section>
    );
  }
  if (staff && !isStaff(me.data)) {
    return (
      <section>
        <PageTitle>{t("errors.forbiddenTitle")}</PageTitle>
        <p>{t("errors.forbidden")}</p>
      </section>
    );
  }
  return <>{children(me.data)}</>;
}
