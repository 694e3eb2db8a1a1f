import { randomInt } from "node:crypto";
import { LOCALES, type Locale, pickText } from "../../../shared/schemas/common.ts";
import { writeAudit } from "../../platform/audit.ts";
import { afterCommit, type Ctx, inTransaction } from "../../platform/context.ts";
import { AppError, unauthorized } from "../../platform/errors.ts";
import { serverT } from "../../platform/i18n/messages.ts";
import { renderCertificate } from "../../platform/pdf/index.ts";
import { personByUser } from "../people/service.ts";
import { attendanceSummary } from "./attendance/service.ts";
import { dateRange, localesOf, sendEventMail } from "./notify.ts";
import { loadEvent } from "./service.ts";

/** Verification codes: 12 characters from an alphabet without look-alikes (≈ 60 bits). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function newCode(): string {
  let s = "";
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
const normalizeCode = (code: string) =>
  code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/^(.{4})(.{4})(.{4})$/, "$1-$2-$3");

export const verifyUrl = (ctx: Ctx, code: string) => `${ctx.config.publicUrl}/verify/${code}`;

/**
 * Issues certificates to every participant who met the attendance threshold and has none yet,
 * in the language of their account, and tells them by e-mail. Idempotent.
 */
export async function issueCertificates(ctx: Ctx, eventId: string, opts: { notify?: boolean } = {}) {
  const event = await loadEvent(ctx, eventId);
  const summary = await attendanceSummary(ctx, eventId);
  const eligible = summary.participants.filter((p) => p.attended);
  const existing = new Set(
    (
      await ctx.db.selectFrom("certificate").select("person_id").where("event_id", "=", eventId).execute()
    ).map((r) => r.person_id),
  );
  const todo = eligible.filter((p) => !existing.has(p.personId));
  const people = todo.length
    ? await ctx.db
        .selectFrom("person")
        .select(["id", "email", "given_name", "family_name", "anonymized_at"])
        .where(
          "id",
          "in",
          todo.map((p) => p.personId),
        )
        .execute()
    : [];
  const locales = await localesOf(ctx, people.map((p) => p.email ?? "").filter(Boolean));
  const issued: Array<{ code: string; personId: string; email: string | null; locale: string }> = [];
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    for (const p of todo) {
      const person = people.find((x) => x.id === p.personId);
      if (!person || person.anonymized_at) continue;
      const locale = (person.email && locales.get(person.email.toLowerCase())) || "en";
      const code = newCode();
      await tx.db
        .insertInto("certificate")
        .values({
          code,
          event_id: eventId,
          person_id: p.personId,
          name: `${person.given_name} ${person.family_name}`.trim(),
          locale: (LOCALES as readonly string[]).includes(locale) ? locale : "en",
          seconds: Math.round(p.seconds),
          issued_at: now,
          revoked_at: null,
        })
        .execute();
      issued.push({ code, personId: p.personId, email: person.email, locale });
    }
    await writeAudit(tx.db, {
      actor: tx.actor,
      action: "certificate.issue",
      entity: "event",
      entityId: eventId,
      after: { issued: issued.length, codes: issued.map((i) => i.code) },
      ip: tx.ip,
    });
    await afterCommit(tx, async (root) => {
      if (opts.notify === false) return;
      for (const i of issued)
        if (i.email)
          await sendEventMail(root, {
            event,
            to: [i.email],
            template: "certificateIssued",
            kind: "certificate.issued",
            vars: {
              certificate: `${root.config.publicUrl}/api/certificates/${i.code}/pdf`,
              verify: verifyUrl(root, i.code),
            },
          });
    });
  });
  return {
    issued: issued.length,
    alreadyIssued: existing.size,
    notEligible: summary.participants.length - eligible.length,
  };
}

async function loadCertificate(ctx: Ctx, code: string) {
  const row = await ctx.db
    .selectFrom("certificate as c")
    .innerJoin("event as e", "e.id", "c.event_id")
    .select([
      "c.code",
      "c.name",
      "c.locale",
      "c.seconds",
      "c.issued_at",
      "c.revoked_at",
      "c.person_id",
      "e.id as event_id",
      "e.title",
      "e.start_date",
      "e.end_date",
      "e.format",
      "e.time_zone",
    ])
    .where("c.code", "=", normalizeCode(code))
    .executeTakeFirst();
  if (!row) throw new AppError(404, "certificate_not_found", "No certificate has this code.");
  return row;
}

/** Public verification: the name, the event and its dates — nothing else. */
export async function verifyCertificate(ctx: Ctx, code: string) {
  const c = await loadCertificate(ctx, code);
  return {
    code: c.code,
    valid: !c.revoked_at,
    name: c.name,
    event: { id: c.event_id, title: JSON.parse(c.title), startDate: c.start_date, endDate: c.end_date },
    issuedOn: c.issued_at.slice(0, 10),
  };
}

const hours = (seconds: number, lang: string) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  const nf = new Intl.NumberFormat(lang);
  return serverT(lang, "certificate.duration", { h: nf.format(h), m: nf.format(m) });
};

/** The certificate as PDF, in the participant's language unless another one is asked for. */
export async function certificatePdf(ctx: Ctx, code: string, lang?: string): Promise<Buffer> {
  const c = await loadCertificate(ctx, code);
  if (c.revoked_at) throw new AppError(404, "certificate_not_found", "This certificate was withdrawn.");
  const l = (lang && (LOCALES as readonly string[]).includes(lang) ? lang : c.locale) as Locale;
  const event = { title: c.title, start_date: c.start_date, end_date: c.end_date };
  return renderCertificate({
    lang: l,
    heading: serverT(l, "certificate.heading"),
    preamble: serverT(l, "certificate.preamble"),
    name: c.name,
    body: serverT(l, "certificate.body", {
      event: pickText(JSON.parse(c.title), l).value,
      format: serverT(l, `report.format.${c.format}`),
      dates: dateRange(event, l),
    }),
    details: [serverT(l, "certificate.attendance", { duration: hours(c.seconds, l) })],
    issuer: serverT(l, "certificate.issuer"),
    issuedOn: serverT(l, "certificate.issuedOn", {
      date: new Intl.DateTimeFormat(l, { dateStyle: "long", timeZone: "UTC" }).format(new Date(c.issued_at)),
    }),
    code: c.code,
    verifyUrl: verifyUrl(ctx, c.code),
    verifyLabel: serverT(l, "certificate.verify"),
  });
}

/** The caller's certificates. */
export async function myCertificates(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  const person = await personByUser(ctx.db, ctx.actor.userId);
  if (!person) return [];
  const rows = await ctx.db
    .selectFrom("certificate as c")
    .innerJoin("event as e", "e.id", "c.event_id")
    .select([
      "c.code",
      "c.issued_at",
      "c.revoked_at",
      "e.id as event_id",
      "e.title",
      "e.start_date",
      "e.end_date",
    ])
    .where("c.person_id", "=", person.id)
    .orderBy("e.start_date", "desc")
    .execute();
  return rows.map((r) => ({
    code: r.code,
    issuedOn: r.issued_at.slice(0, 10),
    valid: !r.revoked_at,
    event: { id: r.event_id, title: JSON.parse(r.title), startDate: r.start_date, endDate: r.end_date },
    pdf: `/api/certificates/${r.code}/pdf`,
  }));
}
