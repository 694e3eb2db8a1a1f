/**
 * What every browser journey needs: pages in their own browser contexts, a check at desktop and
 * phone widths, API calls as the signed-in page, and screenshots of every open page on failure.
 */
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
const SHOTS = join(resolve(fileURLToPath(new URL("../..", import.meta.url))), "screenshots", "e2e");

interface KitContext {
  base: string;
  browser: Browser;
  check: (page: Page, name: string) => Promise<void>;
  pageErrors?: string[];
}

export function journeyKit(ctx: KitContext, contextOptions: BrowserContextOptions) {
  const contexts: BrowserContext[] = [];
  /** A new page in a browser context of its own (its own cookies). */
  const open = async (viewport = DESKTOP) => {
    const context = await ctx.browser.newContext({ viewport, bypassCSP: true, ...contextOptions });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (e) => ctx.pageErrors?.push(`${page.url()}: ${e.message}`));
    return page;
  };
  /** Checks the page at 1280 px, then at 390 px (no horizontal scrolling), and back. */
  const both = async (page: Page, name: string) => {
    await ctx.check(page, name);
    const size = page.viewportSize();
    await page.setViewportSize(PHONE);
    await ctx.check(page, `${name}-390`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} at 390 px is wider than the screen by ${overflow}px`);
    if (size) await page.setViewportSize(size);
  };
  /** A JSON API call made with the page's session (and its CSRF header); fails on an error status. */
  const api = (page: Page) => async (method: string, path: string, data?: unknown) => {
    const r = await page.request.fetch(`${ctx.base}${path}`, {
      method,
      headers: { "X-Requested-With": "fetch", ...(data ? { "Content-Type": "application/json" } : {}) },
      data: data === undefined ? undefined : JSON.stringify(data),
    });
    assert.ok(r.ok(), `${method} ${path} → ${r.status()} ${await r.text()}`);
    return r.json();
  };
  /** Screenshots of every open page, as FAILED-<prefix>-<n>.png. */
  const shootAll = async (prefix: string) => {
    let i = 0;
    for (const c of contexts)
      for (const p of c.pages())
        await p
          .screenshot({ path: join(SHOTS, `FAILED-${prefix}-${i++}.png`), fullPage: true })
          .catch(() => undefined);
  };
  const closeAll = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
  };
  return { open, both, api, shootAll, closeAll };
}
