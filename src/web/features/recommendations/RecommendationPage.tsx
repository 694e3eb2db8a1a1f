import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api.ts";
import { formatDate, formatList, formatNumber, isStaff, nameOf, useMe, useReference } from "../../data.ts";
import { currentLocale } from "../../i18n/index.ts";
import { Checkbox, ErrorSummary, Loading, QueryError, RadioGroup } from "../../ui/forms.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { LiveStatus, PageTitle } from "../../ui/widgets.tsx";
import { pickLocalized } from "../events/format.ts";
import {
  articleLabel,
  LocalText,
  ProgressBar,
  type RecAction,
  type RecDetail,
  RecStatusBadge,
  RichText,
  recApi,
  recKeys,
} from "./shared.tsx";

export default function RecommendationPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const rec = useQuery({
    queryKey: recKeys.one(id),
    queryFn: ({ signal }) => api.get<RecDetail>(recApi.one(id), undefined, signal),
    retry: false,
  });
  const actions = useQuery({
    queryKey: recKeys.actions(id),
    queryFn: ({ signal }) =>
      api.get<{ actions: RecAction[]; progress: number | null }>(recApi.actions(id), undefined, signal),
    retry: false,
  });
  if (rec.isPending) return <Loading />;
  if (rec.isError)
    return (
      <>
        <PageTitle>{t("recs.notFoundTitle")}</PageTitle>
        <QueryError error={rec.error} />
        <p>
          <Link to="/recommendations">{t("recs.backToTracker")}</Link>
        </p>
      </>
    );
  const r = rec.data;
  const title = pickLocalized(r.title);
  return (
    <article className="rec-page">
      <p className="breadcrumb-link">
        <Link to="/recommendations">{t("recs.backToTracker")}</Link>
        {isStaff(me.data) ? (
          <>
            {" · "}
            <Link to={`/admin/recommendations/${r.id}`}>{t("recs.openInTriage")}</Link>
          </>
        ) : null}
      </p>
      <PageTitle title={title.value}>
        <LocalText text={r.title} />
      </PageTitle>
      <p className="rec-card-status">
        <RecStatusBadge status={r.status} />
        {r.mergedInto ? (
          <>
            {" "}
            <Link to={`/recommendations/${r.mergedInto}`}>{t("recs.mergedIntoLink")}</Link>
          </>
        ) : null}
      </p>
      <div className="two-col rec-layout">
        <div>
          <section aria-labelledby="rec-text-title">
            <h2 id="rec-text-title">{t("recs.textTitle")}</h2>
            <RichText text={r.text} />
            {pickLocalized(r.rationale).value ? (
              <>
                <h3>{t("recs.rationaleTitle")}</h3>
                <RichText text={r.rationale} />
              </>
            ) : null}
          </section>
          <section aria-labelledby="rec-answer-title" className="rec-answer">
            <h2 id="rec-answer-title">{t("recs.answerTitle")}</h2>
            {r.answeredAt && pickLocalized(r.answer).value ? (
              <>
                <p className="hint">{t("recs.answeredOn", { date: formatDate(r.answeredAt) })}</p>
                <RichText text={r.answer} className="card" />
              </>
            ) : (
              <p className="empty">{t("recs.noAnswer")}</p>
            )}
          </section>
          <ActionsSection actions={actions.data?.actions} progress={actions.data?.progress ?? null} />
          <Timeline rec={r} />
        </div>
        <aside>
          <OriginCard rec={r} />
          <TagsCard rec={r} />
          <Endorsements rec={r} signedIn={!!me.data?.user} />
        </aside>
      </div>
    </article>
  );
}

