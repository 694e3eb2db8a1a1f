import "../events/events.css";
import "./recommendations.css";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../../shared/schemas/common.ts";
import {
  ADDRESSED_ACTORS,
  type Assignee,
  PROTECTION_LEVELS,
  REC_STATUSES,
} from "../../../shared/schemas/recommendations.ts";
import { api } from "../../api.ts";
import type { Option } from "../../ui/forms.tsx";
import { formatPercent, pickLocalized, textAttrs } from "../events/format.ts";

/** Recommendation API paths in one place (the server owns the contract). */
export const recApi = {
  list: "/api/recommendations",
  stats: "/api/recommendations/stats",
  similar: "/api/recommendations/similar",
  export: "/api/recommendations/export",
  clusters: "/api/recommendations/clusters",
  answers: "/api/recommendations/answers",
  publish: "/api/recommendations/publish",
  assignees: "/api/recommendations/assignees",
  templates: "/api/answer-templates",
  template: (id: string) => `/api/answer-templates/${id}`,
  one: (id: string) => `/api/recommendations/${id}`,
  endorse: (id: string) => `/api/recommendations/${id}/endorse`,
  actions: (id: string) => `/api/recommendations/${id}/actions`,
  action: (id: string) => `/api/recommendation-actions/${id}`,
  answer: (id: string) => `/api/recommendations/${id}/answer`,
  merge: (id: string) => `/api/recommendations/${id}/merge`,
  notes: (id: string) => `/api/recommendations/${id}/notes`,
};

export const recKeys = {
  all: ["recommendations"] as const,
  list: (q: Record<string, string>) => ["recommendations", "list", q] as const,
  stats: (q: Record<string, string>) => ["recommendations", "stats", q] as const,
  one: (id: string) => ["recommendations", "one", id] as const,
  actions: (id: string) => ["recommendations", "one", id, "actions"] as const,
  notes: (id: string) => ["recommendations", "one", id, "notes"] as const,
  templates: ["answer-templates"] as const,
  assignees: ["recommendation-assignees"] as const,
  clusters: (threshold: string) => ["recommendations", "clusters", threshold] as const,
};

export interface RecItem {
  id: string;
  title: LocalizedText;
  text: LocalizedText;
  rationale: LocalizedText;
  originalLang: string;
  addressedActors: string[];
  themes: string[];
  instruments: string[];
  articles: string[];
  engagementAreas: string[];
  sdgTargets: string[];
  year: number;
  region: string | null;
  protection: string;
  status: string;
  answer: LocalizedText;
  answeredAt: string | null;
  mergedInto: string | null;
  endorsements: number;
  createdAt: string;
  event?: { id: string; title: LocalizedText } | null;
  progress?: number | null;
  internal?: {
    status: string;
    pendingAnswer: { status: string; rationale: LocalizedText } | null;
    answerPublishAt: string | null;
    assignedTo: string | null;
    /** The assignee's name (the secretariat's view of one recommendation). */
    assigneeName?: string | null;
  };
}

export interface Origin {
  event: { id: string; title: LocalizedText; startDate: string } | null;
  session: { id: string; title: LocalizedText } | null;
  group: { id: string; number: number; title: LocalizedText } | null;
  organization: { id: string; name: string } | null;
  person: { id: string; name: string } | null;
}

export interface RecDetail extends RecItem {
  origin: Origin;
  mergedFrom: Array<{ id: string; origin: Origin }>;
  endorsedBy: Array<{ kind: "person" | "organization"; id: string; name: string }>;
  timeline: Array<{ at: string; kind: string; data: Record<string, unknown> }>;
  mine: { endorsed: boolean } | null;
}

export interface Milestone {
  title: string;
  due?: string;
  done: boolean;
}

export interface RecAction {
  id: string;
  title: LocalizedText;
  owner: string;
  dueDate: string | null;
  progress: number;
  status: "planned" | "in_progress" | "done" | "dropped";
  milestones: Milestone[];
  updatedAt: string;
}

