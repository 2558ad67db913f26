/**
 * The fake's request machinery, written from docs/develop/application-specific-api-model.md: every
 * property set, method call and load() is queued on the context and runs, in order, at sync(). A
 * failing command fails the whole sync, and — as in Excel — the commands before it in the batch
 * stay applied (nothing is rolled back); the commands after it never run.
 *
 * Counted per runtime: syncs, request bytes per sync (approximate JSON of the commands and their
 * values, in UTF-8; over 5 MB the request is refused with RequestPayloadSizeLimitExceeded before
 * anything runs), response bytes (UTF-8 JSON of what the loads return; over 5 MB:
 * ResponsePayloadSizeLimitExceeded, and nothing loaded is delivered), and write operations (a fault
 * switch makes the N-th one fail). Both limits are Excel on the web's, for requests and responses
 * alike (docs/concepts/resource-limits-and-performance-optimization.md, payload size limit).
 *
 * Calculation: Excel's default calculation mode is automatic, so after a batch that changed the
 * workbook every formula shows its result (calc.ts). suspendApiCalculationUntilNextSync (ExcelApi
 * 1.6) stops that for the batch: "it is the developer's responsibility to re-calc the workbook"
 * (Excel.Application reference), which Application.calculate() does.
 */
import { recalculate } from "./calc";
import { FakeOfficeError, fail } from "./errors";
import type { FakeWorkbook } from "./state";

export interface Command {
  readonly label: string;
  /** Changes the workbook (counted for the fault switch). */
  readonly mutates: boolean;
  /** Approximate request bytes. */
  readonly bytes: number;
  /** Requirement set version needed, e.g. "1.7". */
  readonly minApi?: string;
  /** Runs at sync; may return loaded data to deliver when the whole sync succeeds. */
  run(): { bytes: number; commit: () => void } | void;
}

/**
 * Request bytes office.js adds per tracked range: an `_KeepReference` Method action and a second
 * Instantiate action (TrackedObjects._addCommon), e.g.
 * {"Id":98802,"ActionType":3,"Name":"_KeepReference","ObjectPathId":98799,"ArgumentInfo":{"Arguments":[]}}
 * — and per released range a `_RemoveReference` action with the reference id. Measured in the bodies
 * office.js sends to tests/e2e/standin.
 */
export const KEEP_REFERENCE_BYTES = 150;
export const REMOVE_REFERENCE_BYTES = 120;
/**
 * The rest of office.js's serialisation, per command of the fake (same source, same bodies):
 * - an object made by a method: its object path and Instantiate action, e.g.
 *   {"Id":14408,"ObjectPathType":3,"Name":"GetItemAt","ParentObjectPathId":6,"ArgumentInfo":{"Arguments":[0]}}
 *   and {"Id":98806,"ActionType":1,"Name":"","ObjectPathId":14408};
 * - a load: a Query action with its Select list and the "L" list of object path ids;
 * - a property set or method call: a SetProperty or Method action with its arguments, plus the property
 *   paths on the way (Format, Font, Borders…);
 * - in the response, each action's result is wrapped as {"ActionId":98804,"Value":…}.
 */
export const OBJECT_PATH_BYTES = 150;
export const QUERY_BYTES = 110;
export const ACTION_BYTES = 100;
/** The property paths of a format command (Format, then Font, Fill or Borders.getItem), shared by the commands on one range. */
export const FORMAT_PATH_BYTES = 70;
export const RESULT_BYTES = 30;

export interface FakeLimits {
  requestBytes: number;
  responseBytes: number;
  /** Cells a range read returns before `values` comes back null (5,000,000 on every platform). */
  cellsPerRead: number;
}

