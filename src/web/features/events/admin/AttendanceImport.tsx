import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventView } from "../../../../shared/schemas/events.ts";
import { ApiError, api } from "../../../api.ts";
import { formatNumber } from "../../../data.ts";
import { currentLocale } from "../../../i18n/index.ts";
import { ErrorSummary, SelectField, TextField } from "../../../ui/forms.tsx";
import { LiveStatus } from "../../../ui/widgets.tsx";
import { ScrollTable } from "../charts.tsx";
import { formatPercent, formatTimeRange, pickLocalized } from "../format.ts";
import {
  type AttendanceSummary,
  type ColumnMapping,
  formatDuration,
  type ImportResult,
  outcomeApi,
  outcomeKeys,
  type SavedMapping,
} from "../outcomes.ts";

const MAPPING_FIELDS = ["name", "email", "join", "leave", "duration"] as const;
type MappingField = (typeof MAPPING_FIELDS)[number];
const DATE_ORDERS = ["mdy", "dmy", "ymd"] as const;

/** Messages from the file parser are in English: say so when the page is in another language. */
const englishAttrs = () => (currentLocale() === "en" ? {} : { lang: "en", dir: "ltr" as const });

/**
 * Import of a video platform's attendance report: the file is checked first (nothing is stored),
 * rows that match no participant are reviewed one by one, then the import is confirmed.
 */
