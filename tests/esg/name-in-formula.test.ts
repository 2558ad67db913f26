/**
 * A name in a formula is a name (issue 15): a mapped name reaches a generated formula only when Excel
 * would accept it as a defined name and the workbook defines it as a plain range; otherwise an error
 * finding at the ESG_Mapping cell and the figure as a value.
 */
import { runEngine } from "../../src/esg/engine";
import { CONFIG_NAMES } from "../../src/esg/metrics";
import type { NamedItem, WorkbookRead } from "../../src/esg/types";
import { item, seedRead } from "../support/seed-read";

const NOW = { now: "2025-01-01T00:00:00.000Z" };

/** The seed with Electricity read through `mapped`, defined by `define` (or not at all). */
function mappedTo(mapped: string, define: ((n: NamedItem) => NamedItem) | null): WorkbookRead {
  const seed = seedRead();
  const names = seed.names.map((n) => (n.name === "Electricity" && define ? define({ ...n, name: mapped }) : n));
  names.push(item(CONFIG_NAMES.mapping, "ESG_Config", 3, 0, [["electricity", mapped]]));
  return { names, sheets: seed.sheets };
}

const formulas = (r: ReturnType<typeof runEngine>): string[] => r.kpis.map((k) => k.excel).filter((x): x is string => x !== null);

describe("mapped names in generated formulas", () => {
  it("a valid plain name is used (control)", () => {
    const r = runEngine(mappedTo("Power_kWh", (n) => n), NOW);
    expect(formulas(r).some((f) => f.includes("Power_kWh"))).toBe(true);
    expect(r.findings.some((f) => f.rule === "name.not-a-name")).toBe(false);
  });

  it.each([
    ["longer than 255 characters", "E".repeat(300)],
    ["a cell reference", "XFD1"],
    ["an expression", 'HYPERLINK("http://x","y")'],
    ["a web request", '_xlfn.WEBSERVICE("http://127.0.0.1:8999/")'],
  ])("a name that is %s is an error at the mapping cell, never in a formula, its figure a value", (_, mapped) => {
    const r = runEngine(mappedTo(mapped, (n) => n), NOW);
    const f = r.findings.find((x) => x.rule === "name.not-a-name");
    expect(f?.severity).toBe("error");
    expect(f?.location).toBe("ESG_Config!B4");
    expect(formulas(r).some((x) => x.includes(mapped.slice(0, 40)))).toBe(false);
    const intensity = r.kpis.find((k) => k.id.startsWith("A2.1.electricity"));
    expect(intensity?.value).not.toBeNull();
    expect(intensity?.excel ?? null).toBeNull();
  });

  it("a valid name the workbook defines as a formula (HYPERLINK) is not copied into formulas", () => {
    const r = runEngine(
      mappedTo("Lure", (n) => ({ ...n, refersTo: 'HYPERLINK("http://x","y")', status: "formula", sheet: null, address: null, values: null })),
      NOW,
    );
    expect(formulas(r).some((x) => x.includes("Lure"))).toBe(false);
    expect(r.findings.some((x) => x.rule === "name.unreadable" && x.severity === "error")).toBe(true);
  });
});
