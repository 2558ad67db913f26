/**
 * The fake Excel objects the adapter uses: Workbook, WorksheetCollection, Worksheet,
 * NamedItemCollection, NamedItem, Range and its format, FreezePanes, PageLayout, Application.
 * Semantics from the Excel JavaScript API reference; requirement sets per member as documented.
 */
import {
  absoluteArea,
  areaCells as rectCells,
  formatArea as rectAddress,
  isValidDefinedName,
  parseArea,
  quoteSheet,
  sheetNameProblem,
  type Area as Rect,
} from "../../../src/sheet-ref";
import type {
  XApplication,
  XFreezePanes,
  XNamedItem,
  XNamedItemCollection,
  XPageLayout,
  XRange,
  XRangeBorder,
  XRangeBorderCollection,
  XRangeFill,
  XRangeFont,
  XRangeFormat,
  XRequestContext,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
} from "../../../src/workbook/office/excel-api";
import { charsToPoints } from "../../../src/workbook/office/sheet-plan";
import { recalculate } from "./calc";
import { FakeChartCollection } from "./charts";
import { fail } from "./errors";
import { reportName } from "./name-eval";
import { FakeContextBase, FakeProxy } from "./proxy";
import { jsonSize, QUERY_BYTES, RESULT_BYTES } from "./runtime";
import {
  cellAt,
  findSheet,
  key,
  newSheet,
  retargetNames,
  usedRect,
  type FakeBorder,
  type FakeCell,
  type FakeName,
  type FakeScalar,
  type FakeSheet,
} from "./state";

/** Excel's maximum row height, in points, and column width, 255 characters, in points (sheet-plan.ts). */
const MAX_ROW_POINTS = 409;
const MAX_COLUMN_POINTS = charsToPoints(255);

type Loadable<E> = Record<string, { minApi?: string; get: (e: E) => unknown }>;

/** "$A$4:$B$12": an area with both parts absolute. */
// ---------------------------------------------------------------------------------------------
// Context, application, workbook
// ---------------------------------------------------------------------------------------------

export class FakeRequestContext extends FakeContextBase implements XRequestContext {
  readonly workbook: FakeWorkbookProxy = new FakeWorkbookProxy(this);
  readonly application: FakeApplication = new FakeApplication(this);
}

export class FakeApplication extends FakeProxy<true> implements XApplication {
  constructor(ctx: FakeContextBase) {
    super(ctx, () => true, false, "application", false);
  }
  protected loadable(): Loadable<true> {
    return {};
  }
  suspendApiCalculationUntilNextSync(): void {
    this.command("suspendApiCalculationUntilNextSync", null, () => (this.ctx.runtime.calculationSuspended = true), "1.6");
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.command("suspendScreenUpdatingUntilNextSync", null, () => undefined, "1.9");
  }
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void {
    this.command("calculate", calculationType, () => recalculate(this.ctx.runtime.wb));
  }
}

export class FakeWorkbookProxy implements XWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(ctx: FakeContextBase) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx, () => ({ sheet: null }), false, "workbook.names", false);
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

const WORKSHEET_PROPS: Loadable<FakeSheet> = {
  id: { get: (s) => s.id },
  name: { get: (s) => s.name },
  visibility: { get: (s) => s.visibility },
  position: { get: () => -1 },
  tabColor: { minApi: "1.7", get: (s) => s.tabColor },
};

