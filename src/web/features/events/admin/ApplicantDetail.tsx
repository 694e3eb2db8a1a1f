import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicantSummary, ApplicationRow } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { formatDate, formatNumber } from "../../../data.ts";
import { errorText, Loading, QueryError, TextArea } from "../../../ui/forms.tsx";
import { eventApi, eventKeys, type QuestionView } from "../endpoints.ts";
import { pickPlain } from "../format.ts";

/** A score from 0 to 10, saved when it changes (on leaving the field or pressing Enter). */
export function ScoreInput({
  row,
  onSaved,
  onChanged,
}: {
  row: ApplicantSummary;
  onSaved: (message: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(row.score == null ? "" : String(row.score));
  const [error, setError] = useState("");
  useEffect(() => setValue(row.score == null ? "" : String(row.score)), [row.score]);
  const save = useMutation({
    mutationFn: (score: number | null) => api.patch<ApplicationRow>(eventApi.application(row.id), { score }),
    onSuccess: (_r, score) => {
      onSaved(
        score == null
          ? t("applicants.scoreCleared", { name: `\u2068${row.name}\u2069` })
          : t("applicants.scoreSaved", { name: `\u2068${row.name}\u2069`, score: formatNumber(score) }),
      );
      onChanged();
    },
    onError: (err) => setError(errorText(err, t)),
  });
  const commit = () => {
    const v = value.trim();
    const score = v === "" ? null : Number(v);
    if (score === row.score) return setError("");
    if (score != null && (!Number.isInteger(score) || score < 0 || score > 10)) {
      setError(t("applicants.scoreInvalid"));
      return;
    }
    setError("");
    save.mutate(score);
  };
  return (
    <div className="score">
      <label htmlFor={id} className="visually-hidden">
        {t("applicants.scoreFor", { name: row.name })}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={10}
        step={1}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An applicant's row opened: the whole application (answers, motivation, notes) is fetched then. */
export function ApplicantDetail({
  row,
  questions,
  onSaved,
}: {
  row: ApplicantSummary;
  questions: QuestionView[];
  onSaved: (message: string) => void;
}) {
  const application = useQuery({
    queryKey: eventKeys.applicant(row.eventId, row.id),
    queryFn: ({ signal }) => api.get<ApplicationRow>(eventApi.application(row.id), undefined, signal),
  });
  if (application.isPending) return <Loading />;
  if (application.isError) return <QueryError error={application.error} />;
  return <ApplicationDetails row={application.data} questions={questions} onSaved={onSaved} />;
}

function ApplicationDetails({
  row,
  questions,
  onSaved,
}: {
  row: ApplicationRow;
  questions: QuestionView[];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState(row.notes ?? "");
  const save = useMutation({
    mutationFn: () => api.patch<ApplicationRow>(eventApi.application(row.id), { notes: notes.trim() }),
    onSuccess: () => {
      onSaved(t("applicants.notesSaved", { name: `\u2068${row.name}\u2069` }));
      queryClient.invalidateQueries({ queryKey: eventKeys.applicants(row.eventId) });
    },
  });
  const answer = (q: QuestionView) => {
    const a = row.answers[q.id];
    if (a == null || a === "" || (Array.isArray(a) && !a.length)) return <span className="muted">—</span>;
    const optionLabel = (v: string) => pickPlain(q.options?.find((o) => o.value === v)?.label).value || v;
    if (Array.isArray(a)) return a.map(optionLabel).join(" · ");
    if (typeof a === "object")
      return typeof a.fileId === "string" ? (
        <a href={`/api/applications/${row.id}/files/${a.fileId}`} download>
          {t("applicants.fileAnswer")}
        </a>
      ) : (
        t("applicants.fileAnswer")
      );
    return q.kind === "single" ? (
      optionLabel(a)
    ) : (
      <span className="prewrap" dir="auto">
        {a}
      </span>
    );
  };
  return (
    <div className="applicant-detail">
      <dl className="details">
        <dt>{t("fields.email")}</dt>
        <dd>{row.email ? <a href={`mailto:${row.email}`}>{row.email}</a> : "—"}</dd>
        <dt>{t("applicants.appliedOn")}</dt>
        <dd>{formatDate(row.createdAt, true)}</dd>
        {row.decidedAt ? (
          <>
            <dt>{t("applicants.decidedOn")}</dt>
            <dd>{formatDate(row.decidedAt, true)}</dd>
          </>
        ) : null}
        {row.invited ? (
          <>
            <dt>{t("applicants.invited")}</dt>
            <dd>{t("common.yes")}</dd>
          </>
        ) : null}
        {questions.map((q) => (
          <Fragment key={q.id}>
            <dt dir="auto">{pickPlain(q.label).value || q.id}</dt>
            <dd>{answer(q)}</dd>
          </Fragment>
        ))}
        <dt>{t("apply.motivation")}</dt>
        <dd className="prewrap" dir="auto">
          {row.motivation || "—"}
        </dd>
        {row.travelSupport ? (
          <>
            <dt>{t("apply.travelJustification")}</dt>
            <dd className="prewrap" dir="auto">
              {row.travelJustification || "—"}
            </dd>
          </>
        ) : null}
      </dl>
      <form
        className="notes-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextArea
          label={t("applicants.notes", { name: row.name })}
          hint={t("applicants.notesHint")}
          value={notes}
          onChange={setNotes}
          rows={3}
          error={save.error ? errorText(save.error, t) : undefined}
        />
        <button type="submit" className="btn btn-secondary btn-small" disabled={save.isPending}>
          {t("applicants.saveNotes")}
        </button>
      </form>
    </div>
  );
}
