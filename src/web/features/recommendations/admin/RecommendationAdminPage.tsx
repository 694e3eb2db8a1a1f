import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ANSWER_STATUSES } from "../../../../shared/schemas/recommendations.ts";
import { api } from "../../../api.ts";
import { formatDate, useMe } from "../../../data.ts";
import { currentLocale } from "../../../i18n/index.ts";
import {
  ErrorSummary,
  fieldErrors,
  fieldId,
  Loading,
  QueryError,
  SelectField,
  TextArea,
  TextField,
} from "../../../ui/forms.tsx";
import { useSubmit } from "../../../ui/useSubmit.ts";
import { ConfirmDialog, LiveStatus, PageTitle } from "../../../ui/widgets.tsx";
import { pickLocalized } from "../../events/format.ts";
import { OriginCard, TagsCard } from "../RecommendationPage.tsx";
import {
  ACTION_STATUSES,
  htmlToText,
  LocalText,
  type Milestone,
  ProgressBar,
  type RecAction,
  type RecDetail,
  type RecList,
  RecStatusBadge,
  RichText,
  recApi,
  recKeys,
  useAssignees,
} from "../shared.tsx";
import { AnswerFields, type AnswerState, AnswerTemplates, answerBody, emptyAnswer } from "./AnswerFields.tsx";

export default function RecommendationAdminPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const rec = useQuery({
    queryKey: recKeys.one(id),
    queryFn: ({ signal }) => api.get<RecDetail>(recApi.one(id), undefined, signal),
    retry: false,
  });
  if (rec.isPending) return <Loading />;
  if (rec.isError)
    return (
      <>
        <PageTitle>{t("recs.notFoundTitle")}</PageTitle>
        <QueryError error={rec.error} />
      </>
    );
  const r = rec.data;
  return (
    <section className="rec-admin">
      <p>
        <Link to="/admin/recommendations">{t("triage.backToQueue")}</Link>
        {" · "}
        <Link to={`/recommendations/${r.id}`}>{t("triage.publicPage")}</Link>
      </p>
      <PageTitle title={pickLocalized(r.title).value}>
        <LocalText text={r.title} />
      </PageTitle>
      <p className="rec-card-status">
        <RecStatusBadge status={r.internal?.status ?? r.status} />{" "}
        <span className="tag">{t(`recProtection.${r.protection}`)}</span>
        {r.internal?.pendingAnswer ? (
          <span className="cell-note">
            {" "}
            {r.internal.answerPublishAt
              ? t("triage.preparedFor", { date: formatDate(r.internal.answerPublishAt, true) })
              : t("triage.preparedDraft")}
          </span>
        ) : null}
      </p>
      <div className="two-col rec-layout">
        <div>
          <RichText text={r.text} />
          <AnswerCard rec={r} />
          <TagsCard rec={r} />
          <ActionsEditor recId={r.id} />
        </div>
        <aside>
          <OriginCard rec={r} />
          <AssignCard rec={r} />
          <NotesCard recId={r.id} />
          <MergeCard rec={r} />
        </aside>
      </div>
    </section>
  );
}

function AnswerCard({ rec: r }: { rec: RecDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const tpl = useSubmit();
  const pending = r.internal?.pendingAnswer;
  const [answer, setAnswer] = useState<AnswerState>(() => ({
    ...emptyAnswer(),
    ...(pending
      ? {
          status: pending.status,
          rationale: htmlToText(pickLocalized(pending.rationale).value),
          publish: "draft" as const,
        }
      : r.answeredAt
        ? { status: r.status, rationale: htmlToText(pickLocalized(r.answer).value) }
        : {}),
  }));
  const [templateName, setTemplateName] = useState("");
  const [done, setDone] = useState("");
  const submit = run(async () => {
    await api.post(recApi.answer(r.id), answerBody(answer));
    await queryClient.invalidateQueries({ queryKey: recKeys.all });
    setDone(answer.publish === "now" ? t("triage.answerPublished") : t("triage.answerPrepared"));
  });
  const saveTemplate = tpl.run(async () => {
    await api.post(recApi.templates, {
      name: templateName.trim(),
      status: answer.status,
      text: { [currentLocale()]: answer.rationale.trim() },
    });
    await queryClient.invalidateQueries({ queryKey: recKeys.templates });
    setTemplateName("");
    setDone(t("triage.templateSaved"));
  });
  return (
    <section className="card" aria-labelledby="answer-title">
      <h2 id="answer-title">{t("triage.answerTitle")}</h2>
      {r.answeredAt ? (
        <p className="hint">{t("recs.answeredOn", { date: formatDate(r.answeredAt) })}</p>
      ) : null}
      <form onSubmit={submit} className="answer-form">
        <ErrorSummary error={error} form="answer" />
        <AnswerFields
          form="answer"
          value={answer}
          onChange={setAnswer}
          statuses={ANSWER_STATUSES}
          error={error}
        />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !!r.mergedInto}>
            {t("triage.answerButton")}
          </button>
        </div>
      </form>
      <form onSubmit={saveTemplate} className="inline-form template-form">
        <ErrorSummary error={tpl.error} />
        <TextField
          id="template-name"
          label={t("triage.templateName")}
          value={templateName}
          onChange={setTemplateName}
          maxLength={100}
          error={fieldErrors(tpl.error).name}
        />
        <button
          type="submit"
          className="btn btn-secondary"
          disabled={tpl.busy || !templateName.trim() || !answer.rationale.trim()}
        >
          {t("triage.saveTemplate")}
        </button>
      </form>
      <LiveStatus>{done}</LiveStatus>
      <AnswerTemplates
        onDeleted={(id) => setAnswer((a) => (a.template === id ? { ...a, template: "" } : a))}
      />
    </section>
  );
}

