import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { authClient, authError } from "../../auth-client.ts";
import { formatDate, type Me } from "../../data.ts";
import { ErrorSummary, errorText, Loading, QueryError, TextField } from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { LiveStatus, Notice, PageTitle } from "../../ui/widgets.tsx";
import { NotificationPreferences } from "./NotificationPreferences.tsx";

export default function SecurityPage() {
  const { t } = useTranslation();
  return (
    <RequireUser>
      {(me) => (
        <>
          <PageTitle>{t("security.title")}</PageTitle>
          <nav aria-label={t("profile.sections")} className="subnav">
            <ul>
              <li>
                <Link to="/me">{t("profile.title")}</Link>
              </li>
              <li>
                <Link to="/me/security" aria-current="page">
                  {t("security.title")}
                </Link>
              </li>
              <li>
                <Link to="/me/organizations">{t("nav.myOrganization")}</Link>
              </li>
            </ul>
          </nav>
          <TwoFactor me={me} />
          <Passkeys />
          <Tokens />
          <NotificationPreferences />
        </>
      )}
    </RequireUser>
  );
}

/** The base32 secret from an otpauth:// URI, grouped in fours for reading aloud. */
export function secretFromUri(uri: string): string {
  const m = /[?&]secret=([^&]+)/i.exec(uri);
  const secret = m ? decodeURIComponent(m[1]) : "";
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function TwoFactor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [setup, setSetup] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);
  // Just confirmed in this page: shown as on even before /api/me has been fetched again.
  const [justEnabled, setJustEnabled] = useState(false);
  // The backup codes stay on screen after confirming, until the user says they saved them.
  const [codesToSave, setCodesToSave] = useState<string[] | null>(null);
  const { error, busy, run } = useSubmit();
  const [status, setStatus] = useState("");
  const enabled = me.user!.twoFactorEnabled || justEnabled;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const codesTitleRef = useRef<HTMLHeadingElement>(null);
  // Focus moves with the content: to the backup codes once they replace the set-up form.
  const [focusCodes, setFocusCodes] = useState(false);
  useEffect(() => {
    if (focusCodes && codesToSave) {
      codesTitleRef.current?.focus();
      setFocusCodes(false);
    }
  }, [focusCodes, codesToSave]);

  const start = run(async () => {
    const res = await authClient.twoFactor.enable({ password });
    if (res.error) throw authError(res.error);
    setSetup(res.data as { totpURI: string; backupCodes: string[] });
    setPassword("");
  });

  const confirm = run(async () => {
    const res = await authClient.twoFactor.verifyTotp({ code: code.trim() });
    if (res.error) throw authError(res.error);
    setCodesToSave(setup?.backupCodes ?? null);
    setSetup(null);
    setJustEnabled(true);
    setFocusCodes(true);
    setStatus(t("security.enabled"));
    setCode("");
    await queryClient.invalidateQueries({ queryKey: ["me"] });
  });

  const disable = run(async () => {
    const res = await authClient.twoFactor.disable({ password });
    if (res.error) throw authError(res.error);
    setPassword("");
    setSetup(null);
    setCodesToSave(null);
    setJustEnabled(false);
    setStatus(t("security.disabled"));
    await queryClient.invalidateQueries({ queryKey: ["me"] });
  });

  return (
    <section className="card" aria-labelledby="tfa-title">
      <h2 id="tfa-title" tabIndex={-1} ref={titleRef}>
        {t("security.twoFactor")}
      </h2>
      <p>{t("security.twoFactorIntro")}</p>
      <LiveStatus>{status}</LiveStatus>
      <ErrorSummary error={error} />
      {enabled && !setup ? (
        <>
          <p>
            <span className="tag">{t("security.on")}</span> {t("security.isOn")}
          </p>
          {codesToSave ? (
            <section className="notice notice-warning saved-codes" aria-labelledby="tfa-codes-title">
              <h3 id="tfa-codes-title" tabIndex={-1} ref={codesTitleRef}>
                {t("security.savedCodesTitle")}
              </h3>
              <p>{t("security.savedCodesIntro")}</p>
              <ul className="backup-codes" aria-labelledby="tfa-codes-title">
                {codesToSave.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => navigator.clipboard?.writeText(codesToSave.join("\n"))}
                >
                  {t("security.copyCodes")}
                </button>
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  onClick={() => {
                    setCodesToSave(null);
                    titleRef.current?.focus();
                  }}
                >
                  {t("security.codesSaved")}
                </button>
              </div>
            </section>
          ) : (
            <form onSubmit={disable} noValidate className="inline-form">
              <TextField
                label={t("security.passwordToDisable")}
                type="password"
                value={password}
                onChange={setPassword}
                autoComplete="current-password"
                required
              />
              <button type="submit" className="btn btn-secondary" disabled={busy}>
                {t("security.disable")}
              </button>
            </form>
          )}
        </>
      ) : setup ? (
        <div className="setup">
          <ol className="steps">
            <li>
              <p>{t("security.step1")}</p>
              <p className="secret">
                <span className="visually-hidden">{t("security.secretKey")}: </span>
                <code>{secretFromUri(setup.totpURI)}</code>
              </p>
              <details>
                <summary>{t("security.showUri")}</summary>
                <code className="break">{setup.totpURI}</code>
              </details>
            </li>
            <li>
              <p>{t("security.step2")}</p>
              <ul className="backup-codes" aria-label={t("security.backupCodes")}>
                {setup.backupCodes.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
            </li>
            <li>
              <form onSubmit={confirm} noValidate>
                <TextField
                  label={t("security.step3")}
                  value={code}
                  onChange={setCode}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                />
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  {t("auth.verify")}
                </button>
              </form>
            </li>
          </ol>
        </div>
      ) : (
        <form onSubmit={start} noValidate className="inline-form">
          <TextField
            label={t("security.passwordToEnable")}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("security.enable")}
          </button>
        </form>
      )}
    </section>
  );
}

