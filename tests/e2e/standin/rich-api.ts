/**
 * The stand-in host's RichApi endpoint: executes the `ProcessQuery` batches Microsoft's office.js posts
 * (excel-web-16.00.js, one per `context.sync()`) against the strict fake of tests/fakes/excel. The fake is
 * the model (workbook state, calculator, requirement sets, fault switch, PropertyNotLoaded rules); this
 * file only translates the wire format into calls on the fake's proxies and the fake's loaded data back
 * into the wire format. Nothing of Excel's behaviour is decided here beyond the wire format itself.
 *
 * Wire format (read from office-js 1.1.110, excel-web-16.00.debug.js; ../shared/reference/office-js-protocol.md):
 * - ObjectPathType 1 global object (the Workbook), 3 method, 4 property, 5 indexer, 6 reference id,
 *   7 null object (ObjectPathFactory, ≈ line 17585; _updateAsNullObject).
 * - ActionType 1 Instantiate, 2 Query, 3 Method, 4 SetProperty, 5 Trace (ActionFactory, CommonActionFactory).
 * - Results keyed by action id, properties PascalCase, collections as `_Items`; a child item without an
 *   id is addressed by the client as `GetItemAt(index)` (createChildItemObjectPathUsingGetItemAt), one
 *   with `_ReferenceId` by a reference-id path (ObjectPath.updateUsingObjectData).
 * - An error: `{"Error": {"Code", "Message", "HttpStatusCode"}}` becomes a RichApi.Error with that code.
 *
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded; docs concepts/resource-limits-and-performance-optimization.md);
 * every body is measured here in UTF-8 bytes and refused past that.
 */
import { formatArea as rectAddress } from "../../../src/sheet-ref";
import { FakeOfficeError } from "../../fakes/excel/errors";
import { FIVE_MB, type FakeExcel } from "../../fakes/excel/excel";
import { FakeRange, FakeWorksheet, FakeNamedItem, type FakeRequestContext } from "../../fakes/excel/objects";
import { FakeProxy } from "../../fakes/excel/proxy";
import type { Command } from "../../fakes/excel/runtime";

export interface WireArguments {
  Arguments?: unknown[];
  /** Per argument: the id of the object path passed there, 0 for a plain value. */
  ReferencedObjectPathIds?: number[];
}

export interface WireObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: WireArguments;
}

export interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: WireArguments;
  QueryInfo?: { Select?: string[] | null; Expand?: string[] | null; Top?: number; Skip?: number };
}

export interface WireRequest {
  Actions: WireAction[];
  ObjectPaths: Record<string, WireObjectPath>;
}

/**
 * HTTP status the stand-in sends with each error code: the statuses of the same conditions in Excel's
 * workbook API over Microsoft Graph (learn.microsoft.com/graph/workbook-error-codes: 400 bad request,
 * 403, 404 not found, 409 conflict, 413 payload too large, 500). office.js only passes it on as
 * `RichApi.Error.httpStatusCode`; the `code` is what the add-in reads.
 */
const STATUS: Record<string, number> = {
  InvalidArgument: 400,
  InvalidOperation: 400,
  InvalidReference: 400,
  ItemAlreadyExists: 409,
  ItemNotFound: 404,
  ApiNotFound: 404,
  PropertyNotLoaded: 400,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
  AccessDenied: 403,
  GeneralException: 500,
};

const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** What one sync cost on the wire. */
export interface Exchange {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  /** A call on office.js's internal services (ready notices, custom-function results), not the workbook. */
  readonly service: boolean;
  /** Only releases tracked objects (`_RemoveReference`), as office.js does at the end of an Excel.run. */
  readonly releaseOnly: boolean;
  readonly error?: string;
}

/** A tracked object (`context.trackedObjects.add`): found again by what it is, not by the path that made it. */
type Recipe = (ctx: FakeRequestContext) => unknown;

class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class RichApiEndpoint {
  readonly exchanges: Exchange[] = [];
  /** Anything the adapter could not translate (a test asserts it stays empty). */
  readonly unsupported: string[] = [];
  private readonly references = new Map<string, Recipe>();
  private nextReference = 1;

  /**
   * @param limitBytes Largest request or response accepted: 5 MB as on the web. A bench may lift it to
   *   measure a run Excel on the web would refuse (the exchanges still show every size).
   */
  constructor(
    readonly excel: FakeExcel,
    readonly limitBytes: number = FIVE_MB,
  ) {}

