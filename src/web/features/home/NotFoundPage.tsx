import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../ui/widgets.tsx";

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle>{t("notFound.title")}</PageTitle>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </section>
  );
}
