/**
 * Reading every defined name, and the values of the names the engine uses, in two syncs for a
 * workbook of ordinary size (split-loop / correlated-objects pattern,
 * docs/concepts/correlated-objects-pattern.md):
 *   sync 1 — the worksheets and every names collection: workbook.names holds only workbook-scoped
 *            names, each worksheet.names its own (ExcelApi 1.4), so both are loaded, the sheets'
 *            collections through a navigation path on the worksheet collection;
 *   sync 2 — the ranges of the names the engine reads (engine-names.ts): the metrics' default names,
 *            their units and the ESG_ tables, with ESG_Mapping. Other names keep their metadata only.
 * One more sync reads the names ESG_Mapping points at when they were not among those; more are added
 * only when a request or a response would pass the 5 MB limit of Excel on the web (range-reads.ts, which
 * reads the names of a sheet together as the areas that hold them).
 */
import type { NamedItem, SheetInfo, SheetVisibility, WorkbookRead } from "../../esg/types";
import { areaCells as rectCells, parseArea, splitSheetRef, type Area as Rect } from "../../sheet-ref";
import { engineReads, mappedEngineNames } from "./engine-names";
import { officeErrorCode } from "./errors";
import type { XNamedItem, XNamedItemCollection, XRequestContext, XWorksheetCollection } from "./excel-api";
import type { OfficeFeatures } from "./features";
import { GENERATED_MARKER_NAME, isHistoryMarker, MARKER_PREFIX, sameName } from "./markers";
import { readRanges, type RangeRequest, type RangeResult } from "./range-reads";
import { CONFIG_NAMES } from "../../esg/metrics";
import { builtInName, constantValue, formulaText, nameStatus, refersToText, type RawName } from "./refers-to";

/** What write() needs to know about each sheet as it was read. */
export interface SheetState {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: SheetVisibility;
  /** Section of the generated marker, or null for a user sheet. */
  readonly section: string | null;
  /** True for the generation-history sheet. */
  readonly history: boolean;
  /** The name of the history sheet's marker (markers.ts), for the write's guard. */
  readonly historyMarker?: string;
}

/**
 * A workbook-scoped name as it was read: what write() needs to give it back if a write that replaces
 * it fails (recovery.ts).
 */
export interface NameState {
  readonly name: string;
  /** The refers-to text without "=" (from NamedItem.formula where ExcelApi 1.7 is there, else rebuilt from type and value). */
  readonly refersTo: string;
  readonly visible: boolean;
  readonly comment: string;
}

export interface ReadOutcome {
  readonly read: WorkbookRead;
  readonly sheets: readonly SheetState[];
  /** The workbook-scoped names (workbook.names), for write(). */
  readonly names: readonly NameState[];
  readonly syncs: number;
}

export interface ReadLimits {
  /** Range reads are capped at 5,000,000 cells on every platform (values may come back null past it). */
  readonly maxCellsPerName: number;
  /** Estimated response bytes per sync (UTF-8) before range reads are split (the limit is 5 MB on the web). */
  readonly responseBudget: number;
  /** Estimated request bytes per sync (UTF-8, as office.js serialises it) before range reads are split (5 MB on the web). */
  readonly requestBudget: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxCellsPerName: 5_000_000,
  responseBudget: 4_000_000,
  requestBudget: 4_000_000,
};