export interface RecList {
  items: RecItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The people a recommendation can be assigned to, by name (staff screens only). */
export function useAssignees() {
  return useQuery({
    queryKey: recKeys.assignees,
    queryFn: ({ signal }) => api.get<Assignee[]>(recApi.assignees, undefined, signal),
  });
}

export interface AnswerTemplate {
  id: string;
  name: string;
  status: string;
  text: LocalizedText;
}

export const ACTION_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export const REGIONS = ["AFRICAN", "APG", "EEG", "GRULAC", "WEOG"] as const;
export const EXPORT_FORMATS = ["csv", "xlsx", "pdf", "docx"] as const;

const TONES: Record<string, string> = {
  received: "neutral",
  under_consideration: "info",
  accepted: "success",
  partially_accepted: "success",
  not_accepted: "danger",
  noted: "neutral",
  in_progress: "warn",
  implemented: "success",
  merged: "neutral",
};

export const statusOptions = (t: TFunction, statuses: readonly string[] = REC_STATUSES): Option[] =>
  statuses.map((s) => ({ value: s, label: t(`recStatus.${s}`) }));
export const protectionOptions = (t: TFunction): Option[] =>
  PROTECTION_LEVELS.map((p) => ({ value: p, label: t(`recProtection.${p}`) }));
export const actorOptions = (t: TFunction): Option[] =>
  ADDRESSED_ACTORS.map((a) => ({ value: a, label: t(`recActor.${a}`) }));

/** A status as a text badge: the word always says it, the colour only supports it. */
export function RecStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${TONES[status] ?? "neutral"}`}>
      {t(`recStatus.${status}`, { defaultValue: status })}
    </span>
  );
}

/** Progress of the follow-up actions as a bar with its number in words. */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const { t } = useTranslation();
  const text = t("recs.progressValue", { percent: formatPercent(value / 100) });
  return (
    <div className="rec-progress">
      <span className="rec-progress-text">
        {label ? `${label}: ` : ""}
        {text}
      </span>
      <span className="meter" aria-hidden="true">
        <span style={{ inlineSize: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
    </div>
  );
}

/** The text in the UI language, else in its original language, as plain text. */
export function LocalText({ text }: { text: LocalizedText | undefined }) {
  const p = pickLocalized(text);
  return <span {...textAttrs(p)}>{p.value}</span>;
}

/**
 * Rich text already sanitised by the server (p, br, strong, em, lists, blockquote, links): the
 * only place where HTML from the API is put into the page.
 */
export function RichText({ text, className }: { text: LocalizedText | undefined; className?: string }) {
  const p = pickLocalized(text);
  if (!p.value) return null;
  return (
    <div
      className={`rich-text${className ? ` ${className}` : ""}`}
      {...textAttrs(p)}
      dangerouslySetInnerHTML={{ __html: p.value }}
    />
  );
}

/** "UNTOC:31" → "UNTOC, art. 31" in the UI language. */
export function articleLabel(t: TFunction, ref: string) {
  const [instrument, article] = ref.split(":");
  return t("recs.articleRef", { instrument, article });
}

/** Plain text typed in a textarea as simple paragraphs (the server keeps a small set of tags). */
export function toParagraphs(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  if (/<(p|ul|ol|blockquote)[\s>]/i.test(trimmed)) return trimmed;
  return trimmed
    .split(/\n\s*\n/)
    .map((para) => `<p>${para.trim().replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Sanitised HTML back to editable plain text (DOMParser runs no script and loads nothing). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const withBreaks = html.replace(/<\/(p|li|blockquote)>\s*/gi, "\n\n").replace(/<br\s*\/?>/gi, "\n");
  const doc = new DOMParser().parseFromString(withBreaks, "text/html");
  return (doc.body.textContent ?? "").replace(/\n{3,}/g, "\n\n").trim();
}
