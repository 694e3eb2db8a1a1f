import type { FieldError } from "../../shared/schemas/common.ts";

/** Errors carried to the client as application/problem+json with a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = "resource") => new AppError(404, "not_found", `The ${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.", code = "forbidden") =>
  new AppError(403, code, message);
export const unauthorized = () => new AppError(401, "unauthorized", "Sign in to continue.");
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badRequest = (code: string, message: string, fields?: FieldError[]) =>
  new AppError(400, code, message, fields);

/** A field that must be filled in (the client says so in the reader's language). */
export const required = (path: string): FieldError => ({
  path,
  message: "required",
  rule: { code: "required" },
});
