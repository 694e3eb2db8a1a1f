import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { errorText } from "../../ui/forms.tsx";
import { ConfirmDialog, LiveStatus } from "../../ui/widgets.tsx";
import { eventApi, eventKeys } from "./endpoints.ts";

type Action = "confirm" | "decline" | "withdraw";
const WITHDRAWABLE = ["submitted", "waitlisted", "confirmed"];

/**
 * What an applicant can do with their application: confirm or decline an offered place, or
 * withdraw. Declining and withdrawing cannot be undone, so they ask first.
 */
export function ApplicationActions({
  applicationId,
  status,
  eventId,
  eventTitle,
  ended = false,
}: {
  applicationId: string;
  status: string;
  eventId: string;
  eventTitle: string;
  /** Once the event is over there is nothing left to confirm, decline or withdraw. */
  ended?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<null | "decline" | "withdraw">(null);
  const [message, setMessage] = useState("");
  const act = useMutation({
    mutationFn: (action: Action) =>
      action === "withdraw"
        ? api.post(eventApi.withdraw(applicationId))
        : api.post(eventApi.respond(applicationId), { confirm: action === "confirm" }),
    onSuccess: (_d, action) => {
      setAsking(null);
      setMessage(t(`myEvents.done.${action}`, { event: `\u2068${eventTitle}\u2069` }));
      queryClient.invalidateQueries({ queryKey: eventKeys.one(eventId) });
      queryClient.invalidateQueries({ queryKey: eventKeys.mine });
    },
  });
  const canRespond = !ended && status === "accepted";
  const canWithdraw = !ended && WITHDRAWABLE.includes(status);
  return (
    <div className="application-actions">
      {canRespond || canWithdraw ? (
        <div className="actions">
          {canRespond ? (
            <>
              <button
                type="button"
                className="btn btn-primary"
                disabled={act.isPending}
                onClick={() => act.mutate("confirm")}
              >
                {t("myEvents.confirm")}
                <span className="visually-hidden"> — {eventTitle}</span>
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                disabled={act.isPending}
                onClick={() => setAsking("decline")}
              >
                {t("myEvents.decline")}
                <span className="visually-hidden"> — {eventTitle}</span>
              </button>
            </>
          ) : null}
          {canWithdraw ? (
            <button
              type="button"
              className="btn btn-ghost"
              disabled={act.isPending}
              onClick={() => setAsking("withdraw")}
            >
              {t("myEvents.withdraw")}
              <span className="visually-hidden"> — {eventTitle}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {act.error && !asking ? (
        <p className="field-error" role="alert">
          {errorText(act.error, t)}
        </p>
      ) : null}
      <LiveStatus>{message}</LiveStatus>
      <ConfirmDialog
        isOpen={asking !== null}
        onClose={() => setAsking(null)}
        title={t(asking === "decline" ? "myEvents.declineTitle" : "myEvents.withdrawTitle")}
        confirmLabel={t(asking === "decline" ? "myEvents.declineConfirm" : "myEvents.withdrawConfirm")}
        onConfirm={() => asking && act.mutate(asking)}
        busy={act.isPending}
        error={act.error}
      >
        <p>
          {t(asking === "decline" ? "myEvents.declineText" : "myEvents.withdrawText", {
            event: `\u2068${eventTitle}\u2069`,
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
