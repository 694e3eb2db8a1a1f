import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LocalizedText } from "../../../../shared/schemas/common.ts";
import { api } from "../../../api.ts";
import { formatNumber } from "../../../data.ts";
import { Loading, QueryError, SelectField } from "../../../ui/forms.tsx";
import { PageTitle } from "../../../ui/widgets.tsx";
import { LocalText, RecStatusBadge, recApi, recKeys } from "../shared.tsx";

interface Cluster {
  size: number;
  recommendations: Array<{
    id: string;
    title: LocalizedText;
    originalLang: string;
    status: string;
    eventId: string | null;
    year: number;
  }>;
}

export default function ClustersPage() {
  const { t } = useTranslation();
  const [threshold, setThreshold] = useState("0.3");
  const clusters = useQuery({
    queryKey: recKeys.clusters(threshold),
    queryFn: ({ signal }) => api.get<Cluster[]>(recApi.clusters, { threshold }, signal),
  });
  return (
    <section>
      <p>
        <Link to="/admin/recommendations">{t("triage.backToQueue")}</Link>
      </p>
      <PageTitle>{t("clusters.title")}</PageTitle>
      <p className="lead">{t("clusters.intro")}</p>
      <SelectField
        id="clusters-threshold"
        label={t("clusters.threshold")}
        value={threshold}
        onChange={setThreshold}
        options={["0.2", "0.3", "0.5", "0.7"].map((v) => ({
          value: v,
          label: t(`clusters.level_${v.replace(".", "")}`),
        }))}
      />
      {clusters.isPending ? (
        <Loading />
      ) : clusters.isError ? (
        <QueryError error={clusters.error} />
      ) : !clusters.data.length ? (
        <p className="empty">{t("clusters.empty")}</p>
      ) : (
        <ol className="clusters">
          {clusters.data.map((c, i) => (
            <li key={c.recommendations[0]?.id ?? i} className="card">
              <h2 className="h3">
                {t("clusters.clusterTitle", { n: formatNumber(i + 1), size: formatNumber(c.size) })}
              </h2>
              <ul>
                {c.recommendations.map((r) => (
                  <li key={r.id}>
                    <Link to={`/admin/recommendations/${r.id}`}>
                      <LocalText text={r.title} />
                    </Link>{" "}
                    <RecStatusBadge status={r.status} /> <span className="cell-note">{r.year}</span>
                    {r.id !== c.recommendations[0].id ? (
                      <Link
                        className="cell-note"
                        to={`/admin/recommendations/${r.id}?mergeInto=${c.recommendations[0].id}`}
                      >
                        {t("clusters.mergeIntoFirst")}
                      </Link>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p className="hint">{t("clusters.mergeHint")}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
