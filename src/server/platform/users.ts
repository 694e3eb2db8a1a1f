import type { Auth } from "./auth.ts";

/**
 * Creates a verified e-mail + password account through better-auth's own adapter (used for the
 * configured admin, demo users and tests); returns the existing user's id when the e-mail is taken.
 */
export async function ensureUser(
  auth: Auth,
  u: { email: string; password: string; name: string; locale?: string; resetPassword?: boolean },
): Promise<{ id: string; created: boolean }> {
  const ctx = await auth.$context;
  const email = u.email.toLowerCase();
  const found = await ctx.internalAdapter.findUserByEmail(email, { includeAccounts: true });
  if (found) {
    if (u.resetPassword) {
      const hash = await ctx.password.hash(u.password);
      const credential = found.accounts.find((a) => a.providerId === "credential");
      if (credential) await ctx.internalAdapter.updatePassword(found.user.id, hash);
      else
        await ctx.internalAdapter.linkAccount({
          userId: found.user.id,
          providerId: "credential",
          accountId: found.user.id,
          password: hash,
        });
    }
    return { id: found.user.id, created: false };
  }
  const user = await ctx.internalAdapter.createUser(
    { email, name: u.name, emailVerified: true, locale: u.locale ?? "en" },
    { method: "admin" },
  );
  const hash = await ctx.password.hash(u.password);
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  return { id: user.id, created: true };
}
