import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgSchema, dropPgSchema } from "./index.ts";
import { preparingPool } from "./prepared.ts";

const url = process.env.DATABASE_URL ?? "";

/** Named statements on a real PostgreSQL (the PostgreSQL suite: `npm run test:pg`). */
describe.skipIf(!url.startsWith("postgres"))("preparingPool (PostgreSQL reads as named statements)", () => {
  const schema = `prepared_${process.pid}_${Date.now()}`;
  let pool: pg.Pool;
  let db: Kysely<any>;
  // One connection, so that pg_prepared_statements shows what this pool prepared.
  const open = (perConnection?: number) => {
    pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
    db = new Kysely<any>({
      dialect: new PostgresDialect({ pool: preparingPool(pool, perConnection) }),
    });
  };
  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map(
      (r) => r.statement,
    );

  beforeAll(async () => {
    await createPgSchema(url, schema);
    open();
    await sql`create table t (id int primary key, name text)`.execute(db);
    await db
      .insertInto("t")
      .values([
        { id: 1, name: "a" },
        { id: 2, name: "b" },
      ])
      .execute();
  });
  afterAll(async () => {
    await db.destroy();
    await dropPgSchema(url, schema);
  });

  it("prepares a select with parameters once per connection, and only selects", async () => {
    const byId = (id: number) => db.selectFrom("t").select("name").where("id", "=", id).executeTakeFirst();
    expect(await byId(1)).toEqual({ name: "a" });
    expect(await byId(2)).toEqual({ name: "b" });
    await db.updateTable("t").set({ name: "b2" }).where("id", "=", 2).execute();
    expect(await byId(2)).toEqual({ name: "b2" });
    const statements = await prepared();
    expect(statements).toEqual(['select "name" from "t" where "id" = $1']);
  });

  it("stops naming new texts at the per-connection bound; they still run", async () => {
    await db.destroy();
    open(2);
    for (const col of ["id", "name", "id, name"])
      expect((await sql`select ${sql.raw(col)} from t where id = ${1}`.execute(db)).rows).toHaveLength(1);
    const withValue = await db.selectFrom("t").select(["id", "name"]).where("id", ">", 0).execute();
    expect(withValue).toHaveLength(2);
    expect(await prepared()).toHaveLength(2);
  });

  it("survives a column added under a prepared statement, and names nothing inside a transaction", async () => {
    await db.destroy();
    open();
    const all = () => db.selectFrom("t").selectAll().where("id", "=", 1).executeTakeFirst();
    expect(await all()).toEqual({ id: 1, name: "a" });
    await sql`alter table t add column extra int`.execute(db);
    // PostgreSQL refuses the prepared plan ("cached plan must not change result type"); the text
    // runs again unnamed and returns the new shape.
    expect(await all()).toEqual({ id: 1, name: "a", extra: null });
    expect(await all()).toEqual({ id: 1, name: "a", extra: null });

    // Inside a transaction a read is sent unnamed: a column dropped meanwhile costs nothing.
    const other = (on: Kysely<any>) =>
      on.selectFrom("t").selectAll().where("name", "=", "a").executeTakeFirst();
    const before = await prepared();
    expect(await db.transaction().execute((trx) => other(trx))).toEqual({ id: 1, name: "a", extra: null });
    expect(await prepared()).toEqual(before);
    await sql`alter table t drop column extra`.execute(db);
    expect(await db.transaction().execute((trx) => other(trx))).toEqual({ id: 1, name: "a" });
  });

  it("leaves text searches unnamed: their plan depends on the words", async () => {
    await db.destroy();
    open();
    expect(await db.selectFrom("t").select("id").where("name", "like", "%a%").execute()).toHaveLength(1);
    expect(
      (
        await sql`select id from t where to_tsvector('simple', name) @@ to_tsquery('simple', ${"a"})`.execute(
          db,
        )
      ).rows,
    ).toHaveLength(1);
    expect(await db.selectFrom("t").select("id").where("name", "=", "a").execute()).toHaveLength(1);
    expect(await prepared()).toEqual(['select "id" from "t" where "name" = $1']);
  });

  it("leaves long parameter lists (in (…) of varying length) unnamed", async () => {
    await db.destroy();
    open();
    const ids = Array.from({ length: 20 }, (_, i) => i);
    expect(await db.selectFrom("t").select("id").where("id", "in", ids).execute()).toHaveLength(2);
    expect(await db.selectFrom("t").select("id").where("id", "in", [1, 2]).execute()).toHaveLength(2);
    expect(await prepared()).toEqual(['select "id" from "t" where "id" in ($1, $2)']);
  });
});
