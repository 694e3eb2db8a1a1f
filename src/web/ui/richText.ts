/**
 * The HTML the rich-text editor produces, read from its DOM. Only the tags the server's sanitiser
 * keeps for recommendations (`sanitize` in server/features/recommendations/service.ts: p, br,
 * strong, b, em, i, ul, ol, li, blockquote, a) are written, and of those the editor uses p, br,
 * strong, em, ul, ol, li, blockquote and a; links only with an http(s) address. Everything else a
 * browser may put into a contenteditable region (div, span with a style, b, i, font, attributes)
 * is mapped onto these or dropped. The server sanitises again: this only keeps the text clean.
 *
 * No DOM globals here: the walk takes anything shaped like a DOM node, so it is unit-tested in Node.
 */

export interface NodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?: (name: string) => string | null;
}

const TEXT = 3;
const ELEMENT = 1;

/** Elements that start a paragraph of their own (written as p). */
const PARAGRAPHS = new Set([
  "P",
  "DIV",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "PRE",
  "ADDRESS",
  "SECTION",
  "ARTICLE",
  "ASIDE",
  "HEADER",
  "FOOTER",
  "NAV",
  "FIGURE",
  "FIGCAPTION",
  "DT",
  "DD",
  "DL",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "TR",
  "TD",
  "TH",
  "CAPTION",
  "MAIN",
  "FORM",
  "FIELDSET",
  "LEGEND",
  "DETAILS",
  "SUMMARY",
  "HR",
]);
const LISTS = new Set(["UL", "OL"]);
/** Never content, whatever they hold. */
const DROPPED = new Set([
  "SCRIPT",
  "STYLE",
  "TEMPLATE",
  "NOSCRIPT",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "MATH",
  "IMG",
  "VIDEO",
  "AUDIO",
  "CANVAS",
  "INPUT",
  "SELECT",
  "TEXTAREA",
  "BUTTON",
  "HEAD",
  "TITLE",
  "META",
  "LINK",
]);

const isBlock = (n: NodeLike) =>
  n.nodeType === ELEMENT &&
  (PARAGRAPHS.has(n.nodeName) || LISTS.has(n.nodeName) || n.nodeName === "BLOCKQUOTE" || n.nodeName === "LI");

export const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/**
 * An address as the editor keeps it in a link: http or https only. What people type without a
 * scheme ("www.unodc.org/…") is taken as https; any other scheme (javascript:, data:, mailto:…)
 * gives null.
 */
