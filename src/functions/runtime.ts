/**
 * The one place that touches the `CustomFunctions` global of Excel's custom-functions runtime.
 * The project does not depend on @types/custom-functions-runtime, so the little it uses is typed here.
 *
 * office.js creates `CustomFunctions` at once with `associate`, `_association` and
 * `delayInitialization` only (@microsoft/office-js dist/office.debug.js, `var CustomFunctions`);
 * `CustomFunctions.Error` arrives later with the host script that office.js loads asynchronously
 * (excel-web-16.00.debug.js / excel-win32-16.01.debug.js: `window.CustomFunctions.Error =
 * CFRuntime.CustomFunctionError`). functions.js is a deferred script and usually runs before that,
 * so nothing here may need `Error` at load: the runtime is recognised by `associate`, and `Error` is
 * looked up each time an error is made (a function runs only once Excel has loaded its host script).
 */
import type { CellFault } from "./errors";

/** What Excel shows for a fault: an instance of `CustomFunctions.Error` (CustomFunctionsRuntime 1.2). */
export type ExcelError = object;

type ErrorConstructor = new (code?: string, message?: string) => ExcelError;

/** What the bundle needs at load: the metadata plugin's appended calls use `associate` only. */
export interface CustomFunctionsAssociate {
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

function global(): { associate?: unknown; Error?: unknown } | undefined {
  const g: unknown = (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  return typeof g === "object" && g !== null ? (g as { associate?: unknown; Error?: unknown }) : undefined;
}

/** The page's `CustomFunctions` when it can associate functions (office.js has made it), else undefined. */
function runtime(): CustomFunctionsAssociate | undefined {
  const g = global();
  return g && typeof g.associate === "function" ? (g as CustomFunctionsAssociate) : undefined;
}

/** `CustomFunctions.Error` once the host script has defined it, else undefined. */
function errorConstructor(): ErrorConstructor | undefined {
  const ctor = global()?.Error;
  return typeof ctor === "function" ? (ctor as ErrorConstructor) : undefined;
}

/**
 * The runtime's `CustomFunctions`, or a stand-in whose `associate` does nothing when the bundle runs
 * in a page without office.js (the task pane opened in a plain browser, a test). functions.ts binds
 * this to a local `CustomFunctions` so that the `CustomFunctions.associate(...)` calls the metadata
 * plugin's loader appends to that file resolve to it instead of throwing a ReferenceError
 * (custom-functions-metadata-plugin lib/loader.js).
 */
export function runtimeOrStandIn(): CustomFunctionsAssociate {
  return runtime() ?? { associate: () => undefined };
}

class StandInError {
  constructor(
    readonly code?: string,
    readonly message?: string,
  ) {}
}

/** Whether a thrown or returned value is an error object made by `toExcelError`. */
export function isExcelError(e: unknown): e is ExcelError {
  const Ctor = errorConstructor();
  return (Ctor !== undefined && e instanceof Ctor) || e instanceof StandInError;
}

/**
 * Converts a fault to the error object Excel displays. Excel shows a custom message only for #VALUE!
 * and #N/A (docs/excel/custom-functions-errors.md), so the others are created without one.
 */
export function toExcelError(fault: CellFault): ExcelError {
  const Ctor = errorConstructor() ?? StandInError;
  return fault.code === "#VALUE!" || fault.code === "#N/A"
    ? new Ctor(fault.code, fault.message)
    : new Ctor(fault.code);
}
