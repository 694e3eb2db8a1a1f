import { uuidv7 } from "uuidv7";
import type { Ctx } from "./context.ts";

/**
 * Tells people about something, in their language, by e-mail and in the app, as each of them
 * chose (both by default). People without an account (known by e-mail only) get e-mail.
 */
export async function notify(
  ctx: Ctx,
  opts: {
    emails: string[];
    kind: string;
    data: Record<string, unknown>;
    message: (locale: string) => { subject: string; text: string };
  },
): Promise<void> {
  const emails = [...new Set(opts.emails.map((e) => e.toLowerCase()))];
  if (!emails.length) return;
  const users = await ctx.db
    .selectFrom("user")
    .select(["id", "email", "locale"])
    .where("email", "in", emails)
    .execute();
  const prefs = users.length
    ? await ctx.db
        .selectFrom("notification_preference")
        .selectAll()
        .where(
          "user_id",
          "in",
          users.map((u) => u.id),
        )
        .where("kind", "in", [opts.kind, "*"])
        .execute()
    : [];
  for (const address of emails) {
    const user = users.find((u) => u.email.toLowerCase() === address);
    const pref =
      (user && prefs.find((p) => p.user_id === user.id && p.kind === opts.kind)) ||
      (user && prefs.find((p) => p.user_id === user.id && p.kind === "*"));
    const email = pref ? !!pref.email : true;
    const inApp = pref ? !!pref.in_app : true;
    const locale = user?.locale ?? "en";
    if (user && inApp)
      await ctx.db
        .insertInto("notification")
        .values({
          id: uuidv7(),
          user_id: user.id,
          kind: opts.kind,
          data: JSON.stringify(opts.data),
          read_at: null,
          created_at: ctx.now().toISOString(),
        })
        .execute();
    if (email) {
      const m = opts.message(locale);
      await ctx.mail.send({ to: address, locale, kind: opts.kind, subject: m.subject, text: m.text });
    }
  }
}
