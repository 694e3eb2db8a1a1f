import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { ApiError, api } from "../../api.ts";
import { Loading, QueryError } from "../../ui/forms.tsx";
import { PageTitle } from "../../ui/widgets.tsx";
import { formatDateRange, pickLocalized } from "./format.ts";
import { type CertificateCheck, outcomeApi, outcomeKeys } from "./outcomes.ts";
import { Localized } from "./ui.tsx";

/** "ab cd-…" → "ABCD-EFGH-JKMN", as certificates print their codes. */
export function normalizeCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}

/**
 * Public check of a certificate by its code: valid or not, the name, the event and its dates —
 * nothing else about the person.
 */
export default function VerifyPage() {
  const { code = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inputId = useId();
  const [value, setValue] = useState(code);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setValue(code), [code]);
  const normalized = normalizeCode(code);
  const check = useQuery({
    queryKey: outcomeKeys.certificate(normalized),
    queryFn: ({ signal }) => api.get<CertificateCheck>(outcomeApi.certificate(normalized), undefined, signal),
    enabled: normalized.length >= 12,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normalizeCode(value);
    if (c.replace(/-/g, "").length !== 12) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    navigate(`/verify/${c}`);
  };

  return (
    <>
      <PageTitle>{t("verify.title")}</PageTitle>
      <p className="lead">{t("verify.intro")}</p>
      <form className="card narrow-form verify-form" onSubmit={submit} noValidate>
        <div className={`field${invalid ? " has-error" : ""}`}>
          <label htmlFor={inputId}>{t("verify.code")}</label>
          <p className="hint" id={`${inputId}-hint`}>
            {t("verify.codeHint")}
          </p>
          {invalid ? (
            <p className="field-error" id={`${inputId}-error`}>
              {t("verify.codeInvalid")}
            </p>
          ) : null}
          <input
            id={inputId}
            type="text"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${inputId}-hint${invalid ? ` ${inputId}-error` : ""}`}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t("verify.submit")}
        </button>
      </form>
      {code ? (
        normalized.length < 12 ? (
          <div className="notice notice-error" role="alert">
            <p>{t("verify.codeInvalid")}</p>
          </div>
        ) : check.isPending ? (
          <Loading />
        ) : check.isError ? (
          check.error instanceof ApiError && check.error.status === 404 ? (
            <div className="notice notice-error verify-result" role="alert">
              <h2 className="h3">{t("verify.notFoundTitle")}</h2>
              <p>{t("verify.notFound", { code: `\u2068${normalized}\u2069` })}</p>
            </div>
          ) : (
            <QueryError error={check.error} />
          )
        ) : (
          <section
            className={`notice ${check.data.valid ? "notice-success" : "notice-error"} verify-result`}
            aria-labelledby="verify-result-title"
          >
            <h2 id="verify-result-title" className="h3">
              <span aria-hidden="true">{check.data.valid ? "✓ " : "✗ "}</span>
              {check.data.valid ? t("verify.valid") : t("verify.revoked")}
            </h2>
            <dl className="details">
              <dt>{t("verify.codeLabel")}</dt>
              <dd>
                <code dir="ltr">{check.data.code}</code>
              </dd>
              <dt>{t("verify.name")}</dt>
              <dd>
                <bdi>{check.data.name}</bdi>
              </dd>
              <dt>{t("verify.event")}</dt>
              <dd>
                <Localized picked={pickLocalized(check.data.event.title)} />
              </dd>
              <dt>{t("verify.dates")}</dt>
              <dd>{formatDateRange(check.data.event.startDate, check.data.event.endDate)}</dd>
            </dl>
          </section>
        )
      ) : null}
    </>
  );
}
