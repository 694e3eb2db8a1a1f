import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES, RTL_LOCALES } from "../../../shared/schemas/common.ts";
import {
  ENGAGEMENT_AREAS,
  type OrganizationFull,
  OrganizationInput,
  THEMATIC_CODES,
} from "../../../shared/schemas/organizations.ts";
import { ApiError } from "../../api.ts";
import { nameOf, useRefLookup } from "../../data.ts";
import { currentLocale, LANGUAGE_NAMES } from "../../i18n/index.ts";
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  fieldId,
  SelectField,
  TextArea,
  TextField,
} from "../../ui/forms.tsx";
import { ecosocOptions, typeOptions } from "./labels.ts";

const FORM = "org";

interface State {
  names: Record<string, string>;
  originalLang: string;
  acronym: string;
  type: string;
  country: string;
  countriesOfOperation: string[];
  thematicFocus: string[];
  engagementAreas: string[];
  ecosocStatus: string;
  youthLed: boolean;
  victimLed: boolean;
  grassroots: boolean;
  website: string;
  email: string;
  description: Record<string, string>;
}

function fromOrg(o?: Partial<OrganizationFull>): State {
  const texts = (lt?: Record<string, { value: string }>) =>
    Object.fromEntries(Object.entries(lt ?? {}).map(([k, v]) => [k, v?.value ?? ""]));
  return {
    names: texts(o?.names),
    originalLang: o?.originalLang ?? currentLocale(),
    acronym: o?.acronym ?? "",
    type: o?.type ?? "",
    country: o?.country ?? "",
    countriesOfOperation: o?.countriesOfOperation ?? [],
    thematicFocus: o?.thematicFocus ?? [],
    engagementAreas: o?.engagementAreas ?? [],
    ecosocStatus: o?.ecosocStatus ?? "none",
    youthLed: o?.youthLed ?? false,
    victimLed: o?.victimLed ?? false,
    grassroots: o?.grassroots ?? false,
    website: o?.website ?? "",
    email: o?.email ?? "",
    description: texts(o?.description),
  };
}

const nonEmpty = (r: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(r)
      .filter(([, v]) => v.trim().length > 0)
      .map(([k, v]) => [k, v.trim()]),
  );

export function toInput(s: State) {
  return {
    names: nonEmpty(s.names),
    originalLang: s.originalLang,
    acronym: s.acronym.trim() || null,
    type: s.type,
    country: s.country,
    countriesOfOperation: s.countriesOfOperation,
    thematicFocus: s.thematicFocus,
    engagementAreas: s.engagementAreas,
    ecosocStatus: s.ecosocStatus,
    youthLed: s.youthLed,
    victimLed: s.victimLed,
    grassroots: s.grassroots,
    website: s.website.trim() || null,
    email: s.email.trim() || null,
    description: nonEmpty(s.description),
  };
}

