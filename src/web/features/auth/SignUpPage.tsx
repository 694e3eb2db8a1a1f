import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LOCALES } from "../../../shared/schemas/common.ts";
import { authClient, authError } from "../../auth-client.ts";
import { currentLocale, LANGUAGE_NAMES } from "../../i18n/index.ts";
import { ErrorSummary, SelectField, TextField } from "../../ui/forms.tsx";
import { PageTitle } from "../../ui/widgets.tsx";

export default function SignUpPage() {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [locale, setLocale] = useState<string>(currentLocale());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t("form.requiredField");
    if (!/^\S+@\S+\.\S+$/.test(email)) errs.email = t("form.invalidEmail");
    if (password.length < 10) errs.password = t("form.passwordLength");
    setErrors(errs);
    if (Object.keys(errs).length) {
      setError(new Error(t("errors.validation")));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const res = await authClient.signUp.email({
        name: name.trim(),
        email,
        password,
        locale,
        callbackURL: "/",
      } as any);
      if (res.error) throw authError(res.error);
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <section className="narrow">
        <PageTitle>{t("auth.checkEmailTitle")}</PageTitle>
        <p role="status">{t("auth.checkEmail", { email })}</p>
        <p>
          <Link to="/sign-in">{t("nav.signIn")}</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <PageTitle>{t("auth.signUpTitle")}</PageTitle>
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t("fields.name")}
          value={name}
          onChange={setName}
          autoComplete="name"
          required
          error={errors.name}
        />
        <TextField
          label={t("fields.email")}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="email"
          required
          error={errors.email}
        />
        <TextField
          label={t("fields.password")}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          minLength={10}
          hint={t("form.passwordHint")}
          required
          error={errors.password}
        />
        <SelectField
          label={t("auth.emailLanguage")}
          value={locale}
          onChange={setLocale}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t("auth.signUpSubmit")}
        </button>
      </form>
      <p className="after-form">
        {t("auth.haveAccount")} <Link to="/sign-in">{t("nav.signIn")}</Link>
      </p>
    </section>
  );
}
