import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.ts";
import { createTestApp, sampleOrg, type TestApp, type TestUser } from "../testing.ts";

/**
 * The caller's address (sign-in rate limits, audit log) comes from X-Forwarded-For only when the
 * connection comes from a trusted proxy (TRUST_PROXY; by default, proxies on this machine).
 */
describe("TRUST_PROXY: whose X-Forwarded-For is believed", () => {
  const apps: TestApp[] = [];
  let byDefault: TestApp;
  let noProxy: TestApp;
  const origin = { origin: "http://localhost:3000" };

  beforeAll(async () => {
    byDefault = await createTestApp();
    noProxy = await createTestApp({ TRUST_PROXY: "false" });
    apps.push(byDefault, noProxy);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  /** The address the audit log records for an organisation registered with these request details. */
  const auditedAddress = async (
    t: TestApp,
    user: TestUser,
    opts: { remoteAddress?: string; forwardedFor?: string },
  ) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: { ...user.auth, ...(opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor } : {}) },
      remoteAddress: opts.remoteAddress,
      payload: sampleOrg({ names: { en: `Org ${Math.random().toString(36).slice(2, 8)}` } }),
    });
    expect(res.statusCode).toBe(201);
    const row = await t.rt.database.db
      .selectFrom("audit_log")
      .select("ip")
      .where("entity_id", "=", res.json().id)
      .where("action", "=", "organization.create")
      .executeTakeFirstOrThrow();
    return row.ip;
  };

  it("believes a proxy on this machine by default, and nobody else", async () => {
    const user = await byDefault.user();
    expect(await auditedAddress(byDefault, user, { forwardedFor: "203.0.113.7" })).toBe("203.0.113.7");
    expect(
      await auditedAddress(byDefault, user, { remoteAddress: "198.51.100.9", forwardedFor: "203.0.113.7" }),
    ).toBe("198.51.100.9");
  });

  it("believes no header when TRUST_PROXY is false", async () => {
    const user = await noProxy.user();
    expect(await auditedAddress(noProxy, user, { forwardedFor: "203.0.113.7" })).toBe("127.0.0.1");
  });

  const signInAttempts = async (t: TestApp, addresses: (i: number) => string, n: number) => {
    const codes: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { ...origin, "x-forwarded-for": addresses(i) },
        // A different unknown account each time: only the per-address limit can refuse.
        payload: {
          email: `nobody-${i}-${Math.random().toString(36).slice(2, 8)}@example.org`,
          password: "x".repeat(12),
        },
      });
      codes.push(res.statusCode);
    }
    return codes;
  };

  it("limits sign-ins per address as the proxy reports it, so a client cannot escape the limit by writing the header", async () => {
    // Behind a trusted proxy: eleven people at eleven addresses are not limited together…
    const spread = await signInAttempts(byDefault, (i) => `192.0.2.${i + 1}`, 11);
    expect(spread).not.toContain(429);
    // …eleven attempts from one address are.
    const one = await signInAttempts(byDefault, () => "192.0.2.200", 11);
    expect(one.slice(0, 10)).not.toContain(429);
    expect(one[10]).toBe(429);
    // Without a trusted proxy, a client writing a new address each time is still one address.
    const forged = await signInAttempts(noProxy, (i) => `192.0.2.${i + 1}`, 11);
    expect(forged.slice(0, 10)).not.toContain(429);
    expect(forged[10]).toBe(429);
  });

  it("reads TRUST_PROXY and names the variable when it is wrong", () => {
    const base = { DATA_DIR: "/tmp/untoc-config-check" };
    expect(loadConfig(base).trustProxy).toBe("loopback");
    expect(loadConfig({ ...base, TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, TRUST_PROXY: "10.0.0.0/8, loopback" }).trustProxy).toBe(
      "10.0.0.0/8, loopback",
    );
    expect(() => loadConfig({ ...base, TRUST_PROXY: "everyone" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TRUST_PROXY: "everyone" })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ ...base, TRUST_PROXY: "192.168.0.0/255.255.0.0, ::1" }).trustProxy).toBe(
      "192.168.0.0/255.255.0.0, ::1",
    );
    // "1" is not one hop for proxy-addr but the address 0.0.0.1; a range must exist.
    for (const wrong of ["1", "10.0.0.0/99", "fe80::/129", "10.0.0.0/8,", "loopback, nowhere"])
      expect(() => loadConfig({ ...base, TRUST_PROXY: wrong }), wrong).toThrow(/TRUST_PROXY/);
  });
});