export function safeHref(input: string | null | undefined): string | null {
  const v = (input ?? "").trim();
  if (!v || /\s/.test(v)) return null;
  let candidate: string;
  if (/^https?:\/\//i.test(v)) candidate = v;
  else if (v.startsWith("//")) candidate = `https:${v}`;
  else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(v)) return null;
  else candidate = `https://${v}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
  return url.href;
}

/** A link already in the editor: kept only if it is an absolute http(s) address. */
const linkHref = (href: string | null | undefined) =>
  href && /^https?:\/\//i.test(href.trim()) ? safeHref(href) : null;

interface Marks {
  strong: boolean;
  em: boolean;
  link: boolean;
}

function styleMarks(n: NodeLike): { strong: boolean; em: boolean } {
  const style = n.getAttribute?.("style") ?? "";
  return {
    strong: /font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i.test(style),
    em: /font-style\s*:\s*(italic|oblique)\b/i.test(style),
  };
}

/** Content without its tags and spaces: nothing means an empty paragraph or item. */
const isBlank = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|\u00a0/g, " ")
    .trim() === "";

/** Spaces and line breaks at the edges of a paragraph mean nothing. */
const trimBlock = (html: string) => html.replace(/^(?:\s|<br>)+/, "").replace(/(?:\s|<br>)+$/, "");

function inline(n: NodeLike, marks: Marks): string {
  if (n.nodeType === TEXT) return escapeText(n.nodeValue ?? "");
  if (n.nodeType !== ELEMENT || DROPPED.has(n.nodeName)) return "";
  const name = n.nodeName;
  if (name === "BR") return "<br>";
  const inner = (m: Marks) => Array.from(n.childNodes, (c) => inline(c, m)).join("");
  const style = styleMarks(n);
  let open = "";
  let close = "";
  const next = { ...marks };
  if ((name === "B" || name === "STRONG" || style.strong) && !marks.strong) {
    open += "<strong>";
    close = "</strong>" + close;
    next.strong = true;
  }
  if ((name === "I" || name === "EM" || style.em) && !marks.em) {
    open += "<em>";
    close = "</em>" + close;
    next.em = true;
  }
  if (name === "A" && !marks.link) {
    const href = linkHref(n.getAttribute?.("href"));
    if (href) {
      open = `<a href="${escapeAttr(href)}">` + open;
      close += "</a>";
      next.link = true;
    }
  }
  const body = inner(next);
  // A paragraph met inside running text (pasted, or left by the browser) ends a line.
  const breakAfter = isBlock(n) && !isBlank(body) ? "<br>" : "";
  if (!open || isBlank(body)) return body + breakAfter;
  return open + body + close + breakAfter;
}

const NO_MARKS: Marks = { strong: false, em: false, link: false };

function listItems(list: NodeLike): string {
  let out = "";
  for (const c of Array.from(list.childNodes)) {
    if (c.nodeType === ELEMENT && LISTS.has(c.nodeName)) {
      const nested = renderList(c);
      if (nested) out += `<li>${nested}</li>`;
      continue;
    }
    const body = c.nodeType === ELEMENT && c.nodeName === "LI" ? item(c) : trimBlock(inline(c, NO_MARKS));
    if (!isBlank(body)) out += `<li>${body}</li>`;
  }
  return out;
}

function renderList(list: NodeLike): string {
  const items = listItems(list);
  if (!items) return "";
  const tag = list.nodeName === "OL" ? "ol" : "ul";
  return `<${tag}>${items}</${tag}>`;
}

/** A list item: running text, and lists nested in it. */
function item(li: NodeLike): string {
  let text = "";
  let nested = "";
  for (const c of Array.from(li.childNodes)) {
    if (c.nodeType === ELEMENT && LISTS.has(c.nodeName)) nested += renderList(c);
    else text += inline(c, NO_MARKS);
  }
  const body = trimBlock(text);
  return isBlank(body) ? nested : body + nested;
}

/** Block content (the editor itself, a blockquote): paragraphs, lists, quotations. */
function blocks(container: NodeLike): string {
  let out = "";
  let run = "";
  const flush = () => {
    const body = trimBlock(run);
    if (!isBlank(body)) out += `<p>${body}</p>`;
    run = "";
  };
  for (const c of Array.from(container.childNodes)) {
    if (c.nodeType !== ELEMENT || !isBlock(c)) {
      run += inline(c, NO_MARKS);
      continue;
    }
    flush();
    if (LISTS.has(c.nodeName)) out += renderList(c);
    else if (c.nodeName === "BLOCKQUOTE") {
      const inner = blocks(c);
      if (inner) out += `<blockquote>${inner}</blockquote>`;
    } else if (Array.from(c.childNodes).some((x) => x.nodeType === ELEMENT && isBlock(x))) out += blocks(c);
    else {
      const body = trimBlock(Array.from(c.childNodes, (x) => inline(x, NO_MARKS)).join(""));
      if (!isBlank(body)) out += `<p>${body}</p>`;
    }
  }
  flush();
  return out;
}

/** The editor's content as clean HTML ("" when there is no text). */
export function serializeRichText(root: NodeLike): string {
  return blocks(root);
}

/** Is there any text in this HTML? */
export const richTextIsEmpty = (html: string) => isBlank(html);
