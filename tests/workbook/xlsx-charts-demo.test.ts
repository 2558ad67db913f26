/**
 * The demo end to end with charts (issue 14): generate into the seed sample and the multi-site example;
 * every chart the engine planned is in the output on its sheet and reads back as its model, its caches
 * hold its cells, it covers no cell of the tables and stays within their columns, and the package is
 * whole; openpyxl lists each section's charts with their references; a second run writes the same
 * chart parts again and leaves the user's parts alone. Engine option charts: false gives the output of
 * today, part for part (no chart model: nothing new in the package).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { SheetModel } from "../../src/esg/types";
import { asChartModel, readSheetCharts } from "../support/xlsx-chart-reader";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { runEngine } from "../../src/esg/engine";
import { inflateEntry, readZip } from "../../src/workbook/xlsx/zip";
import { cacheMismatches, packageProblems } from "./chart-checks";
import { generateRun, NOW, untouchedEntriesIdentical } from "./xlsx-helpers";
import { pythonWithOpenpyxl, runPython } from "./xlsx-python";

jest.setTimeout(120_000);

const EXAMPLES = join(__dirname, "..", "..", "examples");
const withOpenpyxl = pythonWithOpenpyxl() ? test : test.skip;

/** Cells with a value inside a chart's anchor, as "row:col" (the chart would hide them). */
function coveredCells(model: SheetModel): string[] {
  const out: string[] = [];
  for (const chart of model.charts ?? []) {
    const { from, to } = chart.anchor;
    for (const c of model.cells)
      if (c.value !== null && c.row >= from.row && c.row < to.row && c.col >= from.col && c.col < to.col)
        out.push(`${chart.id} covers ${model.name}!${c.row}:${c.col}`);
    if (to.col > model.columns.length) out.push(`${chart.id} reaches past the table's columns`);
  }
  return out;
}

describe.each([
  ["the demo (seed sample)", "sample-esg-2024.xlsx"],
  ["the multi-site example", "synthetic-sites.xlsx"],
])("%s generated with charts", (_, example) => {
  const input = readFileSync(join(EXAMPLES, example));
  let run: Awaited<ReturnType<typeof generateRun>>;
  beforeAll(async () => {
    run = await generateRun(input, example);
  });

  test("every planned chart is on its sheet, reads back as its model, caches its cells and hides no cell", () => {
    const withCharts = run.sheets.filter((s) => s.charts?.length);
    expect(withCharts.length).toBeGreaterThan(0);
    for (const model of run.sheets) {
      const read = readSheetCharts(run.output, model.name);
      expect(read.map((c) => asChartModel(c, model.name))).toEqual(model.charts ?? []);
      for (const c of read) expect(cacheMismatches(c, model)).toEqual([]);
      expect(coveredCells(model)).toEqual([]);
    }
    expect(packageProblems(run.output)).toEqual([]);
  });

  test("A1, A2, B1 and B3 each hold a chart (D draws Scope 1 and 2 by year only where prior years exist)", () => {
    const sections = run.sheets.filter((s) => s.charts?.length).map((s) => s.section);
    expect(sections).toEqual(["A1", "A2", "B1", "B3"]);
  });

  test("a second run writes the same chart parts in place and leaves every other user part alone", async () => {
    const again = await generateRun(run.output, example);
    const charts = (b: Buffer) =>
      [...readZip(b, "o").byName.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n)).sort();
    expect(charts(again.output)).toEqual(charts(run.output));
    expect(await untouchedEntriesIdentical(run.output, again.output)).toEqual([]);
    expect(await untouchedEntriesIdentical(input, again.output)).toEqual([]);
    expect(packageProblems(again.output)).toEqual([]);
  });

  withOpenpyxl("openpyxl lists each section's charts with their series references", () => {
    const listing = runPython(
      `
import os, json, openpyxl
wb = openpyxl.load_workbook(os.environ["IN"])
out = {}
for ws in wb.worksheets:
    if ws._charts:
        out[ws.title] = [{"type": c.tagname, "values": [s.val.numRef.f for s in c.series],
                          "categories": [(s.cat.numRef or s.cat.strRef).f for s in c.series]} for c in ws._charts]
open(os.environ["OUT"], "w").write(json.dumps(out))
`,
      run.output,
    );
    const type = {
      column: "barChart",
      stackedColumn: "barChart",
      bar: "barChart",
      line: "lineChart",
      doughnut: "doughnutChart",
    };
    const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const ref = (sheet: string, a: { top: number; left: number; bottom: number; right: number }) => {
      const col = (c: number) => String.fromCharCode(65 + c);
      return `${quote(sheet)}!$${col(a.left)}$${a.top + 1}:$${col(a.right)}$${a.bottom + 1}`;
    };
    const expected = Object.fromEntries(
      run.sheets
        .filter((s) => s.charts?.length)
        .map((s) => [
          s.name,
          s.charts!.map((c) => ({
            type: type[c.kind],
            values: c.series.map((x) => ref(s.name, x.values)),
            categories: c.series.map(() => ref(s.name, c.categories)),
          })),
        ]),
    );
    expect(JSON.parse(listing.toString())).toEqual(expected);
  });
});

test("engine option charts: false writes no chart part: the package holds only what it held before charts", async () => {
  const input = readFileSync(join(EXAMPLES, "sample-esg-2024.xlsx"));
  const host = await XlsxHost.fromBuffer(input, "sample.xlsx");
  const result = runEngine(await host.read(), { now: NOW, charts: false });
  expect(result.sheets.some((s) => "charts" in s)).toBe(false);
  await host.write(result.sheets, {
    at: NOW,
    host: "xlsx",
    sections: result.options.sections,
    language: result.options.language,
    valuesOnly: false,
    sheets: result.sheets.map((s) => s.name),
    sourceNames: result.sourceNames,
  });
  const zip = readZip(await host.toBuffer(), "out");
  expect(zip.entries.filter((e) => /^xl\/(charts|drawings)\//.test(e.name))).toEqual([]);
  expect(zip.entries.some((e) => /<drawing /.test(inflateEntry(zip, e, "out").toString("utf8")))).toBe(false);
});
