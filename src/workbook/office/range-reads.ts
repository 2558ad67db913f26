/**
 * Reading the values of named ranges within Excel's limits, in as few syncs as those limits allow.
 *
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded: docs/concepts/resource-limits-and-performance-optimization.md), and
 * docs/excel/excel-add-ins-ranges-large.md advises reading a large range in blocks of rows. What office.js
 * sends and Excel returns per range is mostly overhead, not cells: each range is several object paths
 * and actions in the request (about 680 bytes per name read through its NamedItem, measured through
 * office.js in tests/e2e/standin) and several results in the response. So:
 *
 * - the names of one sheet are read together, as the areas that hold them (regions): names whose
 *   bounding box wastes few cells share one `worksheet.getRange(address)`, and each name's values are cut
 *   out of its region's. 12,000 names on 200 sheets become about 200 ranges;
 * - every range is untracked as soon as it is made (Range.untrack, ExcelApi 1.1): inside Excel.run
 *   office.js tracks every Range it creates (a `_KeepReference` action per range) and releases them
 *   with one more request when the run ends; values read in the sync need no reference after it;
 * - the reads are grouped into syncs whose estimated request AND response stay under their budgets;
 *   a region whose response alone would pass it is read in row blocks;
 * - a name whose sheet is not among the workbook's sheets is read through its NamedItem
 *   (getRangeOrNullObject), as Excel resolves it.
 *
 * The estimate cannot know how long the texts are. Should Excel still refuse a request or a response as
 * too large, the reads of that sync are split in two and read again (reads change nothing), down to one row.
 */
import type { CellValue } from "../../esg/types";
import { areaCells as rectCells, formatArea as rectAddress, quoteSheet, type Area as Rect } from "../../sheet-ref";
import { toCellValues } from "./cell-values";
import { officeErrorCode } from "./errors";
import type { XNamedItem, XRange, XRequestContext } from "./excel-api";

/**
 * Estimated response bytes per cell of `values`, `valueTypes` and `numberFormat` (JSON in UTF-8:
 * a number and its commas, `"Double",`, `"General",`). Measured through office.js on the 200-site
 * workbook (tests/e2e/standin): 24.8 bytes a cell; 32 leaves room for short texts. A text's own length
 * is not known before it is read: longer ones are caught by reading a refused response again in halves.
 */
export const BYTES_PER_CELL = 32;
/**
 * Estimated bytes of one range read beyond its cells. Request: the object paths (worksheets, getItem,
 * getRange with their arguments) and the Instantiate and Query actions office.js serialises
 * (ClientRequestBase.buildRequestMessageBodyAndRequestFlags, excel-web-16.00.debug.js); response: the
 * results of those actions with the address. Both rounded up from the bodies measured in tests/e2e/standin.
 */
export const REQUEST_BYTES_PER_READ = 800;
export const RESPONSE_BYTES_PER_READ = 300;
/**
 * Empty cells a region may add to the names it holds before they are read apart: one range's overhead
 * (about 1,100 bytes) costs as much as about this many cells.
 */
const REGION_SLACK_CELLS = 32;
/** Regions of a sheet a name is tried against (the most recent ones; names are taken in row order). */
const REGION_LOOKBACK = 8;

export interface ReadBudget {
  /** Estimated request bytes per sync. */
  readonly request: number;
  /** Estimated response bytes per sync. */
  readonly response: number;
}

export interface RangeRequest<K> {
  readonly key: K;
  readonly item: XNamedItem;
  /** The sheet and area of the name's refers-to text, when it parses (needed to read by area). */
  readonly sheet: string | null;
  readonly rect: Rect | null;
}

export interface RangeResult {
  /** Excel could not resolve the name's range (getRangeOrNullObject gave a null object). */
  readonly isNull: boolean;
  readonly address: string | null;
  /** Null when Excel returned no values (past 5,000,000 cells it may return null). */
  readonly values: CellValue[][] | null;
}

/** Names of one sheet read as one area: the bounding box of their areas. */
interface Region<K> {
  readonly sheet: string;
  rect: Rect;
  /** Cells of the members' own areas (overlaps counted twice). */
  own: number;
  readonly members: RangeRequest<K>[];
}

type Source<K> = { readonly kind: "name"; readonly request: RangeRequest<K> } | { readonly kind: "area"; readonly region: Region<K> };

/** One range read: a name through its NamedItem, or rows [top, top + rows) of a region (all of it when block is null). */
interface Unit<K> {
  readonly source: Source<K>;
  readonly block: { readonly top: number; readonly rows: number } | null;
  readonly cells: number;
  readonly requestBytes: number;
}

