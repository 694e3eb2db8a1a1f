import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../../api.ts";
import { Checkbox, ErrorSummary, Loading, QueryError, RadioGroup, TextArea } from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { Notice, PageTitle } from "../../ui/widgets.tsx";
import NotFoundPage from "../home/NotFoundPage.tsx";
import { useEvent } from "./EventPage.tsx";
import { pickLocalized } from "./format.ts";
import { FEEDBACK_ASPECTS, type FeedbackStatus, outcomeApi, outcomeKeys } from "./outcomes.ts";
import { Localized } from "./ui.tsx";

const FORM = "feedback";

/** The post-event survey for participants: five ratings, a comment, and the choice to stay anonymous. */
export default function FeedbackPage() {
  return <RequireUser>{() => <Feedback />}</RequireUser>;
}

function Feedback() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const event = useEvent(id);
  const status = useQuery({
    queryKey: outcomeKeys.feedback(id),
    queryFn: ({ signal }) => api.get<FeedbackStatus>(outcomeApi.feedback(id), undefined, signal),
    staleTime: 0,
  });
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [comment, setComment] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [sent, setSent] = useState(false);
  const [missing, setMissing] = useState(false);
  const { error, setError, busy, run } = useSubmit();
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  if (event.isPending || status.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  if (status.isError) return <QueryError error={status.error} />;
  const e = event.data;
  const title = pickLocalized(e.title);
  const s = status.data;
  const conflict = error instanceof ApiError ? error.code : "";

  const submit = run(async () => {
    const chosen = Object.fromEntries(
      Object.entries(ratings)
        .filter(([, v]) => v)
        .map(([k, v]) => [k, Number(v)]),
    );
    if (!Object.keys(chosen).length) {
      setMissing(true);
      document.getElementById(`${FORM}-overall-1`)?.focus();
      return;
    }
    setMissing(false);
    try {
      await api.post(outcomeApi.feedback(e.id), {
        ratings: chosen,
        comment: comment.trim() || undefined,
        anonymous,
      });
      setSent(true);
      queryClient.invalidateQueries({ queryKey: outcomeKeys.feedback(e.id) });
    } catch (err) {
      if (err instanceof ApiError && ["feedback_already_sent", "feedback_closed"].includes(err.code))
        queryClient.invalidateQueries({ queryKey: outcomeKeys.feedback(e.id) });
      throw err;
    }
  });

  const head = (
    <>
      <PageTitle title={t("feedback.title", { title: title.value })}>
        {t("feedback.titlePrefix")} <Localized picked={title} />
      </PageTitle>
      <p>
        <Link to={`/events/${e.id}`}>{t("report.backToEvent")}</Link>
      </p>
    </>
  );

  if (sent)
    return (
      <>
        {head}
        <div ref={doneRef} tabIndex={-1} className="notice notice-success" role="status">
          <p>{t("feedback.thanks")}</p>
          <p>{anonymous ? t("feedback.thanksAnonymous") : t("feedback.thanksNamed")}</p>
        </div>
      </>
    );
  if (s.answered || conflict === "feedback_already_sent")
    return (
      <>
        {head}
        <Notice kind="info">
          <p>{t("feedback.already")}</p>
        </Notice>
      </>
    );
  if (!s.participant)
    return (
      <>
        {head}
        <Notice kind="info">
          <p>{t("feedback.notParticipant")}</p>
        </Notice>
      </>
    );
  if (!s.open || conflict === "feedback_closed")
    return (
      <>
        {head}
        <Notice kind="info">
          <p>{t("feedback.closed")}</p>
        </Notice>
      </>
    );

  return (
    <>
      {head}
      <p className="lead">{t("feedback.intro")}</p>
      <ErrorSummary error={error} form={FORM} />
      {missing ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary-title">{t("form.errorTitle")}</h2>
          <p>
            <a href={`#${FORM}-overall`}>{t("feedback.rateOne")}</a>
          </p>
        </div>
      ) : null}
      <form className="feedback-form" onSubmit={(ev: FormEvent) => submit(ev)} noValidate>
        <p className="hint">{t("feedback.scaleHint")}</p>
        {(s.aspects.length ? s.aspects : FEEDBACK_ASPECTS).map((a, i) => (
          <RadioGroup
            key={a}
            id={`${FORM}-${a}`}
            legend={t(`feedback.aspects.${a}`, { defaultValue: a })}
            hint={t(`feedback.aspectHints.${a}`, { defaultValue: "" }) || undefined}
            value={ratings[a] ?? ""}
            onChange={(v) => {
              setRatings((r) => ({ ...r, [a]: v }));
              setMissing(false);
              setError(null);
            }}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`feedback.scale.${n}`) }))}
            error={missing && i === 0 ? t("feedback.rateOne") : undefined}
            inline
          />
        ))}
        <TextArea
          id={`${FORM}-comment`}
          label={t("feedback.comment")}
          hint={t("feedback.commentHint")}
          value={comment}
          onChange={setComment}
          rows={5}
        />
        <Checkbox
          id={`${FORM}-anonymous`}
          label={t("feedback.anonymous")}
          hint={t("feedback.anonymousHint")}
          checked={anonymous}
          onChange={setAnonymous}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("feedback.send")}
        </button>
      </form>
    </>
  );
}
