import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { authClient, authError } from "../../auth-client.ts";
import { ErrorSummary, TextField } from "../../ui/forms.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PageTitle } from "../../ui/widgets.tsx";

/** Only same-site relative paths may be used as a post-sign-in destination. */
function safeNext(next: string | null) {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"password" | "totp">("password");
  const { error, busy, run } = useSubmit();

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ["me"] });
    navigate(safeNext(params.get("next")));
  };

  const submit = run(async () => {
    const res = await authClient.signIn.email({ email, password });
    if (res.error) throw authError(res.error);
    if ((res.data as { twoFactorRedirect?: boolean } | null)?.twoFactorRedirect) {
      setStep("totp");
      return;
    }
    await done();
  });

  const verify = run(async () => {
    const res = await authClient.twoFactor.verifyTotp({ code: code.trim() });
    if (res.error) throw authError(res.error);
    await done();
  });

  const withPasskey = run(async () => {
    const res: any = await authClient.signIn.passkey();
    if (res?.error) throw authError(res.error);
    await done();
  });

  if (step === "totp") {
    return (
      <section className="narrow">
        <PageTitle>{t("auth.totpTitle")}</PageTitle>
        <ErrorSummary error={error} />
        <form onSubmit={verify} noValidate>
          <p>{t("auth.totpIntro")}</p>
          <TextField
            label={t("auth.code")}
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            pattern="[0-9]{6}"
            required
          />
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {t("auth.verify")}
          </button>
        </form>
      </section>
    );
  }

  return (
    <section className="narrow">
      <PageTitle>{t("auth.signInTitle")}</PageTitle>
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t("fields.email")}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="username webauthn"
          required
        />
        <TextField
          label={t("fields.password")}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
        />
        <div className="actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {t("nav.signIn")}
          </button>
          <Link to="/forgot-password">{t("auth.forgot")}</Link>
        </div>
      </form>
      <div className="divider">
        <span>{t("auth.or")}</span>
      </div>
      <button className="btn btn-secondary" type="button" onClick={withPasskey} disabled={busy}>
        {t("auth.passkeySignIn")}
      </button>
      <p className="after-form">
        {t("auth.noAccount")} <Link to="/sign-up">{t("auth.signUpLink")}</Link>
      </p>
    </section>
  );
}