export function OriginCard({ rec: r }: { rec: RecDetail }) {
  const { t } = useTranslation();
  const o = r.origin;
  const who = o.person || o.organization;
  return (
    <section className="card" aria-labelledby="rec-origin-title">
      <h2 id="rec-origin-title" className="h3">
        {t("recs.originTitle")}
      </h2>
      <dl className="meta rec-meta">
        {o.event ? (
          <div>
            <dt>{t("recs.event")}</dt>
            <dd>
              <Link to={`/events/${o.event.id}`}>
                <LocalText text={o.event.title} />
              </Link>
            </dd>
          </div>
        ) : null}
        {o.group ? (
          <div>
            <dt>{t("recs.group")}</dt>
            <dd>
              {t("recs.groupNumber", { n: formatNumber(o.group.number) })}
              {pickLocalized(o.group.title).value ? (
                <>
                  {" — "}
                  <LocalText text={o.group.title} />
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("recs.submittedBy")}</dt>
          <dd className="rec-author">
            {who ? (
              <>
                {o.person ? <bdi>{o.person.name}</bdi> : null}
                {o.person && o.organization ? ", " : null}
                {o.organization ? (
                  <Link to={`/organizations/${o.organization.id}`}>
                    <bdi>{o.organization.name}</bdi>
                  </Link>
                ) : null}
              </>
            ) : r.protection === "group" && o.group ? (
              t("recs.attributedToGroup")
            ) : (
              t("recs.anonymous")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("recs.year")}</dt>
          <dd>{r.year}</dd>
        </div>
      </dl>
      {r.protection !== "public" && (o.person || o.organization) ? (
        <p className="hint">
          <strong>{t(`recProtection.${r.protection}`)}</strong>
          {": "}
          {t(`recProtectionHint.${r.protection}`)}
        </p>
      ) : null}
      {r.mergedFrom.length ? (
        <p className="hint">{t("recs.mergedFromCount", { count: r.mergedFrom.length })}</p>
      ) : null}
    </section>
  );
}

export function TagsCard({ rec: r }: { rec: RecDetail }) {
  const { t } = useTranslation();
  const ref = useReference();
  const locale = currentLocale();
  const find = (list: "engagementAreas" | "instruments" | "sdgTargets", code: string) => {
    const item = (
      ref.data?.[list] as Array<{ code: string; names: any; shortNames?: any }> | undefined
    )?.find((x) => x.code === code);
    return nameOf(item?.shortNames ?? item?.names, code, locale);
  };
  const rows: Array<[string, string[]]> = [
    ["recs.addressedTo", r.addressedActors.map((a) => t(`recActor.${a}`))],
    ["recs.themes", r.themes],
    ["recs.instruments", r.instruments.map((i) => find("instruments", i))],
    ["recs.articles", r.articles.map((a) => articleLabel(t, a))],
    ["fields.engagementAreas", r.engagementAreas.map((a) => find("engagementAreas", a))],
    ["recs.sdgTargets", r.sdgTargets],
  ];
  return (
    <section className="card" aria-labelledby="rec-tags-title">
      <h2 id="rec-tags-title" className="h3">
        {t("recs.tagsTitle")}
      </h2>
      <dl className="meta rec-meta">
        {rows
          .filter(([, v]) => v.length)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{t(k)}</dt>
              <dd>{formatList(v)}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

function Endorsements({ rec: r, signedIn }: { rec: RecDetail; signedIn: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const [as, setAs] = useState("person");
  const [show, setShow] = useState(true);
  const [done, setDone] = useState("");
  const focal = (me.data?.memberships ?? []).filter(
    (m) => m.role === "focal_point" && m.status === "approved",
  );
  const canEndorse = signedIn && r.protection !== "confidential" && !r.mergedInto;
  const endorse = (withdraw: boolean) =>
    run(async () => {
      await api.post(recApi.endorse(r.id), {
        ...(as !== "person" ? { organizationId: as } : {}),
        showIdentity: show,
        withdraw,
      });
      await queryClient.invalidateQueries({ queryKey: recKeys.one(r.id) });
      await queryClient.invalidateQueries({ queryKey: recKeys.all });
      setDone(withdraw ? t("recs.endorseWithdrawn") : t("recs.endorsed"));
    });
  return (
    <section className="card" aria-labelledby="rec-endorse-title">
      <h2 id="rec-endorse-title" className="h3">
        {t("recs.endorsementsTitle")}
      </h2>
      <p>{t("recs.endorsementCount", { count: r.endorsements, formatted: formatNumber(r.endorsements) })}</p>
      {r.endorsedBy.length ? (
        <ul className="people">
          {r.endorsedBy.map((e) => (
            <li key={`${e.kind}-${e.id}`}>
              {e.kind === "organization" ? (
                <Link to={`/organizations/${e.id}`}>
                  <bdi>{e.name}</bdi>
                </Link>
              ) : (
                <bdi>{e.name}</bdi>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {canEndorse ? (
        <form onSubmit={endorse(false)} className="rec-endorse-form">
          <ErrorSummary error={error} />
          {focal.length ? (
            <RadioGroup
              id="endorse-as"
              legend={t("recs.endorseAs")}
              value={as}
              onChange={setAs}
              options={[
                { value: "person", label: t("recs.endorseAsPerson") },
                ...focal.map((m) => ({
                  value: m.organizationId,
                  label: t("recs.endorseAsOrg", { name: m.organizationName }),
                })),
              ]}
            />
          ) : null}
          <Checkbox id="endorse-show" label={t("recs.showIdentity")} checked={show} onChange={setShow} />
          <div className="actions">
            {r.mine?.endorsed && as === "person" ? (
              <button type="button" className="btn btn-secondary" disabled={busy} onClick={endorse(true)}>
                {t("recs.withdrawEndorsement")}
              </button>
            ) : (
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t("recs.endorse")}
              </button>
            )}
            {as !== "person" ? (
              <button type="button" className="btn btn-ghost" disabled={busy} onClick={endorse(true)}>
                {t("recs.withdrawForOrg")}
              </button>
            ) : null}
          </div>
          <LiveStatus>{done}</LiveStatus>
        </form>
      ) : !signedIn ? (
        <p className="hint">
          <Link to={`/sign-in?next=${encodeURIComponent(`/recommendations/${r.id}`)}`}>
            {t("recs.signInToEndorse")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function ActionsSection({ actions, progress }: { actions?: RecAction[]; progress: number | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rec-actions-title">
      <h2 id="rec-actions-title">{t("recs.actionsTitle")}</h2>
      {progress != null ? <ProgressBar value={progress} label={t("recs.overallProgress")} /> : null}
      {!actions?.length ? (
        <p className="empty">{t("recs.noActions")}</p>
      ) : (
        <ul className="rec-actions">
          {actions.map((a) => (
            <li key={a.id} className="card">
              <h3 className="h3">
                <LocalText text={a.title} />
              </h3>
              <dl className="meta">
                <div>
                  <dt>{t("recs.actionOwner")}</dt>
                  <dd>
                    <bdi>{a.owner}</bdi>
                  </dd>
                </div>
                <div>
                  <dt>{t("recs.actionStatus")}</dt>
                  <dd>{t(`recActionStatus.${a.status}`)}</dd>
                </div>
                {a.dueDate ? (
                  <div>
                    <dt>{t("recs.actionDue")}</dt>
                    <dd>{formatDate(a.dueDate)}</dd>
                  </div>
                ) : null}
              </dl>
              <ProgressBar value={a.progress} label={t("recs.progress")} />
              {a.milestones.length ? (
                <>
                  <h4>{t("recs.milestones")}</h4>
                  <ul className="milestones">
                    {a.milestones.map((m, i) => (
                      <li key={`${m.title}-${i}`}>
                        <span className={`tag${m.done ? "" : " tag-warn"}`}>
                          {m.done ? t("recs.milestoneDone") : t("recs.milestoneOpen")}
                        </span>{" "}
                        {m.title}
                        {m.due ? <span className="cell-note"> · {formatDate(m.due)}</span> : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Timeline({ rec: r }: { rec: RecDetail }) {
  const { t } = useTranslation();
  if (!r.timeline.length) return null;
  const describe = (h: RecDetail["timeline"][number]) => {
    const d = h.data as Record<string, any>;
    if (h.kind === "answer" || h.kind === "answer_prepared" || h.kind === "created")
      return t(`recTimeline.${h.kind}`, { status: t(`recStatus.${d.status}`, { defaultValue: d.status }) });
    if (h.kind === "progress")
      return t("recTimeline.progress", {
        action: String(d.title ?? ""),
        progress: formatNumber(Number(d.progress ?? 0)),
      });
    return t(`recTimeline.${h.kind}`, { defaultValue: h.kind });
  };
  return (
    <section aria-labelledby="rec-timeline-title">
      <h2 id="rec-timeline-title">{t("recs.timelineTitle")}</h2>
      <ol className="rec-timeline">
        {r.timeline.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <time dateTime={h.at}>{formatDate(h.at, h.at.length > 10)}</time> <span>{describe(h)}</span>
            {h.kind === "merged" && typeof h.data.into === "string" ? (
              <>
                {" "}
                <Link to={`/recommendations/${h.data.into}`}>{t("recs.mergedIntoLink")}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
