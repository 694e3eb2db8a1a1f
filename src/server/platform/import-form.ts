import type { FastifyRequest } from "fastify";
import { badRequest } from "./errors.ts";

/** Reads an import request (multipart: file, dryRun, mapping JSON, decisions JSON). */
export async function readImportForm(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  for await (const part of req.parts()) {
    if (part.type === "file") {
      if (part.fieldname !== "file") {
        await part.toBuffer();
        continue;
      }
      file = { name: part.filename, bytes: await part.toBuffer() };
    } else fields[part.fieldname] = String(part.value);
  }
  if (!file) throw badRequest("file_missing", "Attach the CSV or XLSX file in the field `file`.");
  const parseJson = (name: string) => {
    if (!fields[name]) return undefined;
    try {
      return JSON.parse(fields[name]);
    } catch {
      throw badRequest("validation", `The field ${name} is not valid JSON.`, [
        { path: `body.${name}`, message: "invalid JSON" },
      ]);
    }
  };
  return {
    file,
    dryRun: fields.dryRun !== "false",
    mapping: parseJson("mapping"),
    decisions: parseJson("decisions"),
    /** Every plain field, for imports that take more options. */
    fields,
  };
}
