import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ApplicationRow, Eligibility, EventView } from "../../../shared/schemas/events.ts";
import { ApiError, api } from "../../api.ts";
import { formatList, useRefLookup } from "../../data.ts";
import { formatLocale } from "../../i18n/index.ts";
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  errorText,
  fieldId,
  Loading,
  QueryError,
  RadioGroup,
  TextArea,
} from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { Notice, PageTitle } from "../../ui/widgets.tsx";
import NotFoundPage from "../home/NotFoundPage.tsx";
import { useEvent } from "./EventPage.tsx";
import { eventApi, eventKeys, type QuestionView } from "./endpoints.ts";
import { pickLocalized, pickPlain, textAttrs } from "./format.ts";
import { REASON_CODES, reasonText } from "./labels.ts";
import { Localized } from "./ui.tsx";

const FORM = "apply";

export default function ApplyPage() {
  return <RequireUser>{() => <Apply />}</RequireUser>;
}

function Apply() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const event = useEvent(id);
  const eligibility = useQuery({
    queryKey: eventKeys.eligibility(id),
    queryFn: ({ signal }) => api.get<Eligibility>(eventApi.eligibility(id), undefined, signal),
    staleTime: 0,
  });
  const [done, setDone] = useState<ApplicationRow | null>(null);

  if (event.isPending || (eligibility.isPending && !done)) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  const e = event.data;
  const title = pickLocalized(e.title).value;

  if (done) {
    return (
      <section>
        <PageTitle>{t("apply.doneTitle")}</PageTitle>
        <Notice kind="success">
          <p role="status">{t("apply.doneText", { event: `\u2068${title}\u2069` })}</p>
        </Notice>
        <p>{t("apply.doneNext")}</p>
        <div className="actions">
          <Link className="btn btn-primary" to="/me/events">
            {t("nav.myEvents")}
          </Link>
          <Link className="btn btn-secondary" to={`/events/${e.id}`}>
            {t("apply.backToEvent")}
          </Link>
        </div>
      </section>
    );
  }
  if (eligibility.isError) return <QueryError error={eligibility.error} />;
  const elig = eligibility.data!;

  return (
    <>
      <PageTitle title={t("apply.title", { event: title })}>
        {t("apply.titlePrefix")} <Localized text={e.title} />
      </PageTitle>
      <p>
        <Link to={`/events/${e.id}`}>{t("apply.backToEvent")}</Link>
      </p>
      {elig.eligible ? (
        <ApplicationForm event={e} eligibility={elig} onDone={setDone} />
      ) : (
        <NotEligible event={e} eligibility={elig} />
      )}
    </>
  );
}

