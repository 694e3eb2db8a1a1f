import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../../api.ts";
import { formatDate, isStaff, type Me } from "../../data.ts";
import { errorText, Loading, QueryError } from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { ConfirmDialog, PageTitle } from "../../ui/widgets.tsx";
import NotFoundPage from "../home/NotFoundPage.tsx";
import { groupName } from "./admin/BreakoutsPage.tsx";
import { useEvent } from "./EventPage.tsx";
import { type Breakouts, type Draft, outcomeApi, outcomeKeys } from "./outcomes.ts";
import { Localized } from "./ui.tsx";

/** How long typing pauses before the draft is saved. */
const DEBOUNCE_MS = 800;
/** While offline, how often to try again (besides the browser's "online" event). */
const RETRY_MS = 5_000;
const storageKey = (groupId: string) => `untoc.draft.${groupId}`;

interface Pending {
  text: string;
  base: number;
}

function readPending(groupId: string): Pending | null {
  try {
    const v = JSON.parse(localStorage.getItem(storageKey(groupId)) ?? "null");
    return v && typeof v.text === "string" && typeof v.base === "number" ? v : null;
  } catch {
    return null;
  }
}
function writePending(groupId: string, p: Pending | null) {
  try {
    if (p) localStorage.setItem(storageKey(groupId), JSON.stringify(p));
    else localStorage.removeItem(storageKey(groupId));
  } catch {
    // storage may be unavailable: the text stays on screen
  }
}

/** The rapporteur's draft of a breakout group's recommendations (members read it; the rapporteur writes). */
export default function BreakoutDraftPage() {
  return <RequireUser>{(me) => <DraftPage me={me} />}</RequireUser>;
}

