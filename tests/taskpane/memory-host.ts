/** An in-memory PaneHost over a WorkbookRead: records what the pane writes and which cells it selects. */
import type { HistoryEntry, SheetModel, WorkbookRead } from "../../src/esg/types";
import type { PaneHost } from "../../src/taskpane/host";
import type { WorkbookHost, WriteResult } from "../../src/workbook/types";

export interface MemoryHost extends PaneHost {
  readonly writes: { sheets: readonly SheetModel[]; history: HistoryEntry }[];
  readonly selected: string[];
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
      current = {
        names: current.names,
        sheets: [
          ...others,
          ...sheets.map((s) => ({ name: s.name, visibility: "visible" as const, generated: true })),
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
