/**
 * Read only what the engine needs: the names from the workbook part (workbookPart.ts), then the cells of
 * just the sheets and rows those names point at (sheetCells.ts), with the shared strings and the date
 * formats loaded only when such a cell needs them. Data validations, drawings and charts are never
 * parsed, and a sheet no name points into is never inflated. Worksheets and the shared strings are
 * inflated and parsed as streams (zip.ts streamEntryText), so their size costs time, not memory, and a
 * zip bomb is refused at its cap.
 */
import { limits } from "./limits";
import {
  GENERATED_MARKER_NAME,
  type CellValue,
  type NamedItem,
  type SheetInfo,
  type WorkbookRead,
} from "../../esg/types";
import {
  areaCells as areaSize,
  formatArea,
  parseRefersTo,
  wholeColumns,
  wholeRows,
  type Area,
  type RefersTo,
} from "../../sheet-ref";
import { cellValue, type CellContext } from "./cellValue";
import { dateStyles } from "./numberFormats";
import { openPackage, resolveTarget, type OpenPackage } from "./package";
import { parseSharedStrings } from "./sharedStrings";
import { cellKey, readSheetCellsStream, readSheetCellsText, type Rect, type SheetCells } from "./sheetCells";
import { readWorkbookPart, type RawDefinedName, type RawSheet, type WorkbookPart } from "./workbookPart";
import { entryText, smallEntryText, streamEntryText, type ZipArchive } from "./zip";
import { wholeText, type TextSource } from "./xml";

/** Largest range whose values are read (cells); larger names are listed with a note and no values. */
export const MAX_CELLS_READ = limits.cellsRead();
/** Most cells read by all names together; the largest names past it are listed with a note, no values. */
export const MAX_CELLS_READ_TOTAL = limits.cellsReadTotal();

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

const isWhole = (a: Area): boolean => wholeColumns(a) || wholeRows(a);

/** Areas are 0-based (src/sheet-ref); the cells of a part are keyed by Excel's 1-based numbers. */
const toRect = (a: Area): Rect => ({
  top: a.top + 1,
  left: a.left + 1,
  bottom: a.bottom + 1,
  right: a.right + 1,
});

/** Clip whole-row/whole-column areas to the sheet's used extent before reading values. */
function clip(area: Area, cells: SheetCells): { area: Area; clipped: boolean } {
  const columns = wholeColumns(area);
  const rows = wholeRows(area);
  if (!columns && !rows) return { area, clipped: false };
  const bottom = columns ? Math.max(1, cells.rowCount) - 1 : area.bottom;
  const right = rows ? Math.max(1, cells.columnCount) - 1 : area.right;
  return { area: { ...area, bottom, right }, clipped: true };
}

/** A part of the package as a stream of text (a missing part is empty). */
const partSource =
  (zip: ZipArchive, path: string, label: string): TextSource =>
  (onText) => {
    const entry = zip.byName.get(path);
    return entry ? streamEntryText(zip, entry, label, onText) : Promise.resolve();
  };

/** Workbook-wide tables: the shared strings loaded before the values are built, the date styles on demand. */
class Tables {
  private strings: string[] = [];
  private dates: boolean[] | null = null;
  constructor(private readonly loaded: LoadedWorkbook) {}

  private partOf(relSuffix: string): string | null {
    const rel = this.loaded.part.rels.find((r) => r.type.endsWith(relSuffix) && !r.external);
    return rel ? resolveTarget(this.loaded.part.path, rel.target) : null;
  }

  /** Read the shared strings (only called when a cell read uses them). */
  async loadSharedStrings(): Promise<void> {
    const path = this.partOf(SHARED_STRINGS_REL);
    if (path === null || !this.loaded.pkg.zip.byName.has(path)) return;
    const { zip } = this.loaded.pkg;
    const { label } = this.loaded;
    const small = smallEntryText(zip, zip.byName.get(path)!, label);
    this.strings = await parseSharedStrings(
      small !== null ? wholeText(small) : partSource(zip, path, label),
      label,
      path,
    );
  }

