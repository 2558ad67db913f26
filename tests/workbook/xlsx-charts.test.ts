/**
 * The xlsx host's charts (issue 14): each chart model becomes a DrawingML chart part in a drawing on its
 * sheet; the package stays whole (well-formed parts, every relationship resolves, every chart and
 * drawing part is referenced and typed); the chart reads back as its model with the cells' values in
 * its caches; replacing a generated sheet leaves no orphan; a user's charts keep their bytes and their
 * part names; without charts nothing changes. openpyxl lists the charts with their references.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { CellModel, ChartModel, SheetModel } from "../../src/esg/types";
import { WorkbookError } from "../../src/workbook/xlsx/errors";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { asChartModel, readSheetCharts } from "../support/xlsx-chart-reader";
import { labelColorOn } from "../../src/workbook/xlsx/chartXml";
import { orphanedParts } from "../../src/workbook/xlsx/orphans";
import { openPackage, parseRels, relsPathOf } from "../../src/workbook/xlsx/package";
import { readWorkbookPart } from "../../src/workbook/xlsx/workbookPart";
import { entryText, inflateEntry, readZip, writeZip } from "../../src/workbook/xlsx/zip";
import { CHART_SHEET, CHARTS, chartSheet, historyOf, writeSheets } from "./chart-fixtures";
import { packageProblems } from "./chart-checks";
import { untouchedEntriesIdentical } from "./xlsx-helpers";
import { pythonWithOpenpyxl, runPython } from "./xlsx-python";

const CORPUS = join(__dirname, "..", "..", "..", "shared", "corpus", "xlsx-real-world");
const withOpenpyxl = pythonWithOpenpyxl() ? test : test.skip;
const withCorpus = existsSync(join(CORPUS, "chart-sheet.xlsx")) ? test : test.skip;

const partsUnder = (buffer: Buffer, re: RegExp): string[] =>
  [...readZip(buffer, "out").byName.keys()].filter((n) => re.test(n)).sort();
const CHART_PARTS = /^xl\/(charts|drawings)\//;

function sheetPath(buffer: Buffer, name: string): string {
  return readWorkbookPart(openPackage(buffer, "out")).sheets.find((s) => s.name === name)!.path!;
}

function cellValue(model: SheetModel, row: number, col: number): CellModel["value"] | undefined {
  return model.cells.find((c) => c.row === row && c.col === col)?.value;
}

describe("charts in the xlsx output", () => {
  let out: Buffer;
  beforeAll(async () => {
    out = await writeSheets([chartSheet()]);
  });

  test("the parts are well-formed, every relationship resolves, every chart and drawing is referenced and typed", () => {
    expect(packageProblems(out)).toEqual([]);
    expect(partsUnder(out, CHART_PARTS)).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/charts/chart4.xml",
      "xl/charts/chart5.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
    ]);
  });

  test("the sheet points at its drawing last, after the page set-up, as the worksheet schema orders it", () => {
    const path = sheetPath(out, CHART_SHEET);
    const zip = readZip(out, "out");
    const xml = entryText(zip, path, "out")!;
    expect(xml).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
    const rels = parseRels(entryText(zip, relsPathOf(path), "out")!, "out", relsPathOf(path));
    expect(rels).toEqual([
      {
        id: "rId1",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
        target: "../drawings/drawing1.xml",
        external: false,
      },
    ]);
  });

  test("each chart reads back as its model: kind, bilingual title, series and category ranges, colours, anchor", () => {
    const read = readSheetCharts(out, CHART_SHEET);
    expect(read.map((c) => asChartModel(c, CHART_SHEET))).toEqual(CHARTS);
    expect(read.map((c) => c.kind)).toEqual(["column", "stackedColumn", "line", "bar", "doughnut"]);
    expect(read[0].title).toBe("GHG emissions by scope (column)\n按範圍劃分的溫室氣體排放");
  });

  test("a chart's caches hold the cells' values: numbers as numbers, a blank cell as no point", () => {
    const model = chartSheet();
    for (const chart of readSheetCharts(out, CHART_SHEET)) {
      const cats = chart.categories!.area;
      const expected: unknown[] = [];
      for (let r = cats.top; r <= cats.bottom; r++)
        for (let c = cats.left; c <= cats.right; c++) expected.push(cellValue(model, r, c) ?? null);
      expect(chart.cachedCategories).toEqual(expected);
      for (const s of chart.series) {
        const a = s.values!.area;
        const values: unknown[] = [];
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) {
            const v = cellValue(model, r, c);
            values.push(typeof v === "number" ? v : null);
          }
        expect(s.cachedValues).toEqual(values);
        expect(s.cachedName).toBe(cellValue(model, s.name!.area.top, s.name!.area.left));
      }
    }
    // Scope 2 in 2022 is blank: no point, so the chart leaves a gap rather than a zero.
    expect(readSheetCharts(out, CHART_SHEET)[0].series[1].cachedValues).toEqual([null, 280, 301.75]);
  });

  test("a sheet without charts gets no drawing, and `charts: []` writes what no `charts` key writes", async () => {
    const contents = (b: Buffer) => {
      const zip = readZip(b, "out");
      return zip.entries.map((e) => [e.name, inflateEntry(zip, e, "out").toString("utf8")]);
    };
    const none = await writeSheets([chartSheet(null)]);
    const empty = await writeSheets([chartSheet([])]);
    expect(contents(empty)).toEqual(contents(none));
    expect(partsUnder(none, CHART_PARTS)).toEqual([]);
    expect(entryText(readZip(none, "out"), sheetPath(none, CHART_SHEET), "out")).not.toContain("<drawing");
    expect(entryText(readZip(none, "out"), "[Content_Types].xml", "out")).not.toMatch(/drawing|chart/);
  });

  test("replacing a generated sheet replaces its drawing and charts: same part names, no orphan; without charts they go", async () => {
    const again = await writeSheets([chartSheet()], out);
    expect(partsUnder(again, CHART_PARTS)).toEqual(partsUnder(out, CHART_PARTS));
    expect(packageProblems(again)).toEqual([]);
    const two = await writeSheets([chartSheet(CHARTS.slice(0, 2))], again);
    expect(partsUnder(two, CHART_PARTS)).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
    ]);
    expect(packageProblems(two)).toEqual([]);
    expect(readSheetCharts(two, CHART_SHEET).map((c) => c.id)).toEqual(CHARTS.slice(0, 2).map((c) => c.id));
    const gone = await writeSheets([chartSheet(null)], two);
    expect(partsUnder(gone, CHART_PARTS)).toEqual([]);
    expect(packageProblems(gone)).toEqual([]);
    const zip = readZip(gone, "out");
    expect(zip.byName.has(relsPathOf(sheetPath(gone, CHART_SHEET)))).toBe(false);
    expect(entryText(zip, "[Content_Types].xml", "out")).not.toMatch(/drawing|chart/);
  });

  test("a sheet name with a quote and an ampersand is quoted in the references and reads back", async () => {
    const name = "Bob's A1 & Co";
    const book = await writeSheets([chartSheet(CHARTS, name)]);
    expect(packageProblems(book)).toEqual([]);
    const read = readSheetCharts(book, name);
    expect(read.map((c) => asChartModel(c, name))).toEqual(CHARTS);
    const xml = entryText(readZip(book, "out"), "xl/charts/chart1.xml", "out")!;
    expect(xml).toContain("<c:f>'Bob''s A1 &amp; Co'!$A$4</c:f>");
  });

  test("a section that now has fewer sheets takes the removed sheet's drawing and charts with it", async () => {
    const both = await writeSheets([chartSheet(), chartSheet(CHARTS.slice(3), "A1 Emissions (2)", "A1")]);
    expect(partsUnder(both, /^xl\/charts\//)).toHaveLength(7);
    const one = await writeSheets([chartSheet(null)], both);
    expect(partsUnder(one, CHART_PARTS)).toEqual([]);
    expect(packageProblems(one)).toEqual([]);
  });

  test("a bad chart model is refused in one line naming the chart and the sheet; nothing is written", async () => {
    const host = XlsxHost.blank();
    const before = await host.toBuffer().catch(() => null);
    const bad: ChartModel = {
      ...CHARTS[0],
      series: [{ ...CHARTS[0].series[0], values: { top: 3, left: 1, bottom: 3, right: 2 } }],
    };
    const model = chartSheet([bad]);
    await expect(host.write([model], historyOf([model]))).rejects.toThrow(
      new WorkbookError(
        "write-failed",
        `chart "A1.ghg-column" on sheet "${CHART_SHEET}": a series has 2 values for 3 categories`,
      ),
    );
    expect(await host.toBuffer().catch(() => null)).toEqual(before);
    const grey: ChartModel = { ...CHARTS[0], series: [{ ...CHARTS[0].series[0], color: "grey" }] };
    await expect(host.write([chartSheet([grey])], historyOf([model]))).rejects.toThrow(
      /colour "grey" is not RRGGBB/,
    );
    // "–" (not disclosed) in a value cell would be drawn as zero: refused, naming the cell.
    const dash = chartSheet();
    const withDash = { ...dash, cells: [...dash.cells, { row: 4, col: 1, value: "–", text: true }] };
    await expect(host.write([withDash], historyOf([withDash]))).rejects.toThrow(
      `chart "A1.ghg-column" on sheet "${CHART_SHEET}": value cell '${CHART_SHEET}'!B5 holds "–", which a chart draws as zero; leave the row out of the chart or the cell blank`,
    );
  });
});

/** A workbook openpyxl writes with a bar chart on a sheet of its own: the user's xl/charts/chart1.xml and xl/drawings/drawing1.xml. */
const USER_CHART = `
import os, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Chart data"
for row in [["Site", "kWh"], ["A", 10], ["B", 20], ["C", 30]]:
    ws.append(row)
chart = BarChart()
chart.title = "User chart"
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
ws.add_chart(chart, "D2")
wb.save(os.environ["OUT"])
`;

