/**
 * The one seam between the pane and its host: where the WorkbookHost comes from, what Office says
 * about the user (display language, theme), and how a cell is selected. It is always the Office
 * adapter over the page's global `Excel` and `Office` (reading, writing and selecting all go through
 * src/workbook/office): in Excel, Office.js; in the end-to-end test, the fake Excel served in place of
 * Office.js (tests/e2e/fake-office.ts). Component tests pass a host to <Pane> directly.
 */
import { splitSheetRef } from "../sheet-ref";
import { createOfficeHost, realExcelEntry, selectLocation } from "../workbook/office";
import type { WorkbookHost } from "../workbook/types";

export type PaneTheme = "light" | "dark";

export interface PaneHost {
  readonly workbook: WorkbookHost;
  /** Office's display language, e.g. "zh-HK", "en-US". */
  readonly displayLanguage: string;
  readonly theme: PaneTheme;
  /** Selects a cell or range given as "Sheet!B2" or "'Site A'!B2:C4". */
  selectCell(location: string): Promise<void>;
}

/** Splits "'Site A'!B2" into the sheet and the address; a bare address has no sheet. */
export function splitLocation(location: string): { sheet: string | null; address: string } {
  const split = splitSheetRef(location);
  return split ? { sheet: split.sheet, address: split.area } : { sheet: null, address: location };
}

/** Office's theme to light or dark: a dark body background means a dark theme. */
export function themeOf(bodyBackgroundColor: string | undefined): PaneTheme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(bodyBackgroundColor ?? "")?.[1];
  if (!hex) return "light";
  const n = parseInt(hex, 16);
  const luminance = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return luminance < 128 ? "dark" : "light";
}

/** The pane's host over the page's Office.js (or the fake in its place). */
export async function connectHost(): Promise<PaneHost> {
  if (typeof Office === "undefined")
    throw new Error("Office.js is not loaded: open the add-in inside Excel.");
  await Office.onReady();
  const ctx = Office.context;
  const excel = realExcelEntry();
  return {
    workbook: createOfficeHost(excel),
    displayLanguage: ctx.displayLanguage ?? "en-US",
    theme: themeOf(ctx.officeTheme?.bodyBackgroundColor),
    selectCell: (location) => selectLocation(excel, location),
  };
}
