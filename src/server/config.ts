import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";

/** Typed configuration, read from the environment once at start. See README "Configuration". */
const boolFromEnv = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no"])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

/**
 * TRUST_PROXY: true, false, or a comma-separated list of Fastify (proxy-addr) names, addresses
 * and ranges. A bare number is refused: proxy-addr would read "1" as the address 0.0.0.1, not as
 * a number of hops.
 */
function validTrustProxy(v: string): boolean {
  if (v === "true" || v === "false") return true;
  return v.split(",").every((part) => {
    const p = part.trim();
    if (["loopback", "linklocal", "uniquelocal"].includes(p)) return true;
    const [addr, bits, ...rest] = p.split("/");
    const kind = isIP(addr);
    if (!kind || rest.length) return false;
    if (bits === undefined) return true;
    if (kind === 4 && isIP(bits) === 4) return true; // a netmask, 255.0.0.0
    const n = /^[0-9]{1,3}$/.test(bits) ? Number(bits) : -1;
    return n >= 0 && n <= (kind === 4 ? 32 : 128);
  });
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(postgres(ql)?:\/\/|sqlite:|file:)/.test(v) || !v.includes("://"), {
      message: "must be postgres://…, sqlite:PATH or a file path",
    })
    .optional(),
  PUBLIC_URL: z.url({ message: "must be an absolute URL such as https://engage.example.org" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("UNTOC Engage <no-reply@untoc-engage.local>"),
  ADMIN_EMAIL: z.email({ message: "must be an e-mail address" }).optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SEED_DEMO: boolFromEnv.optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  REQUIRE_STAFF_2FA: boolFromEnv.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
  TRUST_PROXY: z
    .string()
    .refine(validTrustProxy, {
      message:
        'must be "true", "false", or proxies separated by commas: "loopback", "linklocal", "uniquelocal", an IP address or a range such as 10.0.0.0/8',
    })
    .default("loopback"),
  WORKERS: z
    .string()
    .regex(/^(auto|[1-9][0-9]?)$/, 'must be "auto" or a number of processes from 1 to 99')
    .default("1"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  admin?: { email: string; password: string };
  seedDemo: boolean | undefined;
  authSecret: string;
  requireStaff2fa: boolean;
  logLevel: string;
  production: boolean;
  /** Server processes sharing the port (1: none forked); "auto" is one per available CPU. */
  workers: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the caller's address (sign-in rate limits, audit
   * log), in Fastify's trustProxy terms. Default: proxies on this machine only.
   */
  trustProxy: boolean | string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if ((e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) || (!e.ADMIN_EMAIL && e.ADMIN_PASSWORD)) {
    throw new ConfigError("Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be given together");
  }
  const dataDir = resolve(e.DATA_DIR);
  const url = e.DATABASE_URL;
  const database: Config["database"] =
    url && /^postgres(ql)?:\/\//.test(url)
      ? { dialect: "postgres", url }
      : {
          dialect: "sqlite",
          file: url ? url.replace(/^(sqlite|file):/, "") : join(dataDir, "untoc-engage.sqlite"),
        };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    // On a loopback or all-interfaces host the default address is "localhost": passkeys need a
    // domain name as their relying party, and an IP address is not one.
    publicUrl: (
      e.PUBLIC_URL ??
      `http://${e.HOST === "0.0.0.0" || e.HOST === "127.0.0.1" || e.HOST === "::1" ? "localhost" : e.HOST}:${e.PORT}`
    ).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    seedDemo: e.SEED_DEMO,
    authSecret: e.AUTH_SECRET ?? "",
    requireStaff2fa: e.REQUIRE_STAFF_2FA,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
    workers: e.WORKERS === "auto" ? availableParallelism() : Number(e.WORKERS),
    trustProxy: e.TRUST_PROXY === "true" ? true : e.TRUST_PROXY === "false" ? false : e.TRUST_PROXY,
  };
}

/** Secrets not given in the environment are generated on first start and kept in DATA_DIR. */
export function ensureSecrets(config: Config): Config {
  if (config.authSecret) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, "secrets.json");
  let secrets: { authSecret?: string } = {};
  if (existsSync(file)) secrets = JSON.parse(readFileSync(file, "utf8"));
  if (!secrets.authSecret) {
    secrets.authSecret = randomBytes(32).toString("base64url");
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return { ...config, authSecret: secrets.authSecret };
}
