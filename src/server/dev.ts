import { spawn } from "node:child_process";

/** Development: the API server with reload (tsx watch) and Vite's dev server with hot reload. */
const children = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "src/server/main.ts"], {
    stdio: "inherit",
    env: { ...process.env, PORT: process.env.PORT ?? "3000" },
  }),
  spawn("npx", ["vite", "--port", "5173"], { stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
console.log("API on http://127.0.0.1:3000, app with hot reload on http://127.0.0.1:5173");
