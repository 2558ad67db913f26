/**
 * The seed report's 2024 figures (../shared/reference/seed-figures.md) as a workbook host would read
 * them: default names on one "Data" sheet, in the dictionary's layouts. Only published figures;
 * stated ratios as the report states them.
 */
import { absoluteLocation, cellAddress, parseArea } from "../../src/sheet-ref";
import type { CellValue, NamedItem, WorkbookRead } from "../../src/esg/types";

export function item(name: string, sheet: string, row: number, col: number, values: CellValue[][], scope: string | null = null): NamedItem {
  const end = cellAddress(row + values.length - 1, col + Math.max(1, ...values.map((r) => r.length)) - 1);
  const start = cellAddress(row, col);
  const address = start === end ? start : `${start}:${end}`;
  return {
    name,
    scope,
    refersTo: absoluteLocation(sheet, parseArea(address)!),
    status: "ok",
    builtIn: false,
    hidden: false,
    sheet,
    address,
    values,
  };
}

/** Lays names out down column B of a sheet, one block under another, from row 2. */
export class SheetBuilder {
  private row = 1;
  readonly names: NamedItem[] = [];
  constructor(
    readonly sheet: string,
    readonly scope: string | null = null,
  ) {}
  add(name: string, values: CellValue[][]): this {
    this.names.push(item(name, this.sheet, this.row, 1, values, this.scope));
    this.row += values.length + 1;
    return this;
  }
}

export function seedRead(): WorkbookRead {
  const d = new SheetBuilder("Data")
    .add("ReportingYear", [[2024]])
    .add("Production", [[12613]])
    .add("Electricity", [[29843800]])
    .add("Diesel", [[205]])
    .add("Coal", [[24221]])
    .add("Water", [[144825]])
    .add("Packaging", [["打包帶 Strapping band", 3]])
    .add("HazardousWaste", [
      ["廢機油 Waste engine oil", 3.6, "售予持牌回收商 Sold to licensed recyclers"],
      ["焦油 Tar", 490.8, "售予持牌回收商 Sold to licensed recyclers"],
    ])
    .add("NonHazardousWaste", [
      ["固廢物 Solid waste", 62445, "售予附近公司再利用 Sold to nearby companies for reuse"],
      ["回收粉塵 Recovered dust", 720, "售予附近公司再利用 Sold to nearby companies for reuse"],
      ["生活垃圾 Domestic waste", 192, "由環衞部門收集 Collected by the sanitation department"],
      ["污泥 Sludge", 30, "由環衞部門收集 Collected by the sanitation department"],
    ])
    .add("Headcount", [[341]])
    .add("Headcount_Gender", [
      ["Female", 71],
      ["Male", 270],
    ])
    .add("Headcount_Age", [
      ["Under 30", 46],
      ["30–50", 210],
      ["Over 50", 85],
    ])
    .add("Headcount_Region", [
      ["Mainland China", 338],
      ["Hong Kong", 3],
    ])
    .add("TurnoverRate_Stated", [["約7%"]])
    .add("Fatalities", [[0, 0, 0]])
    .add("Trained_Category", [
      ["Managers and senior management", 32],
      ["General staff", 296],
    ])
    .add("TrainingHours_Category", [
      ["Managers and senior management", 192],
      ["General staff", 2368],
    ])
    .add("AvgHours_Category_Stated", [
      ["Managers and senior management", 6],
      ["General staff", 8],
    ])
    .add("AvgHours_Gender_Stated", [
      ["Female", 8],
      ["Male", 8],
    ])
    .add("TrainedShare_Stated", [["超過89%"]])
    .add("TrainedFemaleShare_Stated", [[0.17]])
    .add("Suppliers_Region", [["Mainland China", 6]])
    .add("ProductsRecalled", [[0]])
    .add("Complaints", [[0]])
    .add("CorruptionCases", [[0]]);
  return { names: d.names, sheets: [{ name: "Data", visibility: "visible", generated: false }] };
}

/**
 * The seed without the one statement its headcounts refute (women 17% of the 328 trained, which implies
 * more men trained than the 270 male employees: an error): for tests that need a workbook with no errors.
 */
export function seedReadClean(): WorkbookRead {
  const read = seedRead();
  return { ...read, names: read.names.filter((n) => n.name !== "TrainedFemaleShare_Stated") };
}
