import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import { uuidv7 } from "uuidv7";
import { nowIso } from "../db/index.ts";
import type { DB } from "../db/schema.ts";
import { serverT } from "./i18n/messages.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  locale: string;
  kind: string;
  attachments?: Array<{ filename: string; content: string | Buffer; contentType?: string }>;
}

export interface Mailer {
  /** Records the message in the outbox and, when SMTP is configured, sends it. */
  send(message: MailMessage): Promise<{ id: string; status: "stored" | "sent" | "failed" }>;
  /**
   * Sends a catalogue message (mail.<template>.subject / .body) to each recipient in the language
   * of their account (English for addresses without one).
   */
  sendTemplate(message: {
    to: string[];
    kind: string;
    template: string;
    vars: Record<string, string>;
    attachments?: MailMessage["attachments"];
  }): Promise<void>;
  close(): void;
}

export function createMailer(db: Kysely<DB>, opts: { smtpUrl?: string; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  const mailer: Mailer = {
    async sendTemplate({ to, kind, template, vars, attachments }) {
      const recipients = [...new Set(to.map((a) => a.toLowerCase()))];
      if (!recipients.length) return;
      const rows = await db
        .selectFrom("user")
        .select(["email", "locale"])
        .where("email", "in", recipients)
        .execute();
      for (const address of recipients) {
        const locale = rows.find((r) => r.email === address)?.locale ?? "en";
        await mailer.send({
          to: address,
          locale,
          kind,
          subject: serverT(locale, `mail.${template}.subject`, vars),
          text: serverT(locale, `mail.${template}.body`, vars),
          attachments,
        });
      }
    },
    async send(m) {
      const id = uuidv7();
      await db
        .insertInto("outbox")
        .values({
          id,
          created_at: nowIso(),
          to_address: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html ?? null,
          locale: m.locale,
          kind: m.kind,
          status: "stored",
          error: null,
          sent_at: null,
        })
        .execute();
      if (!transport) return { id, status: "stored" };
      try {
        await transport.sendMail({
          from: opts.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          attachments: m.attachments,
          headers: { "Content-Language": m.locale },
        });
        await db
          .updateTable("outbox")
          .set({ status: "sent", sent_at: nowIso() })
          .where("id", "=", id)
          .execute();
        return { id, status: "sent" };
      } catch (err) {
        await db
          .updateTable("outbox")
          .set({ status: "failed", error: String((err as Error).message).slice(0, 1000) })
          .where("id", "=", id)
          .execute();
        return { id, status: "failed" };
      }
    },
    close() {
      transport?.close();
    },
  };
  return mailer;
}
