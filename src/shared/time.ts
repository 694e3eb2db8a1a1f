/**
 * Time-zone arithmetic with the runtime's own IANA database (Intl), shared by server and web.
 * Instants are ISO-8601 strings or epoch milliseconds; local dates are YYYY-MM-DD in a zone.
 */

/**
 * A date and time formatter for people to read: a 24-hour clock in every language (a.m./p.m. is
 * ambiguous across time zones and foreign to several of the six languages).
 */
export function readableDateTime(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, hourCycle: "h23" });
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function fmt(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(
  timeZone: string,
  at: number | string | Date,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const ms = typeof at === "number" ? at : new Date(at).getTime();
  const out: Record<string, number> = {};
  for (const p of fmt(timeZone).formatToParts(ms)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour % 24,
    minute: out.minute,
    second: out.second,
  };
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Bangkok → 420). */
export function offsetMinutes(timeZone: string, at: number | string | Date): number {
  const ms = typeof at === "number" ? at : new Date(at).getTime();
  const w = wallClock(timeZone, ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(timeZone: string, at: number | string | Date): string {
  const w = wallClock(timeZone, at);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The instant at which a wall-clock time occurs in a zone (the earlier one in a DST overlap). */
export function zonedToUtc(
  timeZone: string,
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
): number {
  const guess = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0,
  );
  // Two passes settle the offset, including near a DST change.
  let t = guess - offsetMinutes(timeZone, guess) * 60000;
  t = guess - offsetMinutes(timeZone, t) * 60000;
  return t;
}

/** "+07:00" style offset label. */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Whole days from date a to date b (YYYY-MM-DD), inclusive of both ends. */
export function daysInclusive(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000) + 1;
}

/** The Intl locale for a UI language: UN English is British English. */
export function intlLocale(lang: string): string {
  return lang === "en" ? "en-GB" : lang;
}

/** "10–12 November 2020" in a language (Chinese written out: 2020年11月10日至12日). */
export function formatDateRange(lang: string, start: string, end: string): string {
  const a = new Date(`${start}T12:00:00Z`);
  const b = new Date(`${end}T12:00:00Z`);
  const f = new Intl.DateTimeFormat(intlLocale(lang), {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  if (start === end) return f.format(a);
  if (lang === "zh") {
    const [y1, m1, d1] = start.split("-").map(Number);
    const [y2, m2, d2] = end.split("-").map(Number);
    if (y1 === y2 && m1 === m2) return `${y1}年${m1}月${d1}日至${d2}日`;
    if (y1 === y2) return `${y1}年${m1}月${d1}日至${m2}月${d2}日`;
    return `${f.format(a)}至${f.format(b)}`;
  }
  return f.formatRange(a, b);
}
