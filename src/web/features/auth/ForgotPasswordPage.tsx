import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authClient, authError } from "../../auth-client.ts";
import { ErrorSummary, TextField } from "../../ui/forms.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PageTitle } from "../../ui/widgets.tsx";

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const { error, busy, run } = useSubmit();
  const [sent, setSent] = useState(false);

  const submit = run(async () => {
    const res = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    if (res.error) throw authError(res.error);
    setSent(true);
  });

  return (
    <section className="narrow">
      <PageTitle>{t("auth.forgotTitle")}</PageTitle>
      {sent ? (
        <p role="status">{t("auth.resetSent")}</p>
      ) : (
        <>
          <ErrorSummary error={error} />
          <p>{t("auth.forgotIntro")}</p>
          <form onSubmit={submit} noValidate>
            <TextField
              label={t("fields.email")}
              type="email"
              value={email}
              onChange={setEmail}
              autoComplete="email"
              required
            />
            <button className="btn btn-primary" type="submit" disabled={busy}>
              {t("auth.sendReset")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
