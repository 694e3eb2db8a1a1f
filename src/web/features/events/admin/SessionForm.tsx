import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventView, SessionView } from "../../../../shared/schemas/events.ts";
import { ENGAGEMENT_AREAS } from "../../../../shared/schemas/organizations.ts";
import { ApiError, api } from "../../../api.ts";
import { nameOf, useRefLookup } from "../../../data.ts";
import { currentLocale } from "../../../i18n/index.ts";
import { CheckboxGroup, ErrorSummary, fieldId, SelectField, TextField } from "../../../ui/forms.tsx";
import { eventApi } from "../endpoints.ts";
import { formatDateRange, fromLocalInput, offsetOf, toLocalInput } from "../format.ts";
import { sessionTypeOptions } from "../labels.ts";
import { LocalizedFields, toTexts } from "./LocalizedFields.tsx";
import { newKey } from "./QuestionsEditor.tsx";

const FORM = "session";
type Texts = Record<string, string>;

interface SpeakerState {
  key: string;
  name: string;
  title: Texts;
  affiliation: Texts;
}
interface MaterialState {
  key: string;
  label: string;
  url: string;
}
interface SessionState {
  type: string;
  title: Texts;
  description: Texts;
  date: string;
  start: string;
  end: string;
  engagementAreas: string[];
  speakers: SpeakerState[];
  materials: MaterialState[];
}

const plain = (lt: Record<string, { value: string }> | undefined): Texts =>
  Object.fromEntries(Object.entries(lt ?? {}).map(([k, v]) => [k, v?.value ?? ""]));

function fromSession(event: EventView, s?: SessionView): SessionState {
  const start = toLocalInput(s?.startsAt, event.timeZone);
  const end = toLocalInput(s?.endsAt, event.timeZone);
  return {
    type: s?.type ?? "plenary",
    title: plain(s?.title),
    description: plain(s?.description),
    date: start.slice(0, 10) || event.startDate,
    start: start.slice(11) || "14:00",
    end: end.slice(11) || "15:00",
    engagementAreas: s?.engagementAreas ?? [],
    speakers: (s?.speakers ?? []).map((sp) => ({
      key: newKey(),
      name: sp.name,
      title: plain(sp.title),
      affiliation: plain(sp.affiliation),
    })),
    materials: (s?.materials ?? []).map((m) => ({ key: newKey(), ...m })),
  };
}

function toSessionInput(s: SessionState, timeZone: string, mainLang: string) {
  return {
    type: s.type,
    title: toTexts(s.title, mainLang) ?? {},
    description: toTexts(s.description, mainLang) ?? undefined,
    startsAt: fromLocalInput(`${s.date}T${s.start}`, timeZone),
    endsAt: fromLocalInput(`${s.date}T${s.end}`, timeZone),
    engagementAreas: s.type === "tools" ? s.engagementAreas : [],
    speakers: s.speakers
      .filter((sp) => sp.name.trim())
      .map((sp) => ({
        name: sp.name.trim(),
        title: toTexts(sp.title, mainLang),
        affiliation: toTexts(sp.affiliation, mainLang),
      })),
    materials: s.materials
      .filter((m) => m.label.trim() || m.url.trim())
      .map((m) => ({ label: m.label.trim(), url: m.url.trim() })),
  };
}

