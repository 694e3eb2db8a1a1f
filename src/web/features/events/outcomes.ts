/**
 * What an event leaves behind — attendance, feedback, certificates, the report, the participants'
 * directory and the breakout groups: API paths, React Query keys and the shapes the server answers.
 */
import type { BalanceScore, BreakoutIssueParams } from "../../../shared/breakouts.ts";
import type { LocalizedText } from "../../../shared/schemas/common.ts";

export type { BalanceScore };

import { formatLocale } from "../../i18n/index.ts";

export const outcomeApi = {
  attendance: (id: string) => `/api/events/${id}/attendance`,
  attendanceImport: (id: string) => `/api/events/${id}/attendance/import`,
  mappings: "/api/attendance/mappings",
  checkIn: (id: string, sessionId: string) => `/api/events/${id}/sessions/${sessionId}/checkin`,
  undoCheckIn: (id: string, sessionId: string, personId: string) =>
    `/api/events/${id}/sessions/${sessionId}/checkin/${personId}`,
  checkinQr: (applicationId: string) => `/api/applications/${applicationId}/checkin.svg`,
  feedback: (id: string) => `/api/events/${id}/feedback`,
  feedbackResults: (id: string) => `/api/events/${id}/feedback/results`,
  certificates: (id: string) => `/api/events/${id}/certificates`,
  myCertificates: "/api/certificates/mine",
  certificate: (code: string) => `/api/certificates/${encodeURIComponent(code)}`,
  certificatePdf: (code: string, lang?: string) =>
    `/api/certificates/${encodeURIComponent(code)}/pdf${lang ? `?lang=${lang}` : ""}`,
  report: (id: string) => `/api/events/${id}/report`,
  reportPdf: (id: string, lang: string) => `/api/events/${id}/report.pdf?lang=${lang}`,
  directory: (id: string) => `/api/events/${id}/directory`,
  participants: (id: string) => `/api/events/${id}/participants`,
  contacts: (id: string) => `/api/events/${id}/contacts`,
  answerContact: (contactId: string) => `/api/contacts/${contactId}/answer`,
  breakouts: (id: string) => `/api/events/${id}/breakouts`,
  group: (groupId: string) => `/api/breakout-groups/${groupId}`,
  draft: (groupId: string) => `/api/breakout-groups/${groupId}/draft`,
};

/** Everything about one event stays under ["event", id], so that one invalidation refreshes it all. */
export const outcomeKeys = {
  attendance: (id: string) => ["event", id, "attendance"] as const,
  mappings: ["attendance", "mappings"] as const,
  feedback: (id: string) => ["event", id, "feedback"] as const,
  feedbackResults: (id: string) => ["event", id, "feedback", "results"] as const,
  myCertificates: ["certificates", "mine"] as const,
  certificate: (code: string) => ["certificate", code] as const,
  report: (id: string, lang: string) => ["event", id, "report", lang] as const,
  participants: (id: string, query?: Record<string, string>) =>
    (query ? ["event", id, "participants", query] : ["event", id, "participants"]) as readonly unknown[],
  breakouts: (id: string, sessionId: string) => ["event", id, "breakouts", sessionId] as const,
  draft: (groupId: string) => ["breakout-group", groupId, "draft"] as const,
};

// ---------------------------------------------------------------- attendance

export type AttendanceSource = "zoom" | "teams" | "webex" | "csv";

export interface ColumnMapping {
  name: string;
  email?: string;
  join: string;
  leave?: string;
  duration?: string;
}

export interface UnmatchedGroup {
  key: string;
  name: string;
  email: string | null;
  lines: number[];
  seconds: number;
  suggestions: Array<{ personId: string; name: string; similarity: number }>;
  decision: string | null;
}

export interface ImportResult {
  source: AttendanceSource;
  columns: string[];
  rows: number;
  errors: Array<{ line: number; message: string }>;
  matched: number;
  unmatched: UnmatchedGroup[];
  participants: Array<{ personId: string; name: string; matchedBy: string; seconds: number }>;
  dryRun: boolean;
  importId: string | null;
}

export interface SavedMapping {
  id: string;
  name: string;
  mapping: ColumnMapping;
}

export interface AttendanceSummary {
  threshold: number;
  totalSeconds: number;
  sessions: Array<{ id: string; title: LocalizedText; startsAt: string; endsAt: string; attendees: number }>;
  participants: Array<{
    personId: string;
    applicationId: string;
    name: string;
    organization: string;
    country: string | null;
    seconds: number;
    share: number;
    attended: boolean;
    sessions: Record<string, number>;
  }>;
}

export interface CheckInResult {
  personId: string;
  sessionId: string;
  checkedIn: boolean;
}

