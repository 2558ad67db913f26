/**
 * Add cell formats to a styles part (xl/styles.xml, ECMA-376 Part 1 §18.8) without re-serialising it:
 * each new number format, font, fill, border and cell format (xf) is appended to its collection once
 * and its count updated; an entry already there as the same text is reused, so writing the same sheets
 * again adds nothing and the part stays byte-identical.
 */
import { BUILTIN_FORMATS } from "./numberFormats";
import { attrs, rootPrefix, scanXml } from "./xml";

/** Collections in the order CT_Stylesheet requires them (§18.8.39). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type Collection = (typeof ORDER)[number];

interface Section {
  /** The collection element in the part, or null when the part has none. */
  readonly span: { start: number; startEnd: number; end: number; selfClosing: boolean } | null;
  /** Children as written. */
  readonly items: string[];
  /** Children appended by this session. */
  readonly added: string[];
}

/** One cell format as element bodies without the prefix (the prefix is added when written). */
export interface XfSpec {
  readonly numberFormat?: string;
  readonly font: string;
  readonly fill?: string;
  readonly border?: string;
  readonly alignment?: string;
}

const BUILTIN_ID = new Map(Object.entries(BUILTIN_FORMATS).map(([id, code]) => [code, Number(id)]));

export class StyleBook {
  private readonly prefix: string;
  private readonly sections = new Map<Collection, Section>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly xfCache = new Map<string, number>();
  private rootEnd = 0;

  constructor(
    private readonly xml: string,
    label: string,
    part: string,
  ) {
    let prefix = "";
    let current: Collection | null = null;
    let start = 0;
    for (const c of ORDER) this.sections.set(c, { span: null, items: [], added: [] });
    const spans = new Map<Collection, Section["span"]>();
    scanXml(
      xml,
      {
        open: (el) => {
          if (el.depth === 0) {
            prefix = rootPrefix(el.name);
            this.rootEnd = el.startEnd;
          } else if (el.depth === 1 && (ORDER as readonly string[]).includes(el.local)) {
            current = el.local as Collection;
            spans.set(current, {
              start: el.start,
              startEnd: el.startEnd,
              end: -1,
              selfClosing: el.selfClosing,
            });
          } else if (el.depth === 2 && current) start = el.start;
          if (el.depth === 2 && current === "numFmts" && el.local === "numFmt") {
            const id = Number(el.attributes.numFmtId);
            this.numFmtIds.set(el.attributes.formatCode ?? "", id);
            if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
          }
        },
        close: (el, end) => {
          if (el.depth === 2 && current) this.sections.get(current)!.items.push(xml.slice(start, end));
          else if (el.depth === 1 && current && el.local === current) {
            const s = spans.get(current)!;
            this.sections.set(current, {
              span: { ...s!, end },
              items: this.sections.get(current)!.items,
              added: [],
            });
            current = null;
          }
        },
      },
      label,
      part,
    );
    this.prefix = prefix;
  }

  /** The index of an element in a collection, appending it when it is not there yet. */
  private indexOf(c: Collection, body: string): number {
    const s = this.sections.get(c)!;
    const text = this.prefixed(body);
    let at = s.items.indexOf(text);
    if (at < 0) {
      const added = s.added.indexOf(text);
      at = added >= 0 ? s.items.length + added : s.items.length + s.added.push(text) - 1;
    }
    return at;
  }

  /** Add the prefix of the part's namespace to every element of a body written without one. */
  private prefixed(body: string): string {
    return this.prefix ? body.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${this.prefix}`) : body;
  }

  numFmtId(code: string): number {
    const builtin = BUILTIN_ID.get(code);
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.indexOf("numFmts", `<numFmt${attrs({ numFmtId: id, formatCode: code })}/>`);
    return id;
  }

  /** The cellXfs index of a format, added once. */
  xf(spec: XfSpec): number {
    const key = JSON.stringify(spec);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const numFmtId = spec.numberFormat ? this.numFmtId(spec.numberFormat) : 0;
    const fontId = this.indexOf("fonts", spec.font);
    // Fills 0 and 1 are reserved (none, gray125: §18.8.21); no fill is fill 0.
    const fillId = spec.fill ? this.indexOf("fills", spec.fill) : 0;
    const borderId = spec.border ? this.indexOf("borders", spec.border) : this.emptyBorder();
    const a = attrs({
      numFmtId,
      fontId,
      fillId,
      borderId,
      xfId: 0,
      applyNumberFormat: spec.numberFormat ? 1 : undefined,
      applyFont: 1,
      applyFill: spec.fill ? 1 : undefined,
      applyBorder: spec.border ? 1 : undefined,
      applyAlignment: spec.alignment ? 1 : undefined,
    });
    const body = spec.alignment ? `<xf${a}>${spec.alignment}</xf>` : `<xf${a}/>`;
    const id = this.indexOf("cellXfs", body);
    this.xfCache.set(key, id);
    return id;
  }

  private emptyBorder(): number {
    return this.indexOf("borders", "<border><left/><right/><top/><bottom/><diagonal/></border>");
  }

  get changed(): boolean {
    for (const s of this.sections.values()) if (s.added.length) return true;
    return false;
  }

  /** The part with the additions, or the input text unchanged when nothing was added. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const edits: { at: number; end: number; text: string }[] = [];
    let insertAt = this.rootEnd;
    for (const c of ORDER) {
      const s = this.sections.get(c)!;
      if (s.span) insertAt = s.span.end;
      if (!s.added.length) continue;
      const count = s.items.length + s.added.length;
      const tag = `${this.prefix}${c}`;
      if (!s.span) {
        edits.push({
          at: insertAt,
          end: insertAt,
          text: `<${tag} count="${count}">${s.added.join("")}</${tag}>`,
        });
        continue;
      }
      let open = this.xml.slice(s.span.start, s.span.startEnd);
      open = /\scount\s*=\s*("[^"]*"|'[^']*')/.test(open)
        ? open.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`)
        : open.replace(/\s*\/?>$/, ` count="${count}"$&`);
      if (s.span.selfClosing) {
        edits.push({
          at: s.span.start,
          end: s.span.end,
          text: `${open.replace(/\s*\/>$/, ">")}${s.added.join("")}</${tag}>`,
        });
      } else {
        edits.push({ at: s.span.start, end: s.span.startEnd, text: open });
        const close = this.xml.lastIndexOf("</", s.span.end - 1);
        edits.push({ at: close, end: close, text: s.added.join("") });
      }
    }
    let out = "";
    let from = 0;
    for (const e of edits.sort((a, b) => a.at - b.at)) {
      out += this.xml.slice(from, e.at) + e.text;
      from = e.end;
    }
    return out + this.xml.slice(from);
  }
}

/** A colour attribute value: RRGGBB → FFRRGGBB (ARGB, §18.8.19 rgb). */
export function argb(rgb: string): string {
  const hex = rgb.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, "0")}`;
}
