/**
 * The defined names of a written workbook: every name of the input kept exactly as written (only its
 * localSheetId renumbered when sheets move), minus those that belonged to replaced sheets, plus one
 * marker per generated sheet (GENERATED_MARKER_NAME) and the names the sheet models define.
 */
import { GENERATED_MARKER_NAME } from "../../esg/types";
import { absoluteLocation, parseArea, parseRefersTo } from "../../sheet-ref";
import { WorkbookError } from "./errors";
import type { RawDefinedName } from "./workbookPart";

export type NameToWrite =
  /** A name of the input: its element is copied, with the scope moved to the sheet's new position. */
  | { readonly kind: "kept"; readonly raw: RawDefinedName; readonly scopeSheet: string | null }
  | {
      readonly kind: "new";
      readonly name: string;
      readonly scopeSheet: string | null;
      readonly hidden: boolean;
      readonly text: string;
    };

/** A marker name for a generated sheet: hidden, sheet-scoped, constant text "esg:<section>". */
export function markerName(sheet: string, section: string): NameToWrite {
  return {
    kind: "new",
    name: GENERATED_MARKER_NAME,
    scopeSheet: sheet,
    hidden: true,
    text: `"esg:${section.replace(/"/g, '""')}"`,
  };
}

/** A name a sheet model defines (workbook-scoped unless asked), as an absolute reference. */
export function modelName(sheet: string, name: string, address: string, sheetScoped = false): NameToWrite {
  const area = parseArea(address);
  if (!area)
    throw new WorkbookError(
      "write-failed",
      `sheet "${sheet}" defines name "${name}" with an address that is not a range: ${address}`,
    );
  return {
    kind: "new",
    name,
    scopeSheet: sheetScoped ? sheet : null,
    hidden: false,
    text: absoluteLocation(sheet, area),
  };
}

/** The sheet a workbook-scoped name points into, when it is one plain range. */
export function targetSheet(text: string): string | null {
  const p = parseRefersTo(text);
  return p.status === "ok" ? p.area.sheet : null;
}

/**
 * The input's names, keyed to their scope sheet by name rather than position. Names scoped to a removed
 * (replaced generated) sheet go, and so do workbook-scoped names pointing into one: the sheet model that
 * replaces it defines its own.
 */
export function keepNames(
  names: readonly RawDefinedName[],
  sheetNames: readonly string[],
  dropScopes: ReadonlySet<string>,
): NameToWrite[] {
  const out: NameToWrite[] = [];
  for (const n of names) {
    const scopeSheet = n.localSheetId !== null ? (sheetNames[n.localSheetId] ?? null) : null;
    if (scopeSheet !== null && dropScopes.has(scopeSheet)) continue;
    if (scopeSheet === null && dropScopes.size > 0) {
      const target = targetSheet(n.text);
      if (target !== null && dropScopes.has(target)) continue;
    }
    if (n.localSheetId !== null && scopeSheet === null) continue; // scope index beyond the sheets: Excel ignores such a name too
    out.push({ kind: "kept", raw: n, scopeSheet });
  }
  return out;
}

/** The lower-case name a NameToWrite defines. */
export function nameOf(n: NameToWrite): string {
  return (n.kind === "kept" ? n.raw.name : n.name).toLowerCase();
}