describe("a user's charts beside the generated ones", () => {
  withOpenpyxl(
    "the user's chart1.xml and drawing1.xml keep their bytes and names; ours take the next numbers, run after run",
    async () => {
      const input = runPython(USER_CHART);
      expect(partsUnder(input, /^xl\/(charts|drawings)\/[^/]+\.xml$/)).toEqual([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
      ]);
      const run1 = await writeSheets([chartSheet()], input);
      const run2 = await writeSheets([chartSheet()], run1);
      for (const run of [run1, run2]) {
        expect(await untouchedEntriesIdentical(input, run)).toEqual([]);
        expect(packageProblems(run)).toEqual([]);
        expect(partsUnder(run, /^xl\/(charts|drawings)\/[^/]+\.xml$/)).toEqual([
          "xl/charts/chart1.xml",
          "xl/charts/chart2.xml",
          "xl/charts/chart3.xml",
          "xl/charts/chart4.xml",
          "xl/charts/chart5.xml",
          "xl/charts/chart6.xml",
          "xl/drawings/drawing1.xml",
          "xl/drawings/drawing2.xml",
        ]);
        expect(readSheetCharts(run, CHART_SHEET).map((c) => asChartModel(c, CHART_SHEET))).toEqual(CHARTS);
        const user = readSheetCharts(run, "Chart data");
        expect(user.map((c) => [c.kind, c.title, c.categories, c.series[0].values])).toEqual([
          [
            "column",
            "User chart",
            { sheet: "Chart data", area: { top: 1, left: 0, bottom: 3, right: 0 } },
            { sheet: "Chart data", area: { top: 1, left: 1, bottom: 3, right: 1 } },
          ],
        ]);
      }
      // Without charts, ours go and the user's stay.
      const none = await writeSheets([chartSheet(null)], run2);
      expect(await untouchedEntriesIdentical(input, none)).toEqual([]);
      expect(partsUnder(none, /^xl\/(charts|drawings)\/[^/]+\.xml$/)).toEqual([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
      ]);
      expect(packageProblems(none)).toEqual([]);
    },
  );

  withCorpus(
    "Excel's chart sheet (chart1.xml with its style and colour parts) survives two runs byte for byte",
    async () => {
      const input = readFileSync(join(CORPUS, "chart-sheet.xlsx"));
      const run1 = await writeSheets([chartSheet()], input);
      const run2 = await writeSheets([chartSheet()], run1);
      expect(await untouchedEntriesIdentical(input, run2)).toEqual([]);
      expect(packageProblems(run2)).toEqual([]);
      expect(readSheetCharts(run2, CHART_SHEET).map((c) => asChartModel(c, CHART_SHEET))).toEqual(CHARTS);
      expect(partsUnder(run2, /^xl\/charts\/chart\d+\.xml$/)).toHaveLength(6);
      // The reader on Excel's own chart: a clustered column chart of three series over Sheet1.
      const excel = readSheetCharts(run2, "Chart1");
      expect(
        excel.map((c) => [c.kind, c.title, c.anchor, c.legend, c.series.map((x) => x.name?.sheet)]),
      ).toEqual([["column", "Wildlife Population", null, "bottom", ["Sheet1", "Sheet1", "Sheet1"]]]);
      expect(excel[0].series.map((x) => x.cachedValues)).toEqual([
        [8, 54, 93, 116, 137, 184],
        [150, 77, 32, 11, 6, 1],
        [80, 54, 100, 76, 93, 72],
      ]);
      expect(asChartModel(excel[0], "Chart1")).toBe('chart "Chart 1" is not anchored to cells');
    },
  );

  withOpenpyxl(
    "openpyxl opens the output and lists each chart with its type, title and series references",
    async () => {
      const listing = runPython(
        `
import os, json, openpyxl
wb = openpyxl.load_workbook(os.environ["IN"])
ws = wb[${JSON.stringify(CHART_SHEET)}]
def text(t):
    return "\\n".join("".join(r.t for r in (p.r or [])) for p in t.tx.rich.p) if t and t.tx and t.tx.rich else None
out = []
for c in ws._charts:
    out.append({
        "type": c.tagname,
        "title": text(c.title),
        "series": [{"name": s.tx.strRef.f, "values": s.val.numRef.f,
                    "categories": (s.cat.numRef or s.cat.strRef).f} for s in c.series],
    })
open(os.environ["OUT"], "w").write(json.dumps(out))
`,
        await writeSheets([chartSheet()]),
      );
      const q = `'${CHART_SHEET}'`;
      const byYear = {
        series: [
          { name: `${q}!$A$4`, values: `${q}!$B$4:$D$4`, categories: `${q}!$B$3:$D$3` },
          { name: `${q}!$A$5`, values: `${q}!$B$5:$D$5`, categories: `${q}!$B$3:$D$3` },
        ],
      };
      const byType = {
        series: [{ name: `${q}!$B$8`, values: `${q}!$B$9:$B$11`, categories: `${q}!$A$9:$A$11` }],
      };
      expect(JSON.parse(listing.toString())).toEqual([
        { type: "barChart", title: CHARTS[0].title, ...byYear },
        { type: "barChart", title: CHARTS[1].title, ...byYear },
        { type: "lineChart", title: CHARTS[2].title, ...byYear },
        { type: "barChart", title: CHARTS[3].title, ...byType },
        { type: "doughnutChart", title: CHARTS[4].title, ...byType },
      ]);
    },
  );
});