/** Why the caller cannot apply, each reason with what to do about it. */
function NotEligible({ event: e, eligibility }: { event: EventView; eligibility: Eligibility }) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const places = [...e.target.regions.map(lookup.region), ...e.target.countries.map(lookup.country)];
  const types = e.target.orgTypes.map((o) => t(`orgType.${o}`));
  const help = (code: string, orgId?: string) => {
    switch (code) {
      case "applications_closed":
        return <Link to={`/events/${e.id}`}>{t("eligibility.help.applications_closed")}</Link>;
      case "already_applied":
        return <Link to="/me/events">{t("eligibility.help.already_applied")}</Link>;
      case "no_organization":
        return (
          <>
            {t("eligibility.help.no_organization")}{" "}
            <Link to="/organizations">{t("eligibility.findOrganization")}</Link>
            {" · "}
            <Link to="/organizations/new">{t("directory.register")}</Link>
          </>
        );
      case "no_eligible_organization":
        return t("eligibility.help.no_eligible_organization");
      case "organization_not_verified":
        return (
          <>
            {t("eligibility.help.organization_not_verified")}{" "}
            {orgId ? <Link to={`/organizations/${orgId}`}>{t("eligibility.seeOrganization")}</Link> : null}
          </>
        );
      case "country_not_targeted":
        return places.length
          ? t("eligibility.help.country_not_targeted", { places: formatList(places) })
          : null;
      case "type_not_targeted":
        return types.length ? t("eligibility.help.type_not_targeted", { types: formatList(types) }) : null;
      default:
        return null;
    }
  };
  const blocked = eligibility.organizations.filter((o) => !o.eligible);
  return (
    <section className="notice notice-warning not-eligible" aria-labelledby="not-eligible-title">
      <h2 id="not-eligible-title" className="h3">
        {t("eligibility.title")}
      </h2>
      <ul className="reasons">
        {eligibility.reasons.map((r) => (
          <li key={r.code}>
            <strong>{reasonText(t, r)}</strong>
            {help(r.code) ? <p>{help(r.code)}</p> : null}
          </li>
        ))}
      </ul>
      {blocked.length ? (
        <>
          <h3 className="h3">{t("eligibility.yourOrganizations")}</h3>
          <ul className="reasons">
            {blocked.map((o) => (
              <li key={o.organizationId}>
                <strong>
                  <bdi>{o.name}</bdi>
                </strong>
                <ul>
                  {o.reasons.map((r) => (
                    <li key={r.code}>
                      {reasonText(t, r)} {help(r.code, o.organizationId)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

type FileAnswer = { fileId: string; name?: string; size?: number };
type Answer = string | string[] | FileAnswer;

function ApplicationForm({
  event: e,
  eligibility,
  onDone,
}: {
  event: EventView;
  eligibility: Eligibility;
  onDone: (row: ApplicationRow) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const eligible = eligibility.organizations.filter((o) => o.eligible);
  const blocked = eligibility.organizations.filter((o) => !o.eligible);
  const questions = (e.questions ?? []) as QuestionView[];
  const [organizationId, setOrganizationId] = useState(
    eligible.length === 1 ? eligible[0].organizationId : "",
  );
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [motivation, setMotivation] = useState("");
  const [travelSupport, setTravelSupport] = useState(false);
  const [travelJustification, setTravelJustification] = useState("");
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const consentText = pickLocalized(e.consentText);

  const label = (q: QuestionView) => pickPlain(q.label);
  const isEmpty = (a: Answer | undefined) =>
    a === undefined || (Array.isArray(a) ? a.length === 0 : typeof a === "string" ? !a.trim() : !a.fileId);

  /** Field errors in the UI language: ours for what we know, the server's words otherwise. */
  const translate = (path: string, message: string) => {
    if (path === "organizationId") return t("apply.errors.organization");
    if (path === "consent") return t("apply.errors.consent");
    if (path === "travelJustification") return t("apply.errors.travelJustification");
    if (path.startsWith("answers.")) {
      const q = questions.find((x) => `answers.${x.id}` === path);
      const name = q ? label(q).value : path.slice(8);
      return /required/i.test(message)
        ? t("apply.errors.answerRequired", { question: name })
        : t("apply.errors.answerInvalid", { question: name, message });
    }
    return message;
  };

  const showErrors = (
    fields: Array<{ path: string; message: string }>,
    status = 400,
    code = "validation",
  ) => {
    const map: Record<string, string> = {};
    for (const f of fields) map[f.path] ??= f.message;
    setErrors(map);
    setError(
      new ApiError({
        status,
        code,
        title: t("errors.validation"),
        fields: Object.entries(map).map(([path, message]) => ({ path, message })),
      }),
    );
    requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const local: Array<{ path: string; message: string }> = [];
    if (!organizationId) local.push({ path: "organizationId", message: t("apply.errors.organization") });
    for (const q of questions)
      if (q.required && isEmpty(answers[q.id]))
        local.push({
          path: `answers.${q.id}`,
          message: t("apply.errors.answerRequired", { question: label(q).value }),
        });
    if (travelSupport && !travelJustification.trim())
      local.push({ path: "travelJustification", message: t("apply.errors.travelJustification") });
    if (!consent) local.push({ path: "consent", message: t("apply.errors.consent") });
    if (local.length) return showErrors(local);

    const body = {
      organizationId,
      answers: Object.fromEntries(
        Object.entries(answers)
          .filter(([, a]) => !isEmpty(a))
          .map(([k, a]) => [k, typeof a === "object" && !Array.isArray(a) ? { fileId: a.fileId } : a]),
      ),
      motivation: motivation.trim() || undefined,
      travelSupport: e.travelSupport ? travelSupport : false,
      travelJustification: travelSupport ? travelJustification.trim() : undefined,
      consent: true as const,
    };
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const row = await api.post<ApplicationRow>(eventApi.applications(e.id), body);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.one(e.id) }),
        queryClient.invalidateQueries({ queryKey: eventKeys.mine }),
      ]);
      onDone(row);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        showErrors(
          err.fields.map((f) => ({ path: f.path, message: translate(f.path, f.message) })),
          err.status,
          err.code,
        );
      } else if (err instanceof ApiError && (REASON_CODES as readonly string[]).includes(err.code)) {
        setError(new Error(reasonText(t, { code: err.code, message: err.detail ?? err.title })));
        queryClient.invalidateQueries({ queryKey: eventKeys.eligibility(e.id) });
        requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
      } else {
        setError(err);
        requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
      }
    } finally {
      setBusy(false);
    }
  };

  const setAnswer = (id: string, a: Answer) => setAnswers((p) => ({ ...p, [id]: a }));

  return (
    <form onSubmit={submit} noValidate className="apply-form">
      <p>{t("apply.intro")}</p>
      <ErrorSummary error={error} form={FORM} />
      <RadioGroup
        id={fieldId(FORM, "organizationId")}
        legend={t("apply.organization")}
        hint={t("apply.organizationHint")}
        options={eligible.map((o) => ({ value: o.organizationId, label: o.name, dir: "auto" }))}
        value={organizationId}
        onChange={setOrganizationId}
        error={errors.organizationId}
        required
      />
      {blocked.length ? (
        <p className="hint">
          {t("apply.otherOrganizations", {
            list: formatList(blocked.map((o) => `\u2068${o.name}\u2069`)),
          })}
        </p>
      ) : null}

      {questions.length ? (
        <section aria-labelledby="apply-questions" className="apply-section">
          <h2 id="apply-questions" className="h3">
            {t("apply.questions")}
          </h2>
          {questions.map((q) => (
            <QuestionField
              key={q.id}
              eventId={e.id}
              question={q}
              value={answers[q.id]}
              onChange={(a) => setAnswer(q.id, a)}
              error={errors[`answers.${q.id}`]}
            />
          ))}
        </section>
      ) : null}

      <TextArea
        id={fieldId(FORM, "motivation")}
        label={t("apply.motivation")}
        hint={t("apply.motivationHint")}
        value={motivation}
        onChange={setMotivation}
        rows={5}
        error={errors.motivation}
      />

      {e.travelSupport ? (
        <fieldset className="group" id={fieldId(FORM, "travelSupport")}>
          <legend>{t("apply.travelTitle")}</legend>
          <Checkbox
            label={t("apply.travelRequest")}
            hint={t("apply.travelHint")}
            checked={travelSupport}
            onChange={setTravelSupport}
            error={errors.travelSupport}
          />
          {travelSupport ? (
            <TextArea
              id={fieldId(FORM, "travelJustification")}
              label={t("apply.travelJustification")}
              value={travelJustification}
              onChange={setTravelJustification}
              rows={3}
              required
              error={errors.travelJustification}
            />
          ) : null}
        </fieldset>
      ) : null}

      <fieldset
        className="group consent"
        aria-describedby={consentText.value ? "apply-consent-text" : undefined}
      >
        <legend>
          {t("fields.consent")}
          <span className="required" aria-hidden="true">
            {" *"}
          </span>
        </legend>
        {consentText.value ? (
          <div id="apply-consent-text" className="consent-text prewrap" {...textAttrs(consentText)}>
            {consentText.value}
          </div>
        ) : null}
        <Checkbox
          id={fieldId(FORM, "consent")}
          label={t("apply.consentAgree")}
          checked={consent}
          onChange={setConsent}
          error={errors.consent}
        />
      </fieldset>

      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t("apply.submit")}
      </button>
    </form>
  );
}

function QuestionField({
  eventId,
  question: q,
  value,
  onChange,
  error,
}: {
  eventId: string;
  question: QuestionView;
  value: Answer | undefined;
  onChange: (a: Answer) => void;
  error?: string;
}) {
  const label = pickPlain(q.label);
  const id = fieldId(FORM, `answers.${q.id}`);
  const labelNode = <span {...textAttrs(label)}>{label.value}</span>;
  const options = (q.options ?? []).map((o) => {
    const l = pickPlain(o.label);
    return { value: o.value, label: l.value || o.value, ...(l.fallback ? textAttrs(l) : {}) };
  });
  switch (q.kind) {
    case "single":
      return (
        <RadioGroup
          id={id}
          legend={labelNode}
          options={options}
          value={typeof value === "string" ? value : ""}
          onChange={onChange}
          error={error}
          required={q.required}
        />
      );
    case "multiple":
      return (
        <CheckboxGroup
          id={id}
          legend={
            <>
              {labelNode}
              {q.required ? (
                <span className="required" aria-hidden="true">
                  {" *"}
                </span>
              ) : null}
            </>
          }
          options={options}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          error={error}
        />
      );
    case "file":
      return (
        <FileQuestion
          id={id}
          eventId={eventId}
          label={labelNode}
          required={q.required}
          value={value && typeof value === "object" && !Array.isArray(value) ? value : undefined}
          onChange={onChange}
          error={error}
        />
      );
    default:
      return (
        <TextArea
          id={id}
          label={labelNode}
          value={typeof value === "string" ? value : ""}
          onChange={onChange}
          rows={4}
          required={q.required}
          error={error}
        />
      );
  }
}

/** A "file" question: the file is uploaded as soon as it is chosen; the answer is its id. */
function FileQuestion({
  id,
  eventId,
  label,
  required,
  value,
  onChange,
  error,
}: {
  id: string;
  eventId: string;
  label: ReactNode;
  required?: boolean;
  value?: FileAnswer;
  onChange: (a: Answer) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState("");
  const shown = uploadError || error;
  const upload = async (file: File | undefined) => {
    setUploadError("");
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) {
      setUploadError(t("apply.fileTooLarge"));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append("file", file);
      const r = await api.upload<{ fileId: string; name: string; size: number }>(
        `/api/events/${eventId}/application-files`,
        form,
      );
      onChange({ fileId: r.fileId, name: r.name, size: r.size });
    } catch (err) {
      const code = err instanceof ApiError ? err.code : "";
      setUploadError(
        code === "file_type_not_allowed"
          ? t("apply.fileTypeNotAllowed")
          : code === "file_too_large" || (err instanceof ApiError && err.status === 413)
            ? t("apply.fileTooLarge")
            : errorText(err, t),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`field${shown ? " has-error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {" *"}
          </span>
        ) : null}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t("apply.fileHint")}
      </p>
      {shown ? (
        <p className="field-error" id={`${id}-error`}>
          {shown}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        accept="application/pdf,image/png,image/jpeg,image/webp"
        required={required}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ""}`}
        disabled={busy}
        onChange={(e) => upload(e.target.files?.[0])}
      />
      <p className="live-status" role="status" aria-live="polite">
        {busy
          ? t("apply.fileUploading")
          : value?.fileId
            ? t("apply.fileUploaded", {
                name: value.name ?? "",
                size: formatFileSize(value.size ?? 0),
              })
            : ""}
      </p>
    </div>
  );
}

function formatFileSize(bytes: number): string {
  const unit = bytes >= 1024 * 1024 ? "megabyte" : "kilobyte";
  const n = unit === "megabyte" ? bytes / 1024 / 1024 : Math.max(1, bytes / 1024);
  return new Intl.NumberFormat(formatLocale(), { style: "unit", unit, maximumFractionDigits: 1 }).format(n);
}