function AssignCard({ rec: r }: { rec: RecDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const current = r.internal?.assignedTo ?? null;
  const myId = me.data?.user?.id;
  const people = useAssignees();
  const [choice, setChoice] = useState(current ?? "");
  const [done, setDone] = useState("");
  // The choice follows the saved assignment (after a save, or a change made elsewhere).
  useEffect(() => setChoice(current ?? ""), [current]);
  const list = people.data ?? [];
  const options = list.map((p) => ({
    value: p.id,
    label: p.id === myId ? t("triage.assigneeYou", { name: p.name }) : p.name,
  }));
  // Someone assigned before losing the role stays visible as the current choice.
  if (current && !list.some((p) => p.id === current))
    options.push({ value: current, label: r.internal?.assigneeName ?? t("triage.assigneeUnknown") });
  const assign = (to: string | null) =>
    run(async () => {
      const saved = await api.patch<RecDetail>(recApi.one(r.id), { assignedTo: to });
      await queryClient.invalidateQueries({ queryKey: recKeys.all });
      setDone(
        to == null
          ? t("triage.unassigned")
          : t("triage.assignedDone", { name: saved.internal?.assigneeName ?? "" }),
      );
    });
  const currentName = r.internal?.assigneeName ?? list.find((p) => p.id === current)?.name;
  return (
    <section className="card" aria-labelledby="assign-title">
      <h2 id="assign-title" className="h3">
        {t("triage.assignTitle")}
      </h2>
      <p className="assignee">
        {current == null ? (
          t("triage.assignedToNobody")
        ) : current === myId ? (
          t("triage.assignedToMe")
        ) : currentName ? (
          <Trans
            i18nKey="triage.assignedToName"
            values={{ name: currentName }}
            components={{ bdi: <bdi /> }}
          />
        ) : (
          t("triage.assigneeUnknown")
        )}
      </p>
      <ErrorSummary error={error} form="assign" />
      <form onSubmit={assign(choice || null)} className="inline-form">
        <SelectField
          id={fieldId("assign", "assignedTo")}
          label={t("triage.assignTo")}
          value={choice}
          onChange={setChoice}
          options={options}
          emptyLabel={t("triage.assignNobody")}
          error={fieldErrors(error).assignedTo}
        />
        <button type="submit" className="btn btn-secondary" disabled={busy || choice === (current ?? "")}>
          {t("triage.assign")}
        </button>
      </form>
      {myId && current !== myId && list.some((p) => p.id === myId) ? (
        <div className="actions">
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={assign(myId)}>
            {t("triage.assignMe")}
          </button>
        </div>
      ) : null}
      <LiveStatus>{done}</LiveStatus>
    </section>
  );
}

interface Note {
  id: string;
  text: string;
  mentions: string[];
  at: string;
  author: string | null;
}

function NotesCard({ recId }: { recId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const [text, setText] = useState("");
  const notes = useQuery({
    queryKey: recKeys.notes(recId),
    queryFn: ({ signal }) => api.get<Note[]>(recApi.notes(recId), undefined, signal),
  });
  const submit = run(async () => {
    const next = await api.post<Note[]>(recApi.notes(recId), { text: text.trim() });
    queryClient.setQueryData(recKeys.notes(recId), next);
    setText("");
  });
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title" className="h3">
        {t("triage.notesTitle")}
      </h2>
      {notes.data?.length ? (
        <ul className="comments">
          {notes.data.map((n) => (
            <li key={n.id}>
              <p className="comment-meta">
                <bdi>{n.author ?? "—"}</bdi> · {formatDate(n.at, true)}
              </p>
              <p className="prewrap" dir="auto">
                {n.text}
              </p>
              {n.mentions.length ? (
                <p className="hint">{t("triage.mentioned", { names: n.mentions.join(", ") })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : notes.isPending ? null : (
        <p className="empty">{t("triage.noNotes")}</p>
      )}
      <form onSubmit={submit}>
        <ErrorSummary error={error} />
        <TextArea
          id="note-text"
          label={t("triage.addNote")}
          hint={t("triage.noteHint")}
          value={text}
          onChange={setText}
          rows={3}
        />
        <button type="submit" className="btn btn-secondary" disabled={busy || !text.trim()}>
          {t("triage.addNoteButton")}
        </button>
      </form>
    </section>
  );
}

function MergeCard({ rec: r }: { rec: RecDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [params] = useSearchParams();
  const suggested = params.get("mergeInto") ?? "";
  const [into, setInto] = useState(suggested !== r.id ? suggested : "");
  const target = useQuery({
    queryKey: recKeys.one(suggested),
    queryFn: ({ signal }) => api.get<RecDetail>(recApi.one(suggested), undefined, signal),
    enabled: !!suggested && suggested !== r.id,
  });
  const [confirm, setConfirm] = useState(false);
  const [done, setDone] = useState("");
  const results = useQuery({
    queryKey: recKeys.list({ q: search, merge: r.id }),
    queryFn: ({ signal }) => api.get<RecList>(recApi.list, { q: search, pageSize: 20 }, signal),
    enabled: search.length > 1,
  });
  const options = [...(target.data ? [target.data] : []), ...(results.data?.items ?? [])]
    .filter((x, i, all) => x.id !== r.id && all.findIndex((y) => y.id === x.id) === i)
    .map((x) => ({ value: x.id, label: pickLocalized(x.title).value }));
  const chosen = options.find((o) => o.value === into);
  const merge = run(async () => {
    await api.post(recApi.merge(r.id), { into });
    await queryClient.invalidateQueries({ queryKey: recKeys.all });
    setConfirm(false);
    setDone(t("triage.merged"));
  });
  if (r.mergedInto)
    return (
      <section className="card" aria-labelledby="merge-title">
        <h2 id="merge-title" className="h3">
          {t("triage.mergeTitle")}
        </h2>
        <p>
          <Link to={`/admin/recommendations/${r.mergedInto}`}>{t("recs.mergedIntoLink")}</Link>
        </p>
      </section>
    );
  return (
    <section className="card" aria-labelledby="merge-title">
      <h2 id="merge-title" className="h3">
        {t("triage.mergeTitle")}
      </h2>
      <p className="hint">{t("triage.mergeHint")}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <TextField id="merge-q" label={t("triage.mergeSearch")} value={q} onChange={setQ} type="search" />
        <button type="submit" className="btn btn-secondary">
          {t("directory.searchButton")}
        </button>
      </form>
      {search || target.data ? (
        <SelectField
          id="merge-into"
          label={t("triage.mergeInto")}
          value={into}
          onChange={setInto}
          options={options}
          emptyLabel={options.length ? t("common.choose") : t("triage.mergeNoResults")}
        />
      ) : null}
      <button type="button" className="btn btn-danger" disabled={!into} onClick={() => setConfirm(true)}>
        {t("triage.mergeButton")}
      </button>
      <LiveStatus>{done}</LiveStatus>
      <ConfirmDialog
        isOpen={confirm}
        onClose={() => setConfirm(false)}
        title={t("triage.mergeConfirmTitle")}
        confirmLabel={t("triage.mergeButton")}
        onConfirm={merge}
        busy={busy}
        error={error}
      >
        <p>{t("triage.mergeConfirm", { title: chosen?.label ?? "" })}</p>
      </ConfirmDialog>
    </section>
  );
}

interface ActionDraft {
  title: string;
  owner: string;
  dueDate: string;
  progress: string;
  status: string;
  milestones: Milestone[];
}

const toDraft = (a?: RecAction): ActionDraft => ({
  title: a ? pickLocalized(a.title).value : "",
  owner: a?.owner ?? "",
  dueDate: a?.dueDate ?? "",
  progress: String(a?.progress ?? 0),
  status: a?.status ?? "planned",
  milestones: a?.milestones ?? [],
});

function ActionsEditor({ recId }: { recId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const actions = useQuery({
    queryKey: recKeys.actions(recId),
    queryFn: ({ signal }) =>
      api.get<{ actions: RecAction[]; progress: number | null }>(recApi.actions(recId), undefined, signal),
  });
  return (
    <section aria-labelledby="actions-title" className="actions-editor">
      <h2 id="actions-title">{t("recs.actionsTitle")}</h2>
      {actions.data?.progress != null ? (
        <ProgressBar value={actions.data.progress} label={t("recs.overallProgress")} />
      ) : null}
      <ul className="editor-list">
        {(actions.data?.actions ?? []).map((a, i) => (
          <li key={a.id} className="editor-item card">
            <ActionForm recId={recId} action={a} n={i + 1} />
          </li>
        ))}
      </ul>
      {adding ? (
        <div className="card">
          <ActionForm recId={recId} onDone={() => setAdding(false)} />
        </div>
      ) : (
        <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>
          {t("triage.addAction")}
        </button>
      )}
    </section>
  );
}

function ActionForm({
  recId,
  action,
  n,
  onDone,
}: {
  recId: string;
  action?: RecAction;
  n?: number;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const [d, setD] = useState<ActionDraft>(() => toDraft(action));
  const [saved, setSaved] = useState("");
  const form = action ? `action-${action.id}` : "action-new";
  const errors = fieldErrors(error);
  const set = (patch: Partial<ActionDraft>) => setD((x) => ({ ...x, ...patch }));
  const setMilestone = (i: number, patch: Partial<Milestone>) =>
    set({ milestones: d.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const submit = run(async () => {
    const body = {
      title: { [currentLocale()]: d.title.trim() },
      owner: d.owner.trim(),
      ...(d.dueDate ? { dueDate: d.dueDate } : {}),
      progress: Math.max(0, Math.min(100, Math.round(Number(d.progress) || 0))),
      status: d.status,
      milestones: d.milestones
        .filter((m) => m.title.trim())
        .map((m) => ({ title: m.title.trim(), ...(m.due ? { due: m.due } : {}), done: m.done })),
    };
    if (action) await api.patch(recApi.action(action.id), body);
    else await api.post(recApi.actions(recId), body);
    await queryClient.invalidateQueries({ queryKey: recKeys.actions(recId) });
    await queryClient.invalidateQueries({ queryKey: recKeys.all });
    setSaved(t("common.saved"));
    onDone?.();
  });
  const heading = action ? t("triage.actionN", { n }) : t("triage.newAction");
  return (
    <form onSubmit={submit} aria-label={heading} className="action-form">
      <h3 className="h3">{heading}</h3>
      <ErrorSummary error={error} form={form} />
      <TextField
        id={`${form}-title`}
        label={t("triage.actionTitle")}
        value={d.title}
        onChange={(v) => set({ title: v })}
        required
        error={errors.title ?? errors["title.en"]}
      />
      <div className="grid-2">
        <TextField
          id={`${form}-owner`}
          label={t("recs.actionOwner")}
          value={d.owner}
          onChange={(v) => set({ owner: v })}
          required
          error={errors.owner}
        />
        <TextField
          id={`${form}-dueDate`}
          type="date"
          label={t("recs.actionDue")}
          value={d.dueDate}
          onChange={(v) => set({ dueDate: v })}
          error={errors.dueDate}
        />
        <TextField
          id={`${form}-progress`}
          type="number"
          inputMode="numeric"
          label={t("triage.progressPercent")}
          value={d.progress}
          onChange={(v) => set({ progress: v })}
          error={errors.progress}
        />
        <SelectField
          id={`${form}-status`}
          label={t("recs.actionStatus")}
          value={d.status}
          onChange={(v) => set({ status: v })}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`recActionStatus.${s}`) }))}
        />
      </div>
      <fieldset className="group">
        <legend>{t("recs.milestones")}</legend>
        {d.milestones.map((m, i) => (
          <div key={i} className="milestone-row">
            <TextField
              id={`${form}-m${i}-title`}
              label={t("triage.milestoneTitle", { n: i + 1 })}
              value={m.title}
              onChange={(v) => setMilestone(i, { title: v })}
            />
            <TextField
              id={`${form}-m${i}-due`}
              type="date"
              label={t("triage.milestoneDue", { n: i + 1 })}
              value={m.due ?? ""}
              onChange={(v) => setMilestone(i, { due: v || undefined })}
            />
            <div className="checkbox">
              <input
                id={`${form}-m${i}-done`}
                type="checkbox"
                checked={m.done}
                onChange={(e) => setMilestone(i, { done: e.target.checked })}
              />
              <label htmlFor={`${form}-m${i}-done`}>{t("triage.milestoneDoneN", { n: i + 1 })}</label>
            </div>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => set({ milestones: d.milestones.filter((_, j) => j !== i) })}
            >
              {t("triage.removeMilestone", { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => set({ milestones: [...d.milestones, { title: "", done: false }] })}
        >
          {t("triage.addMilestone")}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {action ? t("common.save") : t("triage.addActionButton")}
        </button>
        {onDone ? (
          <button type="button" className="btn btn-ghost" onClick={onDone}>
            {t("common.cancel")}
          </button>
        ) : null}
      </div>
      <LiveStatus>{saved}</LiveStatus>
    </form>
  );
}
