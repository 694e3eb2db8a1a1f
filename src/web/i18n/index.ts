import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale, RTL_LOCALES } from "../../shared/schemas/common.ts";
import { intlLocale } from "../../shared/time.ts";
import ar from "./locales/ar.json";
import en from "./locales/en.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";
import ru from "./locales/ru.json";
import zh from "./locales/zh.json";

export const LANGUAGE_NAMES: Record<Locale, string> = {
  ar: "العربية",
  en: "English",
  es: "Español",
  fr: "Français",
  ru: "Русский",
  zh: "中文",
};

const STORAGE_KEY = "untoc.lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage may be unavailable
  }
  for (const lang of navigator.languages ?? [navigator.language]) {
    const base = lang?.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return "en";
}

export function applyDocumentLanguage(locale: Locale) {
  const html = document.documentElement;
  html.lang = locale;
  html.dir = RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
}

export function saveLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // ignore
  }
}

const start = initialLocale();

i18next.use(initReactI18next).init({
  resources: {
    ar: { translation: ar },
    en: { translation: en },
    es: { translation: es },
    fr: { translation: fr },
    ru: { translation: ru },
    zh: { translation: zh },
  },
  lng: start,
  fallbackLng: "en",
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDocumentLanguage(start);
i18next.on("languageChanged", (lng) => {
  if (isLocale(lng)) applyDocumentLanguage(lng);
});

export function currentLocale(): Locale {
  const l = i18next.language;
  return isLocale(l) ? l : "en";
}

/** The locale for Intl formatting in the UI language: UN English is British English (en-GB, 24-hour clock). */
export function formatLocale(): string {
  return intlLocale(currentLocale());
}

export default i18next;