type UnitResult = RangeResult;

const columnsOf = (r: Rect): number => r.right - r.left + 1;
const rowsOf = (r: Rect): number => r.bottom - r.top + 1;

const union = (a: Rect, b: Rect): Rect => ({
  top: Math.min(a.top, b.top),
  left: Math.min(a.left, b.left),
  bottom: Math.max(a.bottom, b.bottom),
  right: Math.max(a.right, b.right),
});

/** UTF-8 bytes of a text as JSON would carry it (a sheet name may be Chinese: 3 bytes a character). */
function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export const responseBytes = (cells: number): number => RESPONSE_BYTES_PER_READ + cells * BYTES_PER_CELL;

/** Groups the names of each sheet into regions that waste at most a few cells. */
function regionsOf<K>(requests: readonly RangeRequest<K>[]): Region<K>[] {
  const bySheet = new Map<string, RangeRequest<K>[]>();
  for (const r of requests) {
    if (r.sheet === null || r.rect === null) continue;
    const key = r.sheet.toLowerCase();
    const list = bySheet.get(key);
    if (list) list.push(r);
    else bySheet.set(key, [r]);
  }
  const regions: Region<K>[] = [];
  for (const list of bySheet.values()) {
    const rectOf = (r: RangeRequest<K>): Rect => r.rect as Rect;
    list.sort((a, b) => rectOf(a).top - rectOf(b).top || rectOf(a).left - rectOf(b).left);
    const open: Region<K>[] = [];
    for (const r of list) {
      const rect = rectOf(r);
      const cells = rectCells(rect);
      const fit = open.slice(-REGION_LOOKBACK).find((g) => {
        const box = rectCells(union(g.rect, rect));
        return box - (g.own + cells) <= REGION_SLACK_CELLS + (g.own + cells) / 2;
      });
      if (fit) {
        fit.rect = union(fit.rect, rect);
        fit.own += cells;
        fit.members.push(r);
      } else open.push({ sheet: r.sheet as string, rect, own: cells, members: [r] });
    }
    regions.push(...open);
  }
  return regions;
}

function areaUnit<K>(region: Region<K>, block: { top: number; rows: number } | null): Unit<K> {
  const rows = block ? block.rows : rowsOf(region.rect);
  return {
    source: { kind: "area", region },
    block,
    cells: rows * columnsOf(region.rect),
    requestBytes: REQUEST_BYTES_PER_READ + 2 * utf8Bytes(region.sheet) + 2 * rectAddress(region.rect).length,
  };
}

/** A region's reads: the whole of it, or row blocks whose responses each fit the budget. */
function unitsOfRegion<K>(region: Region<K>, budget: number): Unit<K>[] {
  const cells = rectCells(region.rect);
  if (responseBytes(cells) <= budget) return [areaUnit(region, null)];
  const columns = columnsOf(region.rect);
  const rowsPerBlock = Math.max(1, Math.floor((budget - RESPONSE_BYTES_PER_READ) / (columns * BYTES_PER_CELL)));
  const units: Unit<K>[] = [];
  for (let top = 0; top < rowsOf(region.rect); top += rowsPerBlock)
    units.push(areaUnit(region, { top, rows: Math.min(rowsPerBlock, rowsOf(region.rect) - top) }));
  return units;
}