export function versionLE(a: string, b: string): boolean {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

export class FakeRuntime {
  syncs = 0;
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** Write operations executed so far. */
  ops = 0;
  readonly runs: { delayForCellEdit?: boolean }[] = [];
  /** Method calls by label, e.g. "application.suspendScreenUpdatingUntilNextSync". */
  readonly calls = new Map<string, number>();
  /** Unsupported requirement sets, on top of apiVersion (to switch off e.g. only 1.6). */
  readonly unsupported = new Set<string>();
  private fault: { at: number; code: string } | null = null;
  /** Set by suspendApiCalculationUntilNextSync for the batch being executed. */
  calculationSuspended = false;
  /**
   * Refuse a load path through a nested collection (worksheets "items/names/items/name") with
   * InvalidArgument: the documentation shows nested paths on navigation properties but does not
   * promise them through a collection's items, so the adapter must cope if Excel says no.
   */
  refuseNestedCollectionLoads = false;

  constructor(
    readonly wb: FakeWorkbook,
    public apiVersion: string,
    readonly limits: FakeLimits,
  ) {}

  supports(version: string): boolean {
    return versionLE(version, this.apiVersion) && !this.unsupported.has(version);
  }

  /** Makes the n-th write operation from now (1-based) fail with the given code. */
  failAt(n: number, code = "GeneralException"): void {
    this.fault = { at: this.ops + n, code };
  }

  clearFault(): void {
    this.fault = null;
  }

  count(label: string): number {
    return this.calls.get(label) ?? 0;
  }

  /** Requests that only released tracked ranges at the end of a run (counted in syncs too). */
  releases = 0;

  /** The request office.js sends after an Excel.run that left `count` tracked ranges with a reference. */
  release(count: number): void {
    this.releases++;
    this.execute([{ label: `release ${count} tracked ranges`, mutates: false, bytes: count * REMOVE_REFERENCE_BYTES, run: () => undefined }]);
  }

  /** Executes one batch; `tracked` ranges made in it add office.js's keep-reference actions to the request. */
  execute(queue: readonly Command[], tracked = 0): void {
    this.syncs++;
    const bytes = 100 + queue.reduce((n, c) => n + c.bytes, 0) + tracked * KEEP_REFERENCE_BYTES;
    this.requestBytes.push(bytes);
    if (bytes > this.limits.requestBytes) {
      fail("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) exceeded the limit.`);
    }
    const deliveries: (() => void)[] = [];
    let response = 0;
    // Automatic calculation: the results are up to date before anything is read and at the end of the batch.
    let dirty = false;
    this.calculationSuspended = false;
    for (const cmd of queue) {
      if (cmd.minApi && !this.supports(cmd.minApi)) {
        fail("ApiNotFound", `${cmd.label} needs ExcelApi ${cmd.minApi}.`, cmd.label);
      }
      if (cmd.mutates) {
        this.ops++;
        this.calls.set(cmd.label, (this.calls.get(cmd.label) ?? 0) + 1);
        if (this.fault && this.ops === this.fault.at) {
          const code = this.fault.code;
          this.fault = null;
          throw new FakeOfficeError(code, `Injected failure at write operation ${this.ops} (${cmd.label}).`, cmd.label);
        }
      }
      if (!cmd.mutates && dirty && !this.calculationSuspended) {
        recalculate(this.wb);
        dirty = false;
      }
      const out = cmd.run();
      dirty ||= cmd.mutates;
      if (out) {
        response += out.bytes;
        deliveries.push(out.commit);
      }
    }
    // A suspension lasts until the next sync only ("Suspends calculation until the next context.sync() is
    // called", Application.suspendApiCalculationUntilNextSync): after it, automatic calculation resumes
    // and brings the changed cells up to date; only the reads within the suspended batch see stale results.
    if (dirty) recalculate(this.wb);
    this.calculationSuspended = false;
    this.responseBytes.push(response);
    if (response > this.limits.responseBytes) {
      fail("ResponsePayloadSizeLimitExceeded", `The response payload size (${response} bytes) exceeded the limit.`);
    }
    for (const d of deliveries) d();
  }
}

/**
 * Bytes of a value as JSON on the wire, in UTF-8: the 5 MB limits are on payload bytes
 * (resource-limits-and-performance-optimization.md), and a Chinese character is 3 bytes, not 1.
 */
export function jsonSize(v: unknown): number {
  return utf8Length(JSON.stringify(v ?? null));
}

/**
 * UTF-8 length of a string, counted by hand: the fake also runs in the browser
 * (tests/e2e/fake-office.ts) and under jsdom, where neither Buffer nor TextEncoder is a global.
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair: one character of four bytes
      i++;
    } else n += 3;
  }
  return n;
}
