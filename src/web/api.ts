/** Fetch wrapper for the UNTOC Engage API: same-origin cookies, CSRF header, problem+json errors. */

import type { FieldError, FieldRule } from "../shared/schemas/common.ts";

export type { FieldError };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly fields: FieldError[];
  /** The whole problem document, for endpoints that add their own members. */
  readonly body: Record<string, unknown>;

  constructor(p: {
    status: number;
    code: string;
    title?: string;
    detail?: string;
    fields?: FieldError[];
    body?: Record<string, unknown>;
  }) {
    super(p.detail || p.title || p.code);
    this.name = "ApiError";
    this.status = p.status;
    this.code = p.code;
    this.title = p.title ?? p.code;
    this.detail = p.detail;
    this.fields = p.fields ?? [];
    this.body = p.body ?? {};
  }

  /** Field errors keyed by path (first message wins), as sent (see fieldErrors for the reader's language). */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) if (!(f.path in out)) out[f.path] = f.message;
    return out;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined | Array<string>>;

export function toSearch(query?: Query): string {
  if (!query) return "";
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) for (const item of v) sp.append(k, item);
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function parseError(res: Response): Promise<ApiError> {
  let data: any = null;
  try {
    data = await res.json();
  } catch {
    // not JSON
  }
  if (data && typeof data === "object") {
    return new ApiError({
      status: data.status ?? res.status,
      code: data.code ?? (data.error ? String(data.error) : "http_error"),
      title: data.title ?? data.message ?? res.statusText,
      detail: data.detail ?? data.message,
      body: data,
      fields: Array.isArray(data.fields)
        ? data.fields
            .filter((f: any) => f && typeof f === "object")
            .map((f: any) => ({
              path: String(f?.path ?? f?.field ?? "").replace(/^body\./, ""),
              message: String(f?.message ?? ""),
              rule: f?.rule && typeof f.rule === "object" ? (f.rule as FieldRule) : undefined,
            }))
        : undefined,
    });
  }
  return new ApiError({
    status: res.status,
    code: res.status === 0 ? "network" : "http_error",
    title: res.statusText,
  });
}

export async function request<T = unknown>(
  method: string,
  path: string,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { "X-Requested-With": "fetch", Accept: "application/json" };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(path + toSearch(opts.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === "AbortError") throw e;
    throw new ApiError({ status: 0, code: "network", title: "Network error" });
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, { body: body ?? {} }),
  del: <T>(path: string, body?: unknown, query?: Query) => request<T>("DELETE", path, { body, query }),
  upload: <T>(path: string, form: FormData) => request<T>("POST", path, { body: form }),
};

/** Downloads a GET response as a file (keeps the CSRF header and cookies). */
export async function download(path: string, filename: string, query?: Query) {
  const res = await fetch(path + toSearch(query), {
    headers: { "X-Requested-With": "fetch" },
    credentials: "same-origin",
  });
  if (!res.ok) throw await parseError(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
