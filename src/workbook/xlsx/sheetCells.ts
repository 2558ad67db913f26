/**
 * Read the cells of one worksheet part (ECMA-376 Part 1 §18.3.1.99 worksheet) that fall in the given
 * rectangles, as written (type, style, value, formula), plus its merged areas and used extent. The scan
 * stops after the last row asked for unless the extent is needed (whole-column names); a sheet no name
 * points into is never read at all.
 */
import { StopScan, scanXml } from "./xml";

/** 1-based, inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface RawCell {
  /** The t attribute (s, str, inlineStr, b, e, n, d), or undefined. */
  readonly t: string | undefined;
  /** Cell format index (s attribute), 0 when absent. */
  readonly style: number;
  /** Text of <v>, or of <is> for an inline string. */
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

const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;

/**
 * The cells of a worksheet part in the rectangles. Unless the used extent is needed, the cells are
 * located first by their r attribute (the <c> start tags in <sheetData>, in row order) and only those
 * in a rectangle are handed to the XML parser; a part whose cells lack r is parsed whole.
 */
export function readSheetCells(
  xml: string,
  rects: readonly Rect[],
  needExtent: boolean,
  label: string,
  part: string,
): SheetCells {
  if (!needExtent) {
    const located = locateCells(xml, rects);
    if (located !== null) {
      const cells = scanSheetCells(`<sheetData>${located.cells}</sheetData>`, rects, false, label, part);
      const merges: Rect[] = [];
      for (const m of xml.slice(located.after).matchAll(MERGE_REF)) {
        const rect = parseRectRef(m[1]);
        if (rect) merges.push(rect);
      }
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
  return scanSheetCells(xml, rects, needExtent, label, part);
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
 * The <c> elements of <sheetData> inside the rectangles, as written, and where <sheetData> ends; null
 * when a cell has no r attribute (the whole part is parsed then).
 */
function locateCells(xml: string, rects: readonly Rect[]): { cells: string; after: number } | null {
  const root = /<(\w+:)?worksheet[\s>]/.exec(xml);
  const p = root?.[1] ?? "";
  const open = xml.indexOf(`<${p}sheetData`);
  if (open < 0) return { cells: "", after: 0 };
  const closeTag = `</${p}sheetData>`;
  let close = xml.indexOf(closeTag, open);
  if (close < 0) close = open; // <sheetData/>
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const cellTag = new RegExp(`<${p}c(?=[\\s/>])([^>]*)>`, "g");
  const endTag = `</${p}c>`;
  cellTag.lastIndex = open;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = cellTag.exec(xml)) !== null && m.index < close) {
    const attrs = m[1];
    const at = attrs.indexOf(' r="');
    if (at < 0) return null;
    const ref = parseCellRef(attrs.slice(at + 4, attrs.indexOf('"', at + 4)));
    if (!ref) return null;
    const [row, col] = ref;
    const selfClosing = attrs.endsWith("/");
    const end = selfClosing ? cellTag.lastIndex : xml.indexOf(endTag, cellTag.lastIndex) + endTag.length;
    if (!selfClosing && end < endTag.length) return null;
    cellTag.lastIndex = end;
    if (row < top) continue;
    if (row > bottom) break;
    if (rects.some((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right))
      out.push(xml.slice(m.index, end));
  }
  return { cells: out.join(""), after: close };
}

function scanSheetCells(
  xml: string,
  rects: readonly Rect[],
  needExtent: boolean,
  label: string,
  part: string,
): SheetCells {
  const cells = new Map<number, RawCell>();
  const merges: Rect[] = [];
  const sharedFormulas = new Map<string, string>();
  const lastRow = rects.reduce((m, r) => Math.max(m, r.bottom), 0);
  let rowCount = 0;
  let columnCount = 0;
  let row = 0;
  let col = 0;
  let active: Rect[] = [];
  let activeRow = -1;
  let rowHasValue = false;
  let rowLastCol = 0;
  // The cell being read.
  let cell: { t?: string; style: number; col: number; keep: boolean } | null = null;
  let value: string[] | null = null;
  let formula: string[] | null = null;
  let formulaAttrs: Readonly<Record<string, string>> | null = null;
  let inlineText: string[] | null = null;
  let into: string[] | null = null;
  let phonetic = 0;
  let stoppedAt = -1;
  let inSheetData = false;

  const endRow = (): void => {
    if (rowHasValue) columnCount = Math.max(columnCount, rowLastCol);
  };

  scanXml(
    xml,
    {
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
            if (!needExtent && row > lastRow) {
              stoppedAt = 0;
              throw new StopScan();
            }
            rowCount = Math.max(rowCount, row);
            activeRow = row;
            active = rects.filter((rc) => rc.top <= row && row <= rc.bottom);
            return;
          }
          case "c": {
            if (!inSheetData) return;
            const ref = el.attributes.r;
            const at = ref ? parseCellRef(ref) : null;
            col = at ? at[1] : col + 1;
            if (at && at[0] !== activeRow) {
              row = at[0];
              activeRow = row;
              active = rects.filter((rc) => rc.top <= row && row <= rc.bottom);
            }
            rowLastCol = Math.max(rowLastCol, col);
            const keep = active.some((rc) => rc.left <= col && col <= rc.right);
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
            if (inlineText && phonetic === 0) into = inlineText;
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
      close: (el) => {
        switch (el.local) {
          case "sheetData":
            endRow();
            inSheetData = false;
            return;
          case "v":
          case "f":
          case "t":
            into = null;
            return;
          case "rPh":
            phonetic--;
            return;
          case "c": {
            if (!cell) return;
            const v = value ? value.join("") : inlineText ? inlineText.join("") : undefined;
            const f = formula ? formula.join("") : undefined;
            const si = formulaAttrs?.si;
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
    },
    label,
    part,
    { positions: false },
  );
  if (stoppedAt >= 0) {
    // Merged areas come after </sheetData> (CT_Worksheet sequence).
    const after = xml.lastIndexOf("sheetData>");
    for (const m of xml.slice(Math.max(0, after)).matchAll(MERGE_REF)) {
      const rect = parseRectRef(m[1]);
      if (rect) merges.push(rect);
    }
  }
  return { cells, merges, sharedFormulas, rowCount, columnCount };
}
