import { useSearchParams } from "react-router";

/**
 * A list page's state kept in the address (so it can be bookmarked, shared and restored with the
 * back button): the page number, the filters named by `keys`, and `update`, which sets or clears
 * values and goes back to the first page unless told otherwise.
 */
export function useUrlFilters(keys: readonly string[], opts: { replace?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const filters: Record<string, string> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const update = (changes: Record<string, string | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (resetPage) next.delete("page");
    setParams(next, opts.replace ? { replace: true } : undefined);
  };
  return { params, setParams, page, filters, update };
}
