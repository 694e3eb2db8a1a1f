import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileTypeFromBuffer } from "file-type";
import type { Kysely } from "kysely";
import { uuidv7 } from "uuidv7";
import { nowIso } from "../db/index.ts";
import type { DB } from "../db/schema.ts";
import { AppError } from "./errors.ts";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const DOCUMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

export interface FileStore {
  /** Sniffs the real type from the bytes, refuses anything not allowed, stores it. */
  save(
    db: Kysely<DB>,
    input: { name: string; bytes: Buffer; allowed: readonly string[]; createdBy: string | null },
  ): Promise<{ id: string; mime: string; size: number }>;
  read(id: string): Promise<Buffer>;
}

export function createFileStore(dataDir: string): FileStore {
  const dir = join(dataDir, "files");
  mkdirSync(dir, { recursive: true });
  return {
    async save(db, { name, bytes, allowed, createdBy }) {
      if (bytes.length === 0) throw new AppError(400, "file_empty", "The file is empty.");
      if (bytes.length > MAX_UPLOAD_BYTES)
        throw new AppError(
          413,
          "file_too_large",
          `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
        );
      const type = await fileTypeFromBuffer(bytes);
      if (!type || !allowed.includes(type.mime)) {
        throw new AppError(
          415,
          "file_type_not_allowed",
          `This kind of file is not accepted. Accepted: ${allowed.join(", ")}.`,
        );
      }
      const id = uuidv7();
      await writeFile(join(dir, id), bytes);
      await db
        .insertInto("stored_file")
        .values({
          id,
          name: name.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 200) || "file",
          mime: type.mime,
          size: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          created_by: createdBy,
          created_at: nowIso(),
        })
        .execute();
      return { id, mime: type.mime, size: bytes.length };
    },
    read(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError(404, "not_found", "File not found.");
      return readFile(join(dir, id));
    },
  };
}
