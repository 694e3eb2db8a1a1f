import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventView } from "../../../../shared/schemas/events.ts";
import { api } from "../../../api.ts";
import { formatNumber } from "../../../data.ts";
import { errorText } from "../../../ui/forms.tsx";
import { ModalDialog } from "../../../ui/widgets.tsx";
import { KeyFigures } from "../charts.tsx";
import { formatPercent } from "../format.ts";
import { type AttendanceSummary, type IssueResult, outcomeApi } from "../outcomes.ts";

/** Issues certificates to everyone who met the attendance threshold (each is told by e-mail). */
export function CertificatesPanel({ event, summary }: { event: EventView; summary: AttendanceSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const eligible = summary.participants.filter((p) => p.attended).length;
  const issue = useMutation({
    mutationFn: () => api.post<IssueResult>(outcomeApi.certificates(event.id)),
    onSuccess: () => {
      setAsking(false);
      queryClient.invalidateQueries({ queryKey: ["event", event.id] });
    },
  });
  useEffect(() => {
    if (issue.data) resultRef.current?.focus();
  }, [issue.data]);
  return (
    <section className="card" aria-labelledby="certificates-title">
      <h2 id="certificates-title">{t("certificates.title")}</h2>
      <p>{t("certificates.intro", { share: formatPercent(summary.threshold) })}</p>
      <p>{t("certificates.eligible", { n: formatNumber(eligible) })}</p>
      <button type="button" className="btn btn-primary" onClick={() => setAsking(true)}>
        {t("certificates.issue")}
      </button>
      {issue.error && !asking ? (
        <p className="field-error" role="alert">
          {errorText(issue.error, t)}
        </p>
      ) : null}
      {issue.data ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          className="notice notice-success certificates-result"
          role="status"
        >
          <p>{t("certificates.done")}</p>
          <KeyFigures
            items={[
              { key: "issued", label: t("certificates.issued"), value: formatNumber(issue.data.issued) },
              {
                key: "alreadyIssued",
                label: t("certificates.alreadyIssued"),
                value: formatNumber(issue.data.alreadyIssued),
              },
              {
                key: "notEligible",
                label: t("certificates.notEligible"),
                value: formatNumber(issue.data.notEligible),
              },
            ]}
          />
        </div>
      ) : null}
      <ModalDialog isOpen={asking} onClose={() => setAsking(false)} title={t("certificates.confirmTitle")}>
        <p>{t("certificates.confirmText", { n: formatNumber(eligible) })}</p>
        {issue.error ? (
          <p className="field-error" role="alert">
            {errorText(issue.error, t)}
          </p>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={issue.isPending}
            onClick={() => issue.mutate()}
          >
            {t("certificates.confirm")}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setAsking(false)}>
            {t("common.cancel")}
          </button>
        </div>
      </ModalDialog>
    </section>
  );
}
