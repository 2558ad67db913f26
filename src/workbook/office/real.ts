/**
 * The real entry point: the global `Excel.run` and `Office.context.requirements.isSetSupported`.
 * Passing `context` to a batch typed with XRequestContext is also the compile-time proof that the
 * narrow types of excel-api.ts match @types/office-js.
 */
import type { ExcelEntry, XRequestContext } from "./excel-api";

export function realExcelEntry(): ExcelEntry {
  return {
    run<T>(options: { delayForCellEdit: boolean }, batch: (context: XRequestContext) => Promise<T>): Promise<T> {
      return Excel.run(options, (context: Excel.RequestContext) => batch(context));
    },
    isSetSupported(set: "ExcelApi", version: string): boolean {
      return Office.context.requirements.isSetSupported(set, version);
    },
  };
}
