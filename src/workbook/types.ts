import type { HistoryEntry, SheetModel, WorkbookRead } from "../esg/types";

/** What a write did: the sheets written and the generated sheets it replaced. */
export interface WriteResult {
  readonly written: readonly string[];
  readonly replaced: readonly string[];
}

/**
 * A workbook host: the only seam between the engine and a workbook. Two adapters implement it —
 * `xlsx/` over ExcelJS (the command line, tests) and `office/` over the Excel JavaScript API — and
 * one contract suite (tests/workbook/contract.ts) runs against both.
 */
export interface WorkbookHost {
  readonly kind: "xlsx" | "office";
  /** Every defined name (workbook- and sheet-scoped, built-ins flagged) with its values, and the sheets. */
  read(): Promise<WorkbookRead>;
  /**
   * Write sheet models, replacing only sheets that carry the generated marker, and append the entry to
   * the history. All or nothing: a failure leaves the workbook as it was.
   */
  write(sheets: readonly SheetModel[], history: HistoryEntry): Promise<WriteResult>;
  /**
   * Writes one value into one of the user's cells ("Sheet!B4"), e.g. a GridRegion chosen in the pane.
   * Only the Office host offers it (the command line never edits the user's data).
   */
  writeCell?(location: string, value: string | number): Promise<void>;
}
