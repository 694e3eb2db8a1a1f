import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { authClient, authError } from "../../auth-client.ts";
import { ErrorSummary, TextField } from "../../ui/forms.tsx";
import { PageTitle } from "../../ui/widgets.tsx";

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 10) {
      setFieldError(t("form.passwordLength"));
      setError(new Error(t("errors.validation")));
      return;
    }
    setFieldError(undefined);
    setError(null);
    setBusy(true);
    try {
      const res = await authClient.resetPassword({ newPassword: password, token });
      if (res.error) throw authError(res.error);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <PageTitle>{t("auth.resetTitle")}</PageTitle>
      {!token || params.get("error") ? (
        <p role="alert">{t("auth.resetInvalid")}</p>
      ) : done ? (
        <p role="status">
          {t("auth.resetDone")} <Link to="/sign-in">{t("nav.signIn")}</Link>
        </p>
      ) : (
        <>
          <ErrorSummary error={error} />
          <form onSubmit={submit} noValidate>
            <TextField
              label={t("auth.newPassword")}
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              hint={t("form.passwordHint")}
              required
              error={fieldError}
            />
            <button className="btn btn-primary" type="submit" disabled={busy}>
              {t("auth.resetSubmit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
