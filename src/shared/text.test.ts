import { describe, expect, it } from "vitest";
import { foldText, nameKey, searchDocument, searchTerms, websiteDomain } from "./text.ts";

describe("text folding", () => {
  it("removes case and accents in Latin scripts", () => {
    expect(foldText("Société Civile ÉQUITÉ")).toBe("societe civile equite");
    expect(foldText("Đặng Văn Minh Søren Łukasz")).toBe("dang van minh soren lukasz");
  });
  it("folds Arabic diacritics and letter variants", () => {
    expect(foldText("مُنَظَّمَة")).toBe(foldText("منظمه"));
    expect(foldText("أمان")).toBe("امان");
  });
  it("splits CJK into characters in documents and phrase queries", () => {
    expect(searchDocument(["亚洲青年网络"])).toBe("亚 洲 青 年 网 络");
    expect(searchTerms("青年")).toEqual([{ kind: "phrase", tokens: ["青", "年"] }]);
  });
  it("turns Cyrillic and Latin words into prefix terms", () => {
    expect(searchTerms("Защита  Youth")).toEqual([
      { kind: "prefix", tokens: ["защита"] },
      { kind: "prefix", tokens: ["youth"] },
    ]);
  });
  it("gives the same key to variants of one name", () => {
    expect(nameKey("The Foundation for Youth, Inc.")).toBe(nameKey("foundation for youth"));
  });
  it("extracts website domains", () => {
    expect(websiteDomain("https://www.Example.org/about")).toBe("example.org");
    expect(websiteDomain("example.org")).toBe("example.org");
    expect(websiteDomain("not a url")).toBeNull();
  });
});

import { OrganizationPatch } from "./schemas/organizations.ts";

describe("organisation patch", () => {
  it("does not fill in defaults for fields that were not sent", () => {
    expect(OrganizationPatch.parse({ acronym: "X" })).toEqual({ acronym: "X" });
  });
});
