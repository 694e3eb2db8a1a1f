import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { api } from "../../api.ts";
import { ErrorSummary, errorText, TextArea } from "../../ui/forms.tsx";
import { LiveStatus, ModalDialog } from "../../ui/widgets.tsx";
import { orgApi } from "./endpoints.ts";

type Action = "verify" | "reject" | "suspend";

/** Secretariat vetting actions for one organisation: verify, reject (reason), suspend (reason). */
export function StatusActions({
  org,
  onDone,
}: {
  org: Pick<OrganizationPublic, "id" | "name" | "status">;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<null | "reject" | "suspend">(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const [status, setStatus] = useState("");
  const act = useMutation({
    mutationFn: (v: { action: Action; reason?: string }) =>
      api.post(orgApi.action(org.id, v.action), v.reason ? { reason: v.reason } : {}),
    onSuccess: (_d, v) => {
      setStatus(t(`vetting.done.${v.action}`, { name: org.name }));
      setDialog(null);
      setReason("");
      queryClient.invalidateQueries({ queryKey: ["organizations"] });
      queryClient.invalidateQueries({ queryKey: ["organization", org.id] });
      onDone?.();
    },
  });
  const submitReason = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t("vetting.reasonRequired"));
      return;
    }
    setReasonError(undefined);
    act.mutate({ action: dialog!, reason: reason.trim() });
  };
  const can = {
    verify: ["pending", "rejected", "suspended"].includes(org.status),
    reject: org.status === "pending",
    suspend: org.status === "verified",
  };
  return (
    <div className="status-actions">
      <div className="actions">
        {can.verify ? (
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={act.isPending}
            onClick={() => act.mutate({ action: "verify" })}
          >
            {t("vetting.verify")}
            <span className="visually-hidden"> {org.name}</span>
          </button>
        ) : null}
        {can.reject ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog("reject")}>
            {t("vetting.reject")}
            <span className="visually-hidden"> {org.name}</span>
          </button>
        ) : null}
        {can.suspend ? (
          <button type="button" className="btn btn-danger btn-small" onClick={() => setDialog("suspend")}>
            {t("vetting.suspend")}
            <span className="visually-hidden"> {org.name}</span>
          </button>
        ) : null}
      </div>
      {act.error && !dialog ? <p className="field-error">{errorText(act.error, t)}</p> : null}
      <LiveStatus>{status}</LiveStatus>
      <ModalDialog
        isOpen={dialog !== null}
        onClose={() => setDialog(null)}
        title={t(dialog === "suspend" ? "vetting.suspendTitle" : "vetting.rejectTitle", { name: org.name })}
      >
        <form onSubmit={submitReason} noValidate>
          <ErrorSummary error={act.error} />
          <TextArea
            label={t("vetting.reason")}
            hint={t("vetting.reasonHint")}
            value={reason}
            onChange={setReason}
            required
            error={reasonError}
            rows={4}
          />
          <div className="actions">
            <button type="submit" className="btn btn-danger" disabled={act.isPending}>
              {t(dialog === "suspend" ? "vetting.suspend" : "vetting.reject")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </ModalDialog>
    </div>
  );
}
