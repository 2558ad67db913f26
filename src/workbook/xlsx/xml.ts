/**
 * XML for the package parts: one streaming pass with saxes (a conforming, non-validating SAX parser that
 * never expands external entities and refuses undeclared ones), element positions in the source text so
 * an editor can splice a part without re-serialising what it does not change, and escaping for what we
 * write. Depth is bounded (a 100,000-deep drawing must not crash the reader), and so is the stretch
 * between two tags (one CDATA section as large as the part must not be gathered whole).
 */
import { limits } from "./limits";
import { SaxesParser, type SaxesTag } from "saxes";
import { WorkbookError } from "./errors";

export const MAX_XML_DEPTH = limits.xmlDepth();

export interface XmlElement {
  /** Qualified name as written ("x:sheet"). */
  readonly name: string;
  /** Name without its prefix ("sheet"). */
  readonly local: string;
  /** Attributes by qualified name, values decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Index of "<" in the text. */
  readonly start: number;
  /** Index just past ">" of the start tag. */
  readonly startEnd: number;
  readonly selfClosing: boolean;
  readonly depth: number;
}

export interface XmlHandlers {
  /**
   * Streaming scans only: the elements (local names) whose text is wanted. Text elsewhere is not
   * gathered at all, so blanks or junk between tags cost no memory however long they run.
   */
  readonly textIn?: ReadonlySet<string>;
  open?(el: XmlElement): void;
  /** end: index just past the element (its end tag, or its start tag when self-closing). */
  close?(el: XmlElement, end: number): void;
  text?(text: string): void;
  /** Where the scan is, for a refusal ("cell B2"), when the handlers know it. */
  where?(): string | undefined;
}

export function localName(qname: string): string {
  const at = qname.indexOf(":");
  return at >= 0 ? qname.slice(at + 1) : qname;
}

/** Stops a scan early (thrown by a handler, caught by scanXml). */
export class StopScan extends Error {}

function notXml(e: unknown, label: string, part: string): WorkbookError {
  const why = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0].slice(0, 160);
  return new WorkbookError("damaged", `${label} is damaged: ${part} is not valid XML (${why})`);
}

export function tooDeep(label: string, part: string): WorkbookError {
  return new WorkbookError("damaged", `${label}: ${part} nests elements deeper than ${MAX_XML_DEPTH}; refused`);
}

function tooLong(label: string, part: string, max: number, where: string | undefined): WorkbookError {
  const at = where ? ` (${where})` : "";
  return new WorkbookError(
    "damaged",
    `${label}: ${part} has a text, CDATA section or tag of more than ${max.toLocaleString("en")} characters${at}; refused`,
  );
}

/**
 * The cap on one stretch between tags (limits.ts xmlTextChars), kept from the input side. saxes holds a
 * CDATA section, comment or start tag whole until it ends, listened to or not (a text, while it is
 * listened to), so waiting for its event would let one stretch grow to the part cap. Instead the
 * parser's position (saxes `position`: an index into all the text written, kept with or without
 * position tracking) is taken at every tag event, and after each piece written the characters fed
 * since the last tag are the stretch still open: refused once over the cap, so at most one piece past
 * it is held. The rule is on the text as written, whatever is listened to: blanks between tags count.
 */
class StretchCap {
  /** Read per parse, so a test can lower it. */
  private readonly max = limits.xmlTextChars();
  private mark = 0;
  private fed = 0;
  constructor(
    private readonly position: () => number,
    private readonly refuse: (max: number) => WorkbookError,
  ) {}

  /** At a tag event; the stretch it ends is checked too (one piece can hold a whole stretch). */
  tag(): void {
    const at = this.position();
    if (at - this.mark > this.max) throw this.refuse(this.max);
    this.mark = at;
  }

  /** After a piece of `length` characters has been parsed. */
  wrote(length: number): void {
    this.fed += length;
    if (this.fed - this.mark > this.max) throw this.refuse(this.max);
  }
}

/** An element as the handlers see it, from saxes's open tag; start and startEnd are -1 when not tracked. */
function elementOf(tag: SaxesTag, depth: number, start: number, startEnd: number): XmlElement {
  return {
    name: tag.name,
    local: localName(tag.name),
    attributes: tag.attributes as Readonly<Record<string, string>>,
    start,
    startEnd,
    selfClosing: tag.isSelfClosing,
    depth,
  };
}

/** Where a part's text comes from: handed on piece by piece (zip.ts streamEntryText) until refused. */
export type TextSource = (onText: (text: string) => boolean | void) => Promise<void>;

/** A part already in memory, as one piece. */
export const wholeText =
  (xml: string): TextSource =>
  async (onText) => {
    onText(xml);
  };

/** A part parsed piece by piece as it is inflated (zip.ts streamEntryText); no positions. */
export interface XmlStream {
  /** Parse the next piece; false once a handler has stopped the scan (StopScan). */
  write(text: string): boolean;
  /** The part has ended (a part cut short is refused as not valid XML). */
  close(): void;
}

