/**
 * A script context shaped as Excel's shared runtime is when the add-in's deferred scripts run: the
 * `CustomFunctions` object as office.js creates it, before office.js has loaded its host script.
 *
 * The object is made by office.js's own code, taken from @microsoft/office-js dist/office.debug.js
 * (the `OfficeExt.Association` class and the `var CustomFunctions` block): `associate`,
 * `_association` and `delayInitialization`, and no `Error` — the host script adds that later
 * (excel-web-16.00.debug.js: `window.CustomFunctions.Error = CFRuntime.CustomFunctionError`), which
 * `defineHostError` stands in for.
 */
import { readFileSync } from "fs";
import { createContext, runInContext, type Context } from "vm";

const OFFICE_DEBUG = require.resolve("@microsoft/office-js/dist/office.debug.js");

/** The lines of office.debug.js that define Association and CustomFunctions, run as they are. */
export function officeCustomFunctionsSource(): string {
  const js = readFileSync(OFFICE_DEBUG, "utf8");
  const start = js.search(/\(function \(OfficeExt\) \{\r?\n\s*var Association = \(function \(\) \{/);
  const endMarker = "})(CustomFunctions || (CustomFunctions = {}));";
  const end = js.indexOf(endMarker, start);
  if (start < 0 || end < 0) throw new Error("office.debug.js: the CustomFunctions block was not found");
  return js.slice(start, end + endMarker.length);
}

export interface OfficeRuntimeContext {
  readonly context: Context;
  /** Runs a script in the page, as a <script> element would. */
  run(source: string): unknown;
  /** Function ids associated so far (office.js upper-cases them). */
  associated(): string[];
  /** The function associated with an id. */
  fn(id: string): (...args: unknown[]) => unknown;
}

export function officeRuntimeContext(): OfficeRuntimeContext {
  const context = createContext({ console });
  // A browser page: window and self are the global object.
  runInContext("var window = this; var self = this; var OfficeExt;", context);
  runInContext(officeCustomFunctionsSource(), context, { filename: "office.debug.js" });
  const mappings = (): Record<string, (...args: unknown[]) => unknown> =>
    runInContext("CustomFunctions._association.mappings", context);
  return {
    context,
    run: (source) => runInContext(source, context),
    associated: () => Object.keys(mappings()),
    fn: (id) => {
      const f = mappings()[id.toUpperCase()];
      if (typeof f !== "function") throw new Error(`${id} is not associated`);
      return f;
    },
  };
}

/** What the host script adds once it has loaded: CustomFunctions.Error (and ErrorCode). */
export function defineHostError(page: OfficeRuntimeContext): new (...args: unknown[]) => object {
  return page.run(`
    CustomFunctions.Error = class CustomFunctionError extends Error {
      constructor(code, message) { super(message || ""); this.code = code || "#VALUE!"; }
    };
    CustomFunctions.ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!", nullReference: "#NULL!" };
    CustomFunctions.Error;
  `) as new (...args: unknown[]) => object;
}
