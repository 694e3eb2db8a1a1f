import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sampleOrg, signIn, type TestApp } from "../../testing.ts";
import { secretFromUri, totp } from "../../testing-totp.ts";

/** Accounts end to end, with mail delivered over real SMTP to a test server. */
describe("accounts: sign-up, verification over SMTP, sessions, CSRF, back-off, two-step verification", () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Array<{ to: string; raw: string }> = [];
  const origin = { origin: "http://localhost:3000" };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (c) => (raw += c.toString()));
        stream.on("end", () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const decode = (raw: string) =>
    raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));

  let cookie = "";
  const email = "amina.rahman@ngo.example";
  const password = "a-long-secret-passphrase";

  it("signs up, sends the verification mail in the user's language over SMTP, and verifies", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: origin,
      payload: { name: "Amina Rahman", email, password, locale: "fr", callbackURL: "/" },
    });
    expect(res.statusCode).toBe(200);
    await expect.poll(() => inbox.filter((m) => m.to === email).length, { timeout: 5000 }).toBe(1);
    const mail = decode(inbox.find((m) => m.to === email)!.raw);
    expect(mail).toMatch(/Subject: .*(Confirmez|=\?UTF-8\?)/);
    const link = mail.match(/http:\/\/localhost:3000\/api\/auth\/verify-email\?[^\s]+/)![0];
    // Not verified yet: sign-in is refused.
    const early = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: origin,
      payload: { email, password },
    });
    expect(early.statusCode).toBe(403);
    const verify = await t.app.inject({ url: link.replace("http://localhost:3000", "") });
    expect([200, 302]).toContain(verify.statusCode);
    const outbox = await t.rt.database.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", email)
      .execute();
    expect(outbox[0].status).toBe("sent");
    expect(outbox[0].locale).toBe("fr");
  });

  it("signs in with a database session in an HttpOnly, SameSite cookie", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: origin,
      payload: { email, password },
    });
    expect(res.statusCode).toBe(200);
    const set = ([] as string[])
      .concat(res.headers["set-cookie"] ?? [])
      .find((c) => c.startsWith("untoc.session_token="))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    cookie = set.split(";")[0];
    const me = (await t.app.inject({ url: "/api/me", headers: { cookie } })).json();
    expect(me.user).toMatchObject({ email, locale: "fr", emailVerified: true, roles: [] });
    const session = await t.rt.database.db.selectFrom("session").selectAll().execute();
    expect(session.length).toBeGreaterThan(0);
    // better-auth's own writes reach the audit log too.
    const audit = await t.rt.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_label"])
      .where("actor_id", "=", me.user.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.create", "user.update", "session.create"]),
    );
    expect(audit.every((a) => a.actor_label === email)).toBe(true);
  });

  it("refuses cookie-authenticated mutations without the CSRF header or from another origin", async () => {
    const body = sampleOrg({ names: { en: "CSRF Test Org" } });
    const bare = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: { cookie },
      payload: body,
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe("csrf");
    const evil = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: { cookie, origin: "https://evil.example", "x-requested-with": "fetch" },
      payload: body,
    });
    expect(evil.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: { cookie, ...origin, "x-requested-with": "fetch" },
      payload: body,
    });
    expect(ok.statusCode).toBe(201);
  });

  it("backs off after repeated failed sign-ins", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { ...origin, "x-forwarded-for": "10.9.9.9" },
        payload: { email, password: "wrong-password-xx" },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
        expect(res.json().code).toBe("rate_limited");
      }
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toBe(429);
    // Even the right password waits until the back-off has passed.
    const right = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: origin,
      payload: { email, password },
    });
    expect(right.statusCode).toBe(429);
  });

  it("requires two-step verification before secretariat functions, then asks for the code at sign-in", async () => {
    const staff = await t.user({ roles: ["secretariat"], password: "staff-password-123" });
    let staffCookie = await signIn(t.app, staff.email, staff.password);
    const denied = await t.app.inject({ url: "/api/admin/outbox", headers: { cookie: staffCookie } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe("two_factor_required");
    const enable = await t.app.inject({
      method: "POST",
      url: "/api/auth/two-factor/enable",
      headers: { cookie: staffCookie, ...origin },
      payload: { password: staff.password },
    });
    expect(enable.statusCode).toBe(200);
    const secret = secretFromUri(enable.json().totpURI);
    expect(secret.length).toBeGreaterThan(10);
    const confirm = await t.app.inject({
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      headers: { cookie: staffCookie, ...origin },
      payload: { code: totp(secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const newCookies = ([] as string[])
      .concat(confirm.headers["set-cookie"] ?? [])
      .map((c) => c.split(";")[0]);
    if (newCookies.length) staffCookie = newCookies.join("; ");
    expect(
      (await t.app.inject({ url: "/api/admin/outbox", headers: { cookie: staffCookie } })).statusCode,
    ).toBe(200);

    // A fresh sign-in now stops at the second step.
    const first = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: origin,
      payload: { email: staff.email, password: staff.password },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().twoFactorRedirect).toBe(true);
    const pending = ([] as string[])
      .concat(first.headers["set-cookie"] ?? [])
      .map((c) => c.split(";")[0])
      .join("; ");
    const second = await t.app.inject({
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      headers: { cookie: pending, ...origin },
      payload: { code: totp(secret) },
    });
    expect(second.statusCode).toBe(200);
  });

  it("sends password reset mail and accepts the new password", async () => {
    const before = inbox.length;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: origin,
      payload: { email: "nobody@x.example", redirectTo: "/reset-password" },
    });
    expect(res.statusCode).toBe(200);
    const user = await t.user({ password: "old-password-123" });
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: origin,
      payload: { email: user.email, redirectTo: "/reset-password" },
    });
    await expect.poll(() => inbox.length, { timeout: 5000 }).toBe(before + 1);
    const mail = decode(inbox[inbox.length - 1].raw);
    const token =
      mail.match(/reset-password\/([A-Za-z0-9_-]+)/)?.[1] ?? mail.match(/token=([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      headers: origin,
      payload: { newPassword: "new-password-456", token },
    });
    expect(reset.statusCode).toBe(200);
    await signIn(t.app, user.email, "new-password-456");
  });
});

describe("CSRF with odd Origin headers", () => {
  it("refuses a malformed or null Origin instead of failing", async () => {
    const t = await createTestApp();
    try {
      const u = await t.user({ password: "a-long-secret-passphrase" });
      const cookie = await signIn(t.app, u.email, u.password);
      for (const origin of ["null", "not a url"]) {
        const res = await t.app.inject({
          method: "POST",
          url: "/api/me/tokens",
          headers: { cookie, origin, "x-requested-with": "fetch" },
          payload: { name: "x" },
        });
        expect(res.statusCode, origin).toBe(403);
        expect(res.json().code).toBe("csrf");
      }
    } finally {
      await t.close();
    }
  });
});
