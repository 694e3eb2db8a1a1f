import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../../shared/schemas/common.ts";
import type { ApplicationRow } from "../../../shared/schemas/events.ts";
import { api } from "../../api.ts";
import { ErrorSummary, Loading, QueryError } from "../../ui/forms.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { LiveStatus } from "../../ui/widgets.tsx";
import { formatDateRange } from "../events/format.ts";
import { Localized } from "../events/ui.tsx";

type Request = ApplicationRow & { event: { title: LocalizedText; startDate: string; endDate: string } };

/** Applications of the organisation's members that wait for the focal point's endorsement. */
export function EndorsementRequests() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const [done, setDone] = useState("");
  const list = useQuery({
    queryKey: ["applications", "endorsements"],
    queryFn: ({ signal }) => api.get<Request[]>("/api/applications/endorsements", undefined, signal),
  });
  const decide = (r: Request, endorse: boolean) =>
    run(async () => {
      await api.post(`/api/applications/${r.id}/endorse`, { endorse });
      await queryClient.invalidateQueries({ queryKey: ["applications", "endorsements"] });
      setDone(
        endorse
          ? t("endorsementRequests.endorsedDone", { name: r.name })
          : t("endorsementRequests.declinedDone", { name: r.name }),
      );
    });
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} />;
  if (!list.data.length) return null;
  return (
    <section aria-labelledby="endorsement-requests-title" className="endorsement-requests">
      <h2 id="endorsement-requests-title">{t("endorsementRequests.title")}</h2>
      <p className="hint">{t("endorsementRequests.intro")}</p>
      <ErrorSummary error={error} />
      <ul className="org-list">
        {list.data.map((r) => (
          <li key={r.id} className="org-card">
            <h3 className="org-card-title">
              <bdi>{r.name}</bdi>
            </h3>
            <p>
              <Localized text={r.event.title} /> · {formatDateRange(r.event.startDate, r.event.endDate)}
            </p>
            <p>
              <bdi>{r.organizationName}</bdi> ·{" "}
              <span className="tag">
                {t(`endorsement.${r.endorsement}`, { defaultValue: r.endorsement })}
              </span>
            </p>
            {r.motivation ? (
              <p className="prewrap" dir="auto">
                {r.motivation}
              </p>
            ) : null}
            {r.endorsement === "requested" ? (
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={decide(r, true)}
                  aria-label={t("endorsementRequests.endorseName", { name: r.name })}
                >
                  {t("endorsementRequests.endorse")}
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={busy}
                  onClick={decide(r, false)}
                  aria-label={t("endorsementRequests.declineName", { name: r.name })}
                >
                  {t("endorsementRequests.decline")}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <LiveStatus>{done}</LiveStatus>
    </section>
  );
}
