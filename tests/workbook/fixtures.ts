/**
 * Workbooks for the tests, built at test time: cells through ExcelJS, then the defined names written
 * exactly (scope, #REF!, constants) by the host's own package post-processing.
 */
import ExcelJS from "exceljs";
import type { SheetVisibility } from "../../src/esg/types";
import { postProcess, type NameToWrite } from "./xlsx-legacy/definedNames";

export type FixtureCell =
  | number
  | string
  | boolean
  | null
  | { formula: string; result?: number | string | boolean }
  | { error: string }
  | { date: string }
  | { rich: string[] };

export interface FixtureSheet {
  readonly name: string;
  readonly visibility?: SheetVisibility;
  /** "B2" → value */
  readonly cells: Readonly<Record<string, FixtureCell>>;
}

export interface FixtureName {
  readonly name: string;
  readonly scope: string | null;
  readonly refersTo: string;
  readonly hidden?: boolean;
  readonly comment?: string;
}

export interface Fixture {
  readonly sheets: readonly FixtureSheet[];
  readonly names: readonly FixtureName[];
}

function excelValue(c: FixtureCell): ExcelJS.CellValue {
  if (c === null || typeof c !== "object") return c;
  if ("formula" in c)
    return c.result === undefined
      ? ({ formula: c.formula } as ExcelJS.CellValue)
      : ({ formula: c.formula, result: c.result } as ExcelJS.CellValue);
  if ("error" in c) return { error: c.error } as ExcelJS.CellErrorValue;
  if ("date" in c) return new Date(c.date);
  return { richText: c.rich.map((text, i) => ({ text, font: i % 2 ? { bold: true } : {} })) };
}

/** Build the fixture as an .xlsx buffer. */
export async function buildXlsx(fixture: Fixture): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of fixture.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility ?? "visible" });
    for (const [addr, v] of Object.entries(s.cells)) {
      ws.getCell(addr).value = excelValue(v);
      if (v !== null && typeof v === "object" && "date" in v) ws.getCell(addr).numFmt = "yyyy-mm-dd";
    }
  }
  const names: NameToWrite[] = fixture.names.map((n) => ({
    scopeSheet: n.scope,
    attributes: {
      name: n.name,
      ...(n.hidden ? { hidden: "1" } : {}),
      ...(n.comment ? { comment: n.comment } : {}),
    },
    text: n.refersTo,
  }));
  return postProcess(Buffer.from(await wb.xlsx.writeBuffer()), names);
}

/** The fixture every workbook host must read the same way (tests/workbook/contract.ts). */
export const CONTRACT_FIXTURE: Fixture = {
  sheets: [
    {
      name: "Data",
      cells: {
        A1: "Electricity",
        B1: 29843800,
        A2: "Production",
        B2: 12613,
        B3: { formula: "B1/B2", result: 29843800 / 12613 },
        B4: { formula: "B1*2" },
        B5: { error: "#N/A" },
        B6: true,
        B7: { date: "2024-12-31T00:00:00Z" },
        B8: { rich: ["Rich ", "text"] },
        B9: "=not a formula",
        C1: 28000000,
        C2: 12000,
      },
    },
    { name: "Site A", cells: { B2: 200, B3: 40 } },
    { name: "Site B", cells: { B2: 141, B3: 31 } },
    { name: "It's", cells: { A1: "quoted" } },
    { name: "環境 數據", cells: { A1: "水", B1: 144825 } },
    { name: "Hidden", visibility: "hidden", cells: { A1: 1 } },
  ],
  names: [
    { name: "Electricity", scope: null, refersTo: "Data!$B$1" },
    { name: "Production", scope: null, refersTo: "Data!$B$2:$C$2" },
    { name: "Intensity", scope: null, refersTo: "Data!$B$3" },
    { name: "Uncached", scope: null, refersTo: "Data!$B$4" },
    { name: "Mixed", scope: null, refersTo: "Data!$B$5:$B$9" },
    { name: "Headcount", scope: "Site A", refersTo: "'Site A'!$B$2" },
    { name: "Headcount", scope: "Site B", refersTo: "'Site B'!$B$2" },
    { name: "Headcount", scope: null, refersTo: "#REF!" },
    { name: "Quoted", scope: null, refersTo: "'It''s'!$A$1" },
    { name: "水.用量", scope: null, refersTo: "'環境 數據'!$B$1", comment: "water" },
    { name: "Factor", scope: null, refersTo: "0.5703" },
    { name: "Label", scope: null, refersTo: '"tonnes"' },
    { name: "Union", scope: null, refersTo: "Data!$B$1,Data!$B$2" },
    { name: "Dynamic", scope: null, refersTo: "OFFSET(Data!$B$1,0,0,2,1)" },
    { name: "Secret", scope: null, refersTo: "Hidden!$A$1", hidden: true },
    { name: "_xlnm.Print_Area", scope: "Data", refersTo: "Data!$A$1:$C$9" },
  ],
};
