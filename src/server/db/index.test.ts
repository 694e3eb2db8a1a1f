import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { fastRows } from "./index.ts";

/** Rows built from arrays must be the objects better-sqlite3 itself would have returned. */
describe("fastRows (SQLite statements for Kysely)", () => {
  const sqlite = new SQLite(":memory:");
  afterAll(() => sqlite.close());
  sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB, note TEXT);
    INSERT INTO t VALUES (1, 'a', 1.5, x'0102', NULL), (2, 'b', NULL, NULL, 'n''2'), (3, 'ق', 3, NULL, '');`);

  const queries = [
    "SELECT * FROM t ORDER BY id",
    "SELECT id, name AS label, score * 2 AS doubled, note IS NULL AS missing FROM t ORDER BY id DESC",
    // Duplicate names: the last column wins, as in better-sqlite3's own objects.
    "SELECT id, name AS x, note AS x FROM t ORDER BY id",
    "SELECT count(*) AS n, max(score) AS m FROM t",
    "SELECT * FROM t WHERE id > 99",
    `SELECT name AS "weird ""key"" \\ ${"$"}{x}", id AS "constructor" FROM t ORDER BY id`,
  ];

  it.each(queries)("returns the same rows as better-sqlite3 for %s", (text) => {
    const expected = sqlite.prepare(text).all();
    const fast = fastRows(sqlite.prepare(text));
    expect(fast.reader).toBe(true);
    const rows = fast.all() as Record<string, unknown>[];
    expect(rows).toEqual(expected);
    for (let i = 0; i < rows.length; i++)
      expect(Object.keys(rows[i])).toEqual(Object.keys(expected[i] as object));
    expect([...fast.iterate()]).toEqual(expected);
  });

  it("binds parameters and leaves writes and a __proto__ column to better-sqlite3", () => {
    const st = fastRows(sqlite.prepare("SELECT name FROM t WHERE id = ? OR name = ?"));
    expect(st.all(1, "ق")).toEqual([{ name: "a" }, { name: "ق" }]);
    const write = fastRows(sqlite.prepare("UPDATE t SET note = ? WHERE id = 1"));
    expect(write.reader).toBe(false);
    expect(write.run("set").changes).toBe(1);
    const proto = sqlite.prepare('SELECT id AS "__proto__" FROM t WHERE id = 1');
    expect(fastRows(proto)).toBe(proto);
  });

  it("serves Kysely: selects, RETURNING and insert ids", async () => {
    const statements = new Map<string, ReturnType<typeof fastRows>>();
    const db = new Kysely<any>({
      dialect: new SqliteDialect({
        database: {
          prepare: (text: string) => {
            let st = statements.get(text);
            if (!st) {
              st = fastRows(sqlite.prepare(text));
              statements.set(text, st);
            }
            return st;
          },
          close: () => {},
        } as unknown as SQLite.Database,
      }),
    });
    const ins = await db.insertInto("t").values({ id: 10, name: "k" }).executeTakeFirst();
    expect(Number(ins.insertId)).toBe(10);
    const ret = await db
      .updateTable("t")
      .set({ score: 7 })
      .where("id", "=", 10)
      .returning(["id", "score"])
      .execute();
    expect(ret).toEqual([{ id: 10, score: 7 }]);
    const rows = await db.selectFrom("t").select(["id", "name"]).where("id", ">=", 3).orderBy("id").execute();
    expect(rows).toEqual([
      { id: 3, name: "ق" },
      { id: 10, name: "k" },
    ]);
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db);
    expect(n.rows).toEqual([{ n: 4 }]);
  });
});
