import { readFileSync } from "fs";
import { join } from "path";
import { KPI_CATALOG } from "../../src/esg/catalog";
import { METRICS, findMetric } from "../../src/esg/metrics";
import { metricsMarkdown } from "../../src/esg/metrics-doc";
import { parseUnit } from "../../src/esg/units";

describe("metric dictionary", () => {
  it("has unique ids and names that Excel accepts as defined names", () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    expect(new Set(METRICS.map((m) => m.defaultName.toUpperCase())).size).toBe(METRICS.length);
    for (const m of METRICS) {
      // A defined name starts with a letter or underscore, has no spaces, and is not a cell reference (A1 or R1C1).
      expect(m.defaultName).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(m.defaultName).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
      expect(m.defaultName).not.toMatch(/^[RrCc]\d*$|^R\d*C\d*$/i);
      expect(m.defaultName.length).toBeLessThanOrEqual(255);
    }
  });

  it("points totals and wholes at metrics that exist", () => {
    for (const m of METRICS) {
      if (m.totalOf) expect(findMetric(m.totalOf)).toBeDefined();
      if (m.partOf) expect(findMetric(m.partOf)).toBeDefined();
    }
  });

  it("feeds only KPI codes of the catalog", () => {
    const codes = new Set(KPI_CATALOG.map((k) => k.code));
    for (const m of METRICS) for (const k of m.kpis) expect(codes.has(k)).toBe(true);
  });

  it("accepts its canonical unit, and every accepted unit of a measured dimension is a known unit", () => {
    for (const m of METRICS) {
      expect(m.acceptedUnits).toContain(m.unit);
      if (["mass", "energy", "volume", "gas-volume", "fuel"].includes(m.dimension)) for (const u of m.acceptedUnits) expect(parseUnit(u)).not.toBeNull();
    }
  });

  it("docs/metrics.md is generated from the dictionary and current (npm run docs:metrics)", () => {
    const onDisk = readFileSync(join(__dirname, "..", "..", "docs", "metrics.md"), "utf8");
    expect(onDisk).toBe(metricsMarkdown());
  });
});
