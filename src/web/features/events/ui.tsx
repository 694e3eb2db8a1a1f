import "./events.css";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../../shared/schemas/common.ts";
import { LANGUAGE_NAMES } from "../../i18n/index.ts";
import { type Picked, pickLocalized, textAttrs } from "./format.ts";
import { toneOf } from "./labels.ts";

/** A status as a text badge; `kind` picks the translation namespace. */
export function StatusBadge({ status, kind }: { status: string; kind: "event" | "application" }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${toneOf(status)}`}>
      {t(`${kind === "event" ? "eventStatus" : "applicationStatus"}.${status}`, { defaultValue: status })}
    </span>
  );
}

/** Text in the UI language or, failing that, in its original language, marked as such. */
export function Localized({ text, picked }: { text?: LocalizedText; picked?: Picked }) {
  const p = picked ?? pickLocalized(text);
  return <span {...textAttrs(p)}>{p.value}</span>;
}

/** "Shown in the original language (English)." under a text that is a fallback. */
export function FallbackNote({ picked }: { picked: Picked }) {
  const { t } = useTranslation();
  if (!picked.fallback || !picked.value) return null;
  const language = LANGUAGE_NAMES[picked.lang as keyof typeof LANGUAGE_NAMES] ?? picked.lang;
  return <p className="fallback-note">{t("common.originalLanguage", { language })}</p>;
}

/** The title of an event, in the UI language when it has one. */
export function eventTitle(title: LocalizedText | undefined, fallback = "—"): string {
  return pickLocalized(title).value || fallback;
}
