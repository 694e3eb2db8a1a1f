import { useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { LOCALES, type Locale } from "../../shared/schemas/common.ts";
import { api } from "../api.ts";
import { authClient } from "../auth-client.ts";
import { isStaff, useMe } from "../data.ts";
import { NotificationBell } from "../features/me/notifications.tsx";
import { isLocale, LANGUAGE_NAMES, saveLocale } from "../i18n/index.ts";
import { Loading } from "./forms.tsx";

function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const change = async (lng: string) => {
    if (!isLocale(lng)) return;
    await i18n.changeLanguage(lng);
    saveLocale(lng);
    if (signedIn) api.patch("/api/me/locale", { locale: lng }).catch(() => undefined);
  };
  return (
    <div className="language-switcher">
      <label htmlFor="language-select">{t("nav.language")}</label>
      <select
        id="language-select"
        className="language-select"
        value={i18n.language}
        onChange={(e) => change(e.target.value)}
      >
        {LOCALES.map((l: Locale) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** After each navigation, move focus to the page's h1 so screen readers announce the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  // Runs on every change of page.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    let handle = 0;
    const focus = () => {
      const h1 = document.querySelector<HTMLElement>("main h1");
      if (h1) {
        h1.focus({ preventScroll: false });
        window.scrollTo({ top: 0 });
      } else if (tries++ < 20) handle = window.setTimeout(focus, 50);
    };
    handle = window.setTimeout(focus, 0);
    return () => window.clearTimeout(handle);
  }, [location.pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user ?? null;
  const staff = isStaff(me.data);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useFocusOnNavigate();

  // Close the menu on every navigation.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const signOut = async () => {
    await authClient.signOut().catch(() => undefined);
    queryClient.clear();
    navigate("/");
  };

  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? "nav-link active" : "nav-link");

  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className={`site-header${user ? " signed-in" : ""}`}>
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              UN
            </span>
            <span className="brand-name">{t("app.name")}</span>
          </Link>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true" className="menu-icon" />
            {t("nav.menu")}
          </button>
          <div id="site-menu" className={`site-menu${menuOpen ? " open" : ""}`}>
            <nav aria-label={t("nav.main")}>
              <ul className="nav-list">
                <li>
                  <NavLink to="/organizations" end className={navClass}>
                    {t("nav.directory")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/events" className={navClass}>
                    {t("nav.events")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/recommendations" className={navClass}>
                    {t("nav.recommendations")}
                  </NavLink>
                </li>
                {user ? (
                  <>
                    <li>
                      <NavLink to="/me" end className={navClass}>
                        {t("nav.profile")}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/me/organizations" className={navClass}>
                        {t("nav.myOrganization")}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/me/events" className={navClass}>
                        {t("nav.myEvents")}
                      </NavLink>
                    </li>
                  </>
                ) : null}
                {staff ? (
                  <li>
                    <NavLink to="/admin" className={navClass}>
                      {t("nav.admin")}
                    </NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div className="header-tools">
              <LanguageSwitcher signedIn={!!user} />
              {user ? <NotificationBell /> : null}
              {user ? (
                <button type="button" className="btn btn-ghost" onClick={signOut}>
                  {t("nav.signOut")}
                </button>
              ) : (
                <Link className="btn btn-ghost" to="/sign-in">
                  {t("nav.signIn")}
                </Link>
              )}
            </div>
          </div>
        </div>
      </header>
      {user && staff && !user.twoFactorEnabled ? (
        <section className="banner" aria-label={t("security.bannerLabel")}>
          <p>
            {t("security.banner")} <Link to="/me/security">{t("security.bannerLink")}</Link>
          </p>
        </section>
      ) : null}
      <main id="main" tabIndex={-1} className="main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{t("footer.about")}</p>
          <p>
            <a href="/api/docs">{t("footer.api")}</a>
          </p>
          <p className="footer-small">{t("footer.copyright", { year: new Date().getFullYear() })}</p>
        </div>
      </footer>
    </>
  );
}