export class FakeWorksheetCollection extends FakeProxy<true> implements XWorksheetCollection {
  constructor(ctx: FakeContextBase) {
    super(ctx, () => true, false, "worksheets", false);
  }
  protected loadable(): Loadable<true> {
    return {};
  }
  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>("items");
  }

  /** load("name,visibility") or load("items/name,items/names/items/name"): props of every item, nested names too. */
  override load(propertyNames?: string | string[]): this {
    const paths = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter((p) => p !== "");
    if (paths.length === 0) throw new Error("fake Excel: parameterless load() is not allowed");
    const own = paths.filter((p) => !p.includes("/"));
    const nested = paths.filter((p) => p.startsWith("names/")).map((p) => p.slice("names/".length).replace(/^items\//, ""));
    const other = paths.filter((p) => p.includes("/") && !p.startsWith("names/"));
    const minApi = nested.length > 0 ? "1.4" : undefined;
    this.ctx.enqueue({
      label: `worksheets.load(${paths.join(",")})`,
      mutates: false,
      bytes: QUERY_BYTES + jsonSize(paths),
      minApi,
      run: () => {
        if (other.length > 0) fail("InvalidArgument", `fake Excel: cannot load ${other.join(",")} on worksheets`);
        if (nested.length > 0 && this.ctx.runtime.refuseNestedCollectionLoads)
          fail("InvalidArgument", "fake Excel: nested collection load paths are refused (refuseNestedCollectionLoads)");
        const wb = this.ctx.runtime.wb;
        const items = wb.sheets.map((s) => new FakeWorksheet(this.ctx, () => s, false, `worksheets[${s.name}]`, false));
        const payload: unknown[] = [];
        const deliveries: (() => void)[] = [];
        wb.sheets.forEach((s, i) => {
          const data: Record<string, unknown> = {};
          for (const p of own) {
            const spec = WORKSHEET_PROPS[p];
            if (!spec) fail("InvalidArgument", `fake Excel: cannot load '${p}' on a worksheet`);
            if (spec.minApi && !this.ctx.runtime.supports(spec.minApi)) fail("ApiNotFound", `${p} needs ExcelApi ${spec.minApi}`);
            data[p] = p === "position" ? i : spec.get(s);
          }
          payload.push(data);
          const item = items[i];
          deliveries.push(() => item.deliver(data));
          if (nested.length > 0) {
            const names = item.names;
            const loaded = loadNameItems(this.ctx, s, s.names, nested);
            payload.push(loaded.payload);
            deliveries.push(() => {
              names.deliver({ items: loaded.items });
              loaded.commit();
            });
          }
        });
        return {
          bytes: RESULT_BYTES + jsonSize(payload),
          commit: () => {
            deliveries.forEach((d) => d());
            this.deliver({ items });
          },
        };
      },
    });
    return this;
  }

  private byKey(k: string): () => FakeSheet | null {
    return () => {
      const wb = this.ctx.runtime.wb;
      return findSheet(wb, k) ?? wb.sheets.find((s) => s.id === k) ?? null;
    };
  }
  getItem(k: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.byKey(k), false, `worksheets.getItem(${k})`, true);
  }
  getItemOrNullObject(k: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.byKey(k), true, `worksheets.getItemOrNullObject(${k})`, true);
  }
  /** WorksheetCollection.getActiveWorksheet (ExcelApi 1.1): "the currently active worksheet in the workbook". */
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const wb = this.ctx.runtime.wb;
      return wb.sheets.find((s) => s.id === wb.activeSheetId) ?? wb.sheets.find((s) => s.visibility === "Visible") ?? null;
    }, false, "worksheets.getActiveWorksheet()", true);
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const sheet = new FakeWorksheet(this.ctx, () => created, false, `worksheets.add(${name ?? ""})`, false);
    this.command("add", name ?? null, () => {
      const wb = this.ctx.runtime.wb;
      const n = name ?? `Sheet${wb.sheets.length + 1}`;
      if (sheetNameProblem(n)) fail("InvalidArgument", `The sheet name "${n}" is not valid.`);
      if (findSheet(wb, n)) fail("ItemAlreadyExists", `A sheet named "${n}" already exists.`);
      created = newSheet(wb, n);
      wb.sheets.push(created);
      sheet.markSynced();
    });
    return sheet;
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheet> implements XWorksheet {
  protected override alive(s: FakeSheet): boolean {
    return this.ctx.runtime.wb.sheets.includes(s);
  }
  protected loadable(): Loadable<FakeSheet> {
    return { ...WORKSHEET_PROPS, position: { get: (s) => this.ctx.runtime.wb.sheets.indexOf(s) } };
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.command("name", value, (s) => {
      const wb = this.ctx.runtime.wb;
      if (sheetNameProblem(value)) fail("InvalidArgument", `The sheet name "${value}" is not valid.`);
      const other = findSheet(wb, value);
      if (other && other !== s) fail("ItemAlreadyExists", `A sheet named "${value}" already exists.`);
      retargetNames(wb, s.name, value);
      s.name = value;
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  /** Readable from ExcelApi 1.1, writable from 1.2; like deleting, hiding may not leave the workbook without a visible sheet. */
  set visibility(value: string) {
    this.command("visibility", value, (s) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") fail("InvalidArgument", value);
      const visible = this.ctx.runtime.wb.sheets.filter((x) => x.visibility === "Visible");
      if (value !== "Visible" && visible.length === 1 && visible[0] === s) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = value;
    }, "1.2");
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.command("position", value, (s) => {
      const sheets = this.ctx.runtime.wb.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) fail("InvalidArgument", `position ${value}`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(value, 0, s);
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(value: string) {
    this.command("tabColor", value, (s) => (s.tabColor = value), "1.7");
  }
  private namesProxy: FakeNamedItemCollection | null = null;
  /** The same proxy every time, so names loaded through the worksheet collection stay readable. */
  get names(): FakeNamedItemCollection {
    this.namesProxy ??= new FakeNamedItemCollection(
      this.ctx,
      () => {
        const s = this.resolveNow();
        return s ? { sheet: s } : null;
      },
      false,
      `${this.label}.names`,
      false,
    );
    return this.namesProxy;
  }
  get freezePanes(): XFreezePanes {
    return new FakeFreezePanes(this);
  }
  get pageLayout(): XPageLayout {
    return new FakePageLayout(this);
  }
  /** Worksheet.charts (ExcelApi 1.1): "Returns a collection of charts that are part of the worksheet." */
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) throw new Error("fake Excel: getRange() without an address is not used by the adapter");
    return new FakeRange(this.ctx, () => {
      const s = this.resolveNow();
      if (!s) return null;
      const rect = parseArea(address);
      if (!rect) fail("InvalidArgument", `Invalid range address "${address}".`);
      return { sheet: s, rect };
    }, false, `${this.label}.getRange(${address})`, true);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolveNow();
      return s ? { sheet: s, rect: usedRect(s, valuesOnly === true) } : null;
    }, false, `${this.label}.getUsedRange(${valuesOnly === true})`, true);
  }
  delete(): void {
    this.command("delete", null, (s) => {
      const wb = this.ctx.runtime.wb;
      // Worksheet.delete (@types/office-js): "if the worksheet's visibility is set to "VeryHidden", the
      // delete operation will fail with an InvalidOperation exception".
      if (s.visibility === "VeryHidden") fail("InvalidOperation", "A VeryHidden worksheet cannot be deleted.");
      const visible = wb.sheets.filter((x) => x.visibility === "Visible");
      if (visible.length === 1 && visible[0] === s) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      retargetNames(wb, s.name, null);
    });
  }
  /** Worksheet.activate (ExcelApi 1.1): "Activate the worksheet in the Excel UI." */
  activate(): void {
    this.command("activate", null, (s) => (this.ctx.runtime.wb.activeSheetId = s.id));
  }
  /** For FreezePanes / PageLayout: a command on this sheet. */
  sheetCommand(name: string, args: unknown, apply: (s: FakeSheet) => void, minApi: string): void {
    this.command(name, args, apply, minApi);
  }
}

class FakeFreezePanes implements XFreezePanes {
  constructor(private readonly sheet: FakeWorksheet) {}
  freezeAt(frozenRange: XRange | string): void {
    const r = typeof frozenRange === "string" ? null : (frozenRange as FakeRange);
    this.sheet.sheetCommand("freezePanes.freezeAt", typeof frozenRange === "string" ? frozenRange : "range", (s) => {
      const rect = r ? r.entity().rect : parseArea(frozenRange as string);
      if (!rect) fail("InvalidArgument", "freezeAt");
      s.freeze = { rows: rect.bottom + 1, columns: rect.right + 1 };
    }, "1.7");
  }
  freezeRows(count = 1): void {
    this.sheet.sheetCommand("freezePanes.freezeRows", count, (s) => (s.freeze = { rows: count, columns: 0 }), "1.7");
  }
  freezeColumns(count = 1): void {
    this.sheet.sheetCommand("freezePanes.freezeColumns", count, (s) => (s.freeze = { rows: 0, columns: count }), "1.7");
  }
}

class FakePageLayout implements XPageLayout {
  constructor(private readonly sheet: FakeWorksheet) {}
  get paperSize(): string {
    return fail("PropertyNotLoaded", "pageLayout.paperSize");
  }
  set paperSize(v: string) {
    this.sheet.sheetCommand("pageLayout.paperSize", v, (s) => (s.pageLayout.paperSize = v), "1.9");
  }
  get orientation(): string {
    return fail("PropertyNotLoaded", "pageLayout.orientation");
  }
  set orientation(v: string) {
    this.sheet.sheetCommand("pageLayout.orientation", v, (s) => (s.pageLayout.orientation = v), "1.9");
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return fail("PropertyNotLoaded", "pageLayout.zoom");
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    const copy: Record<string, number> = {};
    for (const [k, n] of Object.entries(v)) if (typeof n === "number") copy[k] = n;
    this.sheet.sheetCommand("pageLayout.zoom", copy, (s) => (s.pageLayout.zoom = copy), "1.9");
  }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

interface NameEntity {
  readonly item: FakeName;
  readonly sheet: FakeSheet | null;
}

function nameProps(ctx: FakeContextBase): Loadable<NameEntity> {
  return {
    name: { get: (e) => e.item.name },
    type: { get: (e) => reportName(ctx.runtime.wb, e.item).type },
    value: { get: (e) => reportName(ctx.runtime.wb, e.item).value },
    visible: { get: (e) => e.item.visible },
    comment: { minApi: "1.4", get: (e) => e.item.comment },
    formula: { minApi: "1.7", get: (e) => `=${e.item.refersTo}` },
    scope: { minApi: "1.4", get: (e) => (e.sheet ? "Worksheet" : "Workbook") },
  };
}

/** Items of a names collection with the given properties loaded (runs inside a load command). */
function loadNameItems(
  ctx: FakeContextBase,
  sheet: FakeSheet | null,
  list: FakeName[],
  props: string[],
): { items: FakeNamedItem[]; payload: unknown; commit: () => void } {
  const table = nameProps(ctx);
  const items: FakeNamedItem[] = [];
  const datas: Record<string, unknown>[] = [];
  for (const n of list) {
    const entity: NameEntity = { item: n, sheet };
    const data: Record<string, unknown> = {};
    for (const p of props) {
      const spec = table[p];
      if (!spec) fail("InvalidArgument", `fake Excel: cannot load '${p}' on a named item`);
      if (spec.minApi && !ctx.runtime.supports(spec.minApi)) fail("ApiNotFound", `NamedItem.${p} needs ExcelApi ${spec.minApi}`);
      data[p] = spec.get(entity);
    }
    items.push(new FakeNamedItem(ctx, () => entity, false, `names[${n.name}]`, false));
    datas.push(data);
  }
  return { items, payload: datas, commit: () => items.forEach((it, i) => it.deliver(datas[i])) };
}

interface NamesEntity {
  readonly sheet: FakeSheet | null;
}

export class FakeNamedItemCollection extends FakeProxy<NamesEntity> implements XNamedItemCollection {
  private list(e: NamesEntity): FakeName[] {
    return e.sheet ? e.sheet.names : this.ctx.runtime.wb.names;
  }
  protected loadable(): Loadable<NamesEntity> {
    return {};
  }
  get items(): FakeNamedItem[] {
    return this.read<FakeNamedItem[]>("items");
  }
  override load(propertyNames?: string | string[]): this {
    const props = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter((p) => p !== "");
    if (props.length === 0) throw new Error("fake Excel: parameterless load() is not allowed");
    this.ctx.enqueue({
      label: `${this.label}.load(${props.join(",")})`,
      mutates: false,
      bytes: QUERY_BYTES + jsonSize(props),
      run: () => {
        const e = this.entity();
        const loaded = loadNameItems(this.ctx, e.sheet, this.list(e), props);
        return {
          bytes: RESULT_BYTES + jsonSize(loaded.payload),
          commit: () => {
            loaded.commit();
            this.deliver({ items: loaded.items });
          },
        };
      },
    });
    return this;
  }
  /**
   * NamedItemCollection.add(name, reference, comment) — "the formula or the range that the name will
   * refer to" (ExcelApi 1.4). A range is resolved when the batch runs and stored as an absolute
   * reference to its sheet, as Excel's Name Manager then shows it; a formula must begin with "=".
   */
  add(name: string, reference: XRange | string, comment?: string): FakeNamedItem {
    let created: NameEntity | null = null;
    const item = new FakeNamedItem(this.ctx, () => created, false, `${this.label}.add(${name})`, false);
    const range = typeof reference === "string" ? null : reference;
    if (range !== null && !(range instanceof FakeRange)) throw new Error("fake Excel: names.add with a range from another API");
    this.command("add", [name, range ? "range" : reference, comment ?? ""], (e) => {
      const list = this.list(e);
      // Excel's rules for a name ([MS-XLSB] 2.5.166; src/sheet-ref/defined-name.ts).
      if (!isValidDefinedName(name)) {
        fail("InvalidArgument", `The name "${name}" is not valid.`);
      }
      if (list.some((n) => n.name.toLocaleUpperCase() === name.toLocaleUpperCase())) {
        fail("ItemAlreadyExists", `The name "${name}" already exists in this scope.`);
      }
      let refersTo: string;
      if (range) {
        // The range must exist when the command runs (a range on a deleted sheet fails the batch).
        const target = range.entity();
        refersTo = `${quoteSheet(target.sheet.name)}!${absoluteArea(target.rect)}`;
      } else {
        if (typeof reference !== "string" || !reference.startsWith("=")) fail("InvalidArgument", "reference must be a formula");
        refersTo = reference.slice(1);
      }
      const fresh: FakeName = { name, refersTo, visible: true, comment: comment ?? "" };
      list.push(fresh);
      created = { item: fresh, sheet: e.sheet };
      item.markSynced();
    }, "1.4");
    return item;
  }
  private finder(name: string): () => NameEntity | null {
    return () => {
      const e = this.resolveNow();
      if (!e) return null;
      const item = this.list(e).find((n) => n.name.toLocaleUpperCase() === name.toLocaleUpperCase());
      return item ? { item, sheet: e.sheet } : null;
    };
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this.finder(name), false, `${this.label}.getItem(${name})`, true);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this.finder(name), true, `${this.label}.getItemOrNullObject(${name})`, true);
  }
}

