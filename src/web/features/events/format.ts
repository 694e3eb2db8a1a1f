/**
 * Dates, times and texts of events, formatted with Intl in the UI language. An event's dates are
 * calendar dates in its own time zone; its sessions are instants shown both in the event's zone and
 * in the viewer's.
 */
import { type LocalizedText, pickText } from "../../../shared/schemas/common.ts";
import { offsetLabel, offsetMinutes, readableDateTime, wallClock, zonedToUtc } from "../../../shared/time.ts";
import { langAttrs } from "../../data.ts";
import { currentLocale, formatLocale } from "../../i18n/index.ts";
import type { PlainTexts } from "./endpoints.ts";

export interface Picked {
  value: string;
  lang: string;
  fallback: boolean;
}

/** The text in the UI language, else in its original language (the one marked "original"). */
export function pickLocalized(text: LocalizedText | undefined, locale = currentLocale()): Picked {
  const original = Object.keys(text ?? {}).find((k) => text?.[k]?.origin === "original");
  return pickText(text, locale, original);
}

/** The same for plain per-language strings (questions and their options): first language is the original. */
export function pickPlain(texts: PlainTexts | undefined, locale = currentLocale()): Picked {
  if (!texts) return { value: "", lang: locale, fallback: false };
  if (texts[locale]?.trim()) return { value: texts[locale], lang: locale, fallback: false };
  const lang = Object.keys(texts).find((k) => texts[k]?.trim());
  return lang ? { value: texts[lang], lang, fallback: true } : { value: "", lang: locale, fallback: false };
}

export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

const utcDate = (d: string) => new Date(`${d}T12:00:00Z`);

/** "10–12 Nov 2020" for two calendar dates (YYYY-MM-DD). */
export function formatDateRange(start: string, end: string): string {
  if (!start) return "";
  const f = new Intl.DateTimeFormat(formatLocale(), { dateStyle: "medium", timeZone: "UTC" });
  if (!end || end === start) return f.format(utcDate(start));
  return f.formatRange(utcDate(start), utcDate(end));
}

/** "Tuesday 10 November 2020" for a calendar date. */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(formatLocale(), { dateStyle: "full", timeZone: "UTC" }).format(
    utcDate(date),
  );
}

/** "14:00–14:30" in a zone: a 24-hour clock in every language (no a.m./p.m. across time zones). */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, withDay = false): string {
  const f = readableDateTime(formatLocale(), {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    ...(withDay ? { weekday: "short", day: "numeric", month: "short" } : {}),
  });
  return f.formatRange(new Date(startIso), new Date(endIso));
}

/** An instant as date and time in a zone. */
export function formatInstant(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  return readableDateTime(formatLocale(), { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}

function zonePart(timeZone: string, at: Date, style: "shortGeneric" | "shortOffset" | "longGeneric") {
  try {
    return (
      new Intl.DateTimeFormat(formatLocale(), { timeZone, timeZoneName: style })
        .formatToParts(at)
        .find((p) => p.type === "timeZoneName")?.value ?? ""
    );
  } catch {
    return "";
  }
}

/** "Thailand Time (GMT+7)": the zone's name in the UI language and its offset at that instant. */
export function zoneName(timeZone: string, at: string | Date = new Date()): string {
  const when = typeof at === "string" ? new Date(at) : at;
  const name = zonePart(timeZone, when, "shortGeneric");
  const offset = zonePart(timeZone, when, "shortOffset");
  if (!name || name === offset) return offset || timeZone;
  return `${name} (${offset})`;
}

/** "Thailand Time": the zone's name alone, for a date and time already in a sentence. */
export function zoneShort(timeZone: string, at: string | Date = new Date()): string {
  const when = typeof at === "string" ? new Date(at) : at;
  return zonePart(timeZone, when, "shortGeneric") || zonePart(timeZone, when, "shortOffset") || timeZone;
}

/** Do the event's zone and the viewer's show a different clock at that instant? */
export function zonesDiffer(timeZone: string, at: string | Date): boolean {
  try {
    return offsetMinutes(timeZone, at) !== offsetMinutes(viewerTimeZone(), at);
  } catch {
    return false;
  }
}

/** Is the instant on another calendar day for the viewer than in the event's zone? */
export function otherDay(timeZone: string, at: string): boolean {
  const a = wallClock(timeZone, at);
  const b = wallClock(viewerTimeZone(), at);
  return a.day !== b.day || a.month !== b.month || a.year !== b.year;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as "YYYY-MM-DDTHH:mm" on the wall clock of a zone (for datetime-local inputs). */
export function toLocalInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  try {
    const w = wallClock(timeZone, iso);
    return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  } catch {
    return "";
  }
}

/** "YYYY-MM-DDTHH:mm" on the wall clock of a zone → ISO-8601 with that zone's offset, or "" if invalid. */
export function fromLocalInput(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return "";
  try {
    const [year, month, day, hour, minute] = m.slice(1).map(Number);
    const ms = zonedToUtc(timeZone, { year, month, day, hour, minute });
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${offsetLabel(offsetMinutes(timeZone, ms))}`;
  } catch {
    return "";
  }
}

/** "UTC+07:00" for a zone at a date, to say in which zone times are entered. */
export function offsetOf(timeZone: string, date?: string): string {
  try {
    const at = date ? new Date(`${date}T12:00:00Z`) : new Date();
    return `UTC${offsetLabel(offsetMinutes(timeZone, at))}`;
  } catch {
    return "";
  }
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

export function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf: (k: string) => string[] }).supportedValuesOf("timeZone");
  } catch {
    return ["Asia/Bangkok", "Europe/Vienna", "America/New_York", "UTC"];
  }
}

/** "35 %" in the UI language; "—" when unknown. */
export function formatPercent(share: number | null | undefined): string {
  if (share == null || Number.isNaN(share)) return "—";
  return new Intl.NumberFormat(formatLocale(), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** The name of a language (ISO 639 code) in the UI language. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([formatLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** lang/dir attributes for a picked text: the language is marked only when it is not the UI's. */
export function textAttrs(p: Picked) {
  return langAttrs(p.lang, p.fallback);
}
