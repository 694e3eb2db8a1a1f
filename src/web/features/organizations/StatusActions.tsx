import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganizationPublic } from "../../../shared/schemas/organizations.ts";
import { api } from "../../api.ts";
import { ErrorSummary, errorText, TextArea } from "../../ui/forms.tsx";
import { LiveStatus, ModalDialog } from "../../ui/widgets.tsx";
import { orgApi } from "./endpoints.ts";

export type Action = "verify" | "reject" | "suspend";

/**
 * Secretariat vetting actions for one organisation: verify, reject (reason), suspend (reason).
 * With `onStatus` the success message is handed to the caller (a page-level live region that
 * outlives this component, e.g. in the vetting queue where the card leaves the list);
 * otherwise it is announced here.
 */
export function StatusActions({
  org,
  onDone,
  onStatus,
}: {
  org: Pick<OrganizationPublic, "id" | "name" | "status">;
  onDone?: (action: Action) => void;
  onStatus?: (message: string) => void;
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
      // The name is isolated (FSI…PDI) so that a Latin name keeps its punctuation in an RTL sentence.
      const message = t(`vetting.done.${v.action}`, { name: `\u2068${org.name}\u2069` });
      if (onStatus) onStatus(message);
      else setStatus(message);
      setDialog(null);
      setReason("");
      // Tell the caller first, so that it can plan where focus goes before the list reloads.
      onDone?.(v.action);
      queryClient.invalidateQueries({ queryKey: ["organizations"] });
      queryClient.invalidateQueries({ queryKey: ["organization", org.id] });
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
      {onStatus ? null : <LiveStatus>{status}</LiveStatus>}
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
