import { useTranslation } from "react-i18next";
import { LOCALES, RTL_LOCALES } from "../../../../shared/schemas/common.ts";
import { LANGUAGE_NAMES } from "../../../i18n/index.ts";
import { TextArea, TextField } from "../../../ui/forms.tsx";

type Texts = Record<string, string>;

/**
 * One text in several languages: the main language first and always shown, the others folded
 * away. Each field carries the lang and direction of its language.
 */
export function LocalizedFields({
  id,
  legend,
  hint,
  value,
  onChange,
  mainLang,
  multiline,
  required,
  error,
  rows,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: Texts;
  onChange: (v: Texts) => void;
  mainLang: string;
  multiline?: boolean;
  required?: boolean;
  error?: string;
  rows?: number;
}) {
  const { t } = useTranslation();
  const name = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l;
  const others = LOCALES.filter((l) => l !== mainLang);
  const filled = others.filter((l) => value[l]?.trim()).length;
  const field = (l: string, main: boolean) => {
    const props = {
      id: main ? `${id}-main` : `${id}-${l}`,
      label: main ? `${legend} (${name(l)})` : name(l),
      value: value[l] ?? "",
      onChange: (v: string) => onChange({ ...value, [l]: v }),
      lang: l,
      dir: RTL_LOCALES.includes(l as never) ? "rtl" : "ltr",
      required: main && required,
      error: main ? error : undefined,
      hint: main ? hint : undefined,
    };
    return multiline ? <TextArea key={l} {...props} rows={rows ?? 3} /> : <TextField key={l} {...props} />;
  };
  return (
    <div className="localized-fields" id={id}>
      {field(mainLang, true)}
      <details className="other-languages" open={filled > 0 ? true : undefined}>
        <summary>
          {t("eventForm.otherLanguages", { name: legend })}
          {filled ? ` (${filled})` : ""}
        </summary>
        <div className={multiline ? undefined : "grid-2"}>{others.map((l) => field(l, false))}</div>
      </details>
    </div>
  );
}

/** Keeps the non-empty texts, the main language first (the server marks the first as the original). */
export function toTexts(value: Texts, mainLang: string): Texts | undefined {
  const out: Texts = {};
  const langs = [mainLang, ...Object.keys(value).filter((l) => l !== mainLang)];
  for (const l of langs) if (value[l]?.trim()) out[l] = value[l].trim();
  return Object.keys(out).length ? out : undefined;
}
