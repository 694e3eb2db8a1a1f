import { parseArgs } from "node:util";
import { DATASETS } from "../shared/reference/datasets.ts";
import { ensureSecrets, loadConfig } from "./config.ts";
import { grantRole } from "./features/admin/service.ts";
import { seedDemo } from "./features/demo/seed.ts";
import { createToken } from "./features/me/service.ts";
import { reloadShippedDataset } from "./features/reference/service.ts";
import { ensureUser } from "./platform/users.ts";
import { openRuntime, prepare } from "./runtime.ts";

const USAGE = `Usage: npm run cli -- <command> [options]

  migrate                                   apply database migrations
  seed reference                            re-import the shipped reference data files
  seed demo                                 load the reference-case demo data
  create-admin --email E --password P [--name N]
  create-token --email E [--name N]         print a new API token for that user (only the token)
  backup --out FILE                         consistent SQLite snapshot (PostgreSQL: use pg_dump)`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      out: { type: "string" },
    },
  });
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  const config = ensureSecrets(loadConfig({ ...process.env, LOG_LEVEL: "error" }));
  const rt = await openRuntime(config);
  try {
    const ctx = rt.systemCtx();
    switch (command) {
      case "migrate":
        console.error("Migrations applied.");
        break;
      case "seed": {
        if (positionals[0] === "reference") {
          for (const d of DATASETS) {
            const r = await reloadShippedDataset(ctx, d);
            console.error(`${d}: ${r.count} items`);
          }
        } else if (positionals[0] === "demo") {
          await prepare(rt);
          const r = await seedDemo(ctx, rt.auth);
          console.error(
            r.organizations
              ? `Loaded ${r.organizations} organisations, ${r.people} people.`
              : "The demo data is already there.",
          );
        } else throw new Error("seed takes `reference` or `demo`");
        break;
      }
      case "create-admin": {
        if (!values.email || !values.password) throw new Error("create-admin needs --email and --password");
        if (values.password.length < 12) throw new Error("the password must have at least 12 characters");
        await prepare(rt);
        const { id } = await ensureUser(rt.auth, {
          email: values.email,
          password: values.password,
          name: values.name ?? "Administrator",
          resetPassword: true,
        });
        await grantRole(ctx, id, "admin");
        console.error(`Admin ${values.email} is ready.`);
        break;
      }
      case "create-token": {
        if (!values.email) throw new Error("create-token needs --email");
        const user = await ctx.db
          .selectFrom("user")
          .select("id")
          .where("email", "=", values.email.toLowerCase())
          .executeTakeFirst();
        if (!user) throw new Error(`no user with e-mail ${values.email}`);
        const { token } = await createToken(ctx, values.name ?? "cli", user.id);
        process.stdout.write(`${token}\n`);
        break;
      }
      case "backup": {
        if (!values.out) throw new Error("backup needs --out FILE");
        if (!rt.database.sqlite)
          throw new Error('backup works on SQLite; for PostgreSQL run: pg_dump "$DATABASE_URL" > FILE');
        await rt.database.sqlite.backup(values.out);
        console.error(`Backup written to ${values.out}`);
        break;
      }
      default:
        throw new Error(`unknown command ${command}\n\n${USAGE}`);
    }
  } finally {
    await rt.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
