import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { formatDate, formatNumber } from "../../data.ts";
import { ErrorSummary, errorText, Loading, QueryError, SelectField, TextArea } from "../../ui/forms.tsx";
import { LiveStatus, PageTitle } from "../../ui/widgets.tsx";

interface Dataset {
  dataset: string;
  version: number;
  asOf: string;
  count: number;
  importedAt: string;
}
interface DatasetItems {
  dataset: string;
  asOf: string;
  version: number;
  items: Array<{ code: string; data: Record<string, unknown> }>;
}

export default function ReferencePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const sets = useQuery({
    queryKey: ["admin", "reference"],
    queryFn: ({ signal }) => api.get<{ items: Dataset[] }>("/api/admin/reference", undefined, signal),
  });
  const reload = useMutation({
    mutationFn: (dataset: string) => api.post<{ count: number }>(`/api/admin/reference/${dataset}/reload`),
    onSuccess: (d, dataset) => {
      setStatus(t("reference.reloaded", { dataset, formatted: formatNumber(d.count) }));
      queryClient.invalidateQueries({ queryKey: ["admin", "reference"] });
      queryClient.invalidateQueries({ queryKey: ["reference"] });
    },
  });
  return (
    <>
      <PageTitle>{t("admin.tabs.reference")}</PageTitle>
      <p>{t("reference.intro")}</p>
      <LiveStatus>{status}</LiveStatus>
      {reload.error ? <p className="field-error">{errorText(reload.error, t)}</p> : null}
      {sets.isPending ? (
        <Loading />
      ) : sets.isError ? (
        <QueryError error={sets.error} />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("admin.tabs.reference")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reference.dataset")}</th>
                <th scope="col">{t("reference.version")}</th>
                <th scope="col">{t("reference.asOf")}</th>
                <th scope="col">{t("reference.count")}</th>
                <th scope="col">{t("reference.importedAt")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sets.data.items.map((d) => (
                <tr key={d.dataset}>
                  <th scope="row">{d.dataset}</th>
                  <td>{formatNumber(d.version)}</td>
                  <td>{formatDate(d.asOf)}</td>
                  <td>{formatNumber(d.count)}</td>
                  <td>{formatDate(d.importedAt, true)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => setSelected(d.dataset)}
                    >
                      {t("reference.open")}
                      <span className="visually-hidden"> {d.dataset}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={reload.isPending}
                      onClick={() => reload.mutate(d.dataset)}
                    >
                      {t("reference.reload")}
                      <span className="visually-hidden"> {d.dataset}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected ? <DatasetEditor dataset={selected} key={selected} /> : null}
    </>
  );
}

function DatasetEditor({ dataset }: { dataset: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const [json, setJson] = useState("");
  const [jsonError, setJsonError] = useState<string>();
  const [status, setStatus] = useState("");
  const items = useQuery({
    queryKey: ["admin", "reference", dataset],
    queryFn: ({ signal }) => api.get<DatasetItems>(`/api/admin/reference/${dataset}`, undefined, signal),
  });
  const save = useMutation({
    mutationFn: (data: Record<string, unknown>) =>
      api.put(`/api/admin/reference/${dataset}/${encodeURIComponent(code)}`, { data }),
    onSuccess: () => {
      setStatus(t("common.saved"));
      queryClient.invalidateQueries({ queryKey: ["admin", "reference"] });
      queryClient.invalidateQueries({ queryKey: ["reference"] });
    },
  });
  const choose = (c: string) => {
    setCode(c);
    setStatus("");
    const item = items.data?.items.find((i) => i.code === c);
    setJson(item ? JSON.stringify(item.data, null, 2) : "");
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      const data = JSON.parse(json);
      if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("object");
      setJsonError(undefined);
      save.mutate(data);
    } catch {
      setJsonError(t("reference.invalidJson"));
    }
  };
  return (
    <section className="card" aria-labelledby="dataset-title">
      <h2 id="dataset-title">{t("reference.editing", { dataset })}</h2>
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <QueryError error={items.error} />
      ) : (
        <form onSubmit={submit} noValidate>
          <SelectField
            label={t("reference.item")}
            value={code}
            onChange={choose}
            options={items.data.items.map((i) => ({ value: i.code, label: i.code }))}
            emptyLabel={t("common.choose")}
          />
          {code ? (
            <>
              <ErrorSummary error={save.error} />
              <TextArea
                label={t("reference.json")}
                value={json}
                onChange={setJson}
                rows={14}
                mono
                dir="ltr"
                error={jsonError}
              />
              <button type="submit" className="btn btn-primary" disabled={save.isPending}>
                {t("common.save")}
              </button>
            </>
          ) : null}
          <LiveStatus>{status}</LiveStatus>
        </form>
      )}
    </section>
  );
}
