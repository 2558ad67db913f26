import { configSheet } from "../../src/esg/config-sheet";
import { analyse } from "../../src/esg/engine";
import type { CellValue, NamedItem, SheetModel } from "../../src/esg/types";
import { item } from "../support/seed-read";

/** What a host would read back: the sheet's cells under each defined name. */
function readBack(sheet: SheetModel): NamedItem[] {
  return (sheet.definedNames ?? []).map((d) => {
    const [a, b] = d.address.split(":");
    const top = Number(a.slice(1)) - 1;
    const bottom = Number(b.slice(1)) - 1;
    const values: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) values.push([0, 1].map((c) => (sheet.cells.find((x) => x.row === r && x.col === c)?.value as CellValue) ?? null));
    return item(d.name, sheet.name, top, 0, values);
  });
}

describe("configuration sheet", () => {
  it("round-trips the mapping and settings through the engine's own reading", () => {
    const sheet = configSheet({ mapping: { electricity: "Power_kWh", water: "Water" }, settings: { turnoverMethod: "closing", bogus: "x" } });
    expect(sheet.hidden).toBe(true);
    expect(sheet.cells.every((c) => c.text === true)).toBe(true);
    const names = [...readBack(sheet), item("Power_kWh", "Data", 1, 1, [[42]])];
    const r = analyse({ names, sheets: [] });
    expect(r.snapshot.metrics.get("electricity")!.value).toBe(42);
    expect(r.options.turnoverMethod).toBe("closing");
    // The default name is not stored as a mapping, and unknown settings are dropped.
    expect(sheet.cells.some((c) => c.value === "water" || c.value === "bogus")).toBe(false);
  });

  it("still defines both names when there is nothing to store", () => {
    const sheet = configSheet({ mapping: {}, settings: {} });
    expect(sheet.definedNames!.map((d) => d.name)).toEqual(["ESG_Mapping", "ESG_Settings"]);
    expect(analyse({ names: readBack(sheet), sheets: [] }).findings.filter((f) => f.rule === "name.missing")).toEqual([]);
  });
});