export function AttendanceImport({
  event,
  participants,
}: {
  event: EventView;
  participants: AttendanceSummary["participants"];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const reviewErrorRef = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sessionId, setSessionId] = useState("");
  const [savedName, setSavedName] = useState("");
  const [dateOrder, setDateOrder] = useState("");
  const [columns, setColumns] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Record<MappingField, string>>({
    name: "",
    email: "",
    join: "",
    leave: "",
    duration: "",
  });
  const [mappingErrors, setMappingErrors] = useState<Partial<Record<MappingField, string>>>({});
  const [saveAs, setSaveAs] = useState("");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const [undecided, setUndecided] = useState<string[]>([]);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const mappings = useQuery({
    queryKey: outcomeKeys.mappings,
    queryFn: ({ signal }) => api.get<SavedMapping[]>(outcomeApi.mappings, undefined, signal),
  });

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (undecided.length) reviewErrorRef.current?.focus();
  }, [undecided]);

  const manualMapping = (): ColumnMapping | null => {
    if (!columns) return null;
    const m: ColumnMapping = { name: mapping.name, join: mapping.join };
    if (mapping.email) m.email = mapping.email;
    if (mapping.leave) m.leave = mapping.leave;
    if (mapping.duration) m.duration = mapping.duration;
    return m;
  };

  const send = async (dryRun: boolean, dec = decisions) => {
    if (!file) return;
    const form = new FormData();
    form.append("dryRun", String(dryRun));
    if (sessionId) form.append("sessionId", sessionId);
    if (dateOrder) form.append("dateOrder", dateOrder);
    const m = manualMapping();
    if (m) {
      form.append("mapping", JSON.stringify(m));
      if (saveAs.trim()) form.append("mappingName", saveAs.trim());
    } else if (savedName) form.append("mappingName", savedName);
    if (Object.keys(dec).length) form.append("decisions", JSON.stringify(dec));
    form.append("file", file);
    setBusy(true);
    setError(null);
    setUndecided([]);
    try {
      const result = await api.upload<ImportResult>(outcomeApi.attendanceImport(event.id), form);
      if (dryRun) {
        setPreview(result);
        // Keep the decisions already taken for groups that are still in the file.
        const keys = new Set(result.unmatched.map((u) => u.key));
        setDecisions(Object.fromEntries(Object.entries(dec).filter(([k]) => keys.has(k))));
      } else {
        setDone(result);
        setPreview(null);
        setDecisions({});
        setColumns(null);
        setFile(null);
        if (fileRef.current) fileRef.current.value = "";
        await queryClient.invalidateQueries({ queryKey: ["event", event.id] });
        if (m && saveAs.trim()) queryClient.invalidateQueries({ queryKey: outcomeKeys.mappings });
      }
    } catch (err) {
      setError(err);
      if (
        err instanceof ApiError &&
        err.code === "attendance_not_a_report" &&
        Array.isArray(err.body.columns)
      ) {
        // Not a known layout: offer to say which column is which.
        setColumns((err.body.columns as string[]).filter(Boolean));
        setPreview(null);
      }
      if (
        err instanceof ApiError &&
        err.code === "attendance_unresolved" &&
        Array.isArray(err.body.unmatched)
      )
        setUndecided(err.body.unmatched as string[]);
    } finally {
      setBusy(false);
    }
  };

  const check = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setPreview(null);
    setDecisions({});
    send(true, {});
  };

  const checkMapping = (e: FormEvent) => {
    e.preventDefault();
    const errors: Partial<Record<MappingField, string>> = {};
    if (!mapping.name) errors.name = t("attendance.mapping.required");
    if (!mapping.join) errors.join = t("attendance.mapping.required");
    if (!mapping.leave && !mapping.duration) errors.leave = t("attendance.mapping.leaveOrDuration");
    setMappingErrors(errors);
    if (Object.keys(errors).length) return;
    setDone(null);
    send(true, {});
  };

  const confirm = () => {
    if (!preview) return;
    const open = preview.unmatched.filter((u) => !decisions[u.key]).map((u) => u.key);
    if (open.length) {
      setError(null);
      setUndecided(open);
      return;
    }
    send(false);
  };

  const sessionOptions = event.sessions.map((s) => ({
    value: s.id,
    label: `${pickLocalized(s.title).value} — ${formatTimeRange(s.startsAt, s.endsAt, event.timeZone, true)}`,
  }));
  const columnOptions = (columns ?? []).map((c) => ({ value: c, label: c }));
  const decided = preview ? preview.unmatched.filter((u) => decisions[u.key]).length : 0;

  return (
    <>
      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">{t("attendance.importTitle")}</h2>
        <p>{t("attendance.importIntro")}</p>
        <ErrorSummary error={error} />
        <form onSubmit={check} className="attendance-form">
          <div className="field">
            <label htmlFor={fileId}>{t("attendance.file")}</label>
            <p className="hint" id={`${fileId}-hint`}>
              {t("attendance.fileHint")}
            </p>
            <input
              id={fileId}
              ref={fileRef}
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              aria-describedby={`${fileId}-hint`}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setColumns(null);
                setError(null);
                setDone(null);
              }}
            />
          </div>
          <div className="grid-3">
            <SelectField
              id="attendance-session"
              label={t("attendance.session")}
              hint={t("attendance.sessionHint")}
              value={sessionId}
              onChange={setSessionId}
              options={sessionOptions}
              emptyLabel={t("attendance.wholeEvent")}
            />
            <SelectField
              id="attendance-saved-mapping"
              label={t("attendance.savedMapping")}
              hint={t("attendance.savedMappingHint")}
              value={savedName}
              onChange={setSavedName}
              options={(mappings.data ?? []).map((m) => ({ value: m.name, label: m.name }))}
              emptyLabel={t("attendance.autoDetect")}
            />
            <SelectField
              id="attendance-date-order"
              label={t("attendance.dateOrder")}
              hint={t("attendance.dateOrderHint")}
              value={dateOrder}
              onChange={setDateOrder}
              options={DATE_ORDERS.map((d) => ({ value: d, label: t(`attendance.dateOrders.${d}`) }))}
              emptyLabel={t("attendance.autoDetect")}
            />
          </div>
          <button type="submit" className="btn btn-primary" disabled={!file || busy}>
            {t("attendance.check")}
          </button>
        </form>
        <LiveStatus>
          {busy
            ? t("common.loading")
            : preview
              ? t("attendance.previewStatus", {
                  rows: formatNumber(preview.rows),
                  matched: formatNumber(preview.participants.length),
                  unmatched: formatNumber(preview.unmatched.length),
                })
              : ""}
        </LiveStatus>
      </section>

      {done ? (
        <div ref={doneRef} tabIndex={-1} className="notice notice-success import-done">
          <p>
            {t("attendance.imported", {
              rows: formatNumber(done.rows),
              participants: formatNumber(done.participants.length),
              skipped: formatNumber(done.unmatched.length),
            })}
          </p>
        </div>
      ) : null}

      {columns ? (
        <section className="card" aria-labelledby="mapping-title">
          <h2 id="mapping-title">{t("attendance.mapping.title")}</h2>
          <p>{t("attendance.mapping.intro")}</p>
          <p className="hint">
            {t("attendance.mapping.found")}{" "}
            <span className="columns-found" dir="auto">
              {columns.join(" · ")}
            </span>
          </p>
          <form onSubmit={checkMapping} noValidate>
            <div className="grid-3">
              {MAPPING_FIELDS.map((f) => (
                <SelectField
                  key={f}
                  id={`mapping-${f}`}
                  label={t(`attendance.mapping.fields.${f}`)}
                  required={f === "name" || f === "join"}
                  value={mapping[f]}
                  onChange={(v) => {
                    setMapping((m) => ({ ...m, [f]: v }));
                    setMappingErrors((e) => {
                      const next = { ...e };
                      delete next[f];
                      if (f === "duration" && v) delete next.leave;
                      return next;
                    });
                  }}
                  options={columnOptions}
                  emptyLabel={
                    f === "name" || f === "join" ? t("common.choose") : t("attendance.mapping.none")
                  }
                  error={mappingErrors[f]}
                />
              ))}
            </div>
            <p className="hint">{t("attendance.mapping.leaveHint")}</p>
            <TextField
              id="mapping-save-as"
              label={t("attendance.mapping.saveAs")}
              hint={t("attendance.mapping.saveAsHint")}
              value={saveAs}
              onChange={setSaveAs}
              maxLength={100}
            />
            <button type="submit" className="btn btn-primary" disabled={!file || busy}>
              {t("attendance.mapping.check")}
            </button>
          </form>
        </section>
      ) : null}

      {preview ? (
        <section className="card import-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("attendance.previewTitle")}</h2>
          <p className="hint">{t("attendance.previewHint")}</p>
          <dl className="stats">
            <div className="stat">
              <dt>{t("attendance.source")}</dt>
              <dd>
                <span className="stat-value">{t(`attendance.sources.${preview.source}`)}</span>
              </dd>
            </div>
            <div className="stat">
              <dt>{t("attendance.rows")}</dt>
              <dd>
                <span className="stat-value">{formatNumber(preview.rows)}</span>
              </dd>
            </div>
            <div className="stat">
              <dt>{t("attendance.matched")}</dt>
              <dd>
                <span className="stat-value">{formatNumber(preview.matched)}</span>
                <span className="stat-note">
                  {t("attendance.participantsFound", { n: formatNumber(preview.participants.length) })}
                </span>
              </dd>
            </div>
            <div className="stat">
              <dt>{t("attendance.toReview")}</dt>
              <dd>
                <span className="stat-value">{formatNumber(preview.unmatched.length)}</span>
                {preview.unmatched.length ? (
                  <span className="stat-note">
                    {t("attendance.decidedOf", {
                      n: formatNumber(decided),
                      total: formatNumber(preview.unmatched.length),
                    })}
                  </span>
                ) : null}
              </dd>
            </div>
            <div className="stat">
              <dt>{t("attendance.unreadable")}</dt>
              <dd>
                <span className="stat-value">{formatNumber(preview.errors.length)}</span>
              </dd>
            </div>
          </dl>

          {preview.errors.length ? (
            <>
              <h3>{t("attendance.errorsTitle")}</h3>
              <ScrollTable label={t("attendance.errorsTitle")}>
                <table className="compact-table">
                  <caption className="visually-hidden">{t("attendance.errorsTitle")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("attendance.line")}</th>
                      <th scope="col">{t("attendance.problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((e) => (
                      <tr key={`${e.line}-${e.message}`} className="row-error">
                        <th scope="row">{formatNumber(e.line)}</th>
                        <td {...englishAttrs()}>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            </>
          ) : null}

          {preview.unmatched.length ? (
            <ReviewTable
              preview={preview}
              participants={participants}
              decisions={decisions}
              undecided={undecided}
              onDecide={(key, value) =>
                setDecisions((d) => {
                  const next = { ...d };
                  if (value) next[key] = value;
                  else delete next[key];
                  return next;
                })
              }
              errorRef={reviewErrorRef}
            />
          ) : null}

          <h3>{t("attendance.participantsTitle")}</h3>
          {preview.participants.length === 0 ? (
            <p className="muted">{t("attendance.noneMatched")}</p>
          ) : (
            <ScrollTable label={t("attendance.participantsTitle")}>
              <table className="compact-table">
                <caption className="visually-hidden">{t("attendance.participantsTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("attendance.participant")}</th>
                    <th scope="col">{t("attendance.matchedBy")}</th>
                    <th scope="col">{t("attendance.time")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.participants.map((p) => (
                    <tr key={p.personId}>
                      <th scope="row">
                        <bdi>{p.name}</bdi>
                      </th>
                      <td>{t(`attendance.matchedVia.${p.matchedBy}`, { defaultValue: p.matchedBy })}</td>
                      <td className="num">{formatDuration(p.seconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}

          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={confirm}>
              {t("attendance.confirm")}
            </button>
            {preview.unmatched.length ? (
              <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => send(true)}>
                {t("attendance.recheck")}
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-ghost"
              disabled={busy}
              onClick={() => {
                setPreview(null);
                setDecisions({});
                setUndecided([]);
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** Each group of rows that matched nobody: a suggested participant, any participant, or skip. */
function ReviewTable({
  preview,
  participants,
  decisions,
  undecided,
  onDecide,
  errorRef,
}: {
  preview: ImportResult;
  participants: AttendanceSummary["participants"];
  decisions: Record<string, string>;
  undecided: string[];
  onDecide: (key: string, value: string) => void;
  errorRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const rowId = (i: number) => `decision-${i}`;
  const open = preview.unmatched.map((u, i) => ({ u, i })).filter(({ u }) => undecided.includes(u.key));
  return (
    <div className="review">
      <h3 id="review-title">{t("attendance.reviewTitle")}</h3>
      <p className="hint">{t("attendance.reviewHint")}</p>
      {open.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={errorRef}>
          <h4 className="error-summary-title">{t("form.errorTitle")}</h4>
          <p>{t("attendance.undecided", { n: formatNumber(open.length) })}</p>
          <ul>
            {open.map(({ u, i }) => (
              <li key={u.key}>
                <a href={`#${rowId(i)}`}>
                  <bdi>{u.name}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ScrollTable label={t("attendance.reviewTitle")}>
        <table className="review-table" aria-describedby="review-title">
          <caption className="visually-hidden">{t("attendance.reviewTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("attendance.nameInReport")}</th>
              <th scope="col">{t("attendance.lines")}</th>
              <th scope="col">{t("attendance.time")}</th>
              <th scope="col">{t("attendance.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.unmatched.map((u, i) => {
              const suggested = new Set(u.suggestions.map((s) => s.personId));
              const missing = undecided.includes(u.key) && !decisions[u.key];
              return (
                <tr key={u.key} className={missing ? "row-error" : undefined}>
                  <th scope="row">
                    <bdi>{u.name}</bdi>
                    {u.email ? (
                      <span className="cell-note" dir="ltr">
                        {u.email}
                      </span>
                    ) : null}
                    {u.suggestions.length ? (
                      <span className="cell-note">
                        {t("attendance.suggestions", {
                          names: u.suggestions
                            .map((s) =>
                              t("attendance.similar", {
                                name: s.name,
                                similarity: formatPercent(s.similarity),
                              }),
                            )
                            .join(" · "),
                        })}
                      </span>
                    ) : null}
                  </th>
                  <td>{u.lines.map((l) => formatNumber(l)).join(", ")}</td>
                  <td className="num">{formatDuration(u.seconds)}</td>
                  <td>
                    <label htmlFor={rowId(i)} className="visually-hidden">
                      {t("attendance.decisionFor", { name: `\u2068${u.name}\u2069` })}
                    </label>
                    <select
                      id={rowId(i)}
                      className="decision-select"
                      value={decisions[u.key] ?? ""}
                      aria-invalid={missing ? true : undefined}
                      onChange={(e) => onDecide(u.key, e.target.value)}
                    >
                      <option value="">{t("attendance.undecidedOption")}</option>
                      {u.suggestions.length ? (
                        <optgroup label={t("attendance.suggested")}>
                          {u.suggestions.map((s) => (
                            <option key={s.personId} value={s.personId}>
                              {t("attendance.similar", {
                                name: `\u2068${s.name}\u2069`,
                                similarity: formatPercent(s.similarity),
                              })}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      <optgroup label={t("attendance.allParticipants")}>
                        {participants
                          .filter((p) => !suggested.has(p.personId))
                          .map((p) => (
                            <option key={p.personId} value={p.personId}>
                              {p.name}
                            </option>
                          ))}
                      </optgroup>
                      <option value="skip">{t("attendance.skip")}</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
