import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { grantRole } from "../features/admin/service.ts";
import { createTestApp, signIn, type TestApp, type TestUser } from "../testing.ts";
import { signedSessionToken } from "./session.ts";

/**
 * Signed-in browsers are recognised without better-auth's getSession in the plain case; every
 * other case still goes through it, and a session ended in the database ends at once.
 */
describe("sessions: the cookie read directly, better-auth for the rest", () => {
  let t: TestApp;
  let user: TestUser;
  const spies: Array<{ mockRestore(): void }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    user = await t.user({ roles: ["secretariat"] });
  });
  afterEach(() => {
    for (const s of spies.splice(0)) s.mockRestore();
  });
  afterAll(() => t.close());

  const me = (cookie: string) => t.app.inject({ url: "/api/me", headers: { cookie } });
  /** Who /api/me says is calling (null when signed out). */
  const caller = async (cookie: string) => {
    const res = await me(cookie);
    expect(res.statusCode).toBe(200);
    return res.json().user?.id ?? null;
  };
  const sessionRow = async (token: string) =>
    t.rt.database.db.selectFrom("session").selectAll().where("token", "=", token).executeTakeFirst();
  const tokenOf = async (cookie: string) => {
    const ctx = await t.rt.auth.$context;
    const token = signedSessionToken(
      t.app.parseCookie(cookie)[ctx.authCookies.sessionToken.name],
      ctx.secret,
    );
    expect(token).toBeTruthy();
    return token as string;
  };
  /** The session cookies a response sets. */
  const sessionCookies = (res: { headers: Record<string, unknown> }) =>
    ([] as string[])
      .concat((res.headers["set-cookie"] as string | string[] | undefined) ?? [])
      .filter((c) => c.includes("session_token="));
  const countGetSession = () => {
    const spy = vi.spyOn(t.rt.auth.api, "getSession");
    spies.push(spy);
    return spy;
  };
  const setExpiry = (token: string, at: Date) =>
    t.rt.database.db
      .updateTable("session")
      .set({ expiresAt: t.rt.database.dialect === "postgres" ? at : at.toISOString() })
      .where("token", "=", token)
      .execute();

  it("reads the token better-auth signed, and nothing else", async () => {
    const cookie = await signIn(t.app, user.email, user.password);
    const token = await tokenOf(cookie);
    expect(await sessionRow(token)).toBeTruthy();
    const ctx = await t.rt.auth.$context;
    const name = ctx.authCookies.sessionToken.name;
    const value = decodeURIComponent(cookie.split(`${name}=`)[1].split(";")[0]);
    const [, signature] = [value.slice(0, value.lastIndexOf(".")), value.slice(value.lastIndexOf(".") + 1)];
    // As the server reads a Cookie header: parsed by @fastify/cookie, then checked.
    const check = (c: string) => signedSessionToken(t.app.parseCookie(c)[name], ctx.secret);
    // Another token with the same signature, a changed signature, another secret, another name.
    expect(
      check(
        `${name}=${encodeURIComponent(`${token.startsWith("x") ? "y" : "x"}${token.slice(1)}.${signature}`)}`,
      ),
    ).toBeNull();
    expect(
      check(
        `${name}=${encodeURIComponent(`${token}.${signature.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`)}`,
      ),
    ).toBeNull();
    expect(signedSessionToken(t.app.parseCookie(cookie)[name], `${ctx.secret}x`)).toBeNull();
    expect(check(`other=1; x${name}=${encodeURIComponent(value)}`)).toBeNull();
    expect(check(`other=1;  ${name}=${encodeURIComponent(value)}; last=2`)).toBe(token);
    expect(check(`${name}=%E0%A4%A`)).toBeNull();
    // A signature must be spelled as better-call spells it: the same bytes in base64url are refused.
    let other = "";
    let sig = "";
    for (let i = 0; !/[+/]/.test(sig); i++) {
      other = `token-${i}`;
      sig = createHmac("sha256", ctx.secret).update(other).digest("base64");
    }
    expect(check(`${name}=${encodeURIComponent(`${other}.${sig}`)}`)).toBe(other);
    const urlSafe = sig.replace(/\+/g, "-").replace(/\//g, "_");
    expect(check(`${name}=${encodeURIComponent(`${other}.${urlSafe}`)}`)).toBeNull();
  });

  it("recognises a signed-in browser without better-auth's getSession", async () => {
    const cookie = await signIn(t.app, user.email, user.password);
    const getSession = countGetSession();
    const res = await me(cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, email: user.email, roles: ["secretariat"] });
    expect(getSession).not.toHaveBeenCalled();
  });

  it("reads every role and State of the caller with the caller, by cookie and by token", async () => {
    const many = await t.user({ roles: ["secretariat", "admin"] });
    const none = await t.user();
    for (const state of ["THA", "VNM"])
      await grantRole(t.rt.systemCtx(), many.id, "state_focal_point", state);
    const byCookie = (await me(await signIn(t.app, many.email, many.password))).json().user;
    const byToken = (await t.app.inject({ url: "/api/me", headers: many.auth })).json().user;
    for (const u of [byCookie, byToken]) {
      expect([...u.roles].sort()).toEqual(["admin", "secretariat", "state_focal_point"]);
      expect([...u.states].sort()).toEqual(["THA", "VNM"]);
    }
    const plain = (await me(await signIn(t.app, none.email, none.password))).json().user;
    expect(plain).toMatchObject({ id: none.id, roles: [], states: [] });
    expect((await t.app.inject({ url: "/api/me", headers: none.auth })).json().user).toMatchObject({
      id: none.id,
      roles: [],
      states: [],
    });
  });

  it("ends a signed-out session at once", async () => {
    const cookie = await signIn(t.app, user.email, user.password);
    expect(await caller(cookie)).toBe(user.id);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie, origin: "http://localhost:3000" },
    });
    expect(out.statusCode).toBe(200);
    expect(await caller(cookie)).toBeNull();
  });

  it("refuses a cookie whose token is real but whose signature is not its own", async () => {
    const cookieA = await signIn(t.app, user.email, user.password);
    const cookieB = await signIn(t.app, user.email, user.password);
    const [tokenA, tokenB] = [await tokenOf(cookieA), await tokenOf(cookieB)];
    expect(tokenA).not.toBe(tokenB);
    expect(await sessionRow(tokenB)).toBeTruthy();
    // Session B's live token with session A's signature.
    const forged = cookieA.replace(encodeURIComponent(tokenA), encodeURIComponent(tokenB));
    expect(forged).not.toBe(cookieA);
    expect(await caller(forged)).toBeNull();
    expect(await caller(cookieA)).toBe(user.id);
    expect(await caller(cookieB)).toBe(user.id);
  });

  it("leaves a signed-out session's cookie to better-auth, which clears it", async () => {
    const cookie = await signIn(t.app, user.email, user.password);
    const token = await tokenOf(cookie);
    await t.rt.database.db.deleteFrom("session").where("token", "=", token).execute();
    const getSession = countGetSession();
    const res = await me(cookie);
    expect(res.json().user).toBeNull();
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(sessionCookies(res).some((c) => /Max-Age=0/i.test(c))).toBe(true);
  });

  it("leaves an expired session to better-auth, which deletes it", async () => {
    const cookie = await signIn(t.app, user.email, user.password);
    const token = await tokenOf(cookie);
    await setExpiry(token, new Date(Date.now() - 1000));
    const getSession = countGetSession();
    const res = await me(cookie);
    expect(res.json().user).toBeNull();
    expect(getSession).toHaveBeenCalledTimes(1);
    // …and the browser is told to drop the cookie.
    expect(sessionCookies(res).some((c) => /Max-Age=0/i.test(c))).toBe(true);
    expect(await sessionRow(token)).toBeUndefined();
  });

  it("leaves a session due for its daily extension to better-auth, which extends it", async () => {
    const cookie = await signIn(t.app, user.email, user.password);
    const token = await tokenOf(cookie);
    // Created (or last extended) two days ago: 7 days of validity, 5 left.
    const old = new Date(Date.now() + 5 * 24 * 3600_000);
    await setExpiry(token, old);
    const getSession = countGetSession();
    const res = await me(cookie);
    expect(res.json().user.id).toBe(user.id);
    expect(getSession).toHaveBeenCalledTimes(1);
    // The browser's cookie is renewed for as long as the extended session lasts.
    const renewed = sessionCookies(res);
    expect(renewed).toHaveLength(1);
    expect(renewed[0]).toMatch(/Max-Age=604800/i);
    expect(await tokenOf(renewed[0].split(";")[0])).toBe(token);
    const after = new Date((await sessionRow(token))!.expiresAt).getTime();
    expect(after).toBeGreaterThan(old.getTime() + 24 * 3600_000);
    // Extended: the next requests take the direct path again.
    expect(await caller(cookie)).toBe(user.id);
    expect(getSession).toHaveBeenCalledTimes(1);
  });
});
