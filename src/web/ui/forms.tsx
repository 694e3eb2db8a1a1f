import i18next from "i18next";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type FieldError } from "../api.ts";

/** Stable DOM id for a form field, so the error summary can link to it. */
export const fieldId = (form: string, path: string) => `${form}-${path.replace(/[^\w-]/g, "-")}`;

interface BaseProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  id?: string;
}

function Describe({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, hint?: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useTranslation();
  if (!required) return null;
  return (
    <span className="required" aria-hidden="true" title={t("form.required")}>
      {" *"}
    </span>
  );
}

/**
 * The parts every labelled control shares: an id, the label with its required mark, the hint and
 * error texts, and the ARIA attributes that tie them to the control.
 */
function useField(props: BaseProps) {
  const auto = useId();
  const id = props.id ?? auto;
  const aria = {
    id,
    required: props.required,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy(id, props.hint, props.error),
  } as const;
  const shell = (control: ReactNode) => (
    <div className={`field${props.error ? " has-error" : ""}`}>
      <label htmlFor={id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <Describe id={id} hint={props.hint} error={props.error} />
      {control}
    </div>
  );
  return { aria, shell };
}

export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (v: string) => void;
    type?: string;
    autoComplete?: string;
    inputMode?: "numeric" | "text" | "email" | "url" | "search";
    maxLength?: number;
    minLength?: number;
    pattern?: string;
    dir?: string;
    lang?: string;
  },
) {
  const { aria, shell } = useField(props);
  return shell(
    <input
      {...aria}
      type={props.type ?? "text"}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      autoComplete={props.autoComplete}
      inputMode={props.inputMode}
      maxLength={props.maxLength}
      minLength={props.minLength}
      pattern={props.pattern}
      dir={props.dir}
      lang={props.lang}
    />,
  );
}

export function TextArea(
  props: BaseProps & {
    value: string;
    onChange: (v: string) => void;
    rows?: number;
    dir?: string;
    lang?: string;
    mono?: boolean;
  },
) {
  const { aria, shell } = useField(props);
  return shell(
    <textarea
      {...aria}
      rows={props.rows ?? 4}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      dir={props.dir}
      lang={props.lang}
      className={props.mono ? "mono" : undefined}
    />,
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: BaseProps & { value: string; onChange: (v: string) => void; options: Option[]; emptyLabel?: string },
) {
  const { aria, shell } = useField(props);
  return shell(
    <select {...aria} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>,
  );
}

export function Checkbox(props: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  id?: string;
  error?: string;
  hint?: ReactNode;
}) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <div className={`checkbox${props.error ? " has-error" : ""}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
      <label htmlFor={id}>{props.label}</label>
      <Describe id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

export function CheckboxGroup(props: {
  legend: ReactNode;
  options: Option[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
  id?: string;
  columns?: boolean;
}) {
  const auto = useId();
  const id = props.id ?? auto;
  const toggle = (v: string, on: boolean) =>
    props.onChange(on ? [...props.value, v] : props.value.filter((x) => x !== v));
  return (
    <fieldset
      className={`group${props.error ? " has-error" : ""}`}
      id={id}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <div className={props.columns ? "checkbox-columns" : undefined}>
        {props.options.map((o) => (
          <Checkbox
            key={o.value}
            id={`${id}-${o.value}`}
            label={o.label}
            checked={props.value.includes(o.value)}
            onChange={(on) => toggle(o.value, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** One choice among a few, as radio buttons in a fieldset (the legend labels the group). */
export function RadioGroup(props: {
  legend: ReactNode;
  options: Array<Option & { hint?: ReactNode; lang?: string; dir?: string }>;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: ReactNode;
  id?: string;
  required?: boolean;
  inline?: boolean;
}) {
  const auto = useId();
  const id = props.id ?? auto;
  return (
    <fieldset
      className={`group${props.error ? " has-error" : ""}`}
      id={id}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend>
        {props.legend}
        <RequiredMark required={props.required} />
      </legend>
      <Describe id={id} hint={props.hint} error={props.error} />
      <div className={props.inline ? "radio-row" : undefined}>
        {props.options.map((o) => {
          const optionId = `${id}-${o.value.replace(/[^\w-]/g, "-")}`;
          return (
            <div className="checkbox" key={o.value}>
              <input
                id={optionId}
                type="radio"
                name={id}
                value={o.value}
                checked={props.value === o.value}
                onChange={() => props.onChange(o.value)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId} lang={o.lang} dir={o.dir}>
                {o.label}
              </label>
              {o.hint ? (
                <p className="hint" id={`${optionId}-hint`}>
                  {o.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Summary of a failed submission, at the top of a form. */
export function ErrorSummary({ error, form }: { error: unknown; form?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary-title">{t("form.errorTitle")}</h2>
      <p>{errorText(error, t)}</p>
      {apiError?.fields.length ? (
        <ul>
          {apiError.fields.map((f) => (
            <li key={f.path + f.message}>
              {form ? (
                <a href={`#${fieldId(form, f.path)}`}>{fieldLabel(f.path, t)}</a>
              ) : (
                fieldLabel(f.path, t)
              )}
              {": "}
              {fieldMessage(f, t)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function fieldLabel(path: string, t: (k: string, o?: any) => string) {
  if (!path) return t("form.errorTitle");
  const key = `fields.${path.split(".")[0]}`;
  const label = t(key, { defaultValue: "" });
  return label || path;
}

/** The user-facing text of any error thrown by the API or the auth client. */
export function errorText(error: unknown, t: (k: string, o?: any) => string): string {
  if (error instanceof ApiError) {
    if (error.code === "two_factor_required") return t("errors.twoFactorRequired");
    if (error.code === "network") return t("errors.network");
    if (error.code === "csrf") return t("errors.csrf");
    if (error.status === 401) return t("errors.unauthorized");
    if (error.status === 403)
      return error.code === "forbidden" ? t("errors.forbidden") : error.title || t("errors.forbidden");
    if (error.status === 404) return t("errors.notFound");
    if (error.status === 429) return t("errors.rateLimited");
    if (error.fields.length) return t("errors.validation");
    return error.title || error.detail || t("errors.generic");
  }
  if (error instanceof Error && error.message) return error.message;
  return t("errors.generic");
}

/** Shows an error from a query (not a form). */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{errorText(error, t)}</p>
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * A field error in the reader's language: the server says which rule a field broke (required, too
 * long, not an e-mail address…), and the text is ours; errors without a rule (written by a form
 * itself, already translated) are shown as they are.
 */
export function fieldMessage(f: FieldError, t: T = (k, o) => i18next.t(k, o)): string {
  const r = f.rule;
  if (!r) return f.message;
  switch (r.code) {
    case "required":
      return t("form.requiredField");
    case "too_small":
    case "too_big": {
      const kind =
        r.origin === "number" || r.origin === "bigint"
          ? "Number"
          : r.origin === "array" || r.origin === "set"
            ? "Array"
            : r.origin === "string"
              ? "String"
              : null;
      const bound = r.code === "too_small" ? r.minimum : r.maximum;
      if (!kind || bound === undefined) return t("form.invalidField");
      return t(`validation.${r.code === "too_small" ? "min" : "max"}${kind}`, { n: bound });
    }
    case "invalid_format":
      if (r.format === "email") return t("form.invalidEmail");
      if (r.format === "url") return t("validation.url");
      return t("validation.format");
    case "invalid_value":
      return t("validation.choose");
    default:
      return t("form.invalidField");
  }
}

/** Reads field errors from an ApiError for inline display, in the reader's language. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) if (!(f.path in out)) out[f.path] = fieldMessage(f);
  return out;
}