export class FakeNamedItem extends FakeProxy<NameEntity> implements XNamedItem {
  protected override alive(e: NameEntity): boolean {
    const wb = this.ctx.runtime.wb;
    return e.sheet ? wb.sheets.includes(e.sheet) && e.sheet.names.includes(e.item) : wb.names.includes(e.item);
  }
  protected loadable(): Loadable<NameEntity> {
    return nameProps(this.ctx);
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.command("visible", v, (e) => (e.item.visible = v));
  }
  get comment(): string {
    return this.read("comment");
  }
  set comment(v: string) {
    this.command("comment", v, (e) => (e.item.comment = v), "1.4");
  }
  get formula(): unknown {
    return this.read("formula");
  }
  set formula(v: unknown) {
    this.command("formula", v, (e) => (e.item.refersTo = String(v).replace(/^=/, "")), "1.7");
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const e = this.resolveNow();
      return e ? reportName(this.ctx.runtime.wb, e.item).range : null;
    }, true, `${this.label}.getRangeOrNullObject()`, true);
  }
  delete(): void {
    this.command("delete", null, (e) => {
      const list = e.sheet ? e.sheet.names : this.ctx.runtime.wb.names;
      list.splice(list.indexOf(e.item), 1);
    }, "1.4");
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

export interface RangeEntity {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

function forEachCell(e: RangeEntity, f: (cell: FakeCell, r: number, c: number) => void): void {
  for (let r = e.rect.top; r <= e.rect.bottom; r++) {
    for (let c = e.rect.left; c <= e.rect.right; c++) f(cellAt(e.sheet, r, c), r - e.rect.top, c - e.rect.left);
  }
}

function grid<T>(e: RangeEntity, limit: number, f: (cell: FakeCell | undefined) => T): T[][] | null {
  if (rectCells(e.rect) > limit) return null; // docs: past 5,000,000 cells `values` may come back null
  const out: T[][] = [];
  for (let r = e.rect.top; r <= e.rect.bottom; r++) {
    const row: T[] = [];
    for (let c = e.rect.left; c <= e.rect.right; c++) row.push(f(e.sheet.cells.get(key(r, c))));
    out.push(row);
  }
  return out;
}

function shownValue(v: FakeScalar): unknown {
  if (v === null) return "";
  return typeof v === "object" ? v.error : v;
}

function valueType(c: FakeCell | undefined): string {
  const v = c?.value ?? null;
  if (v === null) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return "Boolean";
  return "Error";
}

/**
 * Input written to values/formulas. A cell formatted as Text ("@") keeps the string as typed. Else, as
 * Excel does (Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal
 * sign ("="), Excel interprets this value as a formula"), "=…" is a formula, "+…"/"-…" a number or a
 * formula, and number- or boolean-looking strings are converted.
 */
function writeInput(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== "string") fail("InvalidArgument", `Unsupported cell input ${JSON.stringify(input)}`);
  cell.formula = null;
  if (input === "") {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  const numeric = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:E[-+]?\d+)?$/i.test(input.trim());
  if (input.startsWith("=")) {
    cell.formula = input;
    cell.value = null;
  } else if (input.startsWith("+") || input.startsWith("-")) {
    if (numeric) cell.value = Number(input);
    else {
      cell.formula = `=${input}`;
      cell.value = { error: "#NAME?" };
    }
  } else if (numeric) cell.value = Number(input);
  else if (/^(TRUE|FALSE)$/i.test(input)) cell.value = /^TRUE$/i.test(input);
  else if (isoDateSerial(input) !== null) {
    // As typed input, Excel takes a date string in a General cell for a date: a serial number with a
    // date format (which format it picks depends on the locale: docs/ARCHITECTURE.md, "Unverified").
    cell.value = isoDateSerial(input);
    if (cell.numberFormat === "General") cell.numberFormat = input.length > 10 ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd";
  } else cell.value = input;
}

/** The 1900-system serial of "yyyy-mm-dd" or "yyyy-mm-dd hh:mm[:ss]", or null (an ISO "T…Z" stamp stays text). */
function isoDateSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return null;
  return (ms - Date.UTC(1899, 11, 30)) / 86400000;
}

