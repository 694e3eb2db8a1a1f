import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, Fragment, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { EventView } from "../../../../shared/schemas/events.ts";
import { ApiError, api } from "../../../api.ts";
import { formatList, formatNumber, useRefLookup } from "../../../data.ts";
import { currentLocale } from "../../../i18n/index.ts";
import { ErrorSummary, errorText, Loading, QueryError, RadioGroup, SelectField } from "../../../ui/forms.tsx";
import { ConfirmDialog, LiveStatus } from "../../../ui/widgets.tsx";
import { KeyFigures, ScrollTable } from "../charts.tsx";
import { formatPercent, languageName, pickLocalized } from "../format.ts";
import {
  type BreakoutGroup,
  type BreakoutIssue,
  type Breakouts,
  outcomeApi,
  outcomeKeys,
} from "../outcomes.ts";
import { sessionLabel } from "./CheckInPanel.tsx";
import { EventAdminFrame } from "./EventAdminFrame.tsx";

const newSeed = () => Math.floor(Math.random() * 2 ** 31);
const ATTRIBUTES = ["country", "region", "sector", "gender", "youth", "language"];

/** Balanced breakout groups for a session: create, compare with a random split, adjust, name. */
export default function BreakoutsPage() {
  const { id = "" } = useParams();
  return (
    <EventAdminFrame eventId={id} section="breakouts" className="breakouts-page">
      {(e) => <BreakoutsEditor event={e} />}
    </EventAdminFrame>
  );
}

const UUID = /"?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"?/gi;

/**
 * The server states unmet constraints with ids: write the people's names instead, and an
 * organisation's name (that of the people the constraint is about).
 */
export function readableViolation(text: string, groups: BreakoutGroup[]): string {
  const members = new Map(groups.flatMap((g) => g.members.map((m) => [m.personId, m] as const)));
  const ids = [...text.matchAll(UUID)].map((m) => m[1]);
  const organisation = ids.map((id) => members.get(id)?.organization).find(Boolean);
  return text.replace(UUID, (_m, id: string) => {
    const person = members.get(id);
    if (person) return `\u2068${person.name}\u2069`;
    return organisation ? `\u2068${organisation}\u2069` : id;
  });
}

/**
 * An unmet constraint in the current language (`breakouts.issues.<code>`), or null when this
 * version has no translation for its code (the English sentence is shown instead). People are
 * written by name (ids of people in no group stay ids), an organisation by the name its members
 * give, numbers and lists in the language's format.
 */
export function issueText(
  t: (k: string, o?: any) => string,
  exists: (k: string) => boolean,
  issue: BreakoutIssue | undefined,
  groups: BreakoutGroup[],
): string | null {
  const key = `breakouts.issues.${issue?.code}`;
  if (!issue || !exists(key)) return null;
  const members = new Map(groups.flatMap((g) => g.members.map((m) => [m.personId, m] as const)));
  const isolate = (s: string) => `\u2068${s}\u2069`;
  const value = (v: string | number) =>
    typeof v === "number" ? formatNumber(v) : isolate(members.get(v)?.name ?? v);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(issue.params))
    values[k] = Array.isArray(v) ? formatList(v.map(value)) : value(v);
  const { organization, people } = issue.params;
  if (typeof organization === "string") {
    const ids = Array.isArray(people) ? people.map(String) : [];
    values.organization = isolate(
      ids.map((id) => members.get(id)?.organization).find(Boolean) ?? organization,
    );
  }
  return t(key, values);
}

export function groupName(t: (k: string, o?: any) => string, g: Pick<BreakoutGroup, "number" | "title">) {
  const title = pickLocalized(g.title).value;
  return title
    ? t("breakouts.groupTitled", { n: formatNumber(g.number), title: `\u2068${title}\u2069` })
    : t("breakouts.group", { n: formatNumber(g.number) });
}

