/**
 * A synthetic group (clearly not real data): N site sheets, each with every metric of the dictionary
 * as a sheet-scoped name, values drawn from a seeded generator so runs are repeatable.
 */
import { METRICS } from "../../src/esg/metrics";
import type { CellValue, WorkbookRead } from "../../src/esg/types";
import { SheetBuilder } from "./seed-read";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticRead(sites: number, seed = 42): WorkbookRead {
  const next = rng(seed);
  const names = [];
  const sheets = [];
  for (let i = 0; i < sites; i++) {
    const sheet = `Site ${String(i + 1).padStart(3, "0")}`;
    sheets.push({ name: sheet, visibility: "visible" as const, generated: false });
    const b = new SheetBuilder(sheet, sheet);
    for (const m of METRICS) {
      const figure = (): number => Math.round(next() * 1000 + 10);
      let values: CellValue[][];
      if (m.dimension === "text") values = [["Northwest"]];
      else if (m.dimension === "year") values = [[2024]];
      else if (m.dimension === "ratio") values = [[Math.round(next() * 100) / 100, Math.round(next() * 100) / 100]];
      else if (m.layout === "rows") values = (m.rowLabels ?? []).map((l) => [l.en, figure(), ...(m.extra ?? []).map(() => "recycled"), figure()]);
      else values = [[figure(), figure(), figure()]];
      b.add(m.defaultName, values);
    }
    names.push(...b.names);
  }
  return { names, sheets };
}
