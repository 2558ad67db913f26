/**
 * A second group, SYNTHETIC (not a real company), built at test time (no binary in the repository):
 * a group sheet and three site sheets — Shenzhen (electricity in MWh, diesel, prior years), a Hong Kong
 * office (electricity without a prior year, its power company as the grid), Hami (natural gas in
 * 10⁴ Nm³, a grid text nobody can resolve) — and the cases of issue 10: a number typed as text inside a
 * breakdown ("17,100" training hours), prior years on some metrics and not others, a waste breakdown
 * whose prior year lacks one row, stated figures with qualifiers, and no opening headcount column.
 */
import { cellAddress, columnIndex } from "../../src/sheet-ref";
import {
  buildXlsx,
  type Fixture,
  type FixtureCell,
  type FixtureName,
  type FixtureSheet,
} from "../workbook/fixtures";

export const GROUP_SHEET = "Group 集團";
export const SHENZHEN = "Shenzhen 深圳";
export const HONG_KONG = "Hong Kong Office";
export const HAMI = "Hami 哈密";
/** Matches nothing in any factor table: Scope 2 of that site cannot be computed. */
export const UNKNOWN_GRID = "Local utility 本地供電局";

class SheetCells {
  readonly cells: Record<string, FixtureCell> = {};
  readonly names: FixtureName[] = [];
  constructor(
    readonly sheet: string,
    /** null: workbook-scoped names; else sheet-scoped (a site). */
    private readonly scope: string | null,
  ) {}
  /** Writes `values` with its top-left at `at` and names the block. */
  name(name: string, at: string, values: readonly (readonly FixtureCell[])[]): this {
    const m = /^([A-Z]+)(\d+)$/.exec(at)!;
    const col0 = columnIndex(m[1]);
    const row0 = Number(m[2]) - 1;
    values.forEach((row, r) =>
      row.forEach((v, c) => v !== null && (this.cells[cellAddress(row0 + r, col0 + c)] = v)),
    );
    const width = Math.max(...values.map((r) => r.length));
    const end = cellAddress(row0 + values.length - 1, col0 + width - 1);
    const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    const quoted = `'${this.sheet.replace(/'/g, "''")}'`;
    const ref =
      values.length === 1 && width === 1 ? `${quoted}!${abs(at)}` : `${quoted}!${abs(at)}:${abs(end)}`;
    this.names.push({ name, scope: this.scope, refersTo: ref });
    return this;
  }
  label(at: string, text: string): this {
    this.cells[at] = text;
    return this;
  }
  toSheet(): FixtureSheet {
    return { name: this.sheet, cells: this.cells };
  }
}

export function secondGroupFixture(): Fixture {
  const g = new SheetCells(GROUP_SHEET, null)
    .label("A1", "Second group (SYNTHETIC data for tests) 第二集團（測試用虛構數據）")
    .label("A3", "Reporting year")
    .name("ReportingYear", "B3", [[2024]])
    .label("A4", "Production (t) | 2023")
    .name("Production", "B4", [[8000, 7500]])
    // No Headcount_Opening and no prior year for Headcount: turnover falls back to the closing headcount.
    .label("A6", "Headcount")
    .name("Headcount", "B6", [[520]])
    .name("Headcount_Gender", "A8", [
      ["Female", 200],
      ["Male", 320],
    ])
    .label("A11", "Leavers")
    .name("Leavers", "B11", [[52]])
    .name("Leavers_Gender", "A13", [
      ["Female", 20],
      ["Male", 32],
    ])
    .name("Trained_Gender", "A16", [
      ["Female", 180],
      ["Male", 300],
    ])
    // A number typed as text inside a breakdown: SUM over the range would skip it.
    .name("TrainingHours_Gender", "A19", [
      ["Female", 3000],
      ["Male", "17,100"],
    ])
    .label("A22", "Stated")
    .name("TrainedShare_Stated", "B22", [["at least 90%"]])
    .name("TurnoverRate_Stated", "B23", [["約10%"]])
    .name("TurnoverRate_Gender_Stated", "A25", [
      ["Female", "10%"],
      ["Male", "10%"],
    ])
    .name("TrainedFemaleShare_Stated", "B28", [[0.375]])
    .name("ElectricityIntensity_Stated", "B29", [[4044]])
    // Waste: the 2023 column has Waste oil but not Solvent, so the 2023 total is "–".
    .name("HazardousWaste", "A31", [
      ["Waste oil", 1.2, "Licensed collector", 1.0],
      ["Solvent", 0.8, "Licensed collector", null],
    ]);

  const sz = new SheetCells(SHENZHEN, SHENZHEN)
    .label("A1", "Shenzhen site 深圳廠區")
    .name("Electricity", "B3", [[12000, 11000]])
    .name("Electricity_Unit", "C5", [["MWh"]])
    .name("GridRegion", "B6", [["South"]])
    .name("Diesel", "B7", [[3000, 2800]])
    .name("Water", "B8", [[50000, 48000]]);
  const hk = new SheetCells(HONG_KONG, HONG_KONG)
    .label("A1", "Hong Kong office 香港辦事處")
    // No prior-year column: total energy and Scope 2 of 2023 cannot be complete.
    .name("Electricity", "B3", [[350000]])
    .name("GridRegion", "B4", [["CLP Power"]])
    .name("Water", "B5", [[1200, 1100]]);
  const hami = new SheetCells(HAMI, HAMI)
    .label("A1", "Hami plant 哈密廠")
    .name("Electricity", "B3", [[20000, 19000]])
    .name("Electricity_Unit", "D3", [["MWh"]])
    .name("GridRegion", "B4", [[UNKNOWN_GRID]])
    .name("NaturalGas", "B5", [[12.5]])
    .name("NaturalGas_Unit", "D5", [["10⁴ Nm³"]])
    .name("Water", "B6", [[80000, 82000]]);

  const all = [g, sz, hk, hami];
  return { sheets: all.map((s) => s.toSheet()), names: all.flatMap((s) => s.names) };
}

export function buildSecondGroup(): Promise<Buffer> {
  return buildXlsx(secondGroupFixture());
}