export function SessionForm({
  event,
  mainLang,
  session,
  onCancel,
  onSaved,
}: {
  event: EventView;
  mainLang: string;
  session?: SessionView;
  onCancel: () => void;
  onSaved: (title: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookup = useRefLookup();
  const [s, setS] = useState<SessionState>(() => fromSession(event, session));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SessionState>(k: K, v: SessionState[K]) => setS((p) => ({ ...p, [k]: v }));
  const zone = `${event.timeZone} (${offsetOf(event.timeZone, s.date || event.startDate)})`;
  const prefix = session ? `${FORM}-${session.id.slice(-6)}` : FORM;
  const areas = ENGAGEMENT_AREAS.map((code) => ({
    value: code,
    label: nameOf(lookup.ref.data?.engagementAreas.find((a) => a.code === code)?.names, code, locale),
  }));

  const fail = (map: Record<string, string>, err: unknown) => {
    setErrors(map);
    setError(err);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`#${prefix}-form .error-summary`)?.focus(),
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const map: Record<string, string> = {};
    const input = toSessionInput(s, event.timeZone, mainLang);
    if (!Object.keys(input.title).length) map.sessionTitle = t("sessionForm.invalid.title");
    if (!s.date || s.date < event.startDate || s.date > event.endDate)
      map.date = t("sessionForm.invalid.date", { dates: formatDateRange(event.startDate, event.endDate) });
    if (!input.startsAt) map.start = t("sessionForm.invalid.start");
    if (!input.endsAt || (input.startsAt && Date.parse(input.endsAt) <= Date.parse(input.startsAt)))
      map.end = t("sessionForm.invalid.end");
    input.materials.forEach((m, i) => {
      if (!m.label) map[`materials.${i}.label`] = t("sessionForm.invalid.materialLabel");
      if (!/^https?:\/\/\S+$/i.test(m.url)) map[`materials.${i}.url`] = t("sessionForm.invalid.materialUrl");
    });
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
      if (session) await api.patch(eventApi.session(event.id, session.id), input);
      else await api.post(eventApi.sessions(event.id), input);
      onSaved(input.title[mainLang] ?? Object.values(input.title)[0] ?? "");
    } catch (err) {
      const map2: Record<string, string> = {};
      if (err instanceof ApiError) {
        if (err.code === "session_outside_event")
          map2.date = t("sessionForm.invalid.date", {
            dates: formatDateRange(event.startDate, event.endDate),
          });
        for (const f of err.fields) {
          const [head, i, leaf] = f.path.split(".");
          const key =
            head === "startsAt"
              ? map2.date
                ? ""
                : "start"
              : head === "endsAt"
                ? "end"
                : head === "title"
                  ? "sessionTitle"
                  : leaf
                    ? `${head}.${i}.${leaf}`
                    : head;
          if (key) map2[key] ??= f.message;
        }
      }
      fail(map2, err);
    } finally {
      setBusy(false);
    }
  };

  const id = (p: string) => fieldId(prefix, p);

  return (
    <form id={`${prefix}-form`} onSubmit={submit} noValidate className="session-form">
      <ErrorSummary error={error} form={prefix} />
      <SelectField
        id={id("type")}
        label={t("sessionForm.type")}
        value={s.type}
        onChange={(v) => set("type", v)}
        options={sessionTypeOptions(t)}
      />
      <LocalizedFields
        id={id("sessionTitle")}
        legend={t("sessionForm.sessionTitle")}
        value={s.title}
        onChange={(v) => set("title", v)}
        mainLang={mainLang}
        required
        error={errors.sessionTitle}
      />
      <LocalizedFields
        id={id("description")}
        legend={t("sessionForm.description")}
        value={s.description}
        onChange={(v) => set("description", v)}
        mainLang={mainLang}
        multiline
        error={errors.description}
      />
      <fieldset className="group">
        <legend>{t("sessionForm.when")}</legend>
        <p className="hint">{t("sessionForm.whenHint", { zone })}</p>
        <div className="grid-3">
          <TextField
            id={id("date")}
            label={t("sessionForm.date")}
            type="date"
            value={s.date}
            onChange={(v) => set("date", v)}
            required
            error={errors.date}
          />
          <TextField
            id={id("start")}
            label={t("sessionForm.start")}
            type="time"
            value={s.start}
            onChange={(v) => set("start", v)}
            required
            error={errors.start}
          />
          <TextField
            id={id("end")}
            label={t("sessionForm.end")}
            type="time"
            value={s.end}
            onChange={(v) => set("end", v)}
            required
            error={errors.end}
          />
        </div>
      </fieldset>
      {s.type === "tools" ? (
        <CheckboxGroup
          id={id("engagementAreas")}
          legend={t("agenda.areas")}
          options={areas}
          value={s.engagementAreas}
          onChange={(v) => set("engagementAreas", v)}
          error={errors.engagementAreas}
          columns
        />
      ) : null}

      <fieldset className="group" id={id("speakers")}>
        <legend>{t("agenda.speakers")}</legend>
        {s.speakers.length === 0 ? <p className="muted">{t("sessionForm.noSpeakers")}</p> : null}
        <ol className="editor-list">
          {s.speakers.map((sp, i) => {
            const setSp = (patch: Partial<SpeakerState>) =>
              set(
                "speakers",
                s.speakers.map((x, j) => (j === i ? { ...x, ...patch } : x)),
              );
            return (
              <li key={sp.key} className="inline-add sub-row">
                <TextField
                  id={id(`speakers.${i}.name`)}
                  label={t("sessionForm.speakerName", { n: i + 1 })}
                  value={sp.name}
                  onChange={(v) => setSp({ name: v })}
                  required
                  error={errors[`speakers.${i}.name`]}
                />
                <TextField
                  id={id(`speakers.${i}.title`)}
                  label={t("sessionForm.speakerTitle", { n: i + 1 })}
                  value={sp.title[mainLang] ?? ""}
                  onChange={(v) => setSp({ title: { ...sp.title, [mainLang]: v } })}
                  lang={mainLang}
                />
                <TextField
                  id={id(`speakers.${i}.affiliation`)}
                  label={t("sessionForm.speakerAffiliation", { n: i + 1 })}
                  value={sp.affiliation[mainLang] ?? ""}
                  onChange={(v) => setSp({ affiliation: { ...sp.affiliation, [mainLang]: v } })}
                  lang={mainLang}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() =>
                    set(
                      "speakers",
                      s.speakers.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t("common.removeItem", { item: sp.name || t("sessionForm.speakerN", { n: i + 1 }) })}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            set("speakers", [...s.speakers, { key: newKey(), name: "", title: {}, affiliation: {} }]);
            requestAnimationFrame(() =>
              document.getElementById(id(`speakers.${s.speakers.length}.name`))?.focus(),
            );
          }}
        >
          {t("sessionForm.addSpeaker")}
        </button>
      </fieldset>

      <fieldset className="group" id={id("materials")}>
        <legend>{t("agenda.materials")}</legend>
        {s.materials.length === 0 ? <p className="muted">{t("sessionForm.noMaterials")}</p> : null}
        <ol className="editor-list">
          {s.materials.map((m, i) => {
            const setM = (patch: Partial<MaterialState>) =>
              set(
                "materials",
                s.materials.map((x, j) => (j === i ? { ...x, ...patch } : x)),
              );
            return (
              <li key={m.key} className="inline-add sub-row">
                <TextField
                  id={id(`materials.${i}.label`)}
                  label={t("sessionForm.materialLabel", { n: i + 1 })}
                  value={m.label}
                  onChange={(v) => setM({ label: v })}
                  error={errors[`materials.${i}.label`]}
                />
                <TextField
                  id={id(`materials.${i}.url`)}
                  label={t("sessionForm.materialUrl", { n: i + 1 })}
                  type="url"
                  dir="ltr"
                  value={m.url}
                  onChange={(v) => setM({ url: v })}
                  error={errors[`materials.${i}.url`]}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() =>
                    set(
                      "materials",
                      s.materials.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t("common.removeItem", { item: m.label || t("sessionForm.materialN", { n: i + 1 }) })}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            set("materials", [...s.materials, { key: newKey(), label: "", url: "" }]);
            requestAnimationFrame(() =>
              document.getElementById(id(`materials.${s.materials.length}.label`))?.focus(),
            );
          }}
        >
          {t("sessionForm.addMaterial")}
        </button>
      </fieldset>

      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {session ? t("common.save") : t("sessionForm.add")}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
