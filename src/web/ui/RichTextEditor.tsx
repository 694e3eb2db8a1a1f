import {
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "./forms.tsx";
import { escapeText, type NodeLike, safeHref, serializeRichText } from "./richText.ts";
import { ModalDialog } from "./widgets.tsx";

type Command = "bold" | "italic" | "insertUnorderedList" | "insertOrderedList";
type Pressed = Record<Command, boolean>;
const NOT_PRESSED: Pressed = {
  bold: false,
  italic: false,
  insertUnorderedList: false,
  insertOrderedList: false,
};

/** The HTML of a value, cleaned through an inert document (nothing in it runs or loads). */
function cleanHtml(html: string): string {
  if (!html) return "";
  const doc = new DOMParser().parseFromString(html, "text/html");
  return serializeRichText(doc.body as unknown as NodeLike);
}

/** Is this key press Ctrl/Cmd + the letter (by character, or by key position on non-Latin layouts)? */
function shortcut(e: KeyboardEvent, letter: "b" | "i"): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  const key = e.key.toLowerCase();
  return /^[a-z]$/.test(key) ? key === letter : e.code === `Key${letter.toUpperCase()}`;
}

/** A toolbar icon: decoration only, the button's text names it. */
function Svg({ children }: { children: ReactNode }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="rte-icon">
      {children}
    </svg>
  );
}

function Icon({ name, rtl }: { name: Command | "link"; rtl: boolean }) {
  // Lists start on the reading side: the bullets and numbers move to the right in Arabic.
  const mark = rtl ? 16 : 4;
  const line = rtl ? "M2 " : "M8 ";
  const lines = (y: number) => `${line}${y}h10`;
  switch (name) {
    case "bold":
      return (
        <Svg>
          <path
            d="M6 3.5h4.8a3.2 3.2 0 0 1 0 6.4H6zM6 9.9h5.6a3.3 3.3 0 0 1 0 6.6H6z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinejoin="round"
          />
        </Svg>
      );
    case "italic":
      return (
        <Svg>
          <path d="M9 3.5h7M4 16.5h7M12.5 3.5l-5 13" fill="none" stroke="currentColor" strokeWidth="2" />
        </Svg>
      );
    case "insertUnorderedList":
      return (
        <Svg>
          {[5, 10, 15].map((y) => (
            <circle key={y} cx={mark} cy={y} r="1.6" fill="currentColor" />
          ))}
          <path d={[5, 10, 15].map(lines).join("")} stroke="currentColor" strokeWidth="1.8" />
        </Svg>
      );
    case "insertOrderedList":
      return (
        <Svg>
          {[1, 2, 3].map((n) => (
            <text
              key={n}
              x={mark}
              y={n * 5 + 2.2}
              fontSize="6.5"
              fontWeight="700"
              textAnchor="middle"
              fill="currentColor"
              fontFamily="system-ui, sans-serif"
            >
              {n}
            </text>
          ))}
          <path d={[5, 10, 15].map(lines).join("")} stroke="currentColor" strokeWidth="1.8" />
        </Svg>
      );
    default:
      return (
        <Svg>
          <path
            d="M8.3 11.7l3.4-3.4M9.2 6.3l1.5-1.5a3 3 0 0 1 4.5 4.5l-1.5 1.5M10.8 13.7l-1.5 1.5a3 3 0 0 1-4.5-4.5l1.5-1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.9"
            strokeLinecap="round"
          />
        </Svg>
      );
  }
}

/**
 * A small rich-text editor: a contenteditable region (role textbox, multi-line) with a visible label,
 * and a toolbar (bold, italic, bulleted list, numbered list, link) that is one tab stop, moved
 * through with the arrow keys, Home and End (the ARIA toolbar pattern); toggles say whether they are
 * on with aria-pressed. Ctrl/Cmd+B and Ctrl/Cmd+I work in the text. It follows the page direction.
 * `value` and `onChange` carry HTML limited to the tags the server keeps (see richText.ts); pasted
 * content comes in as plain text.
 */