// ---------------------------------------------------------------- feedback

export const FEEDBACK_ASPECTS = ["overall", "relevance", "speakers", "organisation", "usefulness"] as const;
export type FeedbackAspect = (typeof FEEDBACK_ASPECTS)[number];

export interface FeedbackStatus {
  open: boolean;
  participant: boolean;
  answered: boolean;
  aspects: FeedbackAspect[];
}

export interface FeedbackResults {
  responses: number;
  average: number | null;
  aspects: Array<{ key: string; average: number | null; count: number; distribution: number[] }>;
  comments: Array<{ text: string; author: string | null; at: string }>;
}

// ---------------------------------------------------------------- certificates

export interface IssueResult {
  issued: number;
  alreadyIssued: number;
  notEligible: number;
}

export interface MyCertificate {
  code: string;
  issuedOn: string;
  valid: boolean;
  event: { id: string; title: LocalizedText; startDate: string; endDate: string };
  pdf: string;
}

export interface CertificateCheck {
  code: string;
  valid: boolean;
  name: string;
  event: { id: string; title: LocalizedText; startDate: string; endDate: string };
  issuedOn: string;
}

// ---------------------------------------------------------------- report

/** The report as the server computes it (one definition, in the shared schemas). */
export type { EventReport } from "../../../shared/schemas/events.ts";

// ---------------------------------------------------------------- networking

export interface ContactState {
  id: string;
  status: "pending" | "accepted" | "declined";
  direction: "sent" | "received";
  email: string | null;
  /** The note written with the request (seen by its sender and its recipient). */
  message: string | null;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  title?: string | null;
  country?: string | null;
  languages?: string[];
  expertise?: string[];
  bio?: Record<string, string>;
  organization: { id: string; name: string; type: string };
  isMe: boolean;
  contact: ContactState | null;
}

export interface ParticipantDirectory {
  optedIn: boolean;
  participant: boolean;
  items: DirectoryEntry[];
  total: number;
}

// ---------------------------------------------------------------- breakouts

export interface BreakoutMember {
  personId: string;
  name: string;
  country: string | null;
  organization: string;
  sector: string | null;
  youth: boolean | null;
  languages: string[];
}

export interface BreakoutGroup {
  id: string;
  number: number;
  title: LocalizedText;
  rapporteurPersonId: string | null;
  score?: number;
  draft: { group_id: string; version: number; updated_at: string } | null;
  members: BreakoutMember[];
}

export interface Breakouts {
  sessionId: string;
  seed: number;
  score?: BalanceScore;
  randomScore?: BalanceScore;
  /** Unmet hard constraints in English (empty for participants). */
  violations: string[];
  /**
   * The same constraints, one per sentence of `violations` and in the same order, as a code and
   * its parameters to translate (see `BreakoutIssue` in shared/breakouts.ts). A code this client
   * does not know falls back to the sentence. Empty for participants.
   */
  issues: BreakoutIssue[];
  groups: BreakoutGroup[];
}

/** An unmet constraint as the server sends it: loosely typed, a newer server may add codes. */
export interface BreakoutIssue {
  code: string;
  params: BreakoutIssueParams;
}

export interface Draft {
  groupId: string;
  text: string;
  version: number;
  updatedAt: string | null;
}

// ---------------------------------------------------------------- formatting

/** "1 hr 5 mins" style duration from seconds, in the UI language (Intl unit formatting). */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = (value: number, u: "hour" | "minute") =>
    new Intl.NumberFormat(formatLocale(), { style: "unit", unit: u, unitDisplay: "short" }).format(value);
  if (h === 0) return unit(m, "minute");
  if (m === 0) return unit(h, "hour");
  return `${unit(h, "hour")} ${unit(m, "minute")}`;
}

/** A rating such as 4.6, with one decimal, in the UI language. */
export function formatRating(value: number | null | undefined): string {
  if (value == null) return "—";
  return new Intl.NumberFormat(formatLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );
}

/** Entries of a count record, largest first, "unknown" last. */
export function sortedCounts(record: Record<string, number> | null | undefined) {
  return Object.entries(record ?? {})
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) =>
      a.key === "unknown" ? 1 : b.key === "unknown" ? -1 : b.count - a.count || a.key.localeCompare(b.key),
    );
}

/** Text from the data inside a sentence: isolated, so that a Latin name reads right in Arabic. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** The token inside what a QR scanner types: the whole check-in address, or the code alone. */
export function tokenFrom(input: string): string {
  const text = input.trim();
  const m = /\/checkin\/([^/?#\s]+)/.exec(text);
  return m ? decodeURIComponent(m[1]) : text;
}
