import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../data.ts";
import { PageTitle } from "../../ui/widgets.tsx";

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data?.user;
  return (
    <>
      <section className="hero">
        <PageTitle title={t("home.title")}>{t("home.title")}</PageTitle>
        <p className="lead">{t("home.lead")}</p>
        <div className="actions">
          <Link className="btn btn-primary" to="/organizations">
            {t("home.browse")}
          </Link>
          {signedIn ? (
            <Link className="btn btn-secondary" to="/organizations/new">
              {t("home.registerOrg")}
            </Link>
          ) : (
            <Link className="btn btn-secondary" to="/sign-up">
              {t("home.signUp")}
            </Link>
          )}
        </div>
      </section>
      <section className="cards-3" aria-labelledby="home-how">
        <h2 id="home-how" className="visually-hidden">
          {t("home.howTitle")}
        </h2>
        <article className="card">
          <h3>{t("home.card1Title")}</h3>
          <p>{t("home.card1Body")}</p>
        </article>
        <article className="card">
          <h3>{t("home.card2Title")}</h3>
          <p>{t("home.card2Body")}</p>
        </article>
        <article className="card">
          <h3>{t("home.card3Title")}</h3>
          <p>{t("home.card3Body")}</p>
        </article>
      </section>
    </>
  );
}
