/**
 * Seeding the fake from a plain description: sheets with cells and sheet-scoped names, and
 * workbook-scoped names (refers-to text as in NamedItem.refersTo, without "=").
 */
import { cellAddress, parseArea } from "../../../src/sheet-ref";
import { recalculate } from "./calc";
import { FakeExcel, type FakeExcelOptions } from "./excel";
import { cellAt, newSheet, type FakeName, type FakeScalar, type FakeWorkbook } from "./state";

export type SeedCell =
  | number
  | string
  | boolean
  | null
  | { error: string }
  | { value?: FakeScalar; formula?: string; numberFormat?: string };

export interface SeedName {
  name: string;
  refersTo: string;
  visible?: boolean;
  comment?: string;
  /** Result of a formula name. */
  value?: FakeScalar;
}

export interface SeedSheet {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** A1 address → content. */
  cells?: Record<string, SeedCell>;
  /** Rows of values from A1 (or from `at`). */
  rows?: FakeScalar[][];
  at?: string;
  names?: SeedName[];
  /** Merged areas, e.g. "A1:C1". */
  merges?: string[];
}

export interface WorkbookSeed {
  sheets: SeedSheet[];
  names?: SeedName[];
}

function toName(n: SeedName): FakeName {
  return {
    name: n.name,
    refersTo: n.refersTo.replace(/^=/, ""),
    visible: n.visible ?? true,
    comment: n.comment ?? "",
    ...(n.value !== undefined ? { cached: n.value } : {}),
  };
}

export function buildWorkbook(seed: WorkbookSeed): FakeWorkbook {
  const wb: FakeWorkbook = { sheets: [], names: (seed.names ?? []).map(toName), nextId: 1 };
  for (const s of seed.sheets) {
    const sheet = newSheet(wb, s.name);
    sheet.visibility = s.visibility ?? "Visible";
    sheet.names = (s.names ?? []).map(toName);
    for (const [addr, content] of Object.entries(s.cells ?? {})) {
      const rect = parseArea(addr);
      if (!rect) throw new Error(`seed: bad address ${addr}`);
      const cell = cellAt(sheet, rect.top, rect.left);
      if (content !== null && typeof content === "object" && !("error" in content)) {
        cell.value = content.value ?? null;
        cell.formula = content.formula !== undefined ? `=${content.formula.replace(/^=/, "")}` : null;
        cell.numberFormat = content.numberFormat ?? "General";
      } else cell.value = content;
    }
    if (s.rows) {
      const origin = parseArea(s.at ?? "A1") ?? { top: 0, left: 0, bottom: 0, right: 0 };
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) cellAt(sheet, origin.top + r, origin.left + c).value = v;
        }),
      );
    }
    for (const m of s.merges ?? []) {
      const rect = parseArea(m);
      if (!rect) throw new Error(`seed: bad merge ${m}`);
      sheet.merges.push(rect);
    }
    wb.sheets.push(sheet);
  }
  // As Excel does on opening a file: formulas without a result are calculated (calc.ts).
  recalculate(wb);
  return wb;
}

export function createFakeExcel(seed: WorkbookSeed, options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(buildWorkbook(seed), options);
}

/** Reads a cell of the fake workbook by sheet name and A1 address (for assertions). */
export function fakeCell(excel: FakeExcel, sheet: string, address: string): ReturnType<typeof cellAt> | undefined {
  const s = excel.workbook.sheets.find((x) => x.name === sheet);
  const rect = parseArea(address);
  if (!s || !rect) return undefined;
  return s.cells.get(`${rect.top},${rect.left}`);
}

export { cellAddress };
