/**
 * An in-memory PaneHost over a WorkbookRead: records what the pane writes and which cells it selects.
 * A written sheet's workbook-scoped names (SheetModel.definedNames) replace those of the same name and
 * read back with the sheet's cells, as a workbook host would give them.
 */
import type { CellValue, HistoryEntry, NamedItem, SheetModel, WorkbookRead } from "../../src/esg/types";
import { parseArea } from "../../src/sheet-ref";
import type { PaneHost } from "../../src/taskpane/host";
import type { WorkbookHost, WriteResult } from "../../src/workbook/types";
import { item } from "../support/seed-read";

export interface MemoryHost extends PaneHost {
  readonly writes: { sheets: readonly SheetModel[]; history: HistoryEntry }[];
  readonly selected: string[];
}

function definedItems(sheet: SheetModel): NamedItem[] {
  return (sheet.definedNames ?? []).map((d) => {
    const rect = parseArea(d.address);
    if (!rect) throw new Error(`memory host: bad address ${d.address}`);
    const values: CellValue[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const v = sheet.cells.find((x) => x.row === r && x.col === c)?.value ?? null;
        row.push(v === "" ? null : v);
      }
      values.push(row);
    }
    return item(d.name, sheet.name, rect.top, rect.left, values);
  });
}

export function memoryHost(
  start: WorkbookRead,
  options: { displayLanguage?: string; theme?: "light" | "dark"; failWrite?: string } = {},
): MemoryHost {
  let current = start;
  const writes: MemoryHost["writes"] = [];
  const selected: string[] = [];
  const workbook: WorkbookHost = {
    kind: "office",
    async read() {
      return current;
    },
    async write(sheets, history): Promise<WriteResult> {
      if (options.failWrite) throw new Error(options.failWrite);
      writes.push({ sheets, history });
      const generated = new Set(current.sheets.filter((s) => s.generated).map((s) => s.name));
      const replaced = sheets.map((s) => s.name).filter((n) => generated.has(n));
      const others = current.sheets.filter((s) => !sheets.some((m) => m.name === s.name));
      const defined = sheets.flatMap(definedItems);
      const redefined = new Set(defined.map((n) => n.name.toUpperCase()));
      current = {
        names: [
          ...current.names.filter((n) => n.scope !== null || !redefined.has(n.name.toUpperCase())),
          ...defined,
        ],
        sheets: [
          ...others,
          ...sheets.map((s) => ({
            name: s.name,
            visibility: s.hidden ? ("hidden" as const) : ("visible" as const),
            generated: true,
          })),
        ],
      };
      return { written: sheets.map((s) => s.name), replaced };
    },
  };
  return {
    workbook,
    displayLanguage: options.displayLanguage ?? "en-US",
    theme: options.theme ?? "light",
    async selectCell(location) {
      selected.push(location);
    },
    writes,
    selected,
  };
}
