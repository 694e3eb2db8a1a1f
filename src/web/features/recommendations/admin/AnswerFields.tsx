import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../api.ts";
import { currentLocale } from "../../../i18n/index.ts";
import { fieldErrors, fieldId, RadioGroup, SelectField, TextArea, TextField } from "../../../ui/forms.tsx";
import { pickLocalized } from "../../events/format.ts";
import { type AnswerTemplate, htmlToText, recApi, recKeys, statusOptions, toParagraphs } from "../shared.tsx";

export interface AnswerState {
  template: string;
  status: string;
  rationale: string;
  publish: "now" | "later" | "draft";
  publishAt: string;
}

export const emptyAnswer = (): AnswerState => ({
  template: "",
  status: "accepted",
  rationale: "",
  publish: "now",
  publishAt: "",
});

/** The request body of an answer (the rationale is in the UI language). */
export function answerBody(a: AnswerState) {
  return {
    status: a.status,
    rationale: { [currentLocale()]: toParagraphs(a.rationale) },
    publish: a.publish,
    ...(a.publish === "later" && a.publishAt ? { publishAt: new Date(a.publishAt).toISOString() } : {}),
  };
}

/** Status, public rationale (prefilled from a template) and when to publish. */
export function AnswerFields({
  form,
  value,
  onChange,
  statuses,
  error,
}: {
  form: string;
  value: AnswerState;
  onChange: (v: AnswerState) => void;
  statuses: readonly string[];
  error?: unknown;
}) {
  const { t } = useTranslation();
  const errors = fieldErrors(error);
  const err = (k: string) =>
    errors[k] ?? Object.entries(errors).find(([p]) => p.startsWith(`${k}.`))?.[1] ?? undefined;
  const templates = useQuery({
    queryKey: recKeys.templates,
    queryFn: ({ signal }) => api.get<AnswerTemplate[]>(recApi.templates, undefined, signal),
  });
  const set = (patch: Partial<AnswerState>) => onChange({ ...value, ...patch });
  const pickTemplate = (id: string) => {
    const tpl = templates.data?.find((x) => x.id === id);
    if (!tpl) return set({ template: "" });
    set({
      template: id,
      status: statuses.includes(tpl.status) ? tpl.status : value.status,
      rationale: htmlToText(pickLocalized(tpl.text).value),
    });
  };
  return (
    <>
      <SelectField
        id={fieldId(form, "template")}
        label={t("triage.template")}
        hint={t("triage.templateHint")}
        value={value.template}
        onChange={pickTemplate}
        options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        emptyLabel={t("triage.noTemplate")}
      />
      <SelectField
        id={fieldId(form, "status")}
        label={t("recs.status")}
        value={value.status}
        onChange={(v) => set({ status: v })}
        options={statusOptions(t, statuses)}
        error={err("status")}
        required
      />
      <TextArea
        id={fieldId(form, "rationale")}
        label={t("triage.rationale")}
        hint={t("triage.rationaleHint")}
        value={value.rationale}
        onChange={(v) => set({ rationale: v })}
        rows={5}
        error={err("rationale")}
        required
      />
      <RadioGroup
        id={fieldId(form, "publish")}
        legend={t("triage.publish")}
        value={value.publish}
        onChange={(v) => set({ publish: v as AnswerState["publish"] })}
        options={(["now", "later", "draft"] as const).map((p) => ({
          value: p,
          label: t(`triage.publish_${p}`),
        }))}
        inline
      />
      {value.publish === "later" ? (
        <TextField
          id={fieldId(form, "publishAt")}
          type="datetime-local"
          label={t("triage.publishAt")}
          value={value.publishAt}
          onChange={(v) => set({ publishAt: v })}
          error={err("publishAt")}
          required
        />
      ) : null}
    </>
  );
}
