/**
 * Read the cells of one worksheet part (ECMA-376 Part 1 §18.3.1.99 worksheet) that fall in the given
 * rectangles, as written (type, style, value, formula), plus its merged areas and used extent. The scan
 * stops after the last row asked for unless the extent is needed (whole-column names); a sheet no name
 * points into is never read at all.
 */
import { cellAddress } from "../../sheet-ref";
import { RectIndex, type Rect } from "./rectIndex";
import { decodeXstring } from "./sharedStrings";
import { MAX_XML_DEPTH, StopScan, tooDeep, xmlStream, type TextSource, type XmlHandlers } from "./xml";

/** 1-based, inclusive. */
export type { Rect } from "./rectIndex";

export interface RawCell {
  /** The t attribute (s, str, inlineStr, b, e, n, d), or undefined. */
  readonly t: string | undefined;
  /** Cell format index (s attribute), 0 when absent. */
  readonly style: number;
  /** Text of <v>, or of <is> for an inline string (its runs joined, _xHHHH_ escapes decoded). */
  readonly value: string | undefined;
  /** The formula text, "" for a shared formula's other cells, undefined when the cell has no formula. */
  readonly formula: string | undefined;
  /** Shared formula index (si) of a formula cell without text of its own. */
  readonly sharedIndex: string | undefined;
}

export interface SheetCells {
  /** Keyed by cellKey(row, col). */
  readonly cells: ReadonlyMap<number, RawCell>;
  readonly merges: readonly Rect[];
  /** Text of each shared formula by si (from the cell that carries it). */
  readonly sharedFormulas: ReadonlyMap<string, string>;
  /** Last row with a <row> element, and last column of a cell in a row that has a value (ExcelJS rowCount/columnCount). */
  readonly rowCount: number;
  readonly columnCount: number;
}

export const cellKey = (row: number, col: number): number => row * 16_384 + col;

/** "AB12" (or "$AB$12") → [12, 28] (row, column), or null. */
export function parseCellRef(ref: string): [number, number] | null {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let col = 0;
  let letters = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    letters++;
  }
  if (letters === 0 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  if (i >= ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return [row, col];
}

/** "A1:B2" (or "A1") → Rect. */
export function parseRectRef(ref: string): Rect | null {
  const [a, b] = ref.split(":");
  const p = parseCellRef(a ?? "");
  const q = b === undefined ? p : parseCellRef(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    bottom: Math.max(p[0], q[0]),
    right: Math.max(p[1], q[1]),
  };
}

/** A whole mergeCell start tag (§18.3.1.55); its ref is read from the attributes. */
const MERGE_TAG = /<(?:\w+:)?mergeCell\b([^>]*)>/g;
const REF_ATTR = /\bref="([^"]+)"/;

/**
 * The merged areas in the text after the scan stopped (they follow </sheetData>, CT_Worksheet
 * sequence), found by a pattern over each piece with an unfinished tag carried to the next.
 */
class MergeFinder {
  private carry = "";
  constructor(private readonly merges: Rect[]) {}
  push(text: string): void {
    const s = this.carry + text;
    for (const m of s.matchAll(MERGE_TAG)) {
      const rect = parseRectRef(REF_ATTR.exec(m[1])?.[1] ?? "");
      if (rect) this.merges.push(rect);
    }
    const lt = s.lastIndexOf("<");
    // A tag cut at the piece's end is read whole with the next piece (a mergeCell tag is short).
    this.carry = lt >= 0 && s.indexOf(">", lt) < 0 && s.length - lt < 1024 ? s.slice(lt) : "";
  }
}

/**
 * The cells of a small worksheet part held whole (zip.ts smallEntryText) in the rectangles. Unless the
 * used extent is needed, the cells are located first by their r attribute (the <c> start tags in
 * <sheetData>, in row order) and only those in a rectangle are handed to the XML parser; the depth of
 * the elements passed over is counted on the way. A part whose cells lack r is parsed whole.
 */
export function readSheetCellsText(
  xml: string,
  rects: readonly Rect[],
  needExtent: boolean,
  label: string,
  part: string,
): SheetCells {
  if (!needExtent) {
    const located = locateCells(xml, rects, () => tooDeep(label, part));
    if (located !== null) {
      const scan = new SheetScan(rects, false);
      const parser = xmlStream(scan.handlers, label, part);
      parser.write(`<sheetData>${located.cells}</sheetData>`);
      parser.close();
      const cells = scan.result();
      const merges: Rect[] = [];
      new MergeFinder(merges).push(xml.slice(located.after));
      const sharedFormulas = new Map(cells.sharedFormulas);
      // A shared formula's other cells name it by si; its text is on the cell that defines it.
      for (const c of cells.cells.values())
        if (c.sharedIndex !== undefined && !c.value && !sharedFormulas.has(c.sharedIndex)) {
          const text = sharedFormulaText(xml, c.sharedIndex);
          if (text !== null) sharedFormulas.set(c.sharedIndex, text);
        }
      return { ...cells, merges, sharedFormulas };
    }
  }
  const scan = new SheetScan(rects, needExtent);
  const parser = xmlStream(scan.handlers, label, part);
  if (parser.write(xml)) parser.close();
  else new MergeFinder(scan.merges).push(xml.slice(Math.max(0, xml.lastIndexOf("sheetData>"))));
  return scan.result();
}

