import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../../../../shared/schemas/common.ts";
import { EventInput, type EventView } from "../../../../shared/schemas/events.ts";
import { ApiError } from "../../../api.ts";
import { nameOf, useRefLookup } from "../../../data.ts";
import { currentLocale, LANGUAGE_NAMES } from "../../../i18n/index.ts";
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  fieldId,
  SelectField,
  TextArea,
  TextField,
} from "../../../ui/forms.tsx";
import type { QuestionView } from "../endpoints.ts";
import { fromLocalInput, isTimeZone, languageName, offsetOf, timeZones, toLocalInput } from "../format.ts";
import { eventFormatOptions, eventTypeOptions, orgTypeOptions, UN_LANGUAGES } from "../labels.ts";
import { LocalizedFields, toTexts } from "./LocalizedFields.tsx";
import { newKey, type QuestionState, QuestionsEditor } from "./QuestionsEditor.tsx";

const FORM = "event";
type Texts = Record<string, string>;

interface State {
  type: string;
  format: string;
  mainLang: string;
  title: Texts;
  summary: Texts;
  timeZone: string;
  startDate: string;
  endDate: string;
  venue: string;
  onlineLink: string;
  languages: string[];
  interpretation: string[];
  capacity: string;
  regions: string[];
  countries: string[];
  orgTypes: string[];
  opensAt: string;
  closesAt: string;
  questions: QuestionState[];
  consentText: Texts;
  travelSupport: boolean;
  endorsementRequired: boolean;
  attendancePct: string;
  youthPct: string;
  womenPct: string;
  firstTimePct: string;
  countriesMin: string;
  maxPerOrg: string;
  organisers: string;
  partners: string;
}

const plain = (lt: Record<string, { value: string }> | undefined): Texts =>
  Object.fromEntries(Object.entries(lt ?? {}).map(([k, v]) => [k, v?.value ?? ""]));
const pct = (share: number | undefined) => (share == null ? "" : String(Math.round(share * 100)));
const num = (n: number | null | undefined) => (n == null ? "" : String(n));

function fromEvent(e?: EventView): State {
  const mainLang =
    Object.keys(e?.title ?? {}).find((k) => e?.title[k]?.origin === "original") ??
    Object.keys(e?.title ?? {})[0] ??
    currentLocale();
  const tz = e?.timeZone ?? "Asia/Bangkok";
  return {
    type: e?.type ?? "training",
    format: e?.format ?? "online",
    mainLang,
    title: plain(e?.title),
    summary: plain(e?.summary),
    timeZone: tz,
    startDate: e?.startDate ?? "",
    endDate: e?.endDate ?? "",
    venue: e?.venue ?? "",
    onlineLink: e?.onlineLink ?? "",
    languages: e?.languages ?? ["en"],
    interpretation: e?.interpretation ?? [],
    capacity: num(e?.capacity),
    regions: e?.target.regions ?? [],
    countries: e?.target.countries ?? [],
    orgTypes: e?.target.orgTypes ?? [],
    opensAt: toLocalInput(e?.applicationsOpenAt, tz),
    closesAt: toLocalInput(e?.applicationsCloseAt, tz),
    questions: ((e?.questions ?? []) as QuestionView[]).map((q) => ({
      key: newKey(),
      id: q.id,
      kind: q.kind,
      required: !!q.required,
      label: { ...q.label },
      options: (q.options ?? []).map((o) => ({ key: newKey(), value: o.value, label: { ...o.label } })),
    })),
    consentText: plain(e?.consentText),
    travelSupport: e?.travelSupport ?? false,
    endorsementRequired: e?.endorsementRequired ?? false,
    attendancePct: pct(e?.attendanceThreshold ?? 0.75),
    youthPct: pct(e?.diversityTargets.youthShareMin),
    womenPct: pct(e?.diversityTargets.womenShareMin),
    firstTimePct: pct(e?.diversityTargets.firstTimeShareMin),
    countriesMin: num(e?.diversityTargets.countriesMin),
    maxPerOrg: num(e?.diversityTargets.maxPerOrganization),
    organisers: (e?.organisers ?? []).join("\n"),
    partners: (e?.partners ?? []).join("\n"),
  };
}

