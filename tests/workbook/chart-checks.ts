/**
 * Checks on a written package's charts shared by the chart tests: the package is whole around its
 * charts, and a chart's caches hold the cells it refers to.
 */
import type { CellModel, SheetModel } from "../../src/esg/types";
import type { ReadChart } from "../support/xlsx-chart-reader";
import { parseRels, resolveTarget } from "../../src/workbook/xlsx/package";
import { scanXml } from "../../src/workbook/xlsx/xml";
import { entryText, readZip } from "../../src/workbook/xlsx/zip";

const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** What is wrong with a package: a part that is not XML, a relationship to nothing, an unreferenced or untyped chart or drawing. */
export function packageProblems(buffer: Buffer): string[] {
  const zip = readZip(buffer, "out");
  const problems: string[] = [];
  const referenced = new Set<string>();
  for (const e of zip.entries) {
    if (!/\.(xml|rels)$/.test(e.name)) continue;
    const xml = entryText(zip, e.name, "out")!;
    try {
      scanXml(xml, {}, "out", e.name, { positions: false });
    } catch (err) {
      problems.push(`${e.name}: ${(err as Error).message}`);
      continue;
    }
    if (!e.name.endsWith(".rels")) continue;
    const owner = e.name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    for (const r of parseRels(xml, "out", e.name)) {
      if (r.external) continue;
      const target = resolveTarget(owner, r.target);
      referenced.add(target);
      if (!zip.byName.has(target)) problems.push(`${e.name}: ${r.id} → ${target} does not exist`);
    }
  }
  const types = entryText(zip, "[Content_Types].xml", "out")!;
  for (const name of zip.byName.keys()) {
    const chart = /^xl\/charts\/chart\d+\.xml$/.test(name);
    const drawing = /^xl\/drawings\/drawing\d+\.xml$/.test(name);
    if (!chart && !drawing) continue;
    if (!referenced.has(name)) problems.push(`${name}: no relationship refers to it`);
    const type = chart ? CHART_TYPE : DRAWING_TYPE;
    if (!types.includes(`PartName="/${name}" ContentType="${type}"`))
      problems.push(`${name}: no content type`);
  }
  return problems;
}

function valueAt(model: SheetModel, row: number, col: number): CellModel["value"] {
  return model.cells.find((c) => c.row === row && c.col === col)?.value ?? null;
}

/** Where a chart's caches differ from the sheet model's cells ([] when they hold the cells' values). */
export function cacheMismatches(chart: ReadChart, model: SheetModel): string[] {
  const out: string[] = [];
  const cells = (a: { top: number; left: number; bottom: number; right: number }) => {
    const vs: CellModel["value"][] = [];
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) vs.push(valueAt(model, r, c));
    return vs;
  };
  const same = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      out.push(`${chart.id} ${what}: cached ${JSON.stringify(got)}, cells ${JSON.stringify(want)}`);
  };
  if (chart.categories) same("categories", chart.cachedCategories, cells(chart.categories.area));
  chart.series.forEach((s, i) => {
    if (s.values)
      same(
        `series ${i}`,
        s.cachedValues,
        cells(s.values.area).map((v) => (typeof v === "number" ? v : null)),
      );
    if (s.name)
      same(`series ${i} name`, s.cachedName, String(valueAt(model, s.name.area.top, s.name.area.left)));
  });
  return out;
}
