/**
 * Read a workbook: names and sheets from the workbook part (workbookPart.ts), cells through ExcelJS.
 * Produces the engine's WorkbookRead plus what the writer needs to keep (the raw names, the ExcelJS
 * workbook, the package).
 */
import ExcelJS from "exceljs";
import {
  GENERATED_MARKER_NAME,
  type NamedItem,
  type SheetInfo,
  type WorkbookRead,
} from "../../../src/esg/types";
import {
  areaCells as areaSize,
  formatArea,
  parseRefersTo,
  wholeColumns,
  wholeRows,
  type Area,
} from "../../../src/sheet-ref";
import { readArea } from "./cells";
import { timeBox, WorkbookError } from "./errors";
import { oneLine, openPackage, parseBudgetMs, type OpenPackage } from "./package";
import { scanFeatures, type FeatureScan } from "./features";
import { readWorkbookPart, type RawDefinedName, type WorkbookPart } from "./workbookPart";

/** Largest range whose values are read (cells); larger names are listed with a note and no values. */
export const MAX_CELLS_READ = 5_000_000;

export interface LoadedWorkbook {
  readonly label: string;
  readonly pkg: OpenPackage;
  readonly part: WorkbookPart;
  readonly workbook: ExcelJS.Workbook;
  readonly features: FeatureScan;
}

/**
 * ExcelJS 4.4.0 expands every data validation into one entry per cell while reading; a validation over
 * the whole grid (A1:XFD1048576, corpus test-issue-1842.xlsx) keeps it busy forever without yielding, so a
 * timer cannot stop it. Larger validations are refused before ExcelJS sees them.
 */
export const MAX_VALIDATION_CELLS = Number(process.env.ESG_MAX_VALIDATION_CELLS) || 3_000_000;

/** Open, check and parse a workbook held in memory. */
export async function loadWorkbook(buffer: Buffer, label: string): Promise<LoadedWorkbook> {
  const pkg = await openPackage(buffer, label);
  const part = await readWorkbookPart(pkg, label);
  const features = await scanFeatures(pkg, part);
  const dv = features.largestValidation;
  if (dv && dv.cells > MAX_VALIDATION_CELLS) {
    throw new WorkbookError(
      "damaged",
      `${label} cannot be read: sheet "${dv.sheet}" has a data validation over ${dv.sqref} (${dv.cells.toLocaleString("en")} cells), more than the ${MAX_VALIDATION_CELLS.toLocaleString("en")} the reader can expand; limit it to the cells in use`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS 4.4.0 never settles on some packages (e.g. corpus test-issue-1842.xlsx), hence the time box.
    await timeBox(
      workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer),
      parseBudgetMs(buffer.length),
      `Reading ${label}`,
    );
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError("damaged", `${label} is damaged: ${oneLine(e)}`);
  }
  return { label, pkg, part, workbook, features };
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

/** Clip whole-row/whole-column areas to the sheet's used extent before reading values. */
function clip(area: Area, ws: ExcelJS.Worksheet): { area: Area; clipped: boolean } {
  const columns = wholeColumns(area);
  const rows = wholeRows(area);
  if (!columns && !rows) return { area, clipped: false };
  // ExcelJS counts rows and columns from 1; areas are 0-based (src/sheet-ref).
  const bottom = columns ? Math.max(1, ws.rowCount) - 1 : area.bottom;
  const right = rows ? Math.max(1, ws.columnCount) - 1 : area.right;
  return { area: { ...area, bottom, right }, clipped: true };
}

interface SheetLookup {
  readonly raw: Map<string, WorkbookPart["sheets"][number]>;
  readonly worksheets: Map<string, ExcelJS.Worksheet>;
}

function namedItem(raw: RawDefinedName, loaded: LoadedWorkbook, lookup: SheetLookup): NamedItem {
  const scope = raw.localSheetId !== null ? (loaded.part.sheets[raw.localSheetId]?.name ?? null) : null;
  const base = {
    name: raw.name,
    scope,
    refersTo: raw.text,
    builtIn: raw.name.toLowerCase().startsWith("_xlnm."),
    hidden: raw.hidden,
    ...(raw.comment !== undefined ? { comment: raw.comment } : {}),
  };
  const parsed = parseRefersTo(raw.text);
  switch (parsed.status) {
    case "ok": {
      const { sheet } = parsed.area;
      const address = formatArea(parsed.area);
      const rawSheet = lookup.raw.get(sheet);
      if (!rawSheet) {
        return {
          ...base,
          status: "broken",
          sheet: null,
          address: null,
          values: null,
          note: `sheet "${sheet}" does not exist`,
        };
      }
      const ws = lookup.worksheets.get(sheet);
      if (!ws)
        return {
          ...base,
          status: "ok",
          sheet,
          address,
          values: null,
          note: `sheet "${sheet}" is a ${rawSheet.kind}, it has no cells`,
        };
      const { area, clipped } = clip(parsed.area, ws);
      if (areaSize(area) > MAX_CELLS_READ) {
        return {
          ...base,
          status: "ok",
          sheet,
          address,
          values: null,
          note: `range has ${areaSize(area)} cells, over the ${MAX_CELLS_READ} read limit`,
        };
      }
      const values = readArea(ws, area);
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
      return { ...base, status: "constant", sheet: null, address: null, values: parsed.value };
    default:
      return { ...base, status: parsed.status, sheet: null, address: null, values: null };
  }
}

/** Everything the engine needs, in one pass. */
export function readNames(loaded: LoadedWorkbook): WorkbookRead {
  const lookup: SheetLookup = {
    raw: new Map(loaded.part.sheets.map((s) => [s.name, s])),
    worksheets: new Map(loaded.workbook.worksheets.map((w) => [w.name, w])),
  };
  return {
    names: loaded.part.names.map((n) => namedItem(n, loaded, lookup)),
    sheets: sheetInfos(loaded.part),
  };
}