describe("data labels on a fill", () => {
  test("black or white, whichever contrasts more with the fill (WCAG 2.1 contrast ratio)", () => {
    expect(["1F4E79", "2E75B6", "7F7F7F", "9DC3E6", "BDD7EE", "FFFFFF", "000000"].map(labelColorOn)).toEqual([
      "FFFFFF",
      "FFFFFF",
      "000000",
      "000000",
      "000000",
      "000000",
      "FFFFFF",
    ]);
  });

  test("each doughnut slice's label and a stacked column's labels take that colour", async () => {
    const zip = readZip(await writeSheets([chartSheet()]), "out");
    const doughnut = entryText(zip, "xl/charts/chart5.xml", "out")!;
    const slices = [...doughnut.matchAll(/<c:dLbl><c:idx val="(\d)"\/>.*?<a:srgbClr val="(\w+)"\/>/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(slices).toEqual([
      ["0", "FFFFFF"],
      ["1", "000000"],
      ["2", "000000"],
    ]);
    const stacked = entryText(zip, "xl/charts/chart2.xml", "out")!;
    const labels = [...stacked.matchAll(/<c:dLbls>.*?<a:srgbClr val="(\w+)"\/>/g)].map((m) => m[1]);
    expect(labels).toEqual(["FFFFFF", "000000"]);
  });
});

describe("orphaned parts", () => {
  const rels = (...targets: [string, string][]) =>
    Buffer.from(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
        .map(([id, t]) => `<Relationship Id="${id}" Type="x" Target="${t}"/>`)
        .join(
          "",
        )}<Relationship Id="ext" Type="x" Target="https://example.org/" TargetMode="External"/></Relationships>`,
    );
  const part = (name: string, data: Buffer | string = "<x/>") => ({
    kind: "new" as const,
    name,
    data: Buffer.from(data),
  });
  const pkg = openPackage(
    writeZip(null, [
      part("[Content_Types].xml", "<Types/>"),
      part("_rels/.rels", rels(["r1", "xl/workbook.xml"])),
      part("xl/workbook.xml"),
      part(
        "xl/_rels/workbook.xml.rels",
        rels(["r1", "worksheets/sheet1.xml"], ["r2", "worksheets/sheet2.xml"]),
      ),
      part("xl/worksheets/sheet1.xml"),
      part("xl/worksheets/_rels/sheet1.xml.rels", rels(["r1", "../drawings/drawing1.xml"])),
      part("xl/drawings/drawing1.xml"),
      part(
        "xl/drawings/_rels/drawing1.xml.rels",
        rels(["r1", "../charts/chart1.xml"], ["r2", "../media/image1.png"]),
      ),
      part("xl/charts/chart1.xml"),
      part(
        "xl/charts/_rels/chart1.xml.rels",
        rels(["r1", "style1.xml"], ["r2", "/xl/worksheets/sheet2.xml"]),
      ),
      part("xl/charts/style1.xml"),
      part("xl/media/image1.png", "png"),
      part("xl/worksheets/sheet2.xml"),
      part("xl/worksheets/_rels/sheet2.xml.rels", rels(["r1", "../drawings/drawing2.xml"])),
      part("xl/drawings/drawing2.xml"),
      part("xl/drawings/_rels/drawing2.xml.rels", rels(["r1", "../media/image1.png"])),
    ]),
    "graph.zip",
  );

  test("what only the going sheet reached goes; an image another drawing shares and the kept sheets stay", () => {
    const sheets = new Set(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    expect([...orphanedParts(pkg, ["xl/worksheets/sheet1.xml"], sheets)].sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/style1.xml",
      "xl/drawings/drawing1.xml",
    ]);
    expect([...orphanedParts(pkg, ["xl/worksheets/sheet2.xml"], sheets)]).toEqual([
      "xl/drawings/drawing2.xml",
    ]);
    expect(
      [...orphanedParts(pkg, ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"], sheets)].sort(),
    ).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/style1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/media/image1.png",
    ]);
  });
});