function visibilityOf(v: string): SheetVisibility {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

function rawOf(item: XNamedItem, scope: string | null, features: OfficeFeatures): RawName {
  return {
    name: item.name,
    scope,
    type: item.type,
    value: item.value,
    visible: item.visible,
    comment: item.comment,
    formula: features.nameFormula ? formulaText(item.formula) : null,
  };
}

/** The sheet and area of a range name's refers-to text (NamedItem.value), when it is one area. */
function areaOf(raw: RawName): { sheet: string | null; rect: Rect | null } {
  const ref = typeof raw.value === "string" ? raw.value : "";
  const split = splitSheetRef(ref.replace(/^=/, ""));
  return split ? { sheet: split.sheet, rect: parseArea(split.area) } : { sheet: null, rect: null };
}

function locate(address: string): { sheet: string | null; address: string | null } {
  const split = splitSheetRef(address);
  return split ? { sheet: split.sheet, address: split.area.replace(/\$/g, "") } : { sheet: null, address: null };
}

/**
 * Sync 1: the worksheets and every names collection. The sheets' names come through a load path on
 * the worksheet collection ("items/names/items/name"). Should Excel refuse that nested path (the docs
 * show nested paths on navigation properties, not this form explicitly), the documented one-level
 * loads are used instead: the sheets, then each sheet's names — one more sync, never a failure.
 */
async function loadNameCollections(
  context: XRequestContext,
  nameProps: readonly string[],
): Promise<{ worksheets: XWorksheetCollection; workbookNames: XNamedItemCollection; syncs: number }> {
  const sheetProps = ["id", "name", "visibility", "position"];
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load([...sheetProps, ...nameProps.map((p) => `names/items/${p}`)].map((p) => `items/${p}`).join(","));
    const workbookNames = context.workbook.names;
    workbookNames.load(nameProps.map((p) => `items/${p}`).join(","));
    await context.sync();
    return { worksheets, workbookNames, syncs: 1 };
  } catch (e) {
    const code = officeErrorCode(e);
    if (code !== "InvalidArgument" && code !== "NotImplemented" && code !== "ApiNotFound") throw e;
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load(sheetProps.map((p) => `items/${p}`).join(","));
  const workbookNames = context.workbook.names;
  workbookNames.load(nameProps.map((p) => `items/${p}`).join(","));
  await context.sync();
  for (const ws of worksheets.items) ws.names.load(nameProps.map((p) => `items/${p}`).join(","));
  await context.sync();
  return { worksheets, workbookNames, syncs: 2 };
}

export async function readWorkbook(
  context: XRequestContext,
  features: OfficeFeatures,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ReadOutcome> {
  const nameProps = ["name", "type", "value", "visible", "comment", ...(features.nameFormula ? ["formula"] : [])];
  const loaded = await loadNameCollections(context, nameProps);
  const { worksheets, workbookNames } = loaded;
  let syncs = loaded.syncs;

  const sheets: SheetState[] = [];
  const raws: { raw: RawName; item: XNamedItem }[] = workbookNames.items.map((item) => ({
    raw: rawOf(item, null, features),
    item,
  }));
  for (const ws of worksheets.items) {
    let section: string | null = null;
    let history = false;
    let historyMarker: string | undefined;
    for (const item of ws.names.items) {
      const raw = rawOf(item, ws.name, features);
      raws.push({ raw, item });
      const text = typeof raw.value === "string" ? raw.value : "";
      if (isHistoryMarker(raw.name, raw.value)) {
        history = true;
        historyMarker = raw.name;
      } else if (sameName(raw.name, GENERATED_MARKER_NAME) && text.startsWith(MARKER_PREFIX)) {
        section = text.slice(MARKER_PREFIX.length);
      }
    }
    sheets.push({
      id: ws.id,
      name: ws.name,
      position: ws.position,
      visibility: visibilityOf(ws.visibility),
      section,
      history,
      ...(historyMarker !== undefined ? { historyMarker } : {}),
    });
  }

  // Sync 2: the ranges the engine reads (one rectangular area each, under the cell cap), then those
  // ESG_Mapping adds.
  const tooLarge = new Set<RawName>();
  const results = new Map<RawName, RangeResult>();
  const readable = raws.filter(({ raw }) => raw.type === "Range" && nameStatus(raw) === "ok");
  const readValues = async (wanted: typeof readable): Promise<void> => {
    const requests: RangeRequest<RawName>[] = [];
    for (const { raw, item } of wanted) {
      const area = areaOf(raw);
      if (area.rect && rectCells(area.rect) > limits.maxCellsPerName) tooLarge.add(raw);
      else requests.push({ key: raw, item, ...area });
    }
    if (requests.length === 0) return;
    const out = await readRanges(
      context,
      requests,
      { request: limits.requestBudget, response: limits.responseBudget },
      sheets.map((s) => s.name),
    );
    for (const [k, v] of out.results) results.set(k, v);
    syncs += out.syncs;
  };
  await readValues(readable.filter(({ raw }) => engineReads(raw.name)));
  const mappingRaw = raws.find(({ raw }) => raw.scope === null && sameName(raw.name, CONFIG_NAMES.mapping))?.raw;
  if (mappingRaw) {
    const mapped = mappedEngineNames(toNamedItem(mappingRaw, results.get(mappingRaw), false, true));
    await readValues(readable.filter(({ raw }) => !engineReads(raw.name) && engineReads(raw.name, mapped)));
  }

  const names: NamedItem[] = raws.map(({ raw }) =>
    toNamedItem(raw, results.get(raw), tooLarge.has(raw), results.has(raw) || tooLarge.has(raw)),
  );
  const sheetInfos: SheetInfo[] = sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    // The history sheet is the add-in's too, as the xlsx host reports it (never replaced: write-checks.ts).
    generated: s.section !== null || s.history,
  }));
  const workbookScoped: NameState[] = raws
    .filter(({ raw }) => raw.scope === null)
    .map(({ raw }) => ({ name: raw.name, refersTo: refersToText(raw), visible: raw.visible, comment: raw.comment }));
  return { read: { names, sheets: sheetInfos }, sheets, names: workbookScoped, syncs };
}

/** The name for the engine; `read` says whether its values were asked for (the engine uses it). */
function toNamedItem(raw: RawName, range: RangeResult | undefined, tooLarge: boolean, read: boolean): NamedItem {
  const status = nameStatus(raw);
  const builtIn = builtInName(raw.name);
  const base = {
    name: builtIn ?? raw.name,
    scope: raw.scope,
    refersTo: refersToText(raw),
    status,
    builtIn: builtIn !== null,
    hidden: !raw.visible,
    ...(raw.comment ? { comment: raw.comment } : {}),
  };
  if (status === "constant") {
    return { ...base, sheet: null, address: null, values: constantValue(raw) };
  }
  if (status !== "ok") return { ...base, sheet: null, address: null, values: null };
  const where = locate(typeof raw.value === "string" ? raw.value.replace(/^=/, "") : "");
  if (!read) return { ...base, ...where, values: null, note: NOT_READ };
  if (tooLarge) return { ...base, ...where, values: null, note: "over the 5,000,000-cell read limit of Excel: not read" };
  if (!range || range.isNull || range.address === null) {
    return { ...base, sheet: null, address: null, values: null, note: "Excel could not resolve this range" };
  }
  const at = locate(range.address);
  return range.values === null
    ? { ...base, ...at, values: null, note: "Excel returned no values (5,000,000-cell read limit)" }
    : { ...base, ...at, values: range.values };
}

/** The note of a name whose values the Office host leaves unread: the engine does not use it. */
export const NOT_READ = "values not read: the engine does not use this name";
