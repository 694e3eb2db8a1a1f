import type { LocalizedText } from "../../../shared/schemas/common.ts";
import type {
  EventInput,
  EventStatus,
  EventSummary,
  EventView,
  SessionInput,
  SessionView,
} from "../../../shared/schemas/events.ts";
import type { EventSessionTable, EventTable } from "../../db/schema.ts";

export type EventRow = EventTable;
export type SessionRow = EventSessionTable;

/** Plain strings per language → LocalizedText, marking the first language as the original. */
export function localize(input: Record<string, string> | undefined, previous?: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  if (!input) return previous ?? out;
  const langs = Object.keys(input).filter((l) => input[l]);
  for (const [i, lang] of langs.entries()) {
    const before = previous?.[lang];
    out[lang] = {
      value: input[lang],
      origin: before?.value === input[lang] ? before.origin : i === 0 ? "original" : "human",
    };
  }
  return out;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** The columns an input sets (only those present in a patch). */
export function eventColumns(input: Partial<EventInput>, previous?: EventRow): Partial<EventRow> {
  const out: Partial<EventRow> = {};
  const prevText = (col: keyof EventRow) =>
    previous ? (JSON.parse(previous[col] as string) as LocalizedText) : undefined;
  if (input.type !== undefined) out.type = input.type;
  if (input.format !== undefined) out.format = input.format;
  if (input.title !== undefined) out.title = json(localize(input.title, prevText("title")));
  if (input.summary !== undefined) out.summary = json(localize(input.summary, prevText("summary")));
  if (input.timeZone !== undefined) out.time_zone = input.timeZone;
  if (input.startDate !== undefined) out.start_date = input.startDate;
  if (input.endDate !== undefined) out.end_date = input.endDate;
  if (input.venue !== undefined) out.venue = input.venue || null;
  if (input.onlineLink !== undefined) out.online_link = input.onlineLink || null;
  if (input.languages !== undefined) out.languages = json(input.languages);
  if (input.interpretation !== undefined) out.interpretation = json(input.interpretation);
  if (input.target !== undefined) out.target = json(input.target);
  if (input.capacity !== undefined) out.capacity = input.capacity ?? null;
  if (input.organisers !== undefined) out.organisers = json(input.organisers);
  if (input.partners !== undefined) out.partners = json(input.partners);
  if (input.applicationsOpenAt !== undefined)
    out.applications_open_at = input.applicationsOpenAt
      ? new Date(input.applicationsOpenAt).toISOString()
      : null;
  if (input.applicationsCloseAt !== undefined)
    out.applications_close_at = input.applicationsCloseAt
      ? new Date(input.applicationsCloseAt).toISOString()
      : null;
  if (input.questions !== undefined) out.questions = json(input.questions);
  if (input.consentText !== undefined)
    out.consent_text = json(localize(input.consentText, prevText("consent_text")));
  if (input.endorsementRequired !== undefined) out.endorsement_required = input.endorsementRequired ? 1 : 0;
  if (input.travelSupport !== undefined) out.travel_support = input.travelSupport ? 1 : 0;
  if (input.attendanceThreshold !== undefined) out.attendance_threshold = input.attendanceThreshold;
  if (input.diversityTargets !== undefined) out.diversity_targets = json(input.diversityTargets);
  return out;
}

export function newEventRow(id: string, input: EventInput, createdBy: string | null, now: string): EventRow {
  const defaults = {
    id,
    status: "draft",
    summary: "{}",
    venue: null,
    online_link: null,
    capacity: null,
    applications_open_at: null,
    applications_close_at: null,
    consent_text: "{}",
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
  return Object.assign(defaults, eventColumns(input)) as EventRow;
}

/** Is the call for applications open at this instant? */
export function acceptingApplications(
  row: Pick<EventRow, "status" | "applications_open_at" | "applications_close_at">,
  now: Date,
): boolean {
  if (row.status !== "applications_open") return false;
  const t = now.getTime();
  if (row.applications_open_at && t < Date.parse(row.applications_open_at)) return false;
  if (row.applications_close_at && t >= Date.parse(row.applications_close_at)) return false;
  return true;
}

export function toSessionView(row: SessionRow): SessionView {
  const speakers = JSON.parse(row.speakers) as Array<{
    name: string;
    title?: Record<string, string>;
    affiliation?: Record<string, string>;
    personId?: string;
  }>;
  return {
    id: row.id,
    type: row.type as SessionView["type"],
    title: JSON.parse(row.title),
    description: JSON.parse(row.description),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    engagementAreas: JSON.parse(row.engagement_areas),
    speakers: speakers.map((s) => ({
      name: s.name,
      title: localize(s.title),
      affiliation: localize(s.affiliation),
      personId: s.personId ?? null,
    })),
    materials: JSON.parse(row.materials),
  };
}

export function sessionColumns(input: Partial<SessionInput>, previous?: SessionRow): Partial<SessionRow> {
  const out: Partial<SessionRow> = {};
  if (input.type !== undefined) out.type = input.type;
  if (input.title !== undefined)
    out.title = json(localize(input.title, previous ? JSON.parse(previous.title) : undefined));
  if (input.description !== undefined)
    out.description = json(
      localize(input.description, previous ? JSON.parse(previous.description) : undefined),
    );
  if (input.startsAt !== undefined) out.starts_at = new Date(input.startsAt).toISOString();
  if (input.endsAt !== undefined) out.ends_at = new Date(input.endsAt).toISOString();
  if (input.engagementAreas !== undefined) out.engagement_areas = json(input.engagementAreas);
  if (input.speakers !== undefined) out.speakers = json(input.speakers);
  if (input.materials !== undefined) out.materials = json(input.materials);
  return out;
}

export function toEventSummary(row: EventRow, now: Date): EventSummary {
  return {
    id: row.id,
    type: row.type as EventSummary["type"],
    format: row.format as EventSummary["format"],
    status: row.status as EventStatus,
    title: JSON.parse(row.title),
    summary: JSON.parse(row.summary),
    timeZone: row.time_zone,
    startDate: row.start_date,
    endDate: row.end_date,
    venue: row.venue,
    languages: JSON.parse(row.languages),
    capacity: row.capacity,
    acceptingApplications: acceptingApplications(row, now),
  };
}

export function toEventView(
  row: EventRow,
  sessions: SessionRow[],
  opts: { showLink: boolean; myApplication: EventView["myApplication"]; now: Date },
): EventView {
  return {
    ...toEventSummary(row, opts.now),
    onlineLink: opts.showLink ? row.online_link : null,
    hasOnlineLink: !!row.online_link,
    interpretation: JSON.parse(row.interpretation),
    target: { regions: [], countries: [], orgTypes: [], ...JSON.parse(row.target) },
    organisers: JSON.parse(row.organisers),
    partners: JSON.parse(row.partners),
    applicationsOpenAt: row.applications_open_at,
    applicationsCloseAt: row.applications_close_at,
    questions: JSON.parse(row.questions),
    consentText: JSON.parse(row.consent_text),
    endorsementRequired: !!row.endorsement_required,
    travelSupport: !!row.travel_support,
    attendanceThreshold: Number(row.attendance_threshold),
    diversityTargets: JSON.parse(row.diversity_targets),
    sessions: sessions.map(toSessionView),
    myApplication: opts.myApplication,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
