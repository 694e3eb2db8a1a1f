import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { type FontKey, getFont } from "./fonts.ts";
import { type PdfLang, renderCertificate, renderReport } from "./index.ts";
import { sampleCertificate, sampleReport } from "./samples.ts";
import { layoutText, type TextLine } from "./text.ts";

// ---- reading PDFs back with a real parser (pdf.js) --------------------------------------------------------

interface ParsedPage {
  width: number;
  height: number;
  text: string;
  items: Array<{ str: string; x: number; y: number }>;
  links: string[];
  fonts: string[];
}

async function parse(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages: ParsedPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    await page.getOperatorList(); // loads the page's fonts into commonObjs
    const items = content.items.flatMap((item) =>
      "str" in item ? [{ str: item.str, x: item.transform[4], y: item.transform[5] }] : [],
    );
    pages.push({
      width: page.view[2] - page.view[0],
      height: page.view[3] - page.view[1],
      text: items.map((i) => i.str).join(""),
      items,
      links: (await page.getAnnotations()).filter((a) => a.subtype === "Link").map((a) => a.url as string),
      fonts: Object.keys(content.styles).map((id) => (page.commonObjs.get(id) as { name: string }).name),
    });
  }
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.destroy();
  return { pages, info, fonts: [...new Set(pages.flatMap((p) => p.fonts))] };
}

const LANGS: PdfLang[] = ["ar", "en", "es", "fr", "ru", "zh"];

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

// ---- the layout engine ------------------------------------------------------------------------------------

/** What a line shows, left to right, as characters (fontkit reverses right-to-left runs when it shapes them). */
function visual(line: TextLine): string {
  return line.runs
    .map((r) =>
      getFont(r.font).layout(r.text, []).direction === "rtl" ? [...r.text].reverse().join("") : r.text,
    )
    .join("");
}

const reverse = (s: string) => [...s].reverse().join("");
const AR = { dir: "rtl", script: "arabic" } as const;
const EN = { dir: "ltr", script: "latin" } as const;

describe("text layout", () => {
  it("orders an Arabic line right to left with Latin words and numbers left to right inside it", () => {
    const block = layoutText("تقرير UNODC لعام 2020", { size: 12 }, AR, 1000);
    expect(block.lines).toHaveLength(1);
    expect(visual(block.lines[0])).toBe(`2020 ${reverse("لعام")} UNODC ${reverse("تقرير")}`);
  });

  it("mirrors brackets and keeps Arabic-Indic numbers in digit order in right-to-left text", () => {
    const block = layoutText("(مرحبا) العدد ١٢٣", { size: 12 }, AR, 1000);
    expect(visual(block.lines[0])).toBe(`١٢٣ ${reverse("العدد")} (${reverse("مرحبا")})`);
  });

  it("shapes Arabic words as a whole (joined letter forms, in visual order)", () => {
    const block = layoutText("شهادة مشاركة", { size: 12, weight: "bold" }, AR, 1000);
    const [run] = block.lines[0].runs;
    expect(block.lines[0].runs).toHaveLength(1);
    expect(run.font).toBe("arabic-bold");
    const glyphs = getFont(run.font).layout(run.text, []).glyphs;
    const names = glyphs.map((g) => g.name);
    // The rightmost glyph is the initial form of the first letter (شـ), the leftmost letter is final ـة.
    expect(glyphs.at(-1)!.codePoints).toEqual([0x0634]);
    expect(names.at(-1)).toMatch(/\.init$/);
    expect(names.filter((n) => /\.(init|medi|fina)$/.test(n)).length).toBeGreaterThanOrEqual(6);
    expect(glyphs.findIndex((g) => g.codePoints.includes(0x0645))).toBeLessThan(
      glyphs.findIndex((g) => g.codePoints.includes(0x0647)),
    ); // م of the second word is left of ه of the first
  });

  it("breaks lines on the logical text, then reorders each line", () => {
    const words = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة"];
    const block = layoutText(words.join(" "), { size: 12 }, AR, 120);
    expect(block.lines.length).toBeGreaterThan(2);
    for (const line of block.lines) expect(line.width).toBeLessThanOrEqual(120);
    // The first line holds the first words, the first of them on the right.
    expect(visual(block.lines[0]).endsWith(reverse(words[0]))).toBe(true);
    expect(visual(block.lines.at(-1)!).startsWith(reverse(words.at(-1)!))).toBe(true);
    expect(block.lines.map((l) => l.actualText).join(" ")).toBe(words.join(" "));
  });

  it("puts an Arabic name in a left-to-right line right to left", () => {
    const block = layoutText("Certified: محمد علي.", { size: 12 }, EN, 1000);
    expect(visual(block.lines[0])).toBe(`Certified: ${reverse("محمد علي")}.`);
  });

  it("picks the font per script run", () => {
    const block = layoutText("Name: 王小明 / Анна / محمد", { size: 12 }, EN, 1000);
    const fontOf = (part: string) => block.lines[0].runs.find((r) => r.text.includes(part))?.font;
    expect(fontOf("王小明")).toBe<FontKey>("cjk-regular");
    expect(fontOf("Name:")).toBe<FontKey>("latin-regular");
    expect(fontOf("Анна")).toBe<FontKey>("latin-regular");
    expect(fontOf("محمد")).toBe<FontKey>("arabic-regular"); // given to fontkit in logical order
  });

  it("wraps Chinese between ideographs and hard-splits words wider than the line", () => {
    const zh = layoutText(
      "参加了在线举办的关于联合国打击跨国有组织犯罪公约审议机制的民间社会在线培训。",
      { size: 12 },
      {
        dir: "ltr",
        script: "cjk",
      },
      100,
    );
    expect(zh.lines.length).toBeGreaterThan(3);
    for (const line of zh.lines) expect(line.width).toBeLessThanOrEqual(100);
    const url = layoutText(`https://example.org/${"a".repeat(120)}`, { size: 10 }, EN, 100);
    expect(url.lines.length).toBeGreaterThan(3);
    for (const line of url.lines) expect(line.width).toBeLessThanOrEqual(100);
  });

  it("loads each font once", () => {
    expect(getFont("cjk-regular")).toBe(getFont("cjk-regular"));
  });
});