function checkShape(e: RangeEntity, v: unknown, what: string): unknown[][] {
  const rows = e.rect.bottom - e.rect.top + 1;
  const cols = e.rect.right - e.rect.left + 1;
  if (!Array.isArray(v) || v.length !== rows || !v.every((r) => Array.isArray(r) && r.length === cols)) {
    fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return v as unknown[][];
}

export class FakeRange extends FakeProxy<RangeEntity> implements XRange {
  constructor(
    ctx: FakeContextBase,
    resolver: () => RangeEntity | null,
    orNull: boolean,
    label: string,
    queueResolve: boolean,
  ) {
    super(ctx, resolver, orNull, label, queueResolve);
    ctx.track(this);
  }
  /** Range.untrack (ExcelApi 1.1): no reference kept, nothing to release at the end of the run. */
  untrack(): this {
    this.ctx.untrack(this);
    return this;
  }
  protected override alive(e: RangeEntity): boolean {
    return this.ctx.runtime.wb.sheets.includes(e.sheet);
  }
  protected loadable(): Loadable<RangeEntity> {
    const limit = this.ctx.runtime.limits.cellsPerRead;
    return {
      address: { get: (e) => `${quoteSheet(e.sheet.name)}!${rectAddress(e.rect)}` },
      values: { get: (e) => grid(e, limit, (c) => shownValue(c?.value ?? null)) },
      valueTypes: { get: (e) => grid(e, limit, valueType) },
      formulas: { get: (e) => grid(e, limit, (c) => c?.formula ?? shownValue(c?.value ?? null)) },
      numberFormat: { get: (e) => grid(e, limit, (c) => c?.numberFormat ?? "General") },
      rowCount: { get: (e) => e.rect.bottom - e.rect.top + 1 },
      columnCount: { get: (e) => e.rect.right - e.rect.left + 1 },
    };
  }
  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.command("values", v, (e) => {
      const rows = checkShape(e, v, "values");
      forEachCell(e, (cell, r, c) => writeInput(cell, rows[r][c]));
    });
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.command("formulas", v, (e) => {
      const rows = checkShape(e, v, "formulas");
      forEachCell(e, (cell, r, c) => writeInput(cell, rows[r][c]));
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.command("numberFormat", v, (e) => {
      const rows = checkShape(e, v, "numberFormat");
      forEachCell(e, (cell, r, c) => {
        const f = rows[r][c];
        if (f === null || f === undefined) return;
        if (typeof f !== "string") fail("InvalidArgument", "number format must be text");
        cell.numberFormat = f;
      });
    });
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get format(): XRangeFormat {
    return new FakeRangeFormat(this);
  }
  /** For the format objects: a command over every cell of this range. */
  cellsCommand(name: string, args: unknown, f: (cell: FakeCell, e: RangeEntity, r: number, c: number) => void, minApi?: string): void {
    this.command(name, args, (e) => forEachCell(e, (cell, r, c) => f(cell, e, r, c)), minApi);
  }
  rangeCommand(name: string, args: unknown, f: (e: RangeEntity) => void, minApi?: string): void {
    this.command(name, args, f, minApi);
  }
  merge(across?: boolean): void {
    this.command("merge", across ?? false, (e) => {
      const overlaps = e.sheet.merges.some(
        (m) => m.left <= e.rect.right && e.rect.left <= m.right && m.top <= e.rect.bottom && e.rect.top <= m.bottom,
      );
      if (overlaps) fail("InvalidOperation", "Cannot merge over an existing merged area.");
      e.sheet.merges.push({ ...e.rect });
    }, "1.2");
  }
  /** Range.select (ExcelApi 1.1): "Selects the specified range in the Excel UI." */
  select(): void {
    this.command("select", null, (e) => (this.ctx.runtime.wb.selection = { sheet: e.sheet.name, address: rectAddress(e.rect) }));
  }
  private derived(name: string, f: (e: RangeEntity) => Rect, minApi?: string): FakeRange {
    const child = new FakeRange(this.ctx, () => {
      const e = this.resolveNow();
      if (!e) return null;
      const rect = f(e);
      if (rect.top < 0 || rect.left < 0 || rect.bottom < rect.top || rect.right < rect.left) fail("InvalidArgument", name);
      return { sheet: e.sheet, rect };
    }, false, `${this.label}.${name}`, true);
    if (minApi && !this.ctx.runtime.supports(minApi)) this.ctx.enqueue({ label: name, mutates: false, bytes: 0, minApi, run: () => undefined });
    return child;
  }
  getLastRow(): FakeRange {
    return this.derived("getLastRow()", ({ rect }) => ({ ...rect, top: rect.bottom }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, ({ rect }) => ({
      top: rect.top + rowOffset,
      bottom: rect.bottom + rowOffset,
      left: rect.left + columnOffset,
      right: rect.right + columnOffset,
    }));
  }
  getCell(row: number, column: number): FakeRange {
    return this.derived(`getCell(${row},${column})`, ({ rect }) => ({
      top: rect.top + row,
      bottom: rect.top + row,
      left: rect.left + column,
      right: rect.left + column,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, ({ rect }) => ({
      ...rect,
      bottom: rect.bottom + deltaRows,
      right: rect.right + deltaColumns,
    }), "1.2");
  }
}

class FakeRangeFormat implements XRangeFormat {
  constructor(private readonly range: FakeRange) {}
  get columnWidth(): number {
    return fail("PropertyNotLoaded", "format.columnWidth");
  }
  /**
   * Points (ExcelApi 1.2). Excel's maximum is 255 characters (Excel specifications and limits); in
   * points that is charsToPoints(255) for the default font. Past it the fake fails with
   * InvalidArgument: what Excel does (clamp or refuse) is not documented (docs/ARCHITECTURE.md,
   * "Unverified in real Excel").
   */
  set columnWidth(v: number) {
    this.range.rangeCommand("format.columnWidth", v, (e) => {
      if (!(v >= 0 && v <= MAX_COLUMN_POINTS)) fail("InvalidArgument", `Column width ${v} pt is past Excel's 255 characters.`);
      for (let c = e.rect.left; c <= e.rect.right; c++) e.sheet.columnWidths.set(c, v);
    }, "1.2");
  }
  get rowHeight(): number {
    return fail("PropertyNotLoaded", "format.rowHeight");
  }
  /** Points (ExcelApi 1.2); Excel's maximum is 409 (Excel specifications and limits). Past it: as columnWidth. */
  set rowHeight(v: number) {
    this.range.rangeCommand("format.rowHeight", v, (e) => {
      if (!(v >= 0 && v <= MAX_ROW_POINTS)) fail("InvalidArgument", `Row height ${v} pt is past Excel's 409 points.`);
      for (let r = e.rect.top; r <= e.rect.bottom; r++) e.sheet.rowHeights.set(r, v);
    }, "1.2");
  }
  get horizontalAlignment(): string {
    return fail("PropertyNotLoaded", "format.horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.range.cellsCommand("format.horizontalAlignment", v, (cell) => (cell.format.horizontalAlignment = v));
  }
  get verticalAlignment(): string {
    return fail("PropertyNotLoaded", "format.verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.range.cellsCommand("format.verticalAlignment", v, (cell) => (cell.format.verticalAlignment = v));
  }
  get wrapText(): boolean {
    return fail("PropertyNotLoaded", "format.wrapText");
  }
  set wrapText(v: boolean) {
    this.range.cellsCommand("format.wrapText", v, (cell) => (cell.format.wrapText = v));
  }
  get indentLevel(): number {
    return fail("PropertyNotLoaded", "format.indentLevel");
  }
  set indentLevel(v: number) {
    this.range.cellsCommand("format.indentLevel", v, (cell) => (cell.format.indentLevel = v), "1.9");
  }
  get font(): XRangeFont {
    const range = this.range;
    const prop = <K extends "name" | "size" | "bold" | "italic" | "color">(k: K) => ({
      get(): never {
        return fail("PropertyNotLoaded", `format.font.${k}`);
      },
      set(v: unknown): void {
        range.cellsCommand(`format.font.${k}`, v, (cell) => {
          (cell.format.font as Record<string, unknown>)[k] = v;
        });
      },
    });
    const font = {} as XRangeFont;
    for (const k of ["name", "size", "bold", "italic", "color"] as const) Object.defineProperty(font, k, prop(k));
    return font;
  }
  get fill(): XRangeFill {
    const range = this.range;
    return {
      get color(): string {
        return fail("PropertyNotLoaded", "format.fill.color");
      },
      set color(v: string) {
        range.cellsCommand("format.fill.color", v, (cell) => (cell.format.fill = v));
      },
    };
  }
  get borders(): XRangeBorderCollection {
    const range = this.range;
    return {
      getItem(index: string): XRangeBorder {
        return new FakeRangeBorder(range, index);
      },
    };
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];

class FakeRangeBorder implements XRangeBorder {
  constructor(
    private readonly range: FakeRange,
    private readonly index: string,
  ) {
    if (!EDGES.includes(index)) throw new Error(`fake Excel: border index ${index} not modelled`);
  }
  private apply(name: string, v: string, patch: (b: FakeBorder) => void): void {
    const index = this.index;
    this.range.cellsCommand(`format.borders.${index}.${name}`, v, (cell, e, r, c) => {
      const rows = e.rect.bottom - e.rect.top;
      const cols = e.rect.right - e.rect.left;
      const sides: ("top" | "bottom" | "left" | "right")[] = [];
      if (index === "EdgeTop" && r === 0) sides.push("top");
      if (index === "EdgeBottom" && r === rows) sides.push("bottom");
      if (index === "EdgeLeft" && c === 0) sides.push("left");
      if (index === "EdgeRight" && c === cols) sides.push("right");
      if (index === "InsideHorizontal") {
        if (r > 0) sides.push("top");
        if (r < rows) sides.push("bottom");
      }
      if (index === "InsideVertical") {
        if (c > 0) sides.push("left");
        if (c < cols) sides.push("right");
      }
      for (const side of sides) {
        const b = (cell.format.borders[side] ??= { style: "Continuous", weight: "Thin" });
        patch(b);
      }
    });
  }
  get style(): string {
    return fail("PropertyNotLoaded", "border.style");
  }
  set style(v: string) {
    this.apply("style", v, (b) => (b.style = v));
  }
  get weight(): string {
    return fail("PropertyNotLoaded", "border.weight");
  }
  set weight(v: string) {
    this.apply("weight", v, (b) => (b.weight = v));
  }
}

export { FakeContextBase };