  sharedString(index: number): string {
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
function wantedAreas(
  parsed: readonly RefersTo[],
  sheets: ReadonlyMap<string, RawSheet>,
): Map<string, Wanted> {
  const out = new Map<string, Wanted>();
  for (const p of parsed) {
    if (p.status !== "ok") continue;
    const s = sheets.get(p.area.sheet);
    if (!s || s.kind !== "worksheet" || !s.path) continue;
    const whole = isWhole(p.area);
    if (!whole && areaSize(p.area) > MAX_CELLS_READ) continue;
    let w = out.get(s.name);
    if (!w) out.set(s.name, (w = { rects: [], whole: false }));
    w.rects.push(toRect(p.area));
    if (whole) w.whole = true;
  }
  return out;
}

function readValues(cells: SheetCells, area: Area, ctx: CellContext): CellValue[][] {
  let covered: Set<number> | null = null;
  const a = toRect(area);
  for (const m of cells.merges) {
    if (m.bottom < a.top || m.top > a.bottom || m.right < a.left || m.left > a.right) continue;
    // The other cells of a merged area hold nothing of their own (Excel reports them empty).
    covered ??= new Set();
    for (let r = Math.max(m.top, a.top); r <= Math.min(m.bottom, a.bottom); r++)
      for (let c = Math.max(m.left, a.left); c <= Math.min(m.right, a.right); c++)
        if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  }
  const out: CellValue[][] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = a.left; c <= a.right; c++) {
      const key = cellKey(r, c);
      row.push(covered?.has(key) ? null : cellValue(cells.cells.get(key), ctx));
    }
    out.push(row);
  }
  return out;
}

/**
 * Which names get their values read: the smallest first (by the cells they cover once clipped), while
 * the total stays within MAX_CELLS_READ_TOTAL, so giant names cannot crowd out the ones a report needs.
 * A name over the per-name limit takes nothing from the total (it is never read).
 */
function cellBudget(
  parsed: readonly RefersTo[],
  size: (p: Extract<RefersTo, { status: "ok" }>) => number,
): Set<number> {
  const sized: { i: number; n: number }[] = [];
  parsed.forEach((p, i) => {
    if (p.status !== "ok") return;
    const n = size(p);
    if (n <= MAX_CELLS_READ) sized.push({ i, n });
  });
  sized.sort((a, b) => a.n - b.n || a.i - b.i);
  const granted = new Set<number>();
  let total = 0;
  for (const { i, n } of sized) {
    if (total + n > MAX_CELLS_READ_TOTAL) break;
    total += n;
    granted.add(i);
  }
  return granted;
}

/** Everything the engine needs, in one pass over the sheets the names point into. */
export async function readNames(loaded: LoadedWorkbook): Promise<WorkbookRead> {
  const { part, pkg, label } = loaded;
  const sheetsByName = new Map(part.sheets.map((s) => [s.name, s]));
  const parsed = part.names.map((n) => parseRefersTo(n.text));
  const wanted = wantedAreas(parsed, sheetsByName);
  const tables = new Tables(loaded);
  const sheetCells = new Map<string, SheetCells>();
  let usesSharedStrings = false;
  for (const [name, w] of wanted) {
    const path = sheetsByName.get(name)!.path!;
    const entry = pkg.zip.byName.get(path);
    if (!entry) continue;
    // A small part is read whole with the cell locator; a large one is parsed as it is inflated.
    const small = smallEntryText(pkg.zip, entry, label);
    const cells =
      small !== null
        ? readSheetCellsText(small, w.rects, w.whole, label, path)
        : await readSheetCellsStream(partSource(pkg.zip, path, label), w.rects, w.whole, label, path);
    sheetCells.set(name, cells);
    if (!usesSharedStrings) for (const c of cells.cells.values()) if (c.t === "s") usesSharedStrings = true;
  }
  if (usesSharedStrings) await tables.loadSharedStrings();
  const ctxOf = (cells: SheetCells): CellContext => ({
    sharedString: (i) => tables.sharedString(i),
    isDateStyle: (s) => tables.isDateStyle(s),
    date1904: part.date1904,
    sharedFormula: (si) => cells.sharedFormulas.get(si),
  });

  const empty: SheetCells = {
    cells: new Map(),
    merges: [],
    sharedFormulas: new Map(),
    rowCount: 0,
    columnCount: 0,
  };
  const granted = cellBudget(parsed, (p) => {
    const raw = sheetsByName.get(p.area.sheet);
    if (!raw || raw.kind !== "worksheet" || !raw.path) return 0;
    return areaSize(clip(p.area, sheetCells.get(p.area.sheet) ?? empty).area);
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
          return {
            ...base,
            status: "broken",
            sheet: null,
            address: null,
            values: null,
            note: `sheet "${sheet}" does not exist`,
          };
        const cells = sheetCells.get(sheet);
        // A name whose cells are not read: its address stays, with why in the note.
        const unread = (note: string): NamedItem => ({
          ...base,
          status: "ok",
          sheet,
          address,
          values: null,
          note,
        });
        if (rawSheet.kind !== "worksheet" || !rawSheet.path)
          return unread(`sheet "${sheet}" is a ${rawSheet.kind}, it has no cells`);
        const source = cells ?? empty;
        const { area, clipped } = clip(p.area, source);
        if (areaSize(area) > MAX_CELLS_READ)
          return unread(`range has ${areaSize(area)} cells, over the ${MAX_CELLS_READ} read limit`);
        if (!granted.has(i)) return unread(`not read: names over the ${MAX_CELLS_READ_TOTAL}-cell total`);
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