/**
 * A streaming scan with the same handlers and the same refusals as scanXml: the depth cap is a
 * counter checked at each start tag, so a 100,000-deep part is refused at the 257th level, and a
 * stretch between tags is refused within one piece of passing its cap (StretchCap).
 */
export function xmlStream(handlers: XmlHandlers, label: string, part: string): XmlStream {
  const parser = new SaxesParser({ position: false });
  const stack: XmlElement[] = [];
  const stretch = new StretchCap(
    () => parser.position,
    (max) => tooLong(label, part, max, handlers.where?.()),
  );
  let stopped = false;
  const onText = handlers.text;
  const textIn = onText ? handlers.textIn : undefined;
  // saxes gathers text only while a text handler is set (it reads the handler at each run of text).
  const listen = (on: boolean): void => {
    if (!onText) return;
    if (on) {
      parser.on("text", onText);
      parser.on("cdata", onText);
    } else {
      parser.off("text");
      parser.off("cdata");
    }
  };
  if (!textIn) listen(true);
  parser.on("opentagstart", () => stretch.tag());
  parser.on("opentag", (tag) => {
    stretch.tag();
    if (stack.length >= MAX_XML_DEPTH) throw tooDeep(label, part);
    const el = elementOf(tag, stack.length, -1, -1);
    stack.push(el);
    handlers.open?.(el);
    if (textIn && !el.selfClosing && textIn.has(el.local)) listen(true);
  });
  parser.on("closetag", () => {
    stretch.tag();
    const el = stack.pop();
    if (textIn && el && textIn.has(el.local)) listen(false);
    if (el) handlers.close?.(el, -1);
  });
  parser.on("error", (e) => {
    throw e;
  });
  const guard = (f: () => void): boolean => {
    if (stopped) return false;
    try {
      f();
      return true;
    } catch (e) {
      if (e instanceof StopScan) return !(stopped = true);
      if (e instanceof WorkbookError) throw e;
      throw notXml(e, label, part);
    }
  };
  return {
    write: (text) =>
      guard(() => {
        parser.write(text);
        stretch.wrote(text.length);
      }),
    close: () => void guard(() => parser.close()),
  };
}

/** Characters handed to the parser at a time by scanXml (as zip.ts streams: 64 Ki). */
const SCAN_PIECE = 1 << 16;

/**
 * Parse `xml` (one part, all in memory) calling the handlers; throws a one-line WorkbookError when it is
 * not XML. Without `positions` the elements' spans are -1 (faster, for parts that are only read).
 */
export function scanXml(
  xml: string,
  handlers: XmlHandlers,
  label: string,
  part: string,
  options: { readonly positions?: boolean } = {},
): void {
  const positions = options.positions ?? true;
  const parser = new SaxesParser({ position: positions });
  const stack: XmlElement[] = [];
  const stretch = new StretchCap(
    () => parser.position,
    (max) => tooLong(label, part, max, handlers.where?.()),
  );
  let tagStart = -1;
  parser.on("opentagstart", (tag) => {
    stretch.tag();
    // position is a little past the name (saxes reads one character ahead).
    if (positions) tagStart = xml.lastIndexOf(`<${tag.name}`, parser.position);
  });
  parser.on("opentag", (tag) => {
    stretch.tag();
    if (stack.length >= MAX_XML_DEPTH) throw tooDeep(label, part);
    const el = elementOf(tag, stack.length, tagStart, positions ? parser.position : -1);
    stack.push(el);
    handlers.open?.(el);
  });
  parser.on("closetag", () => {
    stretch.tag();
    const el = stack.pop();
    if (el) handlers.close?.(el, positions ? parser.position : -1);
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on("text", (t) => onText(t));
    parser.on("cdata", (t) => onText(t));
  }
  parser.on("error", (e) => {
    throw e;
  });
  try {
    // In pieces, so a stretch over the cap is refused before saxes has gathered the rest of it.
    for (let at = 0; at < xml.length; at += SCAN_PIECE) {
      const piece = xml.slice(at, at + SCAN_PIECE);
      parser.write(piece);
      stretch.wrote(piece.length);
    }
    parser.close();
  } catch (e) {
    if (e instanceof StopScan) return;
    if (e instanceof WorkbookError) throw e;
    throw notXml(e, label, part);
  }
}

/** Escape text content (ECMA-376 parts are XML 1.0). */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escape an attribute value in double quotes; line breaks and tabs as references so they survive. */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab, line feed and carriage return) are written as
 * the ST_Xstring escape _xHHHH_ (ECMA-376 Part 1 §22.9.2.19), and a literal "_x" as "_x005F_x".
 */
export function escapeXstring(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/_x(?=[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (m) =>
    m === "_x" ? "_x005F_x" : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

/** Attributes as written: ` a="1" b="2"`. */
export function attrs(values: Readonly<Record<string, string | number | undefined>>): string {
  let out = "";
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out += ` ${k}="${escapeAttr(String(v))}"`;
  return out;
}

/** The prefix ("" or "x:") the root element uses for its own namespace, to write children the same way. */
export function rootPrefix(rootName: string): string {
  const at = rootName.indexOf(":");
  return at >= 0 ? rootName.slice(0, at + 1) : "";
}
