import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../shared/schemas/common.ts";
import { serverCatalogs } from "./messages.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

/** Every stable error code the server can answer with, read from the code that raises it. */
function errorCodes(): string[] {
  const codes = new Set<string>();
  const patterns = [
    /new AppError\(\s*\d+,\s*"([a-z_]+)"/g,
    /(?:badRequest|conflict)\(\s*"([a-z_]+)"/g,
    /forbidden\(\s*"[^"]*",\s*"([a-z_]+)"/g,
    /problem\(\s*reply,\s*req,\s*\d+,\s*"([a-z_]+)"/g,
    /\?\s*"([a-z_]+)"\s*:\s*"bad_request"/g,
  ];
  for (const file of sources(join(import.meta.dirname, "../.."))) {
    const text = readFileSync(file, "utf8");
    for (const re of patterns) for (const m of text.matchAll(re)) codes.add(m[1]);
  }
  for (const fixed of ["validation", "unauthorized", "forbidden", "not_found", "internal", "bad_request"])
    codes.add(fixed);
  return [...codes].sort();
}

describe("server messages", () => {
  it("finds the error codes in the sources", () => {
    expect(errorCodes()).toEqual(
      expect.arrayContaining(["import_invalid_rows", "file_type_not_allowed", "two_factor_required"]),
    );
  });

  it("has a title for every error code and every mail text in all six languages", () => {
    const keys = [...new Set([...errorCodes().map((c) => `error.${c}`), ...Object.keys(serverCatalogs.en)])];
    const missing = LOCALES.flatMap((l) =>
      keys.filter((k) => !serverCatalogs[l][k]?.trim()).map((k) => `${l}:${k}`),
    );
    expect(missing).toEqual([]);
  });
});