const numberOrUndefined = (s: string) => (s.trim() === "" ? undefined : Number(s));
const shareOrUndefined = (s: string) => (s.trim() === "" ? undefined : Number(s) / 100);
const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function toInput(s: State) {
  const targets = {
    youthShareMin: shareOrUndefined(s.youthPct),
    womenShareMin: shareOrUndefined(s.womenPct),
    firstTimeShareMin: shareOrUndefined(s.firstTimePct),
    countriesMin: numberOrUndefined(s.countriesMin),
    maxPerOrganization: numberOrUndefined(s.maxPerOrg),
  };
  return {
    type: s.type,
    format: s.format,
    title: toTexts(s.title, s.mainLang) ?? {},
    summary: toTexts(s.summary, s.mainLang),
    timeZone: s.timeZone.trim(),
    startDate: s.startDate,
    endDate: s.endDate,
    venue: s.venue.trim(),
    onlineLink: s.onlineLink.trim() || undefined,
    languages: s.languages,
    interpretation: s.interpretation,
    target: { regions: s.regions, countries: s.countries, orgTypes: s.orgTypes },
    capacity: numberOrUndefined(s.capacity),
    organisers: lines(s.organisers),
    partners: lines(s.partners),
    applicationsOpenAt: s.opensAt ? fromLocalInput(s.opensAt, s.timeZone) || s.opensAt : undefined,
    applicationsCloseAt: s.closesAt ? fromLocalInput(s.closesAt, s.timeZone) || s.closesAt : undefined,
    questions: s.questions.map((q) => ({
      id: q.id.trim(),
      kind: q.kind,
      label: toTexts(q.label, s.mainLang) ?? {},
      required: q.required,
      ...(q.kind === "single" || q.kind === "multiple"
        ? {
            options: q.options.map((o) => ({
              value: o.value.trim(),
              label: toTexts(o.label, s.mainLang) ?? {},
            })),
          }
        : {}),
    })),
    consentText: toTexts(s.consentText, s.mainLang),
    endorsementRequired: s.endorsementRequired,
    travelSupport: s.travelSupport,
    attendanceThreshold: s.attendancePct.trim() === "" ? 0.75 : Number(s.attendancePct) / 100,
    diversityTargets: Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== undefined)),
  };
}
export type EventFormInput = ReturnType<typeof toInput>;

/** Paths whose generic label (fields.*) means something else elsewhere get their own name. */
const RENAMED: Record<string, string> = { title: "eventTitle", type: "eventType" };

/** The place of an error in the form: "questions.0.label" stays whole, anything else by its first part. */
export function errorKey(path: ReadonlyArray<PropertyKey>): string {
  const [head, ...rest] = path.map(String);
  if (head === "questions" && rest.length >= 2) return ["questions", ...rest.slice(0, 4)].join(".");
  if (head === "target" || head === "diversityTargets") return rest[0] ?? head;
  return RENAMED[head] ?? head ?? "";
}

