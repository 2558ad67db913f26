/**
 * The one place that touches the `CustomFunctions` global of Excel's custom-functions runtime.
 * The project does not depend on @types/custom-functions-runtime, so the little it uses is typed here.
 */
import type { CellFault } from "./errors";

/** What Excel shows for a fault: an instance of `CustomFunctions.Error` (CustomFunctionsRuntime 1.2). */
export type ExcelError = object;

export interface CustomFunctionsGlobal {
  readonly Error: new (code?: string, message?: string) => ExcelError;
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

function lookup(): CustomFunctionsGlobal | undefined {
  const g = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  return g && typeof g.Error === "function" ? g : undefined;
}

/**
 * The runtime's `CustomFunctions`, or a stand-in whose `associate` does nothing when the bundle runs
 * in a page without it (the task pane opened in a plain browser, or the end-to-end test's fake
 * office.js). functions.ts binds this to a local `CustomFunctions` so that the
 * `CustomFunctions.associate(...)` calls the metadata plugin's loader appends to that file resolve to
 * it instead of throwing a ReferenceError (custom-functions-metadata-plugin lib/loader.js).
 */
export function runtimeOrStandIn(): CustomFunctionsGlobal {
  return (
    lookup() ?? {
      Error: StandInError,
      associate: () => undefined,
    }
  );
}

class StandInError {
  constructor(
    readonly code?: string,
    readonly message?: string,
  ) {}
}

/** Whether a thrown or returned value is an error object made by `toExcelError`. */
export function isExcelError(e: unknown): e is ExcelError {
  const Ctor = lookup()?.Error;
  return (Ctor !== undefined && e instanceof Ctor) || e instanceof StandInError;
}

/**
 * Converts a fault to the error object Excel displays. Excel shows a custom message only for #VALUE!
 * and #N/A (docs/excel/custom-functions-errors.md), so the others are created without one.
 */
export function toExcelError(fault: CellFault): ExcelError {
  const Ctor = lookup()?.Error ?? StandInError;
  return fault.code === "#VALUE!" || fault.code === "#N/A"
    ? new Ctor(fault.code, fault.message)
    : new Ctor(fault.code);
}
