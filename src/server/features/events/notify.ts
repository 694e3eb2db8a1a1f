import { pickText } from "../../../shared/schemas/common.ts";
import { formatDateRange, intlLocale, readableDateTime } from "../../../shared/time.ts";
import { afterCommit, type Ctx } from "../../platform/context.ts";
import { serverT } from "../../platform/i18n/messages.ts";
import { buildIcs } from "./ics.ts";
import type { EventRow, SessionRow } from "./mapping.ts";

/** The language of each address's account (English when there is none). */
export async function localesOf(ctx: Ctx, emails: string[]): Promise<Map<string, string>> {
  const list = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!list.length) return new Map();
  const rows = await ctx.db
    .selectFrom("user")
    .select(["email", "locale"])
    .where("email", "in", list)
    .execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.locale ?? "en"]));
}

export function eventTitle(event: EventRow, locale: string): string {
  return pickText(JSON.parse(event.title), locale).value;
}

/** "10–12 November 2020" style date range in a language. */
export function dateRange(event: Pick<EventRow, "start_date" | "end_date">, locale: string): string {
  return formatDateRange(locale, event.start_date, event.end_date);
}

export function sessionTime(iso: string, timeZone: string, locale: string): string {
  return readableDateTime(intlLocale(locale), { dateStyle: "full", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}

export function eventUrl(ctx: Ctx, eventId: string): string {
  return `${ctx.config.publicUrl}/events/${eventId}`;
}

export function icsFor(
  ctx: Ctx,
  event: EventRow,
  sessions: SessionRow[],
  locale: string,
  withLink: boolean,
): string {
  return buildIcs({
    uidBase: event.id,
    host: new URL(ctx.config.publicUrl).hostname,
    timeZone: event.time_zone,
    title: eventTitle(event, locale),
    description: pickText(JSON.parse(event.summary), locale).value || undefined,
    location: withLink && event.online_link ? event.online_link : event.venue,
    url: eventUrl(ctx, event.id),
    startDate: event.start_date,
    endDate: event.end_date,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: pickText(JSON.parse(s.title), locale).value,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
    })),
    stamp: ctx.now(),
  });
}

/**
 * Sends one event message to each recipient in their language; `extra` adds per-locale
 * variables; `ics` attaches the calendar file when true.
 */
export function sendEventMail(ctx: Ctx, opts: Parameters<typeof sendEventMailNow>[1]): Promise<void> {
  return afterCommit(ctx, (root) => sendEventMailNow(root, opts));
}

async function sendEventMailNow(
  ctx: Ctx,
  opts: {
    event: EventRow;
    sessions?: SessionRow[];
    to: string[];
    template: string;
    kind: string;
    vars?: Record<string, string> | ((locale: string) => Record<string, string>);
    ics?: boolean;
    withLink?: boolean;
  },
): Promise<void> {
  const locales = await localesOf(ctx, opts.to);
  for (const address of new Set(opts.to.map((a) => a.toLowerCase()))) {
    const locale = locales.get(address) ?? "en";
    const vars: Record<string, string> = {
      event: eventTitle(opts.event, locale),
      dates: dateRange(opts.event, locale),
      url: eventUrl(ctx, opts.event.id),
      link: opts.withLink && opts.event.online_link ? opts.event.online_link : "",
      ...(typeof opts.vars === "function" ? opts.vars(locale) : opts.vars),
    };
    if (opts.withLink && opts.event.online_link)
      vars.linkLine = serverT(locale, "mail.event.linkLine", { link: opts.event.online_link });
    else vars.linkLine = "";
    await ctx.mail.send({
      to: address,
      locale,
      kind: opts.kind,
      subject: serverT(locale, `mail.${opts.template}.subject`, vars),
      text: serverT(locale, `mail.${opts.template}.body`, vars),
      attachments: opts.ics
        ? [
            {
              filename: "event.ics",
              content: icsFor(ctx, opts.event, opts.sessions ?? [], locale, !!opts.withLink),
              contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            },
          ]
        : undefined,
    });
  }
}