/** The text of shared formula `si` (the <f t="shared" ref=… si=…> that carries it), decoded. */
function sharedFormulaText(xml: string, si: string): string | null {
  const re = /<(?:\w+:)?f\b([^>]*)>([^<]*)</g;
  for (const m of xml.matchAll(re)) {
    if (/\bt="shared"/.test(m[1]) && new RegExp(`\\bsi="${si}"`).test(m[1]) && m[2])
      return m[2].replace(
        /&(lt|gt|amp|quot|apos);/g,
        (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e] ?? "",
      );
  }
  return null;
}

/**
 * The nesting depth after the tags in xml[from, to), starting from `depth`: a start tag adds one, an
 * end tag takes one away, a self-closing tag, a comment, a declaration or a processing instruction
 * leaves it. Only the text between the cells is counted (a few row tags in a real sheet), so a part
 * nesting thousands of elements there is refused without parsing it.
 */
function depthAfter(xml: string, from: number, to: number, depth: number, refuse: () => Error): number {
  for (let i = xml.indexOf("<", from); i >= 0 && i < to; i = xml.indexOf("<", i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if (c === 47) depth--; // </
    else if (c !== 33 && c !== 63) {
      // <! and <? do not nest
      const gt = xml.indexOf(">", i);
      if (gt < 0 || xml.charCodeAt(gt - 1) !== 47) depth++;
      if (depth > MAX_XML_DEPTH) throw refuse();
    }
  }
  return depth;
}

/**
 * The <c> elements of <sheetData> inside the rectangles, as written, and where <sheetData> ends; null
 * when a cell has no r attribute (the whole part is parsed then).
 */
function locateCells(
  xml: string,
  rects: readonly Rect[],
  refuse: () => Error,
): { cells: string; after: number } | null {
  const root = /<(\w+:)?worksheet[\s>]/.exec(xml);
  const p = root?.[1] ?? "";
  const open = xml.indexOf(`<${p}sheetData`);
  if (open < 0) return { cells: "", after: 0 };
  const closeTag = `</${p}sheetData>`;
  let close = xml.indexOf(closeTag, open);
  if (close < 0) close = open; // <sheetData/>
  // A loop, not Math.min(...): a sheet 200,000 names point into would overflow the call stack.
  let top = Infinity;
  let bottom = 0;
  for (const r of rects) {
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  const index = new RectIndex(rects);
  const cellTag = new RegExp(`<${p}c(?=[\\s/>])([^>]*)>`, "g");
  const endTag = `</${p}c>`;
  cellTag.lastIndex = open;
  const out: string[] = [];
  let depth = 0;
  let passed = 0;
  let m: RegExpExecArray | null;
  while ((m = cellTag.exec(xml)) !== null && m.index < close) {
    depth = depthAfter(xml, passed, m.index, depth, refuse);
    const attrs = m[1];
    const at = attrs.indexOf(' r="');
    if (at < 0) return null;
    const ref = parseCellRef(attrs.slice(at + 4, attrs.indexOf('"', at + 4)));
    if (!ref) return null;
    const [row, col] = ref;
    const selfClosing = attrs.endsWith("/");
    const end = selfClosing ? cellTag.lastIndex : xml.indexOf(endTag, cellTag.lastIndex) + endTag.length;
    if (!selfClosing && end < endTag.length) return null;
    cellTag.lastIndex = passed = end;
    if (row < top) continue;
    if (row > bottom) break;
    if (index.has(row, col)) out.push(xml.slice(m.index, end));
  }
  if (m === null || m.index >= close) depthAfter(xml, passed, close, depth, refuse);
  return { cells: out.join(""), after: close };
}

/**
 * The cells of a large worksheet part in the rectangles, scanned as the part is inflated: the XML parser
 * reads up to the last row asked for (the whole part when the used extent is needed, for whole-column
 * names) and a pattern finds the merged areas in the rest. The depth cap of xml.ts holds for every
 * element parsed.
 */
export async function readSheetCellsStream(
  source: TextSource,
  rects: readonly Rect[],
  needExtent: boolean,
  label: string,
  part: string,
): Promise<SheetCells> {
  const scan = new SheetScan(rects, needExtent);
  const parser = xmlStream(scan.handlers, label, part);
  let merging: MergeFinder | null = null;
  await source((text) => {
    if (merging) merging.push(text);
    else if (!parser.write(text)) (merging = new MergeFinder(scan.merges)).push(text);
  });
  if (!merging) parser.close();
  return scan.result();
}

/** The elements whose text a cell is made of: value, formula, inline string run (§18.3.1.4). */
const CELL_TEXT: ReadonlySet<string> = new Set(["v", "f", "t"]);

/** The state of one worksheet scan: the handlers the parser calls, and what they gathered. */
class SheetScan {
  readonly merges: Rect[] = [];
  readonly handlers: XmlHandlers;
  private readonly cells = new Map<number, RawCell>();
  private readonly sharedFormulas = new Map<string, string>();
  private rowCount = 0;
  private columnCount = 0;

  constructor(rects: readonly Rect[], needExtent: boolean) {
    const { cells, merges, sharedFormulas } = this;
    const lastRow = rects.reduce((m, r) => Math.max(m, r.bottom), 0);
    let row = 0;
    let col = 0;
    const index = new RectIndex(rects);
    let rowHasValue = false;
    let rowLastCol = 0;
    // The cell being read.
    let cell: { t?: string; style: number; col: number; keep: boolean } | null = null;
    let value: string[] | null = null;
    let formula: string[] | null = null;
    let formulaAttrs: Readonly<Record<string, string>> | null = null;
    let inlineText: string[] | null = null;
    // The text of the inline string run (<t>) being read.
    let run: string[] | null = null;
    let into: string[] | null = null;
    let phonetic = 0;
    let inSheetData = false;

    const endRow = (): void => {
      if (rowHasValue) this.columnCount = Math.max(this.columnCount, rowLastCol);
    };

    this.handlers = {
      textIn: CELL_TEXT,
      open: (el) => {
        switch (el.local) {
          case "sheetData":
            inSheetData = true;
            return;
          case "row": {
            if (!inSheetData) return;
            endRow();
            const r = Number(el.attributes.r);
            row = Number.isInteger(r) && r > 0 ? r : row + 1;
            col = 0;
            rowHasValue = false;
            rowLastCol = 0;
            if (!needExtent && row > lastRow) throw new StopScan();
            this.rowCount = Math.max(this.rowCount, row);
            return;
          }
          case "c": {
            if (!inSheetData) return;
            const ref = el.attributes.r;
            const at = ref ? parseCellRef(ref) : null;
            col = at ? at[1] : col + 1;
            if (at) row = at[0];
            rowLastCol = Math.max(rowLastCol, col);
            const keep = index.has(row, col);
            cell = { t: el.attributes.t, style: Number(el.attributes.s ?? 0) || 0, col, keep };
            value = null;
            formula = null;
            formulaAttrs = null;
            inlineText = null;
            return;
          }
          case "v":
            if (cell) into = value = [];
            return;
          case "f":
            if (cell) {
              into = formula = [];
              formulaAttrs = el.attributes;
            }
            return;
          case "is":
            if (cell) inlineText = [];
            return;
          case "rPh":
            phonetic++;
            return;
          case "t":
            // A run of an inline string is an ST_Xstring (§22.9.2.19): its escapes are decoded when it closes.
            if (inlineText && phonetic === 0) into = run = [];
            return;
          case "mergeCell": {
            const rect = parseRectRef(el.attributes.ref ?? "");
            if (rect) merges.push(rect);
            return;
          }
          default:
        }
      },
      text: (t) => {
        if (into) into.push(t);
      },
      where: () => (cell ? `cell ${cellAddress(row - 1, cell.col - 1)}` : undefined),
      close: (el) => {
        switch (el.local) {
          case "sheetData":
            endRow();
            inSheetData = false;
            return;
          case "v":
          case "f":
            into = null;
            return;
          case "t":
            if (run && inlineText) inlineText.push(decodeXstring(run.join("")));
            into = run = null;
            return;
          case "rPh":
            phonetic--;
            return;
          case "c": {
            if (!cell) return;
            const v = value ? value.join("") : inlineText ? inlineText.join("") : undefined;
            const f = formula ? formula.join("") : undefined;
            const si = formulaAttrs?.si;
            // A shared formula's other cells name it by si; its text is on the first cell (ECMA-376 §18.3.1.40).
            if (f && si !== undefined && formulaAttrs?.t === "shared") sharedFormulas.set(si, f);
            const isFormula = formula !== null;
            if (v !== undefined && v !== "") rowHasValue = true;
            else if (isFormula) rowHasValue = true;
            if (cell.keep) {
              cells.set(cellKey(row, cell.col), {
                t: cell.t,
                style: cell.style,
                value: v,
                formula: isFormula ? (f ?? "") : undefined,
                sharedIndex: isFormula && !f ? si : undefined,
              });
            }
            cell = null;
            return;
          }
          default:
        }
      },
    };
  }

  result(): SheetCells {
    const { cells, merges, sharedFormulas, rowCount, columnCount } = this;
    return { cells, merges, sharedFormulas, rowCount, columnCount };
  }
}
