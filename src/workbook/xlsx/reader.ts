/**
 * Read only what the engine needs: the names from the workbook part (workbookPart.ts), then the cells of
 * just the sheets and rows those names point at (sheetCells.ts), with the shared strings and the date
 * formats loaded only when such a cell needs them. Data validations, drawings and charts are never
 * parsed, and a sheet no name points into is never inflated.
 */
import { GENERATED_MARKER_NAME, type CellValue, type NamedItem, type SheetInfo, type WorkbookRead } from "../../esg/types";
import { areaSize, formatArea, MAX_COLUMNS, MAX_ROWS, type Area } from "../contract/a1";
import { parseRefersTo, type ParsedRefersTo } from "../contract/refersTo";
import { cellValue, type CellContext } from "./cellValue";
import { dateStyles } from "./numberFormats";
import { openPackage, resolveTarget, type OpenPackage } from "./package";
import { parseSharedStrings } from "./sharedStrings";
import { cellKey, readSheetCells, type Rect, type SheetCells } from "./sheetCells";
import { readWorkbookPart, type RawDefinedName, type RawSheet, type WorkbookPart } from "./workbookPart";
import { entryText } from "./zip";

/** Largest range whose values are read (cells); larger names are listed with a note and no values. */
export const MAX_CELLS_READ = 5_000_000;

const SHARED_STRINGS_REL = "/sharedStrings";
const STYLES_REL = "/styles";

export interface LoadedWorkbook {
  readonly label: string;
  readonly pkg: OpenPackage;
  readonly part: WorkbookPart;
}

/** Open and check a workbook held in memory, reading its workbook part. */
export function loadWorkbook(buffer: Buffer, label: string): LoadedWorkbook {
  const pkg = openPackage(buffer, label);
  return { label, pkg, part: readWorkbookPart(pkg) };
}

/** The marker's section ("A1"), when a raw name is a generated-sheet marker. */
export function markerSection(raw: RawDefinedName): string | null {
  if (raw.name !== GENERATED_MARKER_NAME || raw.localSheetId === null) return null;
  const parsed = parseRefersTo(raw.text);
  if (parsed.status !== "constant") return null;
  const v = parsed.value[0]?.[0];
  return typeof v === "string" && v.startsWith("esg:") ? v.slice(4) : null;
}

export function sheetInfos(part: WorkbookPart): SheetInfo[] {
  const marked = new Set(part.names.filter((n) => markerSection(n) !== null).map((n) => n.localSheetId));
  return part.sheets.map((s, i) => ({ name: s.name, visibility: s.visibility, generated: marked.has(i) }));
}

const isWhole = (a: Area): boolean =>
  (a.top === 1 && a.bottom === MAX_ROWS) || (a.left === 1 && a.right === MAX_COLUMNS);

/** Clip whole-row/whole-column areas to the sheet's used extent before reading values. */
function clip(area: Area, cells: SheetCells): { area: Area; clipped: boolean } {
  const wholeColumns = area.top === 1 && area.bottom === MAX_ROWS;
  const wholeRows = area.left === 1 && area.right === MAX_COLUMNS;
  if (!wholeColumns && !wholeRows) return { area, clipped: false };
  const bottom = wholeColumns ? Math.max(1, cells.rowCount) : area.bottom;
  const right = wholeRows ? Math.max(1, cells.columnCount) : area.right;
  return { area: { ...area, bottom, right }, clipped: true };
}

/** Lazily loaded workbook-wide tables. */
class Tables {
  private strings: string[] | null = null;
  private dates: boolean[] | null = null;
  constructor(private readonly loaded: LoadedWorkbook) {}

  private partOf(relSuffix: string): string | null {
    const rel = this.loaded.part.rels.find((r) => r.type.endsWith(relSuffix) && !r.external);
    return rel ? resolveTarget(this.loaded.part.path, rel.target) : null;
  }

  sharedString(index: number): string {
    if (!this.strings) {
      const path = this.partOf(SHARED_STRINGS_REL);
      const xml = path ? entryText(this.loaded.pkg.zip, path, this.loaded.label) : null;
      this.strings = xml && path ? parseSharedStrings(xml, this.loaded.label, path) : [];
    }
    return this.strings[index] ?? "";
  }

  isDateStyle(style: number): boolean {
    if (style === 0) return false;
    if (!this.dates) {
      const path = this.partOf(STYLES_REL);
      const xml = path ? entryText(this.loaded.pkg.zip, path, this.loaded.label) : null;
      this.dates = xml && path ? dateStyles(xml, this.loaded.label, path) : [];
    }
    return this.dates[style] ?? false;
  }
}

interface Wanted {
  readonly rects: Rect[];
  whole: boolean;
}

