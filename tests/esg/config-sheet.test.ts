import { configSheet } from "../../src/esg/config-sheet";
import { readStatements } from "../../src/esg/disclosures/statements";
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
    const width = b.charCodeAt(0) - a.charCodeAt(0) + 1;
    for (let r = top; r <= bottom; r++)
      values.push(
        Array.from({ length: width }, (_, c) => c).map(
          (c) => (sheet.cells.find((x) => x.row === r && x.col === c)?.value as CellValue) ?? null,
        ),
      );
    return item(d.name, sheet.name, top, 0, values);
  });
}

describe("configuration sheet", () => {
  it("round-trips the mapping and settings through the engine's own reading", () => {
    const sheet = configSheet({
      mapping: { electricity: "Power_kWh", water: "Water" },
      settings: { turnoverMethod: "closing", bogus: "x" },
    });
    expect(sheet.hidden).toBe(true);
    expect(sheet.cells.every((c) => c.text === true)).toBe(true);
    const names = [...readBack(sheet), item("Power_kWh", "Data", 1, 1, [[42]])];
    const r = analyse({ names, sheets: [] });
    expect(r.snapshot.metrics.get("electricity")!.value).toBe(42);
    expect(r.options.turnoverMethod).toBe("closing");
    // The default name is not stored as a mapping, and unknown settings are dropped.
    expect(sheet.cells.some((c) => c.value === "water" || c.value === "bogus")).toBe(false);
  });

  it("round-trips the group's content-index statements (ESG_Disclosures)", () => {
    const disclosures = [
      {
        kpi: "B4.1",
        status: "narrative" as const,
        reason: null,
        where: { en: "Employment, p. 12", "zh-HK": "僱傭，第12頁" },
      },
      {
        kpi: "B2.2",
        status: "explain" as const,
        reason: { en: "Not tracked in 2024.", "zh-HK": "2024年未有記錄。" },
        where: null,
      },
    ];
    const sheet = configSheet({ mapping: {}, settings: {}, disclosures });
    const read = { names: readBack(sheet), sheets: [] };
    expect([...readStatements(read).statements.values()]).toEqual(disclosures);
    expect(readStatements(read).findings).toEqual([]);
  });

  it("still defines every name when there is nothing to store", () => {
    const sheet = configSheet({ mapping: {}, settings: {} });
    expect(sheet.definedNames!.map((d) => d.name)).toEqual([
      "ESG_Mapping",
      "ESG_Settings",
      "ESG_Disclosures",
    ]);
    expect(
      analyse({ names: readBack(sheet), sheets: [] }).findings.filter((f) => f.rule === "name.missing"),
    ).toEqual([]);
  });
});
