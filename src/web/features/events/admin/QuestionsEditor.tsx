import { useTranslation } from "react-i18next";
import { Checkbox, fieldId, SelectField, TextField } from "../../../ui/forms.tsx";
import { pickPlain } from "../format.ts";
import { LocalizedFields } from "./LocalizedFields.tsx";

export const QUESTION_KINDS = ["text", "single", "multiple", "file"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface OptionState {
  key: string;
  value: string;
  label: Record<string, string>;
}

export interface QuestionState {
  key: string;
  id: string;
  kind: QuestionKind;
  required: boolean;
  label: Record<string, string>;
  options: OptionState[];
}

let seq = 0;
export const newKey = () => `k${Date.now().toString(36)}${(seq++).toString(36)}`;

const focusSoon = (id: string) =>
  requestAnimationFrame(() => document.getElementById(id)?.focus({ preventScroll: false }));

/** The custom questions of a call for applications: add, remove, kind, label, required, options. */
export function QuestionsEditor({
  form,
  questions,
  onChange,
  mainLang,
  errors,
}: {
  form: string;
  questions: QuestionState[];
  onChange: (q: QuestionState[]) => void;
  mainLang: string;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<QuestionState>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const add = () => {
    const used = new Set(questions.map((q) => q.id));
    let n = questions.length + 1;
    while (used.has(`q${n}`)) n++;
    const q: QuestionState = {
      key: newKey(),
      id: `q${n}`,
      kind: "text",
      required: false,
      label: {},
      options: [],
    };
    onChange([...questions, q]);
    focusSoon(`${fieldId(form, `questions.${questions.length}.label`)}-main`);
  };
  const remove = (i: number) => {
    onChange(questions.filter((_, j) => j !== i));
    focusSoon(i > 0 ? `question-${questions[i - 1].key}` : "questions-add");
  };
  const kindOptions = QUESTION_KINDS.map((k) => ({ value: k, label: t(`eventForm.kind.${k}`) }));

  return (
    <fieldset className="group" id={fieldId(form, "questions")}>
      <legend>{t("eventForm.questions")}</legend>
      <p className="hint">{t("eventForm.questionsHint")}</p>
      {errors.questions ? <p className="field-error">{errors.questions}</p> : null}
      {questions.length === 0 ? <p className="muted">{t("eventForm.noQuestions")}</p> : null}
      <ol className="editor-list">
        {questions.map((q, i) => {
          const name = pickPlain(q.label).value || t("eventForm.questionN", { n: i + 1 });
          const path = (p: string) => `questions.${i}.${p}`;
          const choice = q.kind === "single" || q.kind === "multiple";
          return (
            <li key={q.key} className="editor-item">
              <h3 className="h3 editor-item-title" id={`question-${q.key}`} tabIndex={-1}>
                {t("eventForm.questionN", { n: i + 1 })}
              </h3>
              <LocalizedFields
                id={fieldId(form, path("label"))}
                legend={t("eventForm.questionLabel")}
                value={q.label}
                onChange={(label) => update(i, { label })}
                mainLang={mainLang}
                required
                error={errors[path("label")]}
              />
              <div className="grid-2">
                <SelectField
                  id={fieldId(form, path("kind"))}
                  label={t("eventForm.questionKind")}
                  value={q.kind}
                  onChange={(v) => {
                    const kind = v as QuestionKind;
                    const needs = kind === "single" || kind === "multiple";
                    update(i, {
                      kind,
                      options:
                        needs && q.options.length === 0
                          ? [{ key: newKey(), value: "", label: {} }]
                          : q.options,
                    });
                  }}
                  options={kindOptions}
                />
                <TextField
                  id={fieldId(form, path("id"))}
                  label={t("eventForm.questionId")}
                  hint={t("eventForm.questionIdHint")}
                  value={q.id}
                  onChange={(v) => update(i, { id: v.toLowerCase() })}
                  maxLength={40}
                  dir="ltr"
                  error={errors[path("id")]}
                />
              </div>
              <Checkbox
                label={t("eventForm.questionRequired")}
                checked={q.required}
                onChange={(required) => update(i, { required })}
              />
              {choice ? (
                <fieldset className="group" id={fieldId(form, path("options"))}>
                  <legend>{t("eventForm.options")}</legend>
                  {errors[path("options")] ? <p className="field-error">{errors[path("options")]}</p> : null}
                  <ol className="editor-list">
                    {q.options.map((o, k) => {
                      const setOption = (patch: Partial<OptionState>) =>
                        update(i, { options: q.options.map((x, m) => (m === k ? { ...x, ...patch } : x)) });
                      return (
                        <li key={o.key} className="inline-add option-row">
                          <TextField
                            id={`${fieldId(form, path(`options.${k}.label`))}`}
                            label={t("eventForm.optionLabel", { n: k + 1 })}
                            value={o.label[mainLang] ?? ""}
                            onChange={(v) =>
                              setOption({
                                label: { ...o.label, [mainLang]: v },
                                // a value is derived from the first label until it is edited
                                value:
                                  o.value && o.value !== slug(o.label[mainLang] ?? "") ? o.value : slug(v),
                              })
                            }
                            error={errors[path(`options.${k}.label`)]}
                          />
                          <TextField
                            id={`${fieldId(form, path(`options.${k}.value`))}`}
                            label={t("eventForm.optionValue", { n: k + 1 })}
                            value={o.value}
                            onChange={(v) => setOption({ value: v })}
                            maxLength={80}
                            dir="ltr"
                            error={errors[path(`options.${k}.value`)]}
                          />
                          <button
                            type="button"
                            className="btn btn-ghost btn-small"
                            onClick={() => update(i, { options: q.options.filter((_, m) => m !== k) })}
                          >
                            {t("common.removeItem", { item: t("eventForm.optionN", { n: k + 1 }) })}
                          </button>
                        </li>
                      );
                    })}
                  </ol>
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    onClick={() => {
                      update(i, { options: [...q.options, { key: newKey(), value: "", label: {} }] });
                      focusSoon(fieldId(form, path(`options.${q.options.length}.label`)));
                    }}
                  >
                    {t("eventForm.addOption")}
                  </button>
                </fieldset>
              ) : null}
              {q.kind === "file" ? <p className="hint">{t("eventForm.fileKindHint")}</p> : null}
              <div className="actions">
                <button type="button" className="btn btn-ghost btn-small" onClick={() => remove(i)}>
                  {t("common.removeItem", { item: name })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-secondary" id="questions-add" onClick={add}>
        {t("eventForm.addQuestion")}
      </button>
    </fieldset>
  );
}

/** "Yes, a lot!" → "yes-a-lot" (a stable value for a choice). */
export function slug(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
