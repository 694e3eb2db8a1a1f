import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { twoFactor } from "better-auth/plugins";
import type { Config } from "../config.ts";
import type { Database } from "../db/index.ts";
import { writeAudit } from "./audit.ts";
import { serverT } from "./i18n/messages.ts";
import type { Mailer } from "./mail.ts";

export type AuthOptions = Parameters<typeof betterAuth>[0];

/**
 * better-auth handles credentials: e-mail + password (scrypt), e-mail verification, password reset,
 * database sessions, TOTP two-factor and passkeys. Platform roles live in our own tables.
 */
export function authOptions(config: Config, database: Database, mailer: Mailer): AuthOptions {
  const url = new URL(config.publicUrl);
  const actorOf = async (userId: string) => {
    const row = await database.db
      .selectFrom("user")
      .select("email")
      .where("id", "=", userId)
      .executeTakeFirst();
    return { userId, email: row?.email ?? userId };
  };
  return {
    appName: "UNTOC Engage",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    // A local installation answers on localhost and on 127.0.0.1 alike.
    trustedOrigins:
      url.hostname === "localhost"
        ? [config.publicUrl, `${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ""}`]
        : [config.publicUrl],
    database: { db: database.db as any, type: database.dialect },
    user: {
      additionalFields: {
        locale: { type: "string", required: false, defaultValue: "en", input: true },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      resetPasswordTokenExpiresIn: 3600,
      async sendResetPassword({ user, url }) {
        const locale = (user as { locale?: string }).locale ?? "en";
        await mailer.send({
          to: user.email,
          locale,
          kind: "password-reset",
          subject: serverT(locale, "mail.reset.subject"),
          text: serverT(locale, "mail.reset.body", { name: user.name, url }),
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      async sendVerificationEmail({ user, url }) {
        const locale = (user as { locale?: string }).locale ?? "en";
        await mailer.send({
          to: user.email,
          locale,
          kind: "verify-email",
          subject: serverT(locale, "mail.verify.subject"),
          text: serverT(locale, "mail.verify.body", { name: user.name, url }),
        });
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
        "/two-factor/verify-totp": { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: "untoc",
      useSecureCookies: url.protocol === "https:",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      // Our start-up applies better-auth's migrations itself (migrateAuth).
      database: { validateSchema: false } as any,
    },
    // Account changes made through better-auth (sign-up, verification, two-step setup, password
    // changes, sign-ins) go to the same audit log as every other mutation.
    databaseHooks: {
      user: {
        create: {
          async after(user) {
            await writeAudit(database.db, {
              actor: { userId: user.id, email: user.email },
              action: "user.create",
              entity: "user",
              entityId: user.id,
              after: { email: user.email, name: user.name, emailVerified: user.emailVerified },
            });
          },
        },
        update: {
          async after(user) {
            await writeAudit(database.db, {
              actor: { userId: user.id, email: user.email },
              action: "user.update",
              entity: "user",
              entityId: user.id,
              after: {
                email: user.email,
                name: user.name,
                emailVerified: user.emailVerified,
                twoFactorEnabled: (user as { twoFactorEnabled?: unknown }).twoFactorEnabled ?? null,
              },
            });
          },
        },
      },
      account: {
        update: {
          async after(account) {
            await writeAudit(database.db, {
              actor: await actorOf(account.userId),
              action: "account.update",
              entity: "user",
              entityId: account.userId,
              after: { provider: account.providerId, passwordChanged: !!account.password },
            });
          },
        },
      },
      session: {
        create: {
          async after(session) {
            await writeAudit(database.db, {
              actor: await actorOf(session.userId),
              action: "session.create",
              entity: "user",
              entityId: session.userId,
              ip: session.ipAddress ?? null,
            });
          },
        },
      },
    },
    plugins: [
      twoFactor({ issuer: "UNTOC Engage" }),
      passkey({ rpID: url.hostname, rpName: "UNTOC Engage", origin: config.publicUrl }),
    ],
    telemetry: { enabled: false },
  };
}

export function createAuth(options: AuthOptions) {
  return betterAuth(options);
}
export type Auth = ReturnType<typeof createAuth>;

/** Creates or updates better-auth's own tables. */
export async function migrateAuth(options: AuthOptions): Promise<void> {
  const { runMigrations } = await getMigrations(options);
  await runMigrations();
}