// ---- certificates -----------------------------------------------------------------------------------------

describe("renderCertificate", () => {
  it.each(LANGS)("renders a one-page A4 landscape certificate in %s", async (lang) => {
    const input = sampleCertificate(lang);
    const pdf = await renderCertificate(input);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, info, fonts } = await parse(pdf);
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0].width)).toBe(842);
    expect(Math.round(pages[0].height)).toBe(595);
    expect(info.Language).toBe(lang === "zh" ? "zh-Hans" : lang);
    expect(info.Title).toContain(input.heading);
    expect(pages[0].links).toContain(input.verifyUrl);
    const text = pages[0].text;
    expect(text).toContain(input.verifyUrl);
    expect(text).toContain(input.code);
    const arabic = fonts.some((f) => f.includes("NotoSansArabic"));
    const chinese = fonts.some((f) => f.includes("NotoSansSC"));
    expect(arabic).toBe(lang === "ar");
    expect(chinese).toBe(lang === "zh");
    if (lang === "ar") {
      // "… من 10 إلى 12 تشرين الثاني/نوفمبر 2020": on one line, each number left of the one before it.
      const ten = pages[0].items.find((i) => i.str === "10")!;
      const onLine = (s: string) => pages[0].items.find((i) => i.str === s && Math.abs(i.y - ten.y) < 1)!;
      expect(onLine("12").x).toBeLessThan(ten.x);
      expect(onLine("2020").x).toBeLessThan(onLine("12").x);
    } else {
      expect(text).toContain(input.name);
      expect(text).toContain(input.heading);
    }
  });

  it("embeds the Arabic and CJK fonts for names in those scripts on an English certificate", async () => {
    const latin = await parse(await renderCertificate(sampleCertificate("en")));
    expect(latin.fonts.every((f) => /\+NotoSans-(Regular|Bold)$/.test(f))).toBe(true);
    const arabic = await parse(await renderCertificate(sampleCertificate("en", { name: "محمد عبد الله" })));
    expect(arabic.fonts.some((f) => /\+NotoSansArabic-Bold$/.test(f))).toBe(true);
    const chinese = await parse(await renderCertificate(sampleCertificate("en", { name: "王小明" })));
    expect(chinese.fonts.some((f) => /\+NotoSansSC-Bold$/.test(f))).toBe(true);
    expect(chinese.pages[0].text).toContain("王小明");
  });

  it("draws the words of an Arabic run right to left", async () => {
    // Letters whose glyphs map back to one character each, so that pdf.js's extraction is exact. pdf.js
    // puts right-to-left text back into logical order: the first word written must come out first.
    const input = sampleCertificate("ar", { heading: "كلام ملك", name: "كامل" });
    const { pages } = await parse(await renderCertificate(input));
    const text = pages[0].text;
    expect(text.indexOf("كلام")).toBeGreaterThanOrEqual(0);
    expect(text.indexOf("كلام")).toBeLessThan(text.indexOf("ملك"));
  });

  it("keeps a very long body on one page", async () => {
    const body = Array.from({ length: 12 }, () => sampleCertificate("fr").body).join(" ");
    const { pages } = await parse(await renderCertificate(sampleCertificate("fr", { body })));
    expect(pages).toHaveLength(1);
  });
});

