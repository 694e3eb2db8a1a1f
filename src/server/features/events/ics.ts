import { offsetMinutes, wallClock } from "../../../shared/time.ts";

/**
 * An iCalendar file (RFC 5545) for an event: one VEVENT per session (or one all-day VEVENT when
 * there is no agenda yet), with times in the event's own zone. The zone is described by a
 * VTIMEZONE with the offset in force during the event; if the offset changes during the event
 * (a DST change), times are written in UTC instead, which every client reads correctly.
 */
export interface IcsInput {
  uidBase: string; // e.g. the event id
  host: string; // e.g. engage.example.org
  timeZone: string;
  title: string;
  description?: string;
  location?: string | null;
  url?: string | null;
  startDate: string;
  endDate: string;
  sessions: Array<{ id: string; title: string; startsAt: string; endsAt: string }>;
  organizer?: { name: string; email: string };
  stamp: Date;
  method?: "PUBLISH" | "REQUEST";
}

const escapeText = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Folds a content line at 75 octets (UTF-8), never splitting a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

const pad = (n: number) => String(n).padStart(2, "0");
const utcStamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
const localStamp = (tz: string, iso: string) => {
  const w = wallClock(tz, iso);
  return `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
};
const offsetIcs = (m: number) => {
  const sign = m < 0 ? "-" : "+";
  const a = Math.abs(m);
  return `${sign}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
};

export function buildIcs(input: IcsInput): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//UNTOC Engage//Events//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${input.method ?? "PUBLISH"}`,
  ];
  const instants = input.sessions.flatMap((s) => [s.startsAt, s.endsAt]);
  const offsets = new Set(instants.map((t) => offsetMinutes(input.timeZone, t)));
  const zoned = input.sessions.length > 0 && offsets.size === 1;
  if (zoned) {
    const off = offsetIcs([...offsets][0]);
    lines.push(
      "BEGIN:VTIMEZONE",
      `TZID:${input.timeZone}`,
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${off}`,
      `TZOFFSETTO:${off}`,
      `TZNAME:${off.slice(0, 3)}`,
      "END:STANDARD",
      "END:VTIMEZONE",
    );
  }
  const common = (uid: string, summary: string) => {
    const l = [
      `UID:${uid}@${input.host}`,
      `DTSTAMP:${utcStamp(input.stamp)}`,
      `SUMMARY:${escapeText(summary)}`,
    ];
    if (input.description) l.push(`DESCRIPTION:${escapeText(input.description)}`);
    if (input.location) l.push(`LOCATION:${escapeText(input.location)}`);
    if (input.url) l.push(`URL:${input.url}`);
    if (input.organizer)
      l.push(`ORGANIZER;CN=${escapeText(input.organizer.name)}:mailto:${input.organizer.email}`);
    return l;
  };
  if (input.sessions.length === 0) {
    const end = new Date(`${input.endDate}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    lines.push(
      "BEGIN:VEVENT",
      ...common(input.uidBase, input.title),
      `DTSTART;VALUE=DATE:${input.startDate.replace(/-/g, "")}`,
      `DTEND;VALUE=DATE:${end.toISOString().slice(0, 10).replace(/-/g, "")}`,
      "END:VEVENT",
    );
  }
  for (const s of input.sessions) {
    const time = (prop: string, iso: string) =>
      zoned
        ? `${prop};TZID=${input.timeZone}:${localStamp(input.timeZone, iso)}`
        : `${prop}:${utcStamp(new Date(iso))}`;
    lines.push(
      "BEGIN:VEVENT",
      ...common(`${input.uidBase}-${s.id}`, `${input.title} — ${s.title}`),
      time("DTSTART", s.startsAt),
      time("DTEND", s.endsAt),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