function DraftPage({ me }: { me: Me }) {
  const { id = "", groupId = "" } = useParams();
  const { t } = useTranslation();
  const event = useEvent(id);
  const sessions = event.data?.sessions ?? [];
  // The group's session is not in the address: look for the group in the event's breakouts.
  const ordered = [
    ...sessions.filter((s) => s.type === "breakout"),
    ...sessions.filter((s) => s.type !== "breakout"),
  ];
  const sets = useQueries({
    queries: ordered.map((s) => ({
      queryKey: outcomeKeys.breakouts(id, s.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Breakouts>(outcomeApi.breakouts(id), { sessionId: s.id }, signal),
      retry: false,
    })),
  });
  const index = sets.findIndex((q) => q.data?.groups.some((g) => g.id === groupId));
  const group = index >= 0 ? sets[index].data!.groups.find((g) => g.id === groupId)! : null;
  const session = index >= 0 ? ordered[index] : null;
  const searching = sets.some((q) => q.isPending);
  const staff = isStaff(me);
  const canEdit = !!group && (staff || (!!me.person && group.rapporteurPersonId === me.person.id));
  const draft = useQuery({
    queryKey: outcomeKeys.draft(groupId),
    queryFn: ({ signal }) => api.get<Draft>(outcomeApi.draft(groupId), undefined, signal),
    enabled: !!group,
    staleTime: 0,
    // Members who only read see the rapporteur's text as it grows.
    refetchInterval: canEdit ? false : 15_000,
  });

  if (event.isPending || (searching && !group)) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  if (!group) return <NotFoundPage />;
  const e = event.data;
  const name = groupName(t, group);
  const rapporteur = group.members.find((m) => m.personId === group.rapporteurPersonId);

  return (
    <>
      <PageTitle title={t("draft.title", { group: name })}>{t("draft.title", { group: name })}</PageTitle>
      <p className="lead">
        <Localized text={e.title} />
        {session ? (
          <>
            {" · "}
            <Localized text={session.title} />
          </>
        ) : null}
      </p>
      <p>
        <Link to={`/events/${e.id}`}>{t("report.backToEvent")}</Link>
        {canEdit ? (
          <>
            {" · "}
            <Link to={`/recommendations/new?eventId=${e.id}&groupId=${group.id}`}>
              {t("recs.submitFromGroup")}
            </Link>
          </>
        ) : null}
        {staff ? (
          <>
            {" · "}
            <Link to={`/admin/events/${e.id}/breakouts?session=${session?.id ?? ""}`}>
              {t("draft.toGroups")}
            </Link>
          </>
        ) : null}
      </p>
      <div className="draft-layout">
        <div className="draft-main">
          {draft.isPending ? (
            <Loading />
          ) : draft.isError ? (
            <QueryError error={draft.error} />
          ) : canEdit ? (
            <DraftEditor groupId={group.id} initial={draft.data} />
          ) : (
            <section aria-labelledby="draft-read-title">
              <h2 id="draft-read-title">{t("draft.textTitle")}</h2>
              <p className="hint">
                {rapporteur
                  ? t("draft.readOnly", { name: `\u2068${rapporteur.name}\u2069` })
                  : t("draft.noRapporteur")}
              </p>
              {draft.data.text ? (
                <div className="draft-readonly prewrap" dir="auto">
                  {draft.data.text}
                </div>
              ) : (
                <p className="empty">{t("draft.empty")}</p>
              )}
              {draft.data.updatedAt ? (
                <p className="hint">{t("draft.updated", { date: formatDate(draft.data.updatedAt, true) })}</p>
              ) : null}
            </section>
          )}
        </div>
        <aside className="card draft-members" aria-labelledby="draft-members-title">
          <h2 id="draft-members-title" className="h3">
            {t("draft.members")}
          </h2>
          <ul className="people">
            {group.members.map((m) => (
              <li key={m.personId}>
                <bdi className="person-name">{m.name}</bdi>
                {m.personId === group.rapporteurPersonId ? (
                  <span className="tag">{t("breakouts.rapporteur")}</span>
                ) : null}
                <span className="cell-note">
                  <bdi>{m.organization}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}

type SaveState = "saved" | "pending" | "saving" | "offline" | "conflict" | "error";

/**
 * The draft as it is typed: saved after a pause with the version it was based on; kept in this
 * browser while offline and sent again when the connection returns; a conflicting save shows
 * both texts to merge.
 */
function DraftEditor({ groupId, initial }: { groupId: string; initial: Draft }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const textId = useId();
  const theirsId = useId();
  const [text, setText] = useState(initial.text);
  const [state, setState] = useState<SaveState>("saved");
  const [savedAt, setSavedAt] = useState<string | null>(initial.updatedAt);
  const [conflict, setConflict] = useState<{ text: string; version: number } | null>(null);
  const [failure, setFailure] = useState("");
  const [discarding, setDiscarding] = useState(false);
  const textRef = useRef(initial.text);
  const baseRef = useRef(initial.version);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const conflictRef = useRef(false);
  const retry = useRef<number | undefined>(undefined);

  const save = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (conflictRef.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const sent = textRef.current;
    setState("saving");
    try {
      const r = await api.put<Draft>(outcomeApi.draft(groupId), { text: sent, baseVersion: baseRef.current });
      baseRef.current = r.version;
      setSavedAt(r.updatedAt);
      queryClient.setQueryData(outcomeKeys.draft(groupId), r);
      if (textRef.current === sent) {
        writePending(groupId, null);
        setState("saved");
      } else {
        writePending(groupId, { text: textRef.current, base: r.version });
        again.current = true;
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === "draft_conflict") {
        const current = err.body.current as { text: string; version: number } | undefined;
        conflictRef.current = true;
        setConflict(current ?? { text: "", version: baseRef.current });
        setState("conflict");
      } else if ((err instanceof ApiError && err.code === "network") || !navigator.onLine) {
        setState("offline");
        // Try again now and then, besides when the browser says it is back online.
        again.current = false;
        window.clearTimeout(retry.current);
        retry.current = window.setTimeout(() => {
          if (readPending(groupId) && !conflictRef.current) save();
        }, RETRY_MS);
      } else {
        setFailure(errorText(err, t));
        setState("error");
      }
    } finally {
      inFlight.current = false;
      if (again.current && !conflictRef.current) {
        again.current = false;
        timer.current = window.setTimeout(save, DEBOUNCE_MS);
      }
    }
  }, [groupId, queryClient, t]);

  // Text left in this browser by an earlier visit (offline, or the tab closed before saving).
  useEffect(() => {
    const pending = readPending(groupId);
    if (!pending || pending.text === initial.text) {
      writePending(groupId, null);
      return;
    }
    textRef.current = pending.text;
    setText(pending.text);
    if (pending.base === initial.version) {
      setState("pending");
      save();
    } else {
      conflictRef.current = true;
      setConflict({ text: initial.text, version: initial.version });
      setState("conflict");
    }
  }, []);

  // Back online: send what was kept.
  useEffect(() => {
    const online = () => {
      if (readPending(groupId) && !conflictRef.current) save();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      window.clearTimeout(timer.current);
      window.clearTimeout(retry.current);
    };
  }, [groupId, save]);

  const change = (value: string) => {
    setText(value);
    textRef.current = value;
    writePending(groupId, { text: value, base: baseRef.current });
    if (conflictRef.current) return;
    setState((s) => (s === "offline" ? s : "pending"));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, DEBOUNCE_MS);
  };

  const resolve = (how: "mine" | "theirs" | "both") => {
    if (!conflict) return;
    baseRef.current = conflict.version;
    conflictRef.current = false;
    if (how === "theirs") {
      textRef.current = conflict.text;
      setText(conflict.text);
      writePending(groupId, null);
      setConflict(null);
      setState("saved");
      return;
    }
    if (how === "both") {
      const merged = `${textRef.current.trimEnd()}\n\n${conflict.text.trim()}`.trim();
      textRef.current = merged;
      setText(merged);
      writePending(groupId, { text: merged, base: conflict.version });
      // Leave the merged text to be edited; saving happens on the next pause or on "save".
      conflictRef.current = true;
      return;
    }
    setConflict(null);
    save();
  };

  const stateText =
    state === "saved"
      ? savedAt
        ? t("draft.savedAt", { date: formatDate(savedAt, true) })
        : t("draft.saved")
      : state === "saving"
        ? t("draft.saving")
        : state === "pending"
          ? t("draft.pending")
          : state === "offline"
            ? t("draft.offline")
            : state === "conflict"
              ? t("draft.conflictState")
              : t("draft.error", { message: failure });

  return (
    <section aria-labelledby="draft-edit-title" className="draft-editor">
      <h2 id="draft-edit-title">{t("draft.textTitle")}</h2>
      <p className="hint" id={`${textId}-hint`}>
        {t("draft.hint")}
      </p>
      <p className={`save-state save-${state}`} role="status" aria-live="polite">
        {stateText}
      </p>
      {conflict ? (
        <div className="notice notice-warning draft-conflict" role="alert">
          <h3>{t("draft.conflictTitle")}</h3>
          <p>{t("draft.conflictText")}</p>
        </div>
      ) : null}
      <div className={conflict ? "draft-compare" : undefined}>
        <div className="field draft-field">
          <label htmlFor={textId}>{conflict ? t("draft.yours") : t("draft.label")}</label>
          <textarea
            id={textId}
            rows={conflict ? 14 : 18}
            value={text}
            dir="auto"
            aria-describedby={`${textId}-hint`}
            onChange={(e) => change(e.target.value)}
          />
        </div>
        {conflict ? (
          <div className="field draft-field">
            <label htmlFor={theirsId}>{t("draft.theirs", { version: conflict.version })}</label>
            <textarea id={theirsId} rows={14} value={conflict.text} readOnly dir="auto" />
          </div>
        ) : null}
      </div>
      {conflict ? (
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => resolve("mine")}>
            {t("draft.keepMine")}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => resolve("both")}>
            {t("draft.combine")}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setDiscarding(true)}>
            {t("draft.takeTheirs")}
          </button>
        </div>
      ) : state === "error" || state === "offline" ? (
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={() => save()}>
            {t("draft.retry")}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={discarding}
        onClose={() => setDiscarding(false)}
        title={t("draft.discardTitle")}
        confirmLabel={t("draft.discardConfirm")}
        onConfirm={() => {
          setDiscarding(false);
          resolve("theirs");
        }}
      >
        <p>{t("draft.discardText")}</p>
      </ConfirmDialog>
    </section>
  );
}