function Passkeys() {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");
  const { error, busy, run } = useSubmit();
  const add = run(async () => {
    setStatus("");
    const res: any = await authClient.passkey.addPasskey();
    if (res?.error) throw authError(res.error);
    setStatus(t("security.passkeyAdded"));
  });
  return (
    <section className="card" aria-labelledby="passkey-title">
      <h2 id="passkey-title">{t("security.passkeys")}</h2>
      <p>{t("security.passkeysIntro")}</p>
      <ErrorSummary error={error} />
      <button type="button" className="btn btn-secondary" onClick={add} disabled={busy}>
        {t("security.addPasskey")}
      </button>
      <LiveStatus>{status}</LiveStatus>
    </section>
  );
}

interface Token {
  id: string;
  name: string;
  createdAt?: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
  prefix?: string;
  revokedAt?: string | null;
}

function Tokens() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const tokens = useQuery({
    queryKey: ["me", "tokens"],
    queryFn: ({ signal }) => api.get<Token[] | { items: Token[] }>("/api/me/tokens", undefined, signal),
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<{ token?: string; key?: string; value?: string }>("/api/me/tokens", { name: name.trim() }),
    onSuccess: (d) => {
      setCreated(d.token ?? d.key ?? d.value ?? null);
      setName("");
      queryClient.invalidateQueries({ queryKey: ["me", "tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (tk: Token) => api.del(`/api/me/tokens/${tk.id}`),
    onSuccess: (_d, tk) => {
      setStatus(t("security.tokenRevoked", { name: tk.name }));
      queryClient.invalidateQueries({ queryKey: ["me", "tokens"] });
    },
  });
  const list = (Array.isArray(tokens.data) ? tokens.data : (tokens.data?.items ?? [])).filter(
    (tk) => !tk.revokedAt,
  );
  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t("security.tokens")}</h2>
      <p>{t("security.tokensIntro")}</p>
      <LiveStatus>{status}</LiveStatus>
      {revoke.error ? <p className="field-error">{errorText(revoke.error, t)}</p> : null}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <QueryError error={tokens.error} />
      ) : list.length === 0 ? (
        <p className="muted">{t("security.noTokens")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("security.tokens")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("security.created")}</th>
                <th scope="col">{t("security.lastUsed")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((tk) => (
                <tr key={tk.id}>
                  <td>
                    {tk.name}
                    {tk.prefix ? <code className="small"> {tk.prefix}…</code> : null}
                  </td>
                  <td>{formatDate(tk.createdAt)}</td>
                  <td>{tk.lastUsedAt ? formatDate(tk.lastUsedAt, true) : "—"}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => revoke.mutate(tk)}
                      disabled={revoke.isPending}
                    >
                      {t("security.revoke")}
                      <span className="visually-hidden"> {tk.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {created ? (
        <Notice kind="success">
          <p role="status">{t("security.tokenCreated")}</p>
          <p>
            <code className="break">{created}</code>
          </p>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => navigator.clipboard?.writeText(created)}
          >
            {t("common.copy")}
          </button>
        </Notice>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
        noValidate
        className="inline-form"
      >
        <ErrorSummary error={create.error} />
        <TextField label={t("security.tokenName")} value={name} onChange={setName} required maxLength={100} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !name.trim()}>
          {t("security.createToken")}
        </button>
      </form>
    </section>
  );
}
