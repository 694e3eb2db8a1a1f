import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { HOLDS_PLACE } from "../../../shared/schemas/events.ts";
import { ApiError, api } from "../../api.ts";
import { formatList, formatNumber, isStaff, type Me, useRefLookup } from "../../data.ts";
import { errorText, Loading, QueryError, SelectField, TextArea } from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { LiveStatus, ModalDialog, Notice, PageTitle } from "../../ui/widgets.tsx";
import NotFoundPage from "../home/NotFoundPage.tsx";
import { useEvent } from "./EventPage.tsx";
import { languageName, pickLocalized, pickPlain, textAttrs } from "./format.ts";
import { type DirectoryEntry, outcomeApi, outcomeKeys, type ParticipantDirectory } from "./outcomes.ts";
import { Localized } from "./ui.tsx";

/** The participants' directory of an event: who opted in, their profile and institution, contact requests. */
export default function ParticipantsPage() {
  return <RequireUser>{(me) => <Participants me={me} />}</RequireUser>;
}

function Participants({ me }: { me: Me }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lookup = useRefLookup();
  const event = useEvent(id);
  const [params, setParams] = useSearchParams();
  const searchId = useId();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [expertise, setExpertise] = useState(params.get("expertise") ?? "");
  useEffect(() => {
    setQ(params.get("q") ?? "");
    setExpertise(params.get("expertise") ?? "");
  }, [params]);
  const [message, setMessage] = useState("");
  const [asking, setAsking] = useState<DirectoryEntry | null>(null);
  const [note, setNote] = useState("");
  const filters: Record<string, string> = {};
  for (const k of ["country", "expertise", "q"]) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const list = useQuery({
    queryKey: outcomeKeys.participants(id, filters),
    queryFn: ({ signal }) => api.get<ParticipantDirectory>(outcomeApi.participants(id), filters, signal),
    placeholderData: keepPreviousData,
    enabled: !!event.data,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: outcomeKeys.participants(id) });

  const optIn = useMutation({
    mutationFn: (on: boolean) => api.put<{ optedIn: boolean }>(outcomeApi.directory(id), { optIn: on }),
    onSuccess: (r) => {
      setMessage(t(r.optedIn ? "participants.joined" : "participants.left"));
      refresh();
    },
  });
  const ask = useMutation({
    mutationFn: (v: { person: DirectoryEntry; message: string }) =>
      api.post(outcomeApi.contacts(id), { personId: v.person.id, message: v.message || undefined }),
    onSuccess: (_r, v) => {
      setAsking(null);
      setNote("");
      setMessage(t("participants.requestSent", { name: `\u2068${v.person.name}\u2069` }));
      refresh();
    },
  });
  const answer = useMutation({
    mutationFn: (v: { person: DirectoryEntry; accept: boolean }) =>
      api.post(outcomeApi.answerContact(v.person.contact!.id), { accept: v.accept }),
    onSuccess: (_r, v) => {
      setMessage(
        t(v.accept ? "participants.accepted" : "participants.declined", {
          name: `\u2068${v.person.name}\u2069`,
        }),
      );
      refresh();
    },
  });

  if (event.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  const e = event.data;
  const title = pickLocalized(e.title);
  const staff = isStaff(me);
  const participant = !!e.myApplication && HOLDS_PLACE.includes(e.myApplication.status as never);
  const needsJoin = list.error instanceof ApiError && list.error.code === "directory_opt_in_required";
  const optedIn = needsJoin ? false : (list.data?.optedIn ?? false);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const items = list.data?.items ?? [];
  const incoming = items.filter((p) => p.contact?.direction === "received" && p.contact.status === "pending");
  const countries = [...new Set(items.map((p) => p.country).filter(Boolean) as string[])];
  const countryOptions = (
    filters.country && !countries.includes(filters.country) ? [...countries, filters.country] : countries
  )
    .map((c) => ({ value: c, label: lookup.country(c) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <>
      <PageTitle title={t("participants.title", { title: title.value })}>
        {t("participants.titlePrefix")} <Localized picked={title} />
      </PageTitle>
      <p>
        <Link to={`/events/${e.id}`}>{t("report.backToEvent")}</Link>
      </p>
      <p className="lead">{t("participants.intro")}</p>

      {participant ? (
        <section className="card" aria-labelledby="directory-optin-title">
          <h2 id="directory-optin-title">{t("participants.optInTitle")}</h2>
          <p>{t("participants.shown")}</p>
          <p className="hint">{t("participants.emailRule")}</p>
          <p>
            <Link to="/me">{t("participants.editProfile")}</Link>
          </p>
          {list.isPending ? (
            <Loading />
          ) : (
            <>
              <p>
                <strong>{optedIn ? t("participants.youAreIn") : t("participants.youAreOut")}</strong>
              </p>
              <button
                type="button"
                className={optedIn ? "btn btn-secondary" : "btn btn-primary"}
                disabled={optIn.isPending || list.isPending}
                onClick={() => optIn.mutate(!optedIn)}
              >
                {optedIn ? t("participants.leave") : t("participants.join")}
              </button>
            </>
          )}
          {optIn.error ? (
            <p className="field-error" role="alert">
              {errorText(optIn.error, t)}
            </p>
          ) : null}
        </section>
      ) : staff ? (
        <Notice kind="info">
          <p>{t("participants.staffNote")}</p>
        </Notice>
      ) : null}
      <LiveStatus>{message}</LiveStatus>

      {list.isPending ? (
        <Loading />
      ) : needsJoin ? (
        <div className="empty">
          <p>{participant ? t("participants.joinFirst") : t("participants.onlyParticipants")}</p>
        </div>
      ) : list.isError ? (
        list.error instanceof ApiError && list.error.code === "not_a_participant" ? (
          <div className="empty">
            <p>{t("participants.onlyParticipants")}</p>
          </div>
        ) : (
          <QueryError error={list.error} />
        )
      ) : (
        <>
          {incoming.length ? (
            <section className="card" aria-labelledby="contact-requests-title">
              <h2 id="contact-requests-title">{t("participants.requestsTitle")}</h2>
              <ul className="requests">
                {incoming.map((p) => (
                  <li key={p.id}>
                    <span>
                      {t("participants.wantsContact", { name: `\u2068${p.name}\u2069` })}
                      <span className="cell-note">
                        <bdi>{p.organization.name}</bdi>
                      </span>
                      {p.contact?.message ? (
                        <blockquote className="contact-note" dir="auto">
                          {p.contact.message}
                        </blockquote>
                      ) : null}
                    </span>
                    <span className="actions">
                      <button
                        type="button"
                        className="btn btn-primary btn-small"
                        disabled={answer.isPending}
                        onClick={() => answer.mutate({ person: p, accept: true })}
                      >
                        {t("participants.accept")}
                        <span className="visually-hidden"> — {p.name}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        disabled={answer.isPending}
                        onClick={() => answer.mutate({ person: p, accept: false })}
                      >
                        {t("participants.decline")}
                        <span className="visually-hidden"> — {p.name}</span>
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              {answer.error ? (
                <p className="field-error" role="alert">
                  {errorText(answer.error, t)}
                </p>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="directory-list-title">
            <h2 id="directory-list-title">{t("participants.listTitle")}</h2>
            <search>
              <form
                className="filter-bar"
                onSubmit={(ev: FormEvent) => {
                  ev.preventDefault();
                  update({ q: q.trim() || null, expertise: expertise.trim() || null });
                }}
              >
                <div className="field">
                  <label htmlFor={searchId}>{t("participants.search")}</label>
                  <input
                    id={searchId}
                    type="search"
                    value={q}
                    maxLength={200}
                    onChange={(ev) => setQ(ev.target.value)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${searchId}-expertise`}>{t("fields.expertise")}</label>
                  <input
                    id={`${searchId}-expertise`}
                    type="search"
                    value={expertise}
                    maxLength={100}
                    onChange={(ev) => setExpertise(ev.target.value)}
                  />
                </div>
                <SelectField
                  label={t("fields.country")}
                  value={filters.country ?? ""}
                  onChange={(v) => update({ country: v || null })}
                  options={countryOptions}
                  emptyLabel={t("common.all")}
                />
                <button type="submit" className="btn btn-primary">
                  {t("directory.searchButton")}
                </button>
                {Object.keys(filters).length ? (
                  <button
                    type="button"
                    className="btn btn-ghost"
                    onClick={() => setParams(new URLSearchParams())}
                  >
                    {t("directory.clear")}
                  </button>
                ) : null}
              </form>
            </search>
            <p role="status" aria-live="polite" className="results-count">
              {t("participants.count", { formatted: formatNumber(list.data.total) })}
            </p>
            {items.length === 0 ? (
              <div className="empty">
                <p>
                  {Object.keys(filters).length ? t("participants.emptyFiltered") : t("participants.empty")}
                </p>
              </div>
            ) : (
              <ul className="org-list participant-cards" aria-busy={list.isFetching}>
                {items.map((p) => (
                  <ParticipantCard key={p.id} person={p} onAsk={() => setAsking(p)} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      <ModalDialog
        isOpen={asking !== null}
        onClose={() => setAsking(null)}
        title={t("participants.askTitle", { name: `\u2068${asking?.name ?? ""}\u2069` })}
      >
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (asking) ask.mutate({ person: asking, message: note.trim() });
          }}
        >
          <p>{t("participants.askText")}</p>
          <TextArea
            id="contact-message"
            label={t("participants.message")}
            hint={t("participants.messageHint")}
            value={note}
            onChange={setNote}
            rows={4}
          />
          {ask.error ? (
            <p className="field-error" role="alert">
              {ask.error instanceof ApiError && ask.error.code === "contact_exists"
                ? t("participants.exists")
                : errorText(ask.error, t)}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={ask.isPending}>
              {t("participants.send")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setAsking(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}

function ParticipantCard({ person: p, onAsk }: { person: DirectoryEntry; onAsk: () => void }) {
  const { t } = useTranslation();
  const lookup = useRefLookup();
  const bio = pickPlain(p.bio);
  const c = p.contact;
  return (
    <li className="org-card participant-card">
      <div className="event-card-head">
        <h3 className="org-card-title">
          <bdi>{p.name}</bdi>
        </h3>
        {p.isMe ? <span className="badge badge-info">{t("participants.you")}</span> : null}
      </div>
      {p.title ? (
        <p className="muted" dir="auto">
          {p.title}
        </p>
      ) : null}
      <dl className="meta">
        <div>
          <dt>{t("fields.organization")}</dt>
          <dd>
            <Link to={`/organizations/${p.organization.id}`}>
              <bdi>{p.organization.name}</bdi>
            </Link>{" "}
            <span className="muted">
              ({t(`orgType.${p.organization.type}`, { defaultValue: p.organization.type })})
            </span>
          </dd>
        </div>
        {p.country ? (
          <div>
            <dt>{t("fields.country")}</dt>
            <dd>{lookup.country(p.country)}</dd>
          </div>
        ) : null}
        {p.languages?.length ? (
          <div>
            <dt>{t("fields.languages")}</dt>
            <dd>{formatList(p.languages.map(languageName))}</dd>
          </div>
        ) : null}
      </dl>
      {p.expertise?.length ? (
        <ul className="tags" aria-label={t("fields.expertise")}>
          {p.expertise.map((x) => (
            <li key={x} className="tag" dir="auto">
              {x}
            </li>
          ))}
        </ul>
      ) : null}
      {bio.value ? (
        <p className="participant-bio" {...textAttrs(bio)}>
          {bio.value}
        </p>
      ) : null}
      {p.isMe ? null : (
        <div className="contact-state">
          {!c ? (
            <button type="button" className="btn btn-secondary btn-small" onClick={onAsk}>
              {t("participants.ask")}
              <span className="visually-hidden"> — {p.name}</span>
            </button>
          ) : c.status === "accepted" ? (
            <p>
              {t("participants.contactEmail")}{" "}
              {c.email ? (
                <a href={`mailto:${c.email}`} dir="ltr">
                  {c.email}
                </a>
              ) : (
                "—"
              )}
            </p>
          ) : c.status === "declined" ? (
            <p className="muted">{t("participants.contactDeclined")}</p>
          ) : c.direction === "sent" ? (
            <p className="muted">{t("participants.pendingSent")}</p>
          ) : (
            <p className="muted">{t("participants.pendingReceived")}</p>
          )}
        </div>
      )}
    </li>
  );
}
