import type { LocalizedText } from "../../../shared/schemas/common.ts";
import type { ApplicationRow } from "../../../shared/schemas/events.ts";

/** Event API paths in one place (the server owns the contract; adjust here if it changes). */
export const eventApi = {
  list: "/api/events",
  one: (id: string) => `/api/events/${id}`,
  calendar: (id: string) => `/api/events/${id}/calendar.ics`,
  sessions: (id: string) => `/api/events/${id}/sessions`,
  session: (id: string, sessionId: string) => `/api/events/${id}/sessions/${sessionId}`,
  eligibility: (id: string) => `/api/events/${id}/eligibility`,
  applications: (id: string) => `/api/events/${id}/applications`,
  applicationsExport: (id: string) => `/api/events/${id}/applications/export`,
  diversity: (id: string) => `/api/events/${id}/diversity`,
  mine: "/api/applications/mine",
  application: (appId: string) => `/api/applications/${appId}`,
  respond: (appId: string) => `/api/applications/${appId}/respond`,
  withdraw: (appId: string) => `/api/applications/${appId}/withdraw`,
  decision: (appId: string) => `/api/applications/${appId}/decision`,
};

/** React Query keys: everything about one event sits under ["event", id] so one call refreshes it all. */
export const eventKeys = {
  list: (query: Record<string, string>) => ["events", query] as const,
  one: (id: string) => ["event", id] as const,
  eligibility: (id: string) => ["event", id, "eligibility"] as const,
  applicants: (id: string, query?: Record<string, string>) =>
    (query ? ["event", id, "applicants", query] : ["event", id, "applicants"]) as readonly unknown[],
  /** One application opened in the table: under the applicants, so that refreshing them refreshes it too. */
  applicant: (id: string, appId: string) => ["event", id, "applicants", "one", appId] as const,
  diversity: (id: string, scope?: string) =>
    (scope ? ["event", id, "diversity", scope] : ["event", id, "diversity"]) as readonly unknown[],
  mine: ["applications", "mine"] as const,
};

/** One of the caller's applications, with what it needs to show of its event. */
export type MyApplication = ApplicationRow & {
  event: { title: LocalizedText; startDate: string; endDate: string; timeZone: string };
};

/** Plain strings per language, as questions and their options are stored. */
export type PlainTexts = Record<string, string>;

export interface QuestionView {
  id: string;
  kind: "text" | "single" | "multiple" | "file";
  label: PlainTexts;
  required?: boolean;
  options?: Array<{ value: string; label: PlainTexts }>;
}