export function EventForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: EventView;
  submitLabel: string;
  onSubmit: (input: EventFormInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookup = useRefLookup();
  const zonesId = useId();
  const tzId = fieldId(FORM, "timeZone");
  const [s, setS] = useState<State>(() => fromEvent(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [addCountry, setAddCountry] = useState("");
  const set = <K extends keyof State>(k: K, v: State[K]) => setS((p) => ({ ...p, [k]: v }));

  const countries = lookup.sortedCountries().map((c) => ({ value: c.code, label: c.name }));
  const regions = (lookup.ref.data?.regions ?? []).map((r) => ({
    value: r.code,
    label: nameOf(r.names, r.code, locale),
  }));
  const langOptions = UN_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }));
  const tzValid = isTimeZone(s.timeZone.trim());
  const zoneHint = tzValid
    ? t("eventForm.inZone", { zone: s.timeZone, offset: offsetOf(s.timeZone, s.startDate) })
    : undefined;

  const fail = (map: Record<string, string>, err: unknown) => {
    setErrors(map);
    setError(err);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(s);
    const map: Record<string, string> = {};
    if (!tzValid) map.timeZone = t("eventForm.invalid.timeZone");
    const parsed = EventInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = errorKey(issue.path);
        if (!map[key]) {
          const n = /^questions\.(\d+)/.exec(key)?.[1];
          const base = key
            .replace(/^questions\.\d+\./, "question.")
            .replace(/\.\d+(\.|$)/g, "$1")
            .replace("options.label", "optionLabel")
            .replace("options.value", "optionValue");
          map[key] = t(`eventForm.invalid.${base}`, {
            n: n === undefined ? undefined : Number(n) + 1,
            defaultValue: t("form.invalidField"),
          });
        }
      }
    }
    if (Object.keys(map).length) {
      fail(
        map,
        new ApiError({
          status: 400,
          code: "validation",
          title: t("errors.validation"),
          fields: Object.entries(map).map(([path, message]) => ({ path, message })),
        }),
      );
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      await onSubmit(input);
    } catch (err) {
      const map2: Record<string, string> = {};
      if (err instanceof ApiError)
        for (const f of err.fields) map2[errorKey(f.path.split("."))] ??= f.message;
      fail(map2, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="event-form">
      <ErrorSummary error={error} form={FORM} />

      <fieldset className="group">
        <legend>{t("eventForm.basics")}</legend>
        <div className="grid-2">
          <SelectField
            id={fieldId(FORM, "eventType")}
            label={t("events.type")}
            value={s.type}
            onChange={(v) => set("type", v)}
            options={eventTypeOptions(t)}
            required
            error={errors.eventType}
          />
          <SelectField
            id={fieldId(FORM, "format")}
            label={t("events.format")}
            value={s.format}
            onChange={(v) => set("format", v)}
            options={eventFormatOptions(t)}
            required
            error={errors.format}
          />
        </div>
        <SelectField
          id={fieldId(FORM, "mainLang")}
          label={t("eventForm.mainLang")}
          hint={t("eventForm.mainLangHint")}
          value={s.mainLang}
          onChange={(v) => set("mainLang", v)}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        <LocalizedFields
          id={fieldId(FORM, "eventTitle")}
          legend={t("eventForm.title")}
          value={s.title}
          onChange={(v) => set("title", v)}
          mainLang={s.mainLang}
          required
          error={errors.eventTitle}
        />
        <LocalizedFields
          id={fieldId(FORM, "summary")}
          legend={t("eventForm.summary")}
          value={s.summary}
          onChange={(v) => set("summary", v)}
          mainLang={s.mainLang}
          multiline
          rows={4}
          error={errors.summary}
        />
      </fieldset>

      <fieldset className="group">
        <legend>{t("eventForm.when")}</legend>
        <div className={`field${errors.timeZone ? " has-error" : ""}`}>
          <label htmlFor={tzId}>
            {t("events.timeZone")}
            <span className="required" aria-hidden="true">
              {" *"}
            </span>
          </label>
          <p className="hint" id={`${tzId}-hint`}>
            {t("eventForm.timeZoneHint")}
            {zoneHint ? ` ${zoneHint}` : ""}
          </p>
          {errors.timeZone ? (
            <p className="field-error" id={`${tzId}-error`}>
              {errors.timeZone}
            </p>
          ) : null}
          <input
            id={tzId}
            list={zonesId}
            value={s.timeZone}
            onChange={(e) => set("timeZone", e.target.value)}
            required
            dir="ltr"
            autoComplete="off"
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={[`${tzId}-hint`, errors.timeZone ? `${tzId}-error` : ""]
              .filter(Boolean)
              .join(" ")}
          />
          <datalist id={zonesId}>
            {timeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <div className="grid-2">
          <TextField
            id={fieldId(FORM, "startDate")}
            label={t("eventForm.startDate")}
            type="date"
            value={s.startDate}
            onChange={(v) => set("startDate", v)}
            required
            error={errors.startDate}
          />
          <TextField
            id={fieldId(FORM, "endDate")}
            label={t("eventForm.endDate")}
            type="date"
            value={s.endDate}
            onChange={(v) => set("endDate", v)}
            required
            error={errors.endDate}
          />
        </div>
        <TextField
          id={fieldId(FORM, "venue")}
          label={t("events.venue")}
          hint={t("eventForm.venueHint")}
          value={s.venue}
          onChange={(v) => set("venue", v)}
          maxLength={500}
          error={errors.venue}
        />
        <TextField
          id={fieldId(FORM, "onlineLink")}
          label={t("eventForm.onlineLink")}
          hint={t("eventForm.onlineLinkHint")}
          type="url"
          value={s.onlineLink}
          onChange={(v) => set("onlineLink", v)}
          dir="ltr"
          error={errors.onlineLink}
        />
      </fieldset>

      <fieldset className="group">
        <legend>{t("eventForm.languagesTitle")}</legend>
        <CheckboxGroup
          id={fieldId(FORM, "languages")}
          legend={t("events.languages")}
          options={langOptions}
          value={s.languages}
          onChange={(v) => set("languages", v)}
          error={errors.languages}
          columns
        />
        <CheckboxGroup
          id={fieldId(FORM, "interpretation")}
          legend={t("events.interpretation")}
          options={langOptions}
          value={s.interpretation}
          onChange={(v) => set("interpretation", v)}
          error={errors.interpretation}
          columns
        />
        <div className="grid-2">
          <TextArea
            id={fieldId(FORM, "organisers")}
            label={t("events.organisers")}
            hint={t("eventForm.onePerLine")}
            value={s.organisers}
            onChange={(v) => set("organisers", v)}
            rows={2}
            error={errors.organisers}
          />
          <TextArea
            id={fieldId(FORM, "partners")}
            label={t("events.partners")}
            hint={t("eventForm.onePerLine")}
            value={s.partners}
            onChange={(v) => set("partners", v)}
            rows={2}
            error={errors.partners}
          />
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>{t("eventForm.call")}</legend>
        <TextField
          id={fieldId(FORM, "capacity")}
          label={t("events.capacity")}
          hint={t("eventForm.capacityHint")}
          type="number"
          inputMode="numeric"
          value={s.capacity}
          onChange={(v) => set("capacity", v)}
          error={errors.capacity}
        />
        <CheckboxGroup
          id={fieldId(FORM, "regions")}
          legend={t("eventForm.targetRegions")}
          options={regions}
          value={s.regions}
          onChange={(v) => set("regions", v)}
          error={errors.regions}
          columns
        />
        <fieldset className="group" id={fieldId(FORM, "countries")}>
          <legend>{t("eventForm.targetCountries")}</legend>
          <p className="hint">{t("eventForm.targetHint")}</p>
          {errors.countries ? <p className="field-error">{errors.countries}</p> : null}
          <div className="inline-add">
            <SelectField
              label={t("orgForm.addCountry")}
              value={addCountry}
              onChange={setAddCountry}
              options={countries.filter((c) => !s.countries.includes(c.value))}
              emptyLabel={t("common.choose")}
            />
            <button
              type="button"
              className="btn btn-secondary"
              disabled={!addCountry}
              onClick={() => {
                if (addCountry) set("countries", [...s.countries, addCountry]);
                setAddCountry("");
              }}
            >
              {t("common.add")}
            </button>
          </div>
          {s.countries.length ? (
            <ul className="chips">
              {s.countries.map((c) => (
                <li key={c} className="chip">
                  {lookup.country(c)}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t("common.removeItem", { item: lookup.country(c) })}
                    onClick={() =>
                      set(
                        "countries",
                        s.countries.filter((x) => x !== c),
                      )
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <CheckboxGroup
          id={fieldId(FORM, "orgTypes")}
          legend={t("events.orgTypes")}
          options={orgTypeOptions(t)}
          value={s.orgTypes}
          onChange={(v) => set("orgTypes", v)}
          error={errors.orgTypes}
          columns
        />
        <div className="grid-2">
          <TextField
            id={fieldId(FORM, "applicationsOpenAt")}
            label={t("eventForm.opensAt")}
            hint={zoneHint}
            type="datetime-local"
            value={s.opensAt}
            onChange={(v) => set("opensAt", v)}
            error={errors.applicationsOpenAt}
          />
          <TextField
            id={fieldId(FORM, "applicationsCloseAt")}
            label={t("eventForm.closesAt")}
            hint={zoneHint}
            type="datetime-local"
            value={s.closesAt}
            onChange={(v) => set("closesAt", v)}
            error={errors.applicationsCloseAt}
          />
        </div>
        <Checkbox
          id={fieldId(FORM, "travelSupport")}
          label={t("eventForm.travelSupport")}
          hint={t("eventForm.travelSupportHint")}
          checked={s.travelSupport}
          onChange={(v) => set("travelSupport", v)}
        />
        <Checkbox
          id={fieldId(FORM, "endorsementRequired")}
          label={t("eventForm.endorsementRequired")}
          hint={t("eventForm.endorsementHint")}
          checked={s.endorsementRequired}
          onChange={(v) => set("endorsementRequired", v)}
        />
        <TextField
          id={fieldId(FORM, "attendanceThreshold")}
          label={t("eventForm.attendance")}
          hint={t("eventForm.attendanceHint")}
          type="number"
          inputMode="numeric"
          value={s.attendancePct}
          onChange={(v) => set("attendancePct", v)}
          error={errors.attendanceThreshold}
        />
      </fieldset>

      <QuestionsEditor
        form={FORM}
        questions={s.questions}
        onChange={(q) => set("questions", q)}
        mainLang={s.mainLang}
        errors={errors}
      />

      <fieldset className="group">
        <legend>{t("fields.consent")}</legend>
        <LocalizedFields
          id={fieldId(FORM, "consentText")}
          legend={t("eventForm.consentText")}
          hint={t("eventForm.consentHint")}
          value={s.consentText}
          onChange={(v) => set("consentText", v)}
          mainLang={s.mainLang}
          multiline
          rows={4}
          error={errors.consentText}
        />
      </fieldset>

      <fieldset className="group">
        <legend>{t("eventForm.targets")}</legend>
        <p className="hint">{t("eventForm.targetsHint")}</p>
        <div className="grid-2">
          <TextField
            id={fieldId(FORM, "youthShareMin")}
            label={t("eventForm.youthPct")}
            type="number"
            inputMode="numeric"
            value={s.youthPct}
            onChange={(v) => set("youthPct", v)}
            error={errors.youthShareMin}
          />
          <TextField
            id={fieldId(FORM, "womenShareMin")}
            label={t("eventForm.womenPct")}
            type="number"
            inputMode="numeric"
            value={s.womenPct}
            onChange={(v) => set("womenPct", v)}
            error={errors.womenShareMin}
          />
          <TextField
            id={fieldId(FORM, "firstTimeShareMin")}
            label={t("eventForm.firstTimePct")}
            type="number"
            inputMode="numeric"
            value={s.firstTimePct}
            onChange={(v) => set("firstTimePct", v)}
            error={errors.firstTimeShareMin}
          />
          <TextField
            id={fieldId(FORM, "countriesMin")}
            label={t("eventForm.countriesMin")}
            type="number"
            inputMode="numeric"
            value={s.countriesMin}
            onChange={(v) => set("countriesMin", v)}
            error={errors.countriesMin}
          />
          <TextField
            id={fieldId(FORM, "maxPerOrganization")}
            label={t("eventForm.maxPerOrg")}
            type="number"
            inputMode="numeric"
            value={s.maxPerOrg}
            onChange={(v) => set("maxPerOrg", v)}
            error={errors.maxPerOrganization}
          />
        </div>
      </fieldset>

      <button className="btn btn-primary" type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