  get maxRequestBytes(): number {
    return Math.max(0, ...this.exchanges.map((e) => e.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.exchanges.map((e) => e.responseBytes));
  }

  /** Handles one ProcessQuery body; returns the response body text. */
  async process(body: string): Promise<string> {
    const requestBytes = Buffer.byteLength(body, "utf8");
    let service = false;
    let releaseOnly = false;
    const answer = (text: string, actions: number, error?: string): string => {
      const responseBytes = Buffer.byteLength(text, "utf8");
      if (responseBytes > this.limitBytes && !error) {
        const refused = errorBody(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size (${responseBytes} bytes) exceeded the limit.`,
        );
        this.exchanges.push({
          requestBytes,
          responseBytes,
          actions,
          service,
          releaseOnly,
          error: "ResponsePayloadSizeLimitExceeded",
        });
        return refused;
      }
      this.exchanges.push({
        requestBytes,
        responseBytes,
        actions,
        service,
        releaseOnly,
        ...(error ? { error } : {}),
      });
      return text;
    };
    if (requestBytes > this.limitBytes) {
      const code = "RequestPayloadSizeLimitExceeded";
      return answer(
        errorBody(code, `The request payload size (${requestBytes} bytes) exceeded the limit.`),
        0,
        code,
      );
    }
    const request = JSON.parse(body) as WireRequest;
    service = Object.values(request.ObjectPaths ?? {}).some((p) => p.ObjectPathType === 2);
    releaseOnly =
      request.Actions.some((a) => a.Name === "_RemoveReference") &&
      request.Actions.every((a) => a.ActionType === 1 || a.Name === "_RemoveReference");
    try {
      const results = await new Batch(this, request).run();
      return answer(JSON.stringify({ Results: results }), request.Actions.length);
    } catch (e: unknown) {
      if (e instanceof FakeOfficeError || e instanceof WireError) {
        return answer(errorBody(e.code, e.message), request.Actions.length, e.code);
      }
      throw e;
    }
  }

  /** Calls office.js made on its internal services (service, method, arguments), in order. */
  readonly serviceCalls: { service: string; method: string; args: unknown[] }[] = [];

  /** An internal service object: every method call is recorded and answered with nothing. */
  service(name: string): Record<string, unknown> {
    const calls = this.serviceCalls;
    return new Proxy({} as Record<string, unknown>, {
      get: (_t, method) =>
        typeof method === "string"
          ? (...args: unknown[]) => void calls.push({ service: name, method, args })
          : undefined,
    });
  }

  /** References kept and not yet released (AutoKeepReference / trackedObjects). */
  get liveReferences(): number {
    return this.references.size;
  }

  keep(recipe: Recipe): string {
    const id = `standin-ref-${this.nextReference++}`;
    this.references.set(id, recipe);
    return id;
  }

  recipe(id: string): Recipe | undefined {
    return this.references.get(id);
  }

  release(id: string): void {
    this.references.delete(id);
  }
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ Error: { Code: code, Message: message, HttpStatusCode: STATUS[code] ?? 500 } });
}

/** The global object of Excel's RichApi is the Workbook; the Application hangs off it. */
function globalObject(ctx: FakeRequestContext): Record<string, unknown> {
  return { worksheets: ctx.workbook.worksheets, names: ctx.workbook.names, application: ctx.application };
}

/** One request: its object paths resolved to the fake's proxies in a fresh request context, one fake sync. */
class Batch {
  private readonly ctx: FakeRequestContext;
  private readonly objects = new Map<number, unknown>();
  private readonly instantiated = new Map<number, () => unknown>();
  private readonly queried: { action: WireAction; target: unknown; select: string[]; expand: string[] }[] =
    [];
  /** Objects kept (tracked) in this request, by object path id. */
  private readonly kept = new Map<number, string>();

  constructor(
    private readonly endpoint: RichApiEndpoint,
    private readonly request: WireRequest,
  ) {
    this.ctx = endpoint.excel.context();
  }

  private path(id: number): WireObjectPath {
    const p = this.request.ObjectPaths[String(id)];
    if (!p) throw new WireError("InvalidArgument", `stand-in: object path ${id} is not in the request`);
    return p;
  }

  private args(info: WireArguments | undefined): unknown[] {
    const values = [...(info?.Arguments ?? [])];
    (info?.ReferencedObjectPathIds ?? []).forEach((ref, i) => {
      if (ref) values[i] = this.resolve(ref);
    });
    return values;
  }

  private unsupported(what: string): never {
    this.endpoint.unsupported.push(what);
    throw new WireError("InvalidArgument", `stand-in: ${what} is not modelled`);
  }

  /** The fake object an object path names (cached: one proxy per path per request). */
  resolve(id: number): unknown {
    if (this.objects.has(id)) return this.objects.get(id);
    const p = this.path(id);
    let value: unknown;
    switch (p.ObjectPathType) {
      case 1:
        value = globalObject(this.ctx);
        break;
      case 2:
        // A new object: office.js's internal services (AddinInternalService, ExcelServices.CustomFunctions).
        value = this.endpoint.service(p.Name);
        break;
      case 4: {
        const parent = this.resolve(p.ParentObjectPathId ?? 0) as Record<string, unknown>;
        const key = camel(p.Name);
        if (!(key in (parent as object))) this.unsupported(`property ${p.Name}`);
        value = parent[key];
        break;
      }
      case 3:
      case 5: {
        const parent = this.resolve(p.ParentObjectPathId ?? 0) as Record<string, unknown>;
        const args = this.args(p.ArgumentInfo);
        value =
          p.ObjectPathType === 5 ? this.call(parent, "getItem", args) : this.method(parent, p.Name, args);
        break;
      }
      case 6: {
        const recipe = this.endpoint.recipe(p.Name);
        if (!recipe)
          throw new WireError("InvalidReference", `The object reference ${p.Name} is no longer valid.`);
        value = recipe(this.ctx);
        break;
      }
      case 7:
        throw new WireError("InvalidArgument", "The object is a null object.");
      default:
        this.unsupported(`object path type ${p.ObjectPathType}`);
    }
    this.objects.set(id, value);
    return value;
  }

  private call(target: Record<string, unknown>, name: string, args: unknown[]): unknown {
    const f = target[name];
    if (typeof f !== "function") this.unsupported(`method ${name}`);
    return (f as (...a: unknown[]) => unknown).apply(target, args);
  }

  /** A method path: GetItemAt(i) (how office.js addresses a loaded item without an id) becomes getItem(key). */
  private method(parent: Record<string, unknown>, name: string, args: unknown[]): unknown {
    if (parent instanceof FakeRange && (name === "GetRow" || name === "GetBoundingRect")) {
      return this.rangeGeometry(parent, name, args);
    }
    if (name === "GetItemAt") {
      const index = Number(args[0]);
      const wb = this.ctx.runtime.wb;
      if ((parent as unknown) === this.ctx.workbook.worksheets) {
        const sheet = wb.sheets[index];
        if (!sheet) throw new WireError("ItemNotFound", `No worksheet at ${index}.`);
        return this.call(parent, "getItem", [sheet.id]);
      }
      if (parent instanceof FakeProxy && "getItemOrNullObject" in parent) {
        // A names collection: its list is the workbook's or a sheet's.
        const owner = (
          parent as unknown as { resolveNow(): { sheet: { names: { name: string }[] } | null } | null }
        ).resolveNow();
        const list = owner?.sheet ? owner.sheet.names : wb.names;
        const item = list[index];
        if (!item) throw new WireError("ItemNotFound", `No name at ${index}.`);
        return this.call(parent, "getItem", [item.name]);
      }
      // A collection addressed by position in the fake too (a chart's series, a series' points).
      if (typeof parent.getItemAt === "function") return this.call(parent, "getItemAt", args);
      this.unsupported("GetItemAt on this collection");
    }
    return this.call(parent, camel(name), args);
  }

  /**
   * Range.getRow(i) and Range.getBoundingRect(other): office.js writes a values/formulas/numberFormat
   * array of more than 1,500 cells in slices of rows, each addressed as
   * `range.getRow(first).getBoundingRect(range.getRow(last))` after `_ValidateArraySize(rows, columns)`
   * (setRangePropertiesInBulk, excel-web-16.00.debug.js ≈ 26483). The fake has no such methods; the slice is
   * a range of the same sheet, found when the batch runs like every fake range.
   */
  private rangeGeometry(parent: FakeRange, name: string, args: unknown[]): FakeRange {
    const other = name === "GetBoundingRect" ? args[0] : null;
    if (other !== null && !(other instanceof FakeRange)) this.unsupported("getBoundingRect with a non-range");
    return new FakeRange(
      this.ctx,
      () => {
        const e = parent.resolveNow();
        if (!e) return null;
        if (other === null) {
          const row = e.rect.top + Number(args[0]);
          if (row > e.rect.bottom) throw new FakeOfficeError("InvalidArgument", `getRow(${String(args[0])})`);
          return { sheet: e.sheet, rect: { ...e.rect, top: row, bottom: row } };
        }
        const o = other.entity();
        if (o.sheet !== e.sheet)
          throw new FakeOfficeError("InvalidArgument", "getBoundingRect across sheets");
        const rect = {
          top: Math.min(e.rect.top, o.rect.top),
          left: Math.min(e.rect.left, o.rect.left),
          bottom: Math.max(e.rect.bottom, o.rect.bottom),
          right: Math.max(e.rect.right, o.rect.right),
        };
        return { sheet: e.sheet, rect };
      },
      false,
      `${name}(${JSON.stringify(args.filter((x) => !(x instanceof FakeRange)))})`,
      true,
    );
  }

  /** Queues a step that runs inside the fake's sync, in order with the fake's own commands. */
  private step(label: string, run: () => void): void {
    const cmd: Command = { label: `standin:${label}`, mutates: false, bytes: 0, run: () => void run() };
    this.ctx.enqueue(cmd);
  }

  private act(a: WireAction): void {
    switch (a.ActionType) {
      case 1: {
        const target = this.resolve(a.ObjectPathId);
        const orNull = /OrNullObject$/.test(this.path(a.ObjectPathId).Name);
        let value: unknown = {};
        this.step(`instantiate ${a.ObjectPathId}`, () => {
          if (target instanceof FakeProxy) {
            const entity: unknown = target.resolveNow();
            if (entity === null) {
              if (!orNull) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
              value = null;
            } else value = identity(target);
          }
        });
        this.instantiated.set(a.Id, () => value);
        return;
      }
      case 2: {
        const target = this.resolve(a.ObjectPathId);
        const select = (a.QueryInfo?.Select ?? []).filter((s) => s !== "");
        const expand = (a.QueryInfo?.Expand ?? []).filter((s) => s !== "");
        if (!(target instanceof FakeProxy)) this.unsupported(`a query on ${this.path(a.ObjectPathId).Name}`);
        const load = this.loadPaths(target, select, expand);
        if (load.length > 0) target.load(load.join(","));
        else if (!(
          target instanceof FakeRange ||
          target instanceof FakeWorksheet ||
          target instanceof FakeNamedItem
        )) {
          this.unsupported("a query without Select");
        }
        this.queried.push({ action: a, target, select, expand });
        return;
      }
      case 3: {
        const target = this.resolve(a.ObjectPathId) as Record<string, unknown>;
        if (a.Name === "_KeepReference") {
          // Inside the sync: the object may be made by an earlier action of this batch (worksheets.add).
          this.step(`keep ${a.ObjectPathId}`, () =>
            this.kept.set(a.ObjectPathId, this.endpoint.keep(recipeFor(target))),
          );
          return;
        }
        if (a.Name === "_RemoveReference") {
          // Sent on the global object with the reference id (when an Excel.run with tracked objects ends).
          this.endpoint.release(String(a.ArgumentInfo?.Arguments?.[0] ?? ""));
          return;
        }
        if (a.Name === "_ValidateArraySize" && target instanceof FakeRange) {
          const [rows, columns] = this.args(a.ArgumentInfo).map(Number);
          this.step(`validate array size ${a.ObjectPathId}`, () => {
            const { rect } = target.entity();
            if (rect.bottom - rect.top + 1 !== rows || rect.right - rect.left + 1 !== columns) {
              throw new FakeOfficeError(
                "InvalidArgument",
                "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
              );
            }
          });
          return;
        }
        this.call(target, camel(a.Name), this.args(a.ArgumentInfo));
        return;
      }
      case 4: {
        const target = this.resolve(a.ObjectPathId) as Record<string, unknown>;
        const [value] = this.args(a.ArgumentInfo);
        const key = camel(a.Name);
        if (!hasSetter(target, key)) this.unsupported(`setting ${a.Name}`);
        target[key] = value;
        return;
      }
      case 5:
        return; // Trace: nothing to do.
      default:
        this.unsupported(`action type ${a.ActionType} (${a.Name})`);
    }
  }

  /**
   * The fake's load paths for a Query: a collection's Select entries are per item ("name" → "items/name",
   * "names/name" → "items/names/items/name"); an object's are its own properties.
   */
  private loadPaths(target: FakeProxy<unknown>, select: string[], expand: string[]): string[] {
    if (!isCollection(target)) {
      if (expand.length > 0) this.unsupported(`Expand ${expand.join(",")} on an object`);
      return select.map((s) => (s.includes("/") ? this.unsupported(`nested Select ${s} on an object`) : s));
    }
    const paths = select.map((s) => {
      const parts = s.split("/").filter((x) => x !== "items");
      return parts.length === 1 ? `items/${parts[0]}` : `items/${parts[0]}/items/${parts.slice(1).join("/")}`;
    });
    for (const e of expand) {
      const nav = e.split("/").filter((x) => x !== "items");
      if (!paths.some((p) => p.startsWith(`items/${nav.join("/items/")}/`)))
        this.unsupported(`Expand ${e} without a Select under it`);
    }
    return paths;
  }

  async run(): Promise<{ ActionId: number; Value: unknown }[]> {
    for (const a of this.request.Actions) this.act(a);
    // A request to an internal service does not touch the workbook: no sync of the model.
    const service = Object.values(this.request.ObjectPaths ?? {}).some((p) => p.ObjectPathType === 2);
    if (!service) await this.ctx.sync();
    const results: { ActionId: number; Value: unknown }[] = [];
    for (const a of this.request.Actions) {
      const instantiated = this.instantiated.get(a.Id);
      if (instantiated) {
        const v = instantiated();
        const ref = this.kept.get(a.ObjectPathId);
        results.push({
          ActionId: a.Id,
          Value: v !== null && ref ? { ...(v as object), _ReferenceId: ref } : v,
        });
      }
      const q = this.queried.find((x) => x.action === a);
      if (q) {
        const v = serialize(q.target as FakeProxy<unknown>, q.select);
        const ref = this.kept.get(a.ObjectPathId);
        results.push({
          ActionId: a.Id,
          Value: v !== null && ref ? { ...(v as object), _ReferenceId: ref } : v,
        });
      }
    }
    return results;
  }
}

function isCollection(target: unknown): boolean {
  return target instanceof FakeProxy && "getItem" in target && "items" in target;
}

function hasSetter(target: object, key: string): boolean {
  for (let o: object | null = target; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return typeof d.set === "function" || d.writable === true;
  }
  return false;
}

/** A proxy's loaded properties as the wire carries them: PascalCase, collections as `_Items`. */
function serialize(target: FakeProxy<unknown>, select: string[]): unknown {
  if (target.resolveNow() === null) return null;
  const t = target as unknown as Record<string, unknown>;
  if (isCollection(target)) {
    const items = t.items as FakeProxy<unknown>[];
    const own = select.filter((s) => !s.includes("/"));
    const nested = new Map<string, string[]>();
    for (const s of select.filter((x) => x.includes("/"))) {
      const [nav, ...rest] = s.split("/").filter((x) => x !== "items");
      nested.set(nav, [...(nested.get(nav) ?? []), rest.join("/")]);
    }
    return {
      _Items: items.map((item) => {
        const out = serialize(item, own) as Record<string, unknown>;
        for (const [nav, sub] of nested) {
          out[pascal(nav)] = serialize((item as unknown as Record<string, FakeProxy<unknown>>)[nav], sub);
        }
        return out;
      }),
    };
  }
  // Only what was selected (as in the captured response of office-js-protocol.md); items without an id
  // are then addressed by the client as GetItemAt(index).
  const out: Record<string, unknown> = {};
  for (const s of select) out[pascal(s)] = t[s];
  return out;
}

/**
 * The key office.js reads from an Instantiate result to address the object in later requests (after
 * `worksheets.add()`, whose method path is invalid after the request): `Id` for a Worksheet, `_Id` for a
 * NamedItem (Worksheet / NamedItem `_handleIdResult`, then ObjectPath.updateUsingObjectData turns the
 * path into an indexer on the parent collection). A Range is addressed by `_ReferenceId` once kept.
 */
function identity(target: unknown): Record<string, unknown> {
  if (target instanceof FakeWorksheet) return { Id: target.entity().id };
  if (target instanceof FakeNamedItem) return { _Id: target.entity().item.name };
  return {};
}

/** How a tracked object is found again in a later request: by its sheet id, range address or name. */
function recipeFor(target: unknown): Recipe {
  if (target instanceof FakeWorksheet) {
    const sheet = target.entity();
    return (ctx) => ctx.workbook.worksheets.getItem(sheet.id);
  }
  if (target instanceof FakeRange) {
    const { sheet, rect } = target.entity();
    return (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet.id);
      return ws.getRange(rectAddress(rect));
    };
  }
  if (target instanceof FakeNamedItem) {
    const { item, sheet } = target.entity();
    return (ctx) =>
      (sheet ? ctx.workbook.worksheets.getItem(sheet.id).names : ctx.workbook.names).getItem(item.name);
  }
  throw new WireError("InvalidArgument", "stand-in: only worksheets, ranges and names can be tracked");
}
