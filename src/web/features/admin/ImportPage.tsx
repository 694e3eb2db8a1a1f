import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api.ts";
import { formatNumber } from "../../data.ts";
import { formatLocale } from "../../i18n/index.ts";
import { ErrorSummary } from "../../ui/forms.tsx";
import { LiveStatus, Notice, PageTitle } from "../../ui/widgets.tsx";

interface Preview {
  columns: string[];
  mapping: Record<string, string | null>;
  fields: string[];
  rows: Array<{
    line: number;
    data: Record<string, unknown>;
    errors: Array<{ field: string; message: string }>;
    duplicates: Array<{ id: string | null; name: string; reason: string; score: number; line?: number }>;
    action: string;
  }>;
  summary: {
    total: number;
    valid: number;
    invalid: number;
    duplicates: number;
    toCreate?: number;
    toMerge?: number;
    toSkip?: number;
  };
}

/** Per line: "create", "skip" or "merge:<organisation or person id>". */
export type Decision = string;

/** What a file is imported as; both endpoints take the same form and give the same answers. */
export type ImportKind = "organizations" | "people";
export const IMPORT_KINDS: readonly ImportKind[] = ["organizations", "people"];
export const importEndpoint = (kind: ImportKind) => `/api/${kind}/import`;

/** A readable name for a preview line: the organisation's name, or the person's full name. */
export function lineName(kind: ImportKind, data: Record<string, unknown>): string {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  if (kind === "people") {
    const full = [text(data.givenName), text(data.familyName)].filter(Boolean).join(" ");
    if (full) return full;
    if (text(data.email)) return text(data.email);
  } else {
    const name = text(data.name) || text(data["names.en"]);
    if (name) return name;
  }
  return text(Object.values(data)[0]);
}