export function OrganizationForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: Partial<OrganizationFull>;
  submitLabel: string;
  onSubmit: (input: ReturnType<typeof toInput>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookup = useRefLookup();
  const [s, setS] = useState<State>(() => fromOrg(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [addCountry, setAddCountry] = useState("");
  const set = <K extends keyof State>(k: K, v: State[K]) => setS((p) => ({ ...p, [k]: v }));

  const countries = lookup.sortedCountries().map((c) => ({ value: c.code, label: c.name }));
  const refOptions = (list: "thematicAreas" | "engagementAreas", codes: readonly string[]) =>
    codes.map((code) => ({
      value: code,
      label: nameOf(lookup.ref.data?.[list].find((i) => i.code === code)?.names, code, locale),
    }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(s);
    const parsed = OrganizationInput.safeParse(input);
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? "");
        if (!errs[path]) errs[path] = t(`form.invalid.${path}`, { defaultValue: t("form.invalidField") });
      }
      setErrors(errs);
      setError(
        new ApiError({
          status: 400,
          code: "validation",
          title: t("errors.validation"),
          fields: Object.entries(errs).map(([path, message]) => ({ path, message })),
        }),
      );
      requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      await onSubmit(input);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        const map: Record<string, string> = {};
        for (const f of err.fields) map[f.path.split(".")[0]] ??= f.message;
        setErrors(map);
      }
      requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="org-form">
      <ErrorSummary error={error} form={FORM} />
      <fieldset className="group" id={fieldId(FORM, "names")} aria-describedby="org-names-hint">
        <legend>
          {t("fields.names")}
          <span className="required" aria-hidden="true">
            {" *"}
          </span>
        </legend>
        <p className="hint" id="org-names-hint">
          {t("orgForm.namesHint")}
        </p>
        {errors.names ? <p className="field-error">{errors.names}</p> : null}
        <div className="grid-2">
          {LOCALES.map((l) => (
            <TextField
              key={l}
              label={LANGUAGE_NAMES[l]}
              value={s.names[l] ?? ""}
              onChange={(v) => set("names", { ...s.names, [l]: v })}
              lang={l}
              dir={RTL_LOCALES.includes(l) ? "rtl" : "ltr"}
              maxLength={300}
            />
          ))}
        </div>
        <SelectField
          label={t("fields.originalLang")}
          value={s.originalLang}
          onChange={(v) => set("originalLang", v)}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
      </fieldset>
      <div className="grid-2">
        <TextField
          id={fieldId(FORM, "acronym")}
          label={t("fields.acronym")}
          value={s.acronym}
          onChange={(v) => set("acronym", v)}
          maxLength={30}
          error={errors.acronym}
        />
        <SelectField
          id={fieldId(FORM, "type")}
          label={t("fields.type")}
          value={s.type}
          onChange={(v) => set("type", v)}
          options={typeOptions(t)}
          emptyLabel={t("common.choose")}
          required
          error={errors.type}
        />
        <SelectField
          id={fieldId(FORM, "country")}
          label={t("fields.countryHq")}
          value={s.country}
          onChange={(v) => set("country", v)}
          options={countries}
          emptyLabel={t("common.choose")}
          required
          error={errors.country}
        />
        <SelectField
          id={fieldId(FORM, "ecosocStatus")}
          label={t("fields.ecosocStatus")}
          value={s.ecosocStatus}
          onChange={(v) => set("ecosocStatus", v)}
          options={ecosocOptions(t)}
          error={errors.ecosocStatus}
        />
      </div>
      <fieldset className="group" id={fieldId(FORM, "countriesOfOperation")}>
        <legend>{t("fields.countriesOfOperation")}</legend>
        {errors.countriesOfOperation ? <p className="field-error">{errors.countriesOfOperation}</p> : null}
        <div className="inline-add">
          <SelectField
            label={t("orgForm.addCountry")}
            value={addCountry}
            onChange={setAddCountry}
            options={countries.filter((c) => !s.countriesOfOperation.includes(c.value))}
            emptyLabel={t("common.choose")}
          />
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!addCountry}
            onClick={() => {
              if (addCountry) set("countriesOfOperation", [...s.countriesOfOperation, addCountry]);
              setAddCountry("");
            }}
          >
            {t("common.add")}
          </button>
        </div>
        {s.countriesOfOperation.length ? (
          <ul className="chips">
            {s.countriesOfOperation.map((c) => (
              <li key={c} className="chip">
                {lookup.country(c)}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("common.removeItem", { item: lookup.country(c) })}
                  onClick={() =>
                    set(
                      "countriesOfOperation",
                      s.countriesOfOperation.filter((x) => x !== c),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t("orgForm.noCountries")}</p>
        )}
      </fieldset>
      <CheckboxGroup
        id={fieldId(FORM, "thematicFocus")}
        legend={t("fields.thematicFocus")}
        options={refOptions("thematicAreas", THEMATIC_CODES)}
        value={s.thematicFocus}
        onChange={(v) => set("thematicFocus", v)}
        error={errors.thematicFocus}
        columns
      />
      <CheckboxGroup
        id={fieldId(FORM, "engagementAreas")}
        legend={t("fields.engagementAreas")}
        options={refOptions("engagementAreas", ENGAGEMENT_AREAS)}
        value={s.engagementAreas}
        onChange={(v) => set("engagementAreas", v)}
        error={errors.engagementAreas}
        columns
      />
      <fieldset className="group">
        <legend>{t("directory.characteristics")}</legend>
        <Checkbox label={t("fields.youthLed")} checked={s.youthLed} onChange={(v) => set("youthLed", v)} />
        <Checkbox label={t("fields.victimLed")} checked={s.victimLed} onChange={(v) => set("victimLed", v)} />
        <Checkbox
          label={t("fields.grassroots")}
          checked={s.grassroots}
          onChange={(v) => set("grassroots", v)}
        />
      </fieldset>
      <div className="grid-2">
        <TextField
          id={fieldId(FORM, "website")}
          label={t("fields.website")}
          type="url"
          value={s.website}
          onChange={(v) => set("website", v)}
          hint={t("orgForm.websiteHint")}
          error={errors.website}
          autoComplete="url"
        />
        <TextField
          id={fieldId(FORM, "email")}
          label={t("fields.orgEmail")}
          type="email"
          value={s.email}
          onChange={(v) => set("email", v)}
          error={errors.email}
          hint={t("orgForm.emailHint")}
        />
      </div>
      <fieldset className="group" id={fieldId(FORM, "description")}>
        <legend>{t("fields.description")}</legend>
        {errors.description ? <p className="field-error">{errors.description}</p> : null}
        <TextArea
          label={LANGUAGE_NAMES[s.originalLang as keyof typeof LANGUAGE_NAMES] ?? s.originalLang}
          value={s.description[s.originalLang] ?? ""}
          onChange={(v) => set("description", { ...s.description, [s.originalLang]: v })}
          lang={s.originalLang}
          rows={5}
        />
        <details>
          <summary>{t("orgForm.otherLanguages")}</summary>
          {LOCALES.filter((l) => l !== s.originalLang).map((l) => (
            <TextArea
              key={l}
              label={LANGUAGE_NAMES[l]}
              value={s.description[l] ?? ""}
              onChange={(v) => set("description", { ...s.description, [l]: v })}
              lang={l}
              dir={RTL_LOCALES.includes(l) ? "rtl" : "ltr"}
              rows={4}
            />
          ))}
        </details>
      </fieldset>
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
