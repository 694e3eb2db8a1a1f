import { useQuery } from "@tanstack/react-query";
import type { Locale } from "../shared/schemas/common.ts";
import type { ProfileInput } from "../shared/schemas/people.ts";
import { readableDateTime } from "../shared/time.ts";
import { api } from "./api.ts";
import { currentLocale, formatLocale } from "./i18n/index.ts";

export type Names = Partial<Record<Locale, string>>;

export interface Reference {
  countries: Array<{ code: string; names: Names; region: string | null }>;
  regions: Array<{ code: string; names: Names }>;
  engagementAreas: Array<{ code: string; names: Names }>;
  thematicAreas: Array<{ code: string; names: Names }>;
  instruments: Array<{ code: string; names: Names; shortNames?: Names }>;
  sdgTargets: Array<{ code: string; names: Names }>;
}

export interface MeUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  roles: string[];
  states?: string[];
}

export interface Membership {
  id: string;
  organizationId: string;
  organizationName: string;
  role: string;
  status: string;
}

export interface Me {
  user: MeUser | null;
  person: (Partial<ProfileInput> & { id: string; consentVersion?: string | null }) | null;
  memberships: Membership[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export const STAFF_ROLES = ["admin", "secretariat"];

export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: ({ signal }) => api.get<Me>("/api/me", undefined, signal),
    staleTime: 60_000,
    retry: false,
  });
}

export function isStaff(me: Me | undefined) {
  return !!me?.user?.roles?.some((r) => STAFF_ROLES.includes(r));
}

export function useReference() {
  return useQuery({
    queryKey: ["reference"],
    queryFn: ({ signal }) => api.get<Reference>("/api/reference", undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** The name in the current language, else English, else the code. */
export function nameOf(names: Names | undefined, code: string, locale: Locale = currentLocale()) {
  return names?.[locale] || names?.en || code;
}

export function useRefLookup() {
  const ref = useReference();
  const locale = currentLocale();
  const find = (list: keyof Reference, code: string | null | undefined) => {
    if (!code) return "";
    const item = (ref.data?.[list] as Array<{ code: string; names: Names }> | undefined)?.find(
      (i) => i.code === code,
    );
    return nameOf(item?.names, code, locale);
  };
  return {
    ref,
    country: (code: string | null | undefined) => find("countries", code),
    region: (code: string | null | undefined) => find("regions", code),
    theme: (code: string | null | undefined) => find("thematicAreas", code),
    area: (code: string | null | undefined) => find("engagementAreas", code),
    sortedCountries: () =>
      [...(ref.data?.countries ?? [])]
        .map((c) => ({ code: c.code, name: nameOf(c.names, c.code, locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

export function formatDate(iso: string | null | undefined, withTime = false) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return readableDateTime(formatLocale(), {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  }).format(d);
}

export function formatNumber(n: number) {
  return new Intl.NumberFormat(formatLocale()).format(n);
}

/** "a, b and c" in the current language. */
export function formatList(items: string[]) {
  if (!items.length) return "—";
  return new Intl.ListFormat(formatLocale(), { style: "long", type: "conjunction" }).format(items);
}

/** Attributes for text in another language than the page: lang, and the direction of that language. */
export function langAttrs(lang: string, fallback: boolean) {
  if (!fallback) return { dir: "auto" as const };
  return {
    lang,
    dir:
      lang === "ar" || lang === "fa" || lang === "he" || lang === "ur" ? ("rtl" as const) : ("ltr" as const),
  };
}
