import { passkeyClient } from "@better-auth/passkey/client";
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: "/api/auth",
  fetchOptions: { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" },
  plugins: [twoFactorClient(), passkeyClient()],
});

/** better-auth answers errors as `{ error: { message, code, status } }`; turn them into a plain Error. */
export function authError(error: { message?: string; code?: string; status?: number } | null | undefined) {
  if (!error) return null;
  const e = new Error(error.message || error.code || "error") as Error & { code?: string; status?: number };
  e.code = error.code;
  e.status = error.status;
  return e;
}
