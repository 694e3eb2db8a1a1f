import { describe, expect, it } from "vitest";
import { type NodeLike, richTextIsEmpty, safeHref, serializeRichText } from "./richText.ts";

/** A tiny stand-in for DOM nodes (the unit tests run in Node, without a DOM). */
const text = (value: string): NodeLike => ({
  nodeType: 3,
  nodeName: "#text",
  nodeValue: value,
  childNodes: [],
});
const el = (
  name: string,
  attrs: Record<string, string> = {},
  ...children: Array<NodeLike | string>
): NodeLike => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  nodeValue: null,
  childNodes: children.map((c) => (typeof c === "string" ? text(c) : c)),
  getAttribute: (n: string) => attrs[n] ?? null,
});
const root = (...children: Array<NodeLike | string>) => el("div", {}, ...children);
const comment = (value: string): NodeLike => ({
  nodeType: 8,
  nodeName: "#comment",
  nodeValue: value,
  childNodes: [],
});

/** The tags the server keeps for a recommendation's text (sanitize in recommendations/service.ts). */
const SERVER_TAGS = ["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "a"];
const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase());

describe("rich-text editor output", () => {
  it("writes paragraphs, bold, italic and lists with the server's tags", () => {
    const html = serializeRichText(
      root(
        el(
          "p",
          {},
          "States parties should protect ",
          el("b", {}, "whistleblowers"),
          " and ",
          el("i", {}, "migrants"),
          ":",
        ),
        el(
          "ul",
          {},
          el("li", {}, "safe reporting channels"),
          el("li", {}, "protection ", el("strong", {}, "from retaliation")),
        ),
        el("ol", {}, el("li", {}, "first"), el("li", {}, "second")),
      ),
    );
    expect(html).toBe(
      "<p>States parties should protect <strong>whistleblowers</strong> and <em>migrants</em>:</p>" +
        "<ul><li>safe reporting channels</li><li>protection <strong>from retaliation</strong></li></ul>" +
        "<ol><li>first</li><li>second</li></ol>",
    );
    expect(tagsOf(html).every((t) => SERVER_TAGS.includes(t))).toBe(true);
  });

  it("maps what browsers write in an editable region onto those tags", () => {
    const html = serializeRichText(
      root(
        "Typed before any paragraph",
        el("div", {}, "a line in a div", el("br")),
        el(
          "div",
          {},
          el("span", { style: "font-weight: 700;" }, "bold by style"),
          " ",
          el("span", { style: "font-style:italic" }, "italic by style"),
        ),
        el("h2", {}, "a heading"),
        el("font", { color: "red" }, "coloured"),
        el("p", {}, el("br")),
        el("p", { class: "x", style: "color:red", onclick: "alert(1)" }, "kept without attributes"),
      ),
    );
    expect(html).toBe(
      "<p>Typed before any paragraph</p><p>a line in a div</p>" +
        "<p><strong>bold by style</strong> <em>italic by style</em></p><p>a heading</p><p>coloured</p>" +
        "<p>kept without attributes</p>",
    );
  });

  it("keeps http(s) links only, without other attributes", () => {
    const html = serializeRichText(
      root(
        el(
          "p",
          {},
          el("a", { href: "https://www.unodc.org/untoc?x=1&y=2", target: "_blank", onclick: "x()" }, "UNTOC"),
          " ",
          el("a", { href: "javascript:alert(1)" }, "bad"),
          " ",
          el("a", { href: "data:text/html,<script>alert(1)</script>" }, "data"),
          " ",
          el("a", { href: "mailto:someone@example.org" }, "mail"),
          " ",
          el("a", { href: "/relative" }, "relative"),
        ),
      ),
    );
    expect(html).toBe(
      '<p><a href="https://www.unodc.org/untoc?x=1&amp;y=2">UNTOC</a> bad data mail relative</p>',
    );
  });

  it("escapes text and drops scripts, images, comments and empty blocks", () => {
    const html = serializeRichText(
      root(
        el("p", {}, "a < b & <script>alert(1)</script>"),
        el("script", {}, "window.__xss = 1"),
        el("p", {}, el("img", { src: "x", onerror: "window.__xss=2" }), comment("note")),
        el("ul", {}, el("li", {}, el("br")), el("li", {}, " ")),
        el("p", {}, "\u00a0 "),
      ),
    );
    expect(html).toBe("<p>a &lt; b &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("does not repeat a mark inside itself, and drops marks around nothing", () => {
    expect(
      serializeRichText(
        root(el("p", {}, el("b", {}, "a ", el("strong", {}, "b")), el("em", {}, el("br")), "c")),
      ),
    ).toBe("<p><strong>a b</strong><br>c</p>");
  });

  it("keeps nested lists inside their item, and quotations", () => {
    expect(
      serializeRichText(
        root(
          el(
            "ul",
            {},
            el("li", {}, "one", el("ol", {}, el("li", {}, "one.a"))),
            el("ul", {}, el("li", {}, "stray")),
          ),
          el("blockquote", {}, "quoted ", el("b", {}, "text")),
        ),
      ),
    ).toBe(
      "<ul><li>one<ol><li>one.a</li></ol></li><li><ul><li>stray</li></ul></li></ul>" +
        "<blockquote><p>quoted <strong>text</strong></p></blockquote>",
    );
  });

  it("is empty when there is no text", () => {
    expect(serializeRichText(root(el("p", {}, el("br"))))).toBe("");
    expect(richTextIsEmpty("")).toBe(true);
    expect(richTextIsEmpty("<p><strong> </strong>&nbsp;</p>")).toBe(true);
    expect(richTextIsEmpty("<p>x</p>")).toBe(false);
  });
});

describe("link addresses", () => {
  it("accepts http and https, and adds https to a bare address", () => {
    expect(safeHref("https://www.unodc.org/")).toBe("https://www.unodc.org/");
    expect(safeHref(" http://example.org/a b")).toBeNull();
    expect(safeHref("http://example.org/path?q=1")).toBe("http://example.org/path?q=1");
    expect(safeHref("www.unodc.org/untoc")).toBe("https://www.unodc.org/untoc");
    expect(safeHref("example.org:8080/x")).toBe("https://example.org:8080/x");
    expect(safeHref("//cdn.example.org/x")).toBe("https://cdn.example.org/x");
  });

  it("refuses any other scheme", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,x",
      "mailto:a@b.org",
      "ftp://x.org",
      "",
      "   ",
      "https://",
    ])
      expect(safeHref(bad), bad).toBeNull();
  });
});
