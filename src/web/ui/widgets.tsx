import { type ReactNode, useEffect } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../data.ts";
import { ErrorSummary } from "./forms.tsx";

/** The page's single h1; the layout moves focus to it after navigation. */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    const text = title ?? (typeof children === "string" ? children : "");
    document.title = text ? `${text} – ${t("app.name")}` : t("app.name");
  }, [children, title, t]);
  return (
    <h1 tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t("pagination.label")}>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        <span aria-hidden="true" className="flip">
          ‹{" "}
        </span>
        {t("pagination.previous")}
      </button>
      <span className="pagination-status">
        {t("pagination.status", { page: formatNumber(page), pages: formatNumber(pages) })}
      </span>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t("pagination.next")}
        <span aria-hidden="true" className="flip">
          {" "}
          ›
        </span>
      </button>
    </nav>
  );
}

/** A modal dialog (react-aria: focus trap, Escape closes, focus returns to the trigger). */
export function ModalDialog({
  isOpen,
  onClose,
  title,
  children,
  role = "dialog",
}: {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  role?: "dialog" | "alertdialog";
}) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(o) => !o && onClose()}
      isDismissable
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog role={role} className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * Asks before an action that cannot be undone: what it does, the action itself and Cancel, in an
 * alert dialog; a refusal from the server is shown above the message.
 */
export function ConfirmDialog({
  isOpen,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  busy = false,
  error = null,
}: {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  /** What the action does. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen={isOpen} onClose={onClose} title={title} role="alertdialog">
      <ErrorSummary error={error} />
      {children}
      <div className="actions">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </ModalDialog>
  );
}

export function Notice({
  kind = "info",
  children,
}: {
  kind?: "info" | "success" | "warning" | "error";
  children: ReactNode;
}) {
  return <div className={`notice notice-${kind}`}>{children}</div>;
}

/** Polite live region for async results ("Saved", "12 results"). */
export function LiveStatus({ children }: { children: ReactNode }) {
  return (
    <p className="live-status" role="status" aria-live="polite">
      {children}
    </p>
  );
}