export function RichTextEditor(props: {
  id: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Language of the text being written. */
  lang?: string;
}) {
  const { id, value, onChange } = props;
  const { t, i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === "rtl";
  const editor = useRef<HTMLDivElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  /** The last HTML sent through onChange: a value that differs came from outside. */
  const emitted = useRef<string | null>(null);
  /** Where the caret or selection was in the text, to act on it from the toolbar. */
  const saved = useRef<Range | null>(null);
  const [pressed, setPressed] = useState<Pressed>(NOT_PRESSED);
  const [current, setCurrent] = useState(0);
  const [link, setLink] = useState<{ open: boolean; href: string; error: string; existing: boolean }>({
    open: false,
    href: "",
    error: "",
    existing: false,
  });
  /** A link to apply once its dialog has closed and focus is back in the text. */
  const [pendingLink, setPendingLink] = useState<{ href: string | null } | null>(null);

  // The content follows `value` when it changes from outside (first render, a reset).
  useEffect(() => {
    const el = editor.current;
    if (!el || value === emitted.current) return;
    const clean = cleanHtml(value);
    el.innerHTML = clean || "<p><br></p>";
    emitted.current = value;
  }, [value]);

  const inEditor = useCallback((node: Node | null) => !!node && !!editor.current?.contains(node), []);

  const refresh = useCallback(() => {
    const sel = document.getSelection();
    if (!sel?.rangeCount || !inEditor(sel.anchorNode)) return;
    saved.current = sel.getRangeAt(0).cloneRange();
    const state = (c: Command) => {
      try {
        return document.queryCommandState(c);
      } catch {
        return false;
      }
    };
    setPressed({
      bold: state("bold"),
      italic: state("italic"),
      insertUnorderedList: state("insertUnorderedList"),
      insertOrderedList: state("insertOrderedList"),
    });
  }, [inEditor]);

  useEffect(() => {
    document.addEventListener("selectionchange", refresh);
    return () => document.removeEventListener("selectionchange", refresh);
  }, [refresh]);

  const emit = useCallback(() => {
    const el = editor.current;
    if (!el) return;
    const html = serializeRichText(el as unknown as NodeLike);
    emitted.current = html;
    onChange(html);
  }, [onChange]);

  /** Focus in the text, with the caret or selection where it was (else at the end). */
  const focusText = useCallback(() => {
    const el = editor.current;
    const sel = document.getSelection();
    if (!el || !sel) return;
    // Already typing: the live selection is the right one (the saved one may be a key behind).
    if (document.activeElement === el && sel.rangeCount && inEditor(sel.anchorNode)) return;
    // Taken before focusing: focus puts the caret at the start, and onFocus would save that.
    const range = saved.current;
    el.focus({ preventScroll: false });
    if (range && inEditor(range.startContainer)) {
      sel.removeAllRanges();
      sel.addRange(range);
      saved.current = range;
    } else if (!sel.rangeCount || !inEditor(sel.anchorNode)) {
      const r = document.createRange();
      r.selectNodeContents(el);
      r.collapse(false);
      sel.removeAllRanges();
      sel.addRange(r);
    }
  }, [inEditor]);

  const exec = useCallback(
    (command: string, arg?: string) => {
      focusText();
      document.execCommand("styleWithCSS", false, "false");
      document.execCommand("defaultParagraphSeparator", false, "p");
      document.execCommand(command, false, arg);
      emit();
      refresh();
    },
    [emit, focusText, refresh],
  );

  /** The link around the caret or selection, if any. */
  const anchorAt = useCallback((): HTMLAnchorElement | null => {
    let n: Node | null = saved.current?.commonAncestorContainer ?? null;
    while (n && n !== editor.current) {
      if (n instanceof HTMLAnchorElement) return n;
      n = n.parentNode;
    }
    return null;
  }, []);

  const openLink = () => {
    const a = anchorAt();
    setLink({ open: true, href: a?.getAttribute("href") ?? "", error: "", existing: !!a });
  };

  // Applied after the dialog is gone, so that focus can go back into the text.
  useEffect(() => {
    if (!pendingLink || link.open) return;
    setPendingLink(null);
    focusText();
    const a = anchorAt();
    const sel = document.getSelection();
    if (a && sel) {
      const r = document.createRange();
      r.selectNodeContents(a);
      sel.removeAllRanges();
      sel.addRange(r);
      saved.current = r;
    }
    if (!pendingLink.href) {
      if (a) exec("unlink");
      return;
    }
    if (!a && sel?.isCollapsed) {
      const href = pendingLink.href;
      exec("insertHTML", `<a href="${escapeText(href).replace(/"/g, "&quot;")}">${escapeText(href)}</a>`);
    } else exec("createLink", pendingLink.href);
  }, [pendingLink, link.open, focusText, anchorAt, exec]);

  const applyLink = (e: FormEvent) => {
    // The dialog is rendered elsewhere in the page but inside this form in React's tree.
    e.preventDefault();
    e.stopPropagation();
    const href = safeHref(link.href);
    if (!href) {
      setLink((l) => ({ ...l, error: t("editor.linkInvalid") }));
      return;
    }
    setLink((l) => ({ ...l, open: false }));
    setPendingLink({ href });
  };

  const buttons: Array<{ command: Command | "link"; label: string }> = [
    { command: "bold", label: t("editor.bold") },
    { command: "italic", label: t("editor.italic") },
    { command: "insertUnorderedList", label: t("editor.bulletList") },
    { command: "insertOrderedList", label: t("editor.numberedList") },
    { command: "link", label: t("editor.link") },
  ];

  const onToolbarKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(toolbar.current?.querySelectorAll("button") ?? []);
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const forward = rtl ? "ArrowLeft" : "ArrowRight";
    const back = rtl ? "ArrowRight" : "ArrowLeft";
    let next = -1;
    if (e.key === forward) next = (i + 1) % items.length;
    else if (e.key === back) next = (i - 1 + items.length) % items.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = items.length - 1;
    else if (e.key === "Escape") {
      e.preventDefault();
      focusText();
      return;
    }
    if (next < 0) return;
    e.preventDefault();
    setCurrent(next);
    items[next].focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (shortcut(e, "b")) {
      e.preventDefault();
      exec("bold");
    } else if (shortcut(e, "i")) {
      e.preventDefault();
      exec("italic");
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    // Formatting from elsewhere (styles, tables, images) is not kept: the text is.
    e.preventDefault();
    const text = e.clipboardData.getData("text/plain");
    if (text) exec("insertText", text);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    // A drop is a paste with the mouse: text only, where it was dropped.
    e.preventDefault();
    const text = e.dataTransfer.getData("text/plain");
    if (!text) return;
    const doc = e.currentTarget.ownerDocument;
    const range =
      doc.caretRangeFromPoint?.(e.clientX, e.clientY) ??
      (() => {
        const pos = (
          doc as Document & {
            caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
          }
        ).caretPositionFromPoint?.(e.clientX, e.clientY);
        if (!pos) return null;
        const r = doc.createRange();
        r.setStart(pos.offsetNode, pos.offset);
        return r;
      })();
    if (range && e.currentTarget.contains(range.startContainer)) {
      const selection = doc.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    e.currentTarget.focus();
    exec("insertText", text);
  };

  const describedBy =
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <div className={`field rte${props.error ? " has-error" : ""}`}>
      {/* Not a <label>: a contenteditable region is named through aria-labelledby. */}
      <div className="rte-label" id={`${id}-label`}>
        {props.label}
        {props.required ? (
          <span className="required" aria-hidden="true" title={t("form.required")}>
            {" *"}
          </span>
        ) : null}
      </div>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <div className="rte-box">
        <div
          ref={toolbar}
          role="toolbar"
          aria-label={t("editor.toolbar", { field: props.label })}
          aria-controls={id}
          className="rte-toolbar"
          onKeyDown={onToolbarKey}
        >
          {buttons.map((b, i) => (
            <button
              key={b.command}
              type="button"
              className="rte-button"
              tabIndex={i === current ? 0 : -1}
              aria-pressed={b.command === "link" ? undefined : pressed[b.command]}
              aria-haspopup={b.command === "link" ? "dialog" : undefined}
              // Keeps the caret in the text when the button is clicked.
              onMouseDown={(e) => e.preventDefault()}
              onFocus={() => setCurrent(i)}
              onClick={() => (b.command === "link" ? openLink() : exec(b.command))}
            >
              <Icon name={b.command} rtl={rtl} />
              <span className="rte-button-text">{b.label}</span>
            </button>
          ))}
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: formatted text cannot be written in a textarea; this is the ARIA pattern for a contenteditable text box */}
        <div
          ref={editor}
          id={id}
          className="rte-content"
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          aria-required={props.required || undefined}
          tabIndex={0}
          lang={props.lang}
          onInput={emit}
          onKeyDown={onKeyDown}
          onKeyUp={refresh}
          onMouseUp={refresh}
          onFocus={refresh}
          onPaste={onPaste}
          onDrop={onDrop}
        />
      </div>
      <ModalDialog
        isOpen={link.open}
        onClose={() => setLink((l) => ({ ...l, open: false }))}
        title={link.existing ? t("editor.linkEditTitle") : t("editor.linkTitle")}
      >
        <form onSubmit={applyLink} noValidate>
          <TextField
            id={`${id}-link-href`}
            label={t("editor.linkAddress")}
            hint={t("editor.linkHint")}
            value={link.href}
            onChange={(v) => setLink((l) => ({ ...l, href: v, error: "" }))}
            error={link.error || undefined}
            type="url"
            inputMode="url"
            dir="ltr"
            required
          />
          <div className="actions">
            <button type="submit" className="btn btn-primary">
              {t("editor.linkApply")}
            </button>
            {link.existing ? (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  setLink((l) => ({ ...l, open: false }));
                  setPendingLink({ href: null });
                }}
              >
                {t("editor.linkRemove")}
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setLink((l) => ({ ...l, open: false }))}
            >
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </ModalDialog>
    </div>
  );
}