/** Groups reads so that each sync's estimated request and response stay under their budgets. */
export function chunkByBudget<T extends { cells: number; requestBytes: number }>(
  items: readonly T[],
  budget: ReadBudget,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let response = 0;
  let request = 0;
  for (const it of items) {
    const res = responseBytes(it.cells);
    if (current.length > 0 && (response + res > budget.response || request + it.requestBytes > budget.request)) {
      chunks.push(current);
      current = [];
      response = 0;
      request = 0;
    }
    current.push(it);
    response += res;
    request += it.requestBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Two smaller reads for a refused one: halves of the chunk, or of the one region's rows; null for one row or a name. */
function split<K>(units: readonly Unit<K>[]): Unit<K>[][] | null {
  if (units.length > 1) {
    const mid = Math.ceil(units.length / 2);
    return [units.slice(0, mid), units.slice(mid)];
  }
  const u = units[0];
  if (u.source.kind !== "area") return null;
  const region = u.source.region;
  const block = u.block ?? { top: 0, rows: rowsOf(region.rect) };
  if (block.rows < 2) return null;
  const first = Math.ceil(block.rows / 2);
  return [
    [areaUnit(region, { top: block.top, rows: first })],
    [areaUnit(region, { top: block.top + first, rows: block.rows - first })],
  ];
}

function rangeOf<K>(context: XRequestContext, unit: Unit<K>): XRange {
  if (unit.source.kind === "name") return unit.source.request.item.getRangeOrNullObject();
  const { region } = unit.source;
  const area: Rect = unit.block
    ? { ...region.rect, top: region.rect.top + unit.block.top, bottom: region.rect.top + unit.block.top + unit.block.rows - 1 }
    : region.rect;
  return context.workbook.worksheets.getItem(region.sheet).getRange(rectAddress(area));
}

/** Errors after which a read is tried again in halves. */
const TOO_LARGE = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

/**
 * Reads the values of every request; returns them by key with the number of syncs made.
 * `sheets` are the workbook's sheet names as read: a name on one of them is read through its area.
 */
export async function readRanges<K>(
  context: XRequestContext,
  requests: readonly RangeRequest<K>[],
  budget: ReadBudget,
  sheets: readonly string[],
): Promise<{ results: Map<K, RangeResult>; syncs: number }> {
  const done = new Map<Unit<K>, UnitResult>();
  let syncs = 0;

  const readChunk = async (units: readonly Unit<K>[]): Promise<void> => {
    const ranges = units.map((u) => {
      // Untracked: no `_KeepReference` in this request and no release request after the run.
      const range = rangeOf(context, u).untrack();
      range.load("address,values,valueTypes,numberFormat");
      return range;
    });
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      const code = officeErrorCode(e);
      const halves = code !== null && TOO_LARGE.has(code) ? split(units) : null;
      if (!halves) throw e;
      // At most two reads, each half the size: sync count grows with size only.
      for (const h of halves) await readChunk(h);
      return;
    }
    units.forEach((u, i) => {
      const r = ranges[i];
      done.set(
        u,
        r.isNullObject
          ? { isNull: true, address: null, values: null }
          : { isNull: false, address: r.address, values: toCellValues(r.values, r.valueTypes, r.numberFormat) },
      );
    });
  };

  const known = new Set(sheets.map((s) => s.toLowerCase()));
  const byArea = requests.filter((r) => r.sheet !== null && r.rect !== null && known.has(r.sheet.toLowerCase()));
  const areaKeys = new Set(byArea);
  const regions = regionsOf(byArea);
  const units: Unit<K>[] = [
    ...regions.flatMap((g) => unitsOfRegion(g, budget.response)),
    ...requests
      .filter((r) => !areaKeys.has(r))
      .map((request): Unit<K> => ({
        source: { kind: "name", request },
        block: null,
        cells: request.rect ? rectCells(request.rect) : 1,
        requestBytes: REQUEST_BYTES_PER_READ,
      })),
  ];
  // One sync per chunk: more than one only when a request or a response would pass its budget.
  for (const chunk of chunkByBudget(units, budget)) await readChunk(chunk);

  const results = new Map<K, RangeResult>();
  const blocksOf = new Map<Region<K>, [Unit<K>, UnitResult][]>();
  for (const [u, r] of done) {
    if (u.source.kind === "name") {
      results.set(u.source.request.key, r);
      continue;
    }
    const list = blocksOf.get(u.source.region);
    if (list) list.push([u, r]);
    else blocksOf.set(u.source.region, [[u, r]]);
  }
  for (const region of regions) {
    const parts = (blocksOf.get(region) ?? []).sort(([a], [b]) => (a.block?.top ?? 0) - (b.block?.top ?? 0));
    const values = joinBlocks(parts.map(([, r]) => r));
    for (const m of region.members) results.set(m.key, memberOf(region, m.rect as Rect, values));
  }
  return { results, syncs };
}

/** A region's values from its blocks, in row order; null when any block returned none. */
function joinBlocks(blocks: readonly UnitResult[]): CellValue[][] | null {
  if (blocks.length === 0 || blocks.some((b) => b.isNull || b.values === null)) return null;
  return blocks.flatMap((b) => b.values ?? []);
}

/** One name's values cut out of its region's, with its address as Excel writes it ('Sheet 1'!B3:D5). */
function memberOf<K>(region: Region<K>, rect: Rect, values: CellValue[][] | null): RangeResult {
  const address = `${quoteSheet(region.sheet)}!${rectAddress(rect)}`;
  if (values === null) return { isNull: false, address, values: null };
  const top = rect.top - region.rect.top;
  const left = rect.left - region.rect.left;
  const width = columnsOf(rect);
  return {
    isNull: false,
    address,
    values: values.slice(top, top + rowsOf(rect)).map((row) => row.slice(left, left + width)),
  };
}