/** Which areas of which worksheets the names point at (areas over the read limit are left out). */
function wantedAreas(parsed: readonly ParsedRefersTo[], sheets: ReadonlyMap<string, RawSheet>): Map<string, Wanted> {
  const out = new Map<string, Wanted>();
  for (const p of parsed) {
    if (p.status !== "ok") continue;
    const s = sheets.get(p.area.sheet);
    if (!s || s.kind !== "worksheet" || !s.path) continue;
    const whole = isWhole(p.area);
    if (!whole && areaSize(p.area) > MAX_CELLS_READ) continue;
    let w = out.get(s.name);
    if (!w) out.set(s.name, (w = { rects: [], whole: false }));
    w.rects.push(p.area);
    if (whole) w.whole = true;
  }
  return out;
}

function readValues(cells: SheetCells, area: Area, ctx: CellContext): CellValue[][] {
  let covered: Set<number> | null = null;
  for (const m of cells.merges) {
    if (m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right) continue;
    // The other cells of a merged area hold nothing of their own (Excel reports them empty).
    covered ??= new Set();
    for (let r = Math.max(m.top, area.top); r <= Math.min(m.bottom, area.bottom); r++)
      for (let c = Math.max(m.left, area.left); c <= Math.min(m.right, area.right); c++)
        if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  }
  const out: CellValue[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = area.left; c <= area.right; c++) {
      const key = cellKey(r, c);
      row.push(covered?.has(key) ? null : cellValue(cells.cells.get(key), ctx));
    }
    out.push(row);
  }
  return out;
}

/** Everything the engine needs, in one pass over the sheets the names point into. */
export function readNames(loaded: LoadedWorkbook): WorkbookRead {
  const { part, pkg, label } = loaded;
  const sheetsByName = new Map(part.sheets.map((s) => [s.name, s]));
  const parsed = part.names.map((n) => parseRefersTo(n.text));
  const wanted = wantedAreas(parsed, sheetsByName);
  const tables = new Tables(loaded);
  const sheetCells = new Map<string, SheetCells>();
  for (const [name, w] of wanted) {
    const sheet = sheetsByName.get(name)!;
    const xml = entryText(pkg.zip, sheet.path!, label);
    if (xml === null) continue;
    sheetCells.set(name, readSheetCells(xml, w.rects, w.whole, label, sheet.path!));
  }
  const ctxOf = (cells: SheetCells): CellContext => ({
    sharedString: (i) => tables.sharedString(i),
    isDateStyle: (s) => tables.isDateStyle(s),
    date1904: part.date1904,
    sharedFormula: (si) => cells.sharedFormulas.get(si),
  });

  const names: NamedItem[] = part.names.map((raw, i): NamedItem => {
    const scope = raw.localSheetId !== null ? (part.sheets[raw.localSheetId]?.name ?? null) : null;
    const base = {
      name: raw.name,
      scope,
      refersTo: raw.text,
      builtIn: raw.name.toLowerCase().startsWith("_xlnm."),
      hidden: raw.hidden,
      ...(raw.comment !== undefined ? { comment: raw.comment } : {}),
    };
    const p = parsed[i];
    switch (p.status) {
      case "ok": {
        const { sheet } = p.area;
        const address = formatArea(p.area);
        const rawSheet = sheetsByName.get(sheet);
        if (!rawSheet)
          return { ...base, status: "broken", sheet: null, address: null, values: null, note: `sheet "${sheet}" does not exist` };
        const cells = sheetCells.get(sheet);
        if (rawSheet.kind !== "worksheet" || !rawSheet.path)
          return { ...base, status: "ok", sheet, address, values: null, note: `sheet "${sheet}" is a ${rawSheet.kind}, it has no cells` };
        const empty: SheetCells = { cells: new Map(), merges: [], sharedFormulas: new Map(), rowCount: 0, columnCount: 0 };
        const source = cells ?? empty;
        const { area, clipped } = clip(p.area, source);
        if (areaSize(area) > MAX_CELLS_READ)
          return {
            ...base,
            status: "ok",
            sheet,
            address,
            values: null,
            note: `range has ${areaSize(area)} cells, over the ${MAX_CELLS_READ} read limit`,
          };
        const values = readValues(source, area, ctxOf(source));
        return {
          ...base,
          status: "ok",
          sheet,
          address,
          values,
          ...(clipped ? { note: `values clipped to the used range ${formatArea(area)}` } : {}),
        };
      }
      case "constant":
        return { ...base, status: "constant", sheet: null, address: null, values: p.value };
      default:
        return { ...base, status: p.status, sheet: null, address: null, values: null };
    }
  });
  return { names, sheets: sheetInfos(part) };
}
