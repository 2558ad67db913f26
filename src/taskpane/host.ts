/**
 * The one seam between the pane and its host: where the WorkbookHost comes from, what Office says
 * about the user (display language, theme), and how a cell is selected. In Excel it is the Office
 * adapter over the global `Excel`; a test page (tests/e2e) provides `globalThis.esgPaneHost` instead.
 */
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

/** Builds a WorkbookHost over the global Excel: set by the entry point once the Office adapter is wired. */
export type OfficeWorkbookFactory = () => WorkbookHost;

let officeWorkbookFactory: OfficeWorkbookFactory | null = null;

export function setOfficeWorkbookFactory(factory: OfficeWorkbookFactory): void {
  officeWorkbookFactory = factory;
}

declare global {
  // Provided by a test page before the bundle runs (tests/e2e/fake-office.ts).
  var esgPaneHost: PaneHost | undefined;
}

/** Splits "'Site A'!B2" into the sheet and the address; a bare address has no sheet. */
export function splitLocation(location: string): { sheet: string | null; address: string } {
  const bang = location.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: location };
  let sheet = location.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: location.slice(bang + 1) };
}

/** Office's theme to light or dark: a dark body background means a dark theme. */
export function themeOf(bodyBackgroundColor: string | undefined): PaneTheme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(bodyBackgroundColor ?? "")?.[1];
  if (!hex) return "light";
  const n = parseInt(hex, 16);
  const luminance = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return luminance < 128 ? "dark" : "light";
}

async function selectInExcel(location: string): Promise<void> {
  const { sheet, address } = splitLocation(location);
  await Excel.run(async (context) => {
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The pane's host: the test page's if it provides one, else Office's. */
export async function connectHost(): Promise<PaneHost> {
  const injected = globalThis.esgPaneHost;
  if (injected) return injected;
  if (typeof Office === "undefined") throw new Error("Office.js is not loaded: open the add-in inside Excel.");
  await Office.onReady();
  if (!officeWorkbookFactory) throw new Error("No Office workbook adapter is registered.");
  const ctx = Office.context;
  return {
    workbook: officeWorkbookFactory(),
    displayLanguage: ctx.displayLanguage ?? "en-US",
    theme: themeOf(ctx.officeTheme?.bodyBackgroundColor),
    selectCell: selectInExcel,
  };
}
