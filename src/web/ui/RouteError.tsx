import { useTranslation } from "react-i18next";
import { Link, useRouteError } from "react-router";

/** Shown when a page throws while rendering: keeps the user inside the app with a way out. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <main id="main" className="main">
      <h1 tabIndex={-1}>{t("errors.pageTitle")}</h1>
      <p role="alert">{t("errors.generic")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </main>
  );
}