// ---- reports ----------------------------------------------------------------------------------------------

describe("renderReport", () => {
  it("fits a short report on one numbered page", async () => {
    const { pages } = await parse(await renderReport(sampleReport("en", 3)));
    expect(pages).toHaveLength(1);
    expect(pages[0].text).toContain("1 / 1");
  });

  it.each(["en", "ar", "zh"] as const)("paginates a long %s report with numbered pages", async (lang) => {
    const input = sampleReport(lang, 80);
    const pdf = await renderReport(input);
    const { pages, info, fonts } = await parse(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(info.Language).toBe(lang === "zh" ? "zh-Hans" : lang);
    expect(info.Title).toBe(input.title);
    pages.forEach((page, i) => {
      expect(Math.round(page.width)).toBe(595);
      expect(page.text).toContain(`${i + 1} / ${pages.length}`);
    });
    // Every row is drawn exactly once: none lost or duplicated at page breaks.
    const all = pages.map((p) => p.text).join("\n");
    expect(count(all, "Kwame Mensah")).toBe(8);
    expect(count(all, "Amina Diallo")).toBe(8);
    expect(count(all, "Ghana Anti-Corruption Coalition")).toBe(8);
    // The table header comes back on each page the table continues on.
    const header = input.sections[2].table!.columns[0];
    const tablePages = pages.filter((p) => p.text.includes("Kwame Mensah"));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) expect(page.items.some((i) => i.str === header)).toBe(true);
    if (lang === "ar") expect(fonts.some((f) => f.includes("NotoSansArabic"))).toBe(true);
    if (lang === "zh") {
      expect(fonts.some((f) => f.includes("NotoSansSC"))).toBe(true);
      expect(all).toContain("参与者");
    }
  });

  it("cuts a table cell taller than a page instead of running over the footer", async () => {
    const input = sampleReport("en", 2);
    input.sections[2].table!.rows[0][2] = "Coalition ".repeat(2000);
    const { pages } = await parse(await renderReport(input));
    for (const page of pages) {
      for (const item of page.items) {
        // pdf.js y runs upwards from the bottom; the footer rule sits 58 pt above the bottom edge.
        if (item.str.includes("Coalition")) expect(item.y).toBeGreaterThan(60);
      }
    }
    expect(pages.at(-1)!.text).toContain("Amina Diallo");
  });

  it("orders table columns right to left in Arabic", async () => {
    const columnXs = async (lang: "en" | "ar") => {
      const { pages } = await parse(await renderReport(sampleReport(lang, 5)));
      const x = (s: string) => pages[0].items.find((i) => i.str === s)!.x;
      return { number: x("#"), country: x("Senegal"), name: x("Amina Diallo") };
    };
    const en = await columnXs("en");
    expect(en.number).toBeLessThan(en.name);
    expect(en.name).toBeLessThan(en.country);
    const ar = await columnXs("ar");
    expect(ar.number).toBeGreaterThan(ar.name);
    expect(ar.name).toBeGreaterThan(ar.country);
  });
});
