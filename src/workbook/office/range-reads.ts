/**
 * Reading the values of named ranges within Excel's limits.
 *
 * Excel on the web refuses a response over 5 MB with ResponsePayloadSizeLimitExceeded
 * (docs/concepts/resource-limits-and-performance-optimization.md: "RichAPI.Error will be thrown"),
 * and docs/excel/excel-add-ins-ranges-large.md advises reading a large range in blocks of rows. So
 * each range's response is estimated from its size; reads are grouped into syncs that stay under a
 * budget, and a range whose estimate alone passes it is read in row blocks of its sheet, one or more
 * per sync. The sync count grows with the size read, never with the number of names.
 *
 * The estimate cannot know how long the texts are. Should Excel still refuse a response as too large,
 * the reads of that sync are split in two and read again (reads change nothing), down to one row.
 */
import type { CellValue } from "../../esg/types";
import { areaCells as rectCells, formatArea as rectAddress, quoteSheet, type Area as Rect } from "../../sheet-ref";
import { toCellValues } from "./cell-values";
import { officeErrorCode } from "./errors";
import type { XNamedItem, XRange, XRequestContext } from "./excel-api";

/** Estimated bytes per cell of a values + valueTypes + numberFormat response (JSON, UTF-8). */
export const BYTES_PER_CELL = 40;

export interface RangeRequest<K> {
  readonly key: K;
  readonly item: XNamedItem;
  /** The sheet and area of the name's refers-to text, when it parses (needed to read in blocks). */
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

/** One read: a whole range through its name, or rows [top, top + rows) of a blocked range. */
interface Unit<K> {
  readonly request: RangeRequest<K>;
  readonly block: { readonly top: number; readonly rows: number } | null;
  readonly cells: number;
}

interface UnitResult {
  readonly isNull: boolean;
  readonly address: string | null;
  readonly values: CellValue[][] | null;
}

const columnsOf = (r: Rect): number => r.right - r.left + 1;

function unitsOf<K>(request: RangeRequest<K>, budget: number): Unit<K>[] {
  const { rect, sheet } = request;
  const cells = rect ? rectCells(rect) : 1;
  if (!rect || sheet === null || cells * BYTES_PER_CELL <= budget) return [{ request, block: null, cells }];
  const columns = columnsOf(rect);
  const rowsPerBlock = Math.max(1, Math.floor(budget / (columns * BYTES_PER_CELL)));
  const units: Unit<K>[] = [];
  for (let top = 0; top <= rect.bottom - rect.top; top += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, rect.bottom - rect.top + 1 - top);
    units.push({ request, block: { top, rows }, cells: rows * columns });
  }
  return units;
}

/** Groups units so that each sync's estimated response stays under the budget. */
export function chunkByBudget<T extends { cells: number }>(items: readonly T[], budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const it of items) {
    const bytes = it.cells * BYTES_PER_CELL;
    if (current.length > 0 && size + bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(it);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Two smaller reads for a refused one: halves of the chunk, or of the one unit's rows; null for one row. */
function split<K>(units: readonly Unit<K>[]): Unit<K>[][] | null {
  if (units.length > 1) {
    const mid = Math.ceil(units.length / 2);
    return [units.slice(0, mid), units.slice(mid)];
  }
  const u = units[0];
  const rect = u.request.rect;
  if (!rect || u.request.sheet === null) return null;
  const block = u.block ?? { top: 0, rows: rect.bottom - rect.top + 1 };
  if (block.rows < 2) return null;
  const first = Math.ceil(block.rows / 2);
  const columns = columnsOf(rect);
  const half = (top: number, rows: number): Unit<K> => ({
    request: u.request,
    block: { top, rows },
    cells: rows * columns,
  });
  return [[half(block.top, first)], [half(block.top + first, block.rows - first)]];
}

function rangeOf<K>(context: XRequestContext, unit: Unit<K>): XRange {
  const { request, block } = unit;
  if (block === null || request.rect === null || request.sheet === null)
    return request.item.getRangeOrNullObject();
  const area: Rect = {
    ...request.rect,
    top: request.rect.top + block.top,
    bottom: request.rect.top + block.top + block.rows - 1,
  };
  return context.workbook.worksheets.getItem(request.sheet).getRange(rectAddress(area));
}

/** Reads the values of every request; returns them by key with the number of syncs made. */
export async function readRanges<K>(
  context: XRequestContext,
  requests: readonly RangeRequest<K>[],
  budget: number,
): Promise<{ results: Map<K, RangeResult>; syncs: number }> {
  const done = new Map<Unit<K>, UnitResult>();
  let syncs = 0;

  const readChunk = async (units: readonly Unit<K>[]): Promise<void> => {
    const ranges = units.map((u) => {
      const range = rangeOf(context, u);
      range.load("address,values,valueTypes,numberFormat");
      return range;
    });
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      const halves = officeErrorCode(e) === "ResponsePayloadSizeLimitExceeded" ? split(units) : null;
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
          : {
              isNull: false,
              address: r.address,
              values: toCellValues(r.values, r.valueTypes, r.numberFormat),
            },
      );
    });
  };

  const units = requests.flatMap((r) => unitsOf(r, budget));
  // One sync per chunk: more than one only when a response would pass the budget.
  for (const chunk of chunkByBudget(units, budget)) await readChunk(chunk);

  const byRequest = new Map<RangeRequest<K>, [Unit<K>, UnitResult][]>();
  for (const [u, r] of done) {
    const list = byRequest.get(u.request);
    if (list) list.push([u, r]);
    else byRequest.set(u.request, [[u, r]]);
  }
  const results = new Map<K, RangeResult>();
  for (const request of requests) {
    const parts = (byRequest.get(request) ?? []).sort(
      ([a], [b]) => (a.block?.top ?? 0) - (b.block?.top ?? 0),
    );
    if (parts.length === 1 && parts[0][0].block === null) results.set(request.key, parts[0][1]);
    else
      results.set(
        request.key,
        joinBlocks(
          request,
          parts.map(([, r]) => r),
        ),
      );
  }
  return { results, syncs };
}

/** The range of a blocked read from its blocks, in row order. */
function joinBlocks<K>(request: RangeRequest<K>, blocks: readonly UnitResult[]): RangeResult {
  if (blocks.length === 0 || blocks.some((b) => b.isNull))
    return { isNull: true, address: null, values: null };
  const values = blocks.every((b) => b.values !== null) ? blocks.flatMap((b) => b.values ?? []) : null;
  const address =
    request.rect && request.sheet !== null
      ? `${quoteSheet(request.sheet)}!${rectAddress(request.rect)}`
      : null;
  return { isNull: false, address, values };
}
