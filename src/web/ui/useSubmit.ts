import { type FormEvent, useState } from "react";

/**
 * The busy flag and error of a form's async actions: `run(fn)` gives an event handler that
 * prevents the default submission, clears the last error, runs fn and keeps what it throws.
 */
export function useSubmit() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run =
    (fn: () => Promise<void>) =>
    async (e?: FormEvent): Promise<void> => {
      e?.preventDefault();
      setError(null);
      setBusy(true);
      try {
        await fn();
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    };
  return { error, setError, busy, run };
}
