import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing.ts";

/** The search index on the configured database (SQLite, or PostgreSQL under test:pg). */
describe("full-text search index", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ids = async (q: string) => {
    const sub = t.rt.systemCtx().search.matchIds("person", q);
    if (!sub) return [];
    const rows = await sql<{ entity_id: string }>`SELECT entity_id FROM ${sub} AS m`.execute(
      t.rt.database.db,
    );
    return rows.rows.map((r) => r.entity_id).sort();
  };

  it("keeps ids and documents consistent through bulk inserts, updates and removals", async () => {
    const { search } = t.rt.systemCtx();
    const db = t.rt.database.db;
    const docs = Array.from({ length: 950 }, (_, i) => ({
      id: `p-${String(i).padStart(4, "0")}`,
      parts: [`name${i}`, i % 2 ? "odd" : "even"],
    }));
    await search.putMany(db, "person", docs.slice(0, 500));
    await search.remove(db, "person", "p-0003");
    await search.put(db, "person", "p-0004", ["renamed", "even"]);
    await search.putMany(db, "person", docs.slice(500));
    const expected = docs.filter((d) => d.parts[0].startsWith("name3") && d.id !== "p-0003").map((d) => d.id);
    expect(await ids("name3")).toEqual(expected.sort());
    expect(expected).toHaveLength(110);
    expect(await ids("name4")).not.toContain("p-0004");
    expect(await ids("renamed")).toEqual(["p-0004"]);
    expect(await ids("name949")).toEqual(["p-0949"]);
    expect((await ids("odd")).length).toBe(474);
    expect((await ids("even")).length).toBe(475);
  });

  it("ignores queries with nothing searchable", () => {
    expect(t.rt.systemCtx().search.matchIds("person", " ,;- ")).toBeNull();
  });
});