function BreakoutsEditor({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const breakoutSessions = event.sessions.filter((s) => s.type === "breakout");
  const choices = breakoutSessions.length ? breakoutSessions : event.sessions;
  const sessionId =
    choices.find((s) => s.id === params.get("session"))?.id ?? (choices.length ? choices[0].id : "");
  const key = outcomeKeys.breakouts(event.id, sessionId);
  const current = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Breakouts>(outcomeApi.breakouts(event.id), { sessionId }, signal),
    enabled: !!sessionId,
  });
  const none = current.error instanceof ApiError && current.error.status === 404;
  const data = current.data && !none ? current.data : null;

  const [by, setBy] = useState<"groups" | "size">("groups");
  const [count, setCount] = useState("4");
  const [seed, setSeed] = useState(() => String(newSeed()));
  const [asking, setAsking] = useState(false);
  const [formError, setFormError] = useState("");
  const [announce, setAnnounce] = useState("");
  const countId = "breakouts-count";
  const seedId = "breakouts-seed";

  const create = useMutation({
    mutationFn: (replace: boolean) =>
      api.post<Breakouts>(outcomeApi.breakouts(event.id), {
        sessionId,
        [by]: Number(count),
        seed: Number(seed),
        replace,
      }),
    onSuccess: (r) => {
      setAsking(false);
      queryClient.setQueryData(key, r);
      setAnnounce(
        t("breakouts.created", {
          n: formatNumber(r.groups.length),
          score: formatPercent(r.score?.overall),
          random: formatPercent(r.randomScore?.overall),
        }),
      );
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === "breakout_exists") setAsking(true);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(count);
    const s = Number(seed);
    if (!Number.isInteger(n) || n < (by === "size" ? 2 : 1) || n > 1000)
      return setFormError(t(by === "size" ? "breakouts.sizeInvalid" : "breakouts.groupsInvalid"));
    if (!Number.isInteger(s) || s < 0 || s > 2 ** 31 - 1) return setFormError(t("breakouts.seedInvalid"));
    setFormError("");
    if (data) setAsking(true);
    else create.mutate(false);
  };

  if (!choices.length)
    return (
      <div className="empty">
        <p>{t("breakouts.noSessions")}</p>
        <p>
          <Link to={`/admin/events/${event.id}/edit`}>{t("breakouts.addSession")}</Link>
        </p>
      </div>
    );

  return (
    <>
      <p className="lead">{t("breakouts.intro")}</p>
      <section className="card" aria-labelledby="breakouts-create-title">
        <h2 id="breakouts-create-title">{t("breakouts.createTitle")}</h2>
        <form onSubmit={submit} noValidate className="breakouts-form">
          {create.error && !(create.error instanceof ApiError && create.error.code === "breakout_exists") ? (
            <ErrorSummary error={create.error} />
          ) : null}
          <SelectField
            id="breakouts-session"
            label={t("breakouts.session")}
            value={sessionId}
            onChange={(v) => {
              setParams({ session: v }, { replace: true });
              setAnnounce("");
            }}
            options={choices.map((s) => ({ value: s.id, label: sessionLabel(s, event.timeZone) }))}
          />
          <RadioGroup
            legend={t("breakouts.by")}
            value={by}
            onChange={(v) => {
              setBy(v as "groups" | "size");
              setCount(v === "size" ? "8" : "4");
            }}
            options={[
              { value: "groups", label: t("breakouts.byGroups") },
              { value: "size", label: t("breakouts.bySize") },
            ]}
            inline
          />
          <div className="grid-3">
            <div className={`field${formError ? " has-error" : ""}`}>
              <label htmlFor={countId}>{t(by === "size" ? "breakouts.size" : "breakouts.groups")}</label>
              {formError ? (
                <p className="field-error" id={`${countId}-error`}>
                  {formError}
                </p>
              ) : null}
              <input
                id={countId}
                type="number"
                inputMode="numeric"
                min={by === "size" ? 2 : 1}
                max={1000}
                value={count}
                onChange={(e) => setCount(e.target.value)}
                aria-invalid={formError ? true : undefined}
                aria-describedby={formError ? `${countId}-error` : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor={seedId}>{t("breakouts.seed")}</label>
              <p className="hint" id={`${seedId}-hint`}>
                {t("breakouts.seedHint")}
              </p>
              <div className="search-row">
                <input
                  id={seedId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={seed}
                  onChange={(e) => setSeed(e.target.value)}
                  aria-describedby={`${seedId}-hint`}
                />
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => setSeed(String(newSeed()))}
                >
                  {t("breakouts.newSeed")}
                </button>
              </div>
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {data ? t("breakouts.recreate") : t("breakouts.create")}
          </button>
        </form>
        <LiveStatus>{announce}</LiveStatus>
      </section>
      <ConfirmDialog
        isOpen={asking}
        onClose={() => setAsking(false)}
        title={t("breakouts.replaceTitle")}
        confirmLabel={t("breakouts.replace")}
        onConfirm={() => create.mutate(true)}
        busy={create.isPending}
        // "breakout_exists" is what opened this dialog, not a failure to show in it.
        error={
          create.error instanceof ApiError && create.error.code === "breakout_exists" ? null : create.error
        }
      >
        <p>{t("breakouts.replaceText")}</p>
      </ConfirmDialog>
      {current.isPending && sessionId ? (
        <Loading />
      ) : current.isError && !none ? (
        <QueryError error={current.error} />
      ) : data ? (
        <GroupsView event={event} data={data} onAnnounce={setAnnounce} />
      ) : (
        <div className="empty">
          <p>{t("breakouts.none")}</p>
        </div>
      )}
    </>
  );
}

function GroupsView({
  event,
  data,
  onAnnounce,
}: {
  event: EventView;
  data: Breakouts;
  onAnnounce: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lookup = useRefLookup();
  const queryClient = useQueryClient();
  const key = outcomeKeys.breakouts(event.id, data.sessionId);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [moveError, setMoveError] = useState("");
  const focusAfter = useRef<string | null>(null);
  const people = data.groups.reduce((n, g) => n + g.members.length, 0);

  const move = useMutation({
    mutationFn: (v: { personId: string; name: string; toGroup: number }) =>
      api.patch<Breakouts>(outcomeApi.breakouts(event.id), {
        sessionId: data.sessionId,
        personId: v.personId,
        toGroup: v.toGroup,
      }),
    onMutate: () => setMoveError(""),
    onSuccess: (r, v) => {
      focusAfter.current = v.personId;
      setChoice((c) => {
        const next = { ...c };
        delete next[v.personId];
        return next;
      });
      queryClient.setQueryData(key, r);
      onAnnounce(
        t("breakouts.moved", {
          name: `\u2068${v.name}\u2069`,
          group: formatNumber(v.toGroup),
          score: formatPercent(r.score?.overall),
          before: formatPercent(data.score?.overall),
        }),
      );
    },
    onError: (err) => setMoveError(errorText(err, t)),
  });

  // After a move, the person's row is in another group: keep the keyboard focus on it.
  useEffect(() => {
    if (!focusAfter.current) return;
    const el = document.getElementById(`move-${focusAfter.current}`);
    focusAfter.current = null;
    el?.focus();
  });

  return (
    <>
      <section className="card" aria-labelledby="breakouts-balance-title">
        <h2 id="breakouts-balance-title">{t("breakouts.balanceTitle")}</h2>
        <p className="hint">{t("breakouts.balanceHint")}</p>
        <KeyFigures
          items={[
            {
              key: "score",
              label: t("breakouts.score"),
              value: formatPercent(data.score?.overall),
            },
            {
              key: "random",
              label: t("breakouts.randomScore"),
              value: formatPercent(data.randomScore?.overall),
            },
            { key: "groups", label: t("breakouts.groupsCount"), value: formatNumber(data.groups.length) },
            { key: "people", label: t("breakouts.people"), value: formatNumber(people) },
          ]}
        />
        <ScrollTable label={t("breakouts.perAttribute")}>
          <table className="compact-table">
            <caption>{t("breakouts.perAttribute")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("breakouts.attribute")}</th>
                <th scope="col">{t("breakouts.score")}</th>
                <th scope="col">{t("breakouts.randomScore")}</th>
              </tr>
            </thead>
            <tbody>
              {ATTRIBUTES.filter((a) => data.score?.perAttribute[a] != null).map((a) => (
                <tr key={a}>
                  <th scope="row">{t(`breakouts.attributes.${a}`)}</th>
                  <td>{formatPercent(data.score?.perAttribute[a])}</td>
                  <td>{formatPercent(data.randomScore?.perAttribute[a])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <h3>{t("breakouts.violationsTitle")}</h3>
        {data.violations.length ? (
          <ul className="violations">
            {data.violations.map((v, i) => {
              const text = issueText(t, (k) => i18n.exists(k), data.issues?.[i], data.groups);
              return (
                <li key={v}>
                  {text ?? (
                    <bdi lang={currentLocale() === "en" ? undefined : "en"}>
                      {readableViolation(v, data.groups)}
                    </bdi>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="target-met">
            <span className="target-icon" aria-hidden="true">
              ✓
            </span>{" "}
            {t("breakouts.noViolations")}
          </p>
        )}
      </section>
      {moveError ? (
        <div className="notice notice-error" role="alert">
          <p>{moveError}</p>
        </div>
      ) : null}
      <ol className="breakout-groups">
        {data.groups.map((g) => {
          const name = groupName(t, g);
          return (
            <li key={g.id} className="card breakout-group" aria-labelledby={`group-${g.number}-title`}>
              <div className="bar-list-head">
                <h2 className="h3" id={`group-${g.number}-title`}>
                  {name}
                </h2>
                <span className="badge badge-info">
                  {t("breakouts.groupScore", { score: formatPercent(g.score) })}
                </span>
              </div>
              <p className="muted">
                {t("breakouts.members", { n: formatNumber(g.members.length) })}
                {" · "}
                <Link to={`/events/${event.id}/breakouts/${g.id}`}>
                  {t("breakouts.draftLink")}
                  <span className="visually-hidden"> — {name}</span>
                </Link>
              </p>
              <ul className="members">
                {g.members.map((m) => {
                  const selectId = `move-${m.personId}`;
                  const target = choice[m.personId] ?? "";
                  return (
                    <li key={m.personId} className="member">
                      <div className="member-info">
                        <bdi className="person-name">{m.name}</bdi>
                        {g.rapporteurPersonId === m.personId ? (
                          <span className="tag">{t("breakouts.rapporteur")}</span>
                        ) : null}
                        {m.youth ? <span className="tag">{t("applicants.youth")}</span> : null}
                        <span className="cell-note">
                          {[
                            lookup.country(m.country),
                            m.organization,
                            m.sector ? t(`orgType.${m.sector}`, { defaultValue: m.sector }) : "",
                            m.languages.length ? formatList(m.languages.map(languageName)) : "",
                          ]
                            .filter(Boolean)
                            .map((part, i) => (
                              <Fragment key={part}>
                                {i ? " · " : null}
                                <bdi>{part}</bdi>
                              </Fragment>
                            ))}
                        </span>
                      </div>
                      <form
                        className="move-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          if (target)
                            move.mutate({ personId: m.personId, name: m.name, toGroup: Number(target) });
                        }}
                      >
                        <label htmlFor={selectId} className="visually-hidden">
                          {t("breakouts.moveLabel", { name: `\u2068${m.name}\u2069` })}
                        </label>
                        <select
                          id={selectId}
                          value={target}
                          onChange={(e) => setChoice((c) => ({ ...c, [m.personId]: e.target.value }))}
                        >
                          <option value="">{t("breakouts.moveTo")}</option>
                          {data.groups
                            .filter((o) => o.number !== g.number)
                            .map((o) => (
                              <option key={o.id} value={o.number}>
                                {groupName(t, o)}
                              </option>
                            ))}
                        </select>
                        <button
                          type="submit"
                          className="btn btn-secondary btn-small"
                          disabled={!target || move.isPending}
                        >
                          {t("breakouts.move")}
                          <span className="visually-hidden"> — {m.name}</span>
                        </button>
                      </form>
                    </li>
                  );
                })}
              </ul>
              <GroupSettings eventId={event.id} group={g} sessionId={data.sessionId} onSaved={onAnnounce} />
            </li>
          );
        })}
      </ol>
    </>
  );
}

function GroupSettings({
  eventId,
  group,
  sessionId,
  onSaved,
}: {
  eventId: string;
  group: BreakoutGroup;
  sessionId: string;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [title, setTitle] = useState(pickLocalized(group.title).value);
  const [rapporteur, setRapporteur] = useState(group.rapporteurPersonId ?? "");
  useEffect(() => setRapporteur(group.rapporteurPersonId ?? ""), [group.rapporteurPersonId]);
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = { rapporteurPersonId: rapporteur || null };
      if (title.trim()) body.title = { [currentLocale()]: title.trim() };
      return api.patch<Breakouts>(outcomeApi.group(group.id), body);
    },
    onSuccess: (r) => {
      queryClient.setQueryData(outcomeKeys.breakouts(eventId, sessionId), r);
      onSaved(t("breakouts.groupSaved", { group: formatNumber(group.number) }));
    },
  });
  return (
    <form
      className="group-settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={titleId}>{t("breakouts.groupTitleLabel", { n: formatNumber(group.number) })}</label>
        <input
          id={titleId}
          type="text"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <SelectField
        id={`rapporteur-${group.number}`}
        label={t("breakouts.rapporteurLabel", { n: formatNumber(group.number) })}
        value={rapporteur}
        onChange={setRapporteur}
        options={group.members.map((m) => ({ value: m.personId, label: m.name }))}
        emptyLabel={t("breakouts.noRapporteur")}
        error={save.error ? errorText(save.error, t) : undefined}
      />
      <button type="submit" className="btn btn-secondary btn-small" disabled={save.isPending}>
        {t("breakouts.saveGroup", { n: formatNumber(group.number) })}
      </button>
    </form>
  );
}