export default function ImportPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const kindId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>("organizations");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [result, setResult] = useState<{ created: number; merged: number; skipped: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean, map = mapping, dec = decisions) => {
    if (!file) return;
    const form = new FormData();
    form.append("dryRun", String(dryRun));
    // Without a mapping the server proposes one from the column names.
    if (Object.keys(map).length) form.append("mapping", JSON.stringify(map));
    if (Object.keys(dec).length) form.append("decisions", JSON.stringify(dec));
    form.append("file", file);
    setBusy(true);
    setError(null);
    try {
      if (dryRun) {
        const p = await api.upload<Preview>(importEndpoint(kind), form);
        setPreview(p);
        setMapping(p.mapping);
        const next: Record<string, Decision> = {};
        for (const r of p.rows) {
          next[r.line] = r.action;
        }
        setDecisions(next);
      } else {
        setResult(
          await api.upload<{ created: number; merged: number; skipped: number }>(importEndpoint(kind), form),
        );
        setPreview(null);
      }
    } catch (err) {
      setError(err);
      // The server could not map the essential columns: show the mapping table so the user can.
      if (err instanceof ApiError && Array.isArray(err.body.columns) && Array.isArray(err.body.fields)) {
        const columns = err.body.columns as string[];
        const m = (err.body.mapping as Record<string, string | null>) ?? {};
        setPreview({
          columns,
          mapping: m,
          fields: err.body.fields as string[],
          rows: [],
          summary: { total: 0, valid: 0, invalid: 0, duplicates: 0 },
        });
        setMapping(Object.fromEntries(columns.map((c) => [c, m[c] ?? null])));
      }
    } finally {
      setBusy(false);
    }
  };

  const chooseKind = (k: ImportKind) => {
    // A preview or mapping made for the other kind does not apply any more.
    setKind(k);
    setPreview(null);
    setResult(null);
    setError(null);
    setMapping({});
    setDecisions({});
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setMapping({});
    setDecisions({});
    send(true, {}, {});
  };

  return (
    <>
      <PageTitle>{t("admin.tabs.import")}</PageTitle>
      <p>{t("import.intro")}</p>
      <ErrorSummary error={error} />
      <form onSubmit={start} className="card">
        <fieldset className="group">
          <legend>{t("import.what")}</legend>
          <div className="radio-row">
            {IMPORT_KINDS.map((k) => (
              <div className="checkbox" key={k}>
                <input
                  id={`${kindId}-${k}`}
                  type="radio"
                  name={`${kindId}-kind`}
                  value={k}
                  checked={kind === k}
                  onChange={() => chooseKind(k)}
                />
                <label htmlFor={`${kindId}-${k}`}>{t(`import.kinds.${k}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={fileId}>{t("import.file")}</label>
          <p className="hint" id={`${fileId}-hint`}>
            {t("import.fileHint")}
          </p>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {t("import.preview")}
        </button>
      </form>
      <LiveStatus>
        {busy
          ? t("common.loading")
          : result
            ? t("import.done", {
                created: formatNumber(result.created),
                merged: formatNumber(result.merged),
                skipped: formatNumber(result.skipped),
              })
            : preview
              ? t("import.summary", {
                  total: formatNumber(preview.summary.total),
                  valid: formatNumber(preview.summary.valid),
                  invalid: formatNumber(preview.summary.invalid),
                  duplicates: formatNumber(preview.summary.duplicates),
                })
              : ""}
      </LiveStatus>
      {result ? (
        <Notice kind="success">
          <p>
            {t("import.done", {
              created: formatNumber(result.created),
              merged: formatNumber(result.merged),
              skipped: formatNumber(result.skipped),
            })}
          </p>
        </Notice>
      ) : null}
      {preview ? (
        <>
          <section className="card" aria-labelledby="mapping-title">
            <h2 id="mapping-title">{t("import.mapping")}</h2>
            <p className="hint">{t("import.mappingHint")}</p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("import.column")}</th>
                    <th scope="col">{t("import.field")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((c, i) => (
                    <tr key={c}>
                      <th scope="row" id={`col-${i}`}>
                        {c}
                      </th>
                      <td>
                        <select
                          aria-labelledby={`col-${i}`}
                          value={mapping[c] ?? ""}
                          onChange={(e) => setMapping((m) => ({ ...m, [c]: e.target.value || null }))}
                        >
                          <option value="">{t("import.ignore")}</option>
                          {preview.fields.map((f) => (
                            <option key={f} value={f}>
                              {t(`fields.${f}`, { defaultValue: f })}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => send(true)}>
              {t("import.recheck")}
            </button>
          </section>
          {preview.rows.length ? (
            <section className="card" aria-labelledby="rows-title">
              <h2 id="rows-title">{t("import.rows")}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("import.line")}</th>
                      <th scope="col">{t("fields.name")}</th>
                      <th scope="col">{t("import.problems")}</th>
                      <th scope="col">{t("import.decision")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.line} className={r.errors.length ? "row-error" : undefined}>
                        <th scope="row">{formatNumber(r.line)}</th>
                        <td dir="auto">{lineName(kind, r.data)}</td>
                        <td>
                          {r.errors.length ? (
                            <ul className="errors">
                              {r.errors.map((e) => (
                                <li key={e.field + e.message}>
                                  <strong>{t(`fields.${e.field}`, { defaultValue: e.field })}</strong>:{" "}
                                  {e.message}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {r.duplicates.length ? (
                            <ul className="duplicates">
                              {r.duplicates.map((d) => (
                                <li key={`${d.id ?? ""}${d.line ?? ""}${d.reason}`}>
                                  {t("import.possibleDuplicate", {
                                    name: d.name,
                                    reason: t(`import.reasons.${d.reason}`, { defaultValue: d.reason }),
                                  })}{" "}
                                  (
                                  {new Intl.NumberFormat(formatLocale(), { style: "percent" }).format(
                                    d.score > 1 ? d.score / 100 : d.score,
                                  )}
                                  )
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {!r.errors.length && !r.duplicates.length ? <span className="muted">—</span> : null}
                        </td>
                        <td>
                          <select
                            aria-label={t("import.decisionFor", { line: r.line })}
                            value={decisions[r.line] ?? r.action}
                            onChange={(e) => setDecisions((d) => ({ ...d, [r.line]: e.target.value }))}
                          >
                            <option value="create" disabled={r.errors.length > 0}>
                              {t("import.create")}
                            </option>
                            <option value="skip">{t("import.skip")}</option>
                            {r.duplicates
                              .filter((d) => d.id)
                              .map((d) => (
                                <option key={d.id} value={`merge:${d.id}`}>
                                  {t("import.mergeInto", { name: d.name })}
                                </option>
                              ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => send(false)}>
                {t("import.confirm")}
              </button>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
