/**
 * The fake `Excel` entry point: run() with a fresh request context (and the final sync Excel.run makes
 * when commands are still queued, and its release request for ranges still tracked), and
 * isSetSupported() answering from the configured API version.
 */
import type { ExcelEntry, XRequestContext } from "../../../src/workbook/office/excel-api";
import { FakeRequestContext } from "./objects";
import { FakeRuntime, type FakeLimits } from "./runtime";
import { snapshot, type FakeWorkbook } from "./state";

export interface FakeExcelOptions {
  /** Highest ExcelApi version supported (default "1.17"). */
  readonly apiVersion?: string;
  readonly limits?: Partial<FakeLimits>;
}

export const FIVE_MB = 5 * 1024 * 1024;

export class FakeExcel implements ExcelEntry {
  readonly runtime: FakeRuntime;

  constructor(wb: FakeWorkbook, options: FakeExcelOptions = {}) {
    this.runtime = new FakeRuntime(wb, options.apiVersion ?? "1.17", {
      requestBytes: FIVE_MB,
      responseBytes: FIVE_MB,
      cellsPerRead: 5_000_000,
      ...options.limits,
    });
  }

  get workbook(): FakeWorkbook {
    return this.runtime.wb;
  }

  async run<T>(options: { delayForCellEdit: boolean }, batch: (context: XRequestContext) => Promise<T>): Promise<T> {
    this.runtime.runs.push({ ...options });
    const context = new FakeRequestContext(this.runtime);
    context.autoTrack = true;
    try {
      const result = await batch(context);
      // Excel.run syncs once more only when commands are still pending.
      if (context.queue.length > 0) await context.sync();
      return result;
    } finally {
      // …and, success or failure, once more to release the ranges it still tracks (proxy.ts, autoTrack).
      if (context.tracked.size > 0) this.runtime.release(context.tracked.size);
    }
  }

  /** A context outside run(), for tests of the fake itself. */
  context(): FakeRequestContext {
    return new FakeRequestContext(this.runtime);
  }

  isSetSupported(set: "ExcelApi", version: string): boolean {
    return set === "ExcelApi" && this.runtime.supports(version);
  }

  snapshot(): unknown {
    return snapshot(this.runtime.wb);
  }
}
