import { afterEach, describe, expect, it, vi } from "vitest";
import { mappedRows } from "./http.ts";

describe("mappedRows serializer", () => {
  afterEach(() => vi.restoreAllMocks());
  const serialize = mappedRows.serializerCompiler();

  it("sends JSON.stringify's text, made once per page object", () => {
    const page = { items: [{ id: "a", name: "Ана «Ли» \u2028" }], total: 1, page: 1, pageSize: 50 };
    const spy = vi.spyOn(JSON, "stringify");
    const first = serialize(page);
    expect(JSON.parse(first)).toEqual(page);
    expect(serialize(page)).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    // Another object with the same content is serialised on its own.
    expect(serialize({ ...page })).toBe(first);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("serialises what is not an object as it is", () => {
    expect(serialize(null)).toBe("null");
    expect(serialize("x")).toBe('"x"');
  });
});
