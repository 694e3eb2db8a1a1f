import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LOCALES } from "../../../shared/schemas/common.ts";
import { HOLDS_PLACE } from "../../../shared/schemas/events.ts";
import { PROTECTION_LEVELS } from "../../../shared/schemas/recommendations.ts";
import { ApiError, api } from "../../api.ts";
import { type Me, nameOf, useReference } from "../../data.ts";
import { currentLocale, LANGUAGE_NAMES } from "../../i18n/index.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  fieldErrors,
  fieldId,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { RichTextEditor } from "../../ui/RichTextEditor.tsx";
import { richTextIsEmpty } from "../../ui/richText.ts";
import { useSubmit } from "../../ui/useSubmit.ts";
import { PageTitle } from "../../ui/widgets.tsx";
import { eventApi, eventKeys, type MyApplication } from "../events/endpoints.ts";
import { eventTitle } from "../events/ui.tsx";
import {
  actorOptions,
  htmlToText,
  LocalText,
  type RecDetail,
  RecStatusBadge,
  recApi,
  recKeys,
  toParagraphs,
} from "./shared.tsx";

const FORM = "rec";
const split = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

export default function NewRecommendationPage() {
  return <RequireUser>{(me) => <NewRecommendationForm me={me} />}</RequireUser>;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(h);
  }, [value, ms]);
  return v;
}

function NewRecommendationForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ref = useReference();
  const { error, busy, run } = useSubmit();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [rationale, setRationale] = useState("");
  const [lang, setLang] = useState<string>(locale);
  const [actors, setActors] = useState<string[]>([]);
  const [themes, setThemes] = useState("");
  const [instruments, setInstruments] = useState<string[]>([]);
  const [articles, setArticles] = useState("");
  const [areas, setAreas] = useState<string[]>([]);
  const [sdgs, setSdgs] = useState("");
  const [eventId, setEventId] = useState(params.get("eventId") ?? "");
  const groupId = params.get("groupId") ?? "";
  const [organizationId, setOrganizationId] = useState("");
  const [protection, setProtection] = useState("public");
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(error), ...local };
  const err = (k: string) =>
    errors[k] ?? Object.entries(errors).find(([p]) => p.startsWith(`${k}.`))?.[1] ?? undefined;

  const mine = useQuery({
    queryKey: eventKeys.mine,
    queryFn: ({ signal }) =>
      api.get<MyApplication[] | { items: MyApplication[] }>(eventApi.mine, undefined, signal),
  });
  const myApps = mine.data ? (Array.isArray(mine.data) ? mine.data : mine.data.items) : [];
  const eventOptions = myApps
    .filter((a) => HOLDS_PLACE.includes(a.status as never))
    .map((a) => ({ value: a.eventId, label: eventTitle(a.event.title) }));
  if (eventId && !eventOptions.some((o) => o.value === eventId))
    eventOptions.push({ value: eventId, label: t("recs.eventFromLink") });

  // The text is HTML from the editor: its words are what "similar" compares.
  const probe = useDebounced(`${title}\n${text ? htmlToText(text) : ""}`.trim(), 500);
  const similar = useQuery({
    queryKey: ["recommendations", "similar", probe],
    queryFn: ({ signal }) =>
      api.get<Array<{ id: string; title: any; status: string; similarity: number }>>(
        recApi.similar,
        { text: probe.slice(0, 5000) },
        signal,
      ),
    enabled: probe.length >= 12,
  });

  const orgs = me.memberships.filter((m) => m.status === "approved");
  const list = (items: Array<{ code: string; names: any; shortNames?: any }> | undefined) =>
    (items ?? []).map((i) => ({ value: i.code, label: nameOf(i.shortNames ?? i.names, i.code, locale) }));

  const labels: Record<string, string> = {
    title: t("recs.fieldTitle"),
    text: t("recs.fieldText"),
    rationale: t("recs.fieldRationale"),
    originalLang: t("recs.fieldLanguage"),
    protection: t("recs.fieldProtection"),
    eventId: t("recs.fieldEvent"),
    groupId: t("recs.fieldEvent"),
    organizationId: t("recs.fieldOrganization"),
    addressedActors: t("recs.addressedTo"),
    themes: t("recs.themes"),
    instruments: t("recs.instruments"),
    articles: t("recs.articles"),
    engagementAreas: t("fields.engagementAreas"),
    sdgTargets: t("recs.sdgTargets"),
  };
  const submit = run(async () => {
    const missing: Record<string, string> = {};
    if (!title.trim()) missing.title = t("recs.errors.titleRequired");
    if (richTextIsEmpty(text)) missing.text = t("recs.errors.textRequired");
    setLocal(missing);
    if (Object.keys(missing).length) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>(".error-summary")?.focus());
      return;
    }
    const body = {
      title: { [lang]: title.trim() },
      text: { [lang]: text },
      ...(rationale.trim() ? { rationale: { [lang]: toParagraphs(rationale) } } : {}),
      originalLang: lang,
      addressedActors: actors,
      themes: split(themes),
      instruments,
      articles: split(articles).map((a) => a.toUpperCase().replace(/\s+/g, "")),
      engagementAreas: areas,
      sdgTargets: split(sdgs),
      ...(eventId ? { eventId } : {}),
      ...(groupId && eventId ? { groupId } : {}),
      ...(organizationId ? { organizationId } : {}),
      protection,
    };
    const created = await api.post<RecDetail>(recApi.list, body);
    await queryClient.invalidateQueries({ queryKey: recKeys.all });
    navigate(`/recommendations/${created.id}`);
  });

  return (
    <>
      <PageTitle>{t("recs.newTitle")}</PageTitle>
      <p className="lead">{t("recs.newIntro")}</p>
      <form className="rec-form" onSubmit={submit} noValidate>
        {Object.keys(local).length ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <h2 className="error-summary-title">{t("form.errorTitle")}</h2>
            <ul>
              {Object.entries(local).map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fieldId(FORM, path)}`}>{labels[path]}</a>
                  {": "}
                  {message}
                </li>
              ))}
            </ul>
          </div>
        ) : error instanceof ApiError && error.fields.length ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <h2 className="error-summary-title">{t("form.errorTitle")}</h2>
            <p>{t("errors.validation")}</p>
            <ul>
              {error.fields.map((f) => {
                const key = f.path.split(".")[0];
                return (
                  <li key={f.path + f.message}>
                    <a href={`#${fieldId(FORM, key)}`}>{labels[key] ?? key}</a>
                    {": "}
                    {f.message}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : (
          <ErrorSummary error={error} form={FORM} />
        )}
        <TextField
          id={fieldId(FORM, "title")}
          label={t("recs.fieldTitle")}
          value={title}
          onChange={setTitle}
          required
          maxLength={300}
          error={err("title")}
          lang={lang}
          dir="auto"
        />
        <RichTextEditor
          id={fieldId(FORM, "text")}
          label={t("recs.fieldText")}
          hint={t("recs.fieldTextHint")}
          value={text}
          onChange={setText}
          error={err("text")}
          lang={lang}
          required
        />
        {similar.data?.length ? (
          <section className="notice notice-warning rec-similar" aria-labelledby="rec-similar-title">
            <h2 id="rec-similar-title" className="h3">
              {t("recs.similarTitle")}
            </h2>
            <p>{t("recs.similarHint")}</p>
            <ul>
              {similar.data.map((s) => (
                <li key={s.id}>
                  <Link to={`/recommendations/${s.id}`} target="_blank">
                    <LocalText text={s.title} />
                  </Link>{" "}
                  <RecStatusBadge status={s.status} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <TextArea
          id={fieldId(FORM, "rationale")}
          label={t("recs.fieldRationale")}
          value={rationale}
          onChange={setRationale}
          rows={4}
          error={err("rationale")}
          lang={lang}
          dir="auto"
        />
        <SelectField
          id={fieldId(FORM, "originalLang")}
          label={t("recs.fieldLanguage")}
          value={lang}
          onChange={setLang}
          options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          error={err("originalLang")}
        />
        <RadioGroup
          id={fieldId(FORM, "protection")}
          legend={t("recs.fieldProtection")}
          hint={t("recs.protectionHint")}
          value={protection}
          onChange={setProtection}
          error={err("protection")}
          options={PROTECTION_LEVELS.map((p) => ({
            value: p,
            label: t(`recProtection.${p}`),
            hint: t(`recProtectionHint.${p}`),
          }))}
        />
        <SelectField
          id={fieldId(FORM, "eventId")}
          label={t("recs.fieldEvent")}
          hint={t("recs.fieldEventHint")}
          value={eventId}
          onChange={setEventId}
          options={eventOptions}
          emptyLabel={t("recs.noEvent")}
          error={err("eventId") ?? err("groupId")}
        />
        {groupId && eventId ? <p className="hint">{t("recs.fromGroup")}</p> : null}
        {orgs.length ? (
          <SelectField
            id={fieldId(FORM, "organizationId")}
            label={t("recs.fieldOrganization")}
            hint={t("recs.fieldOrganizationHint")}
            value={organizationId}
            onChange={setOrganizationId}
            options={orgs.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
            emptyLabel={t("recs.asPerson")}
            error={err("organizationId")}
          />
        ) : null}
        <CheckboxGroup
          id={fieldId(FORM, "addressedActors")}
          legend={t("recs.addressedTo")}
          options={actorOptions(t)}
          value={actors}
          onChange={setActors}
          error={err("addressedActors")}
          columns
        />
        <TextField
          id={fieldId(FORM, "themes")}
          label={t("recs.themes")}
          hint={t("recs.themesHint")}
          value={themes}
          onChange={setThemes}
          error={err("themes")}
        />
        <CheckboxGroup
          id={fieldId(FORM, "instruments")}
          legend={t("recs.instruments")}
          options={list(ref.data?.instruments)}
          value={instruments}
          onChange={setInstruments}
          error={err("instruments")}
          columns
        />
        <TextField
          id={fieldId(FORM, "articles")}
          label={t("recs.articles")}
          hint={t("recs.articlesHint")}
          value={articles}
          onChange={setArticles}
          error={err("articles")}
          dir="ltr"
        />
        <CheckboxGroup
          id={fieldId(FORM, "engagementAreas")}
          legend={t("fields.engagementAreas")}
          options={list(ref.data?.engagementAreas)}
          value={areas}
          onChange={setAreas}
          error={err("engagementAreas")}
          columns
        />
        <TextField
          id={fieldId(FORM, "sdgTargets")}
          label={t("recs.sdgTargets")}
          hint={t("recs.sdgHint")}
          value={sdgs}
          onChange={setSdgs}
          error={err("sdgTargets")}
          dir="ltr"
        />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("recs.submitButton")}
          </button>
          <Link className="btn btn-ghost" to="/recommendations">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
