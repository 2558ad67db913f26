/** Sheet-qualified references: "'Site A'!B2", the form findings and figures use to point at a cell. */
import { absoluteArea, cellAddress, formatArea, topLeft } from "./a1";
import type { Area } from "./grid";
import { quoteSheet } from "./sheet-name";

/** "Sheet!B2:C4" with the sheet quoted as Excel quotes it. */
export function location(sheet: string, area: Area): string {
  return `${quoteSheet(sheet)}!${formatArea(area)}`;
}

/** "Sheet!$B$2:$C$4", the form Excel stores a name's reference in. */
export function absoluteLocation(sheet: string, area: Area): string {
  return `${quoteSheet(sheet)}!${absoluteArea(area)}`;
}

/** "Sheet!B2" for the cell at (dr, dc) inside a range that starts at `address` on `sheet`. */
export function locate(sheet: string | null, address: string | null, dr = 0, dc = 0): string | null {
  return locator(sheet, address)(dr, dc);
}

/** `locate` for many cells of one range: the sheet is quoted and the corner parsed once. */
export function locator(
  sheet: string | null,
  address: string | null,
): (dr: number, dc: number) => string | null {
  const tl = sheet === null || address === null ? null : topLeft(address);
  if (tl === null || sheet === null) return () => null;
  const prefix = `${quoteSheet(sheet)}!`;
  return (dr, dc) => prefix + cellAddress(tl.row + dr, tl.col + dc);
}
