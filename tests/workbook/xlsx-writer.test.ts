/**
 * The package writer on workbooks written by other programs: a LibreOffice workbook with a chart, a
 * pivot table, an external link, an image and a shape; an openpyxl workbook with a chart; an .xlsm; a
 * workbook with whole-column and whole-grid data validations. For each, generate writes; every part it
 * does not own is byte-identical; openpyxl opens the result; the generated sheets equal what the
 * ExcelJS-based writer wrote before (tests/workbook/xlsx-legacy) cell by cell — values, formulas,
 * formats, styles, merges, panes, widths, page set-up and names; three runs in a row leave styles.xml
 * and every user part unchanged. LibreOffice opens the results and, recalculating, finds the cached
 * values (tests/workbook/libreoffice.test.ts does the same on the sample). Skipped without openpyxl;
 * the LibreOffice fixture also needs soffice.
 */
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { featuresFods } from "../../scripts/measure-exceljs-loss";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { readZip } from "../../src/workbook/xlsx/zip";
import { convert, sofficePath } from "./soffice";
import { generateRun, identicalCount, NOW, untouchedEntriesIdentical } from "./xlsx-helpers";
import { XlsxHost as LegacyHost } from "./xlsx-legacy/host";
import { openpyxlDump, pythonWithOpenpyxl, runPython } from "./xlsx-python";

jest.setTimeout(300_000);

const SAMPLE = readFileSync(join(__dirname, "..", "..", "examples", "sample-esg-2024.xlsx"));
const maybe = pythonWithOpenpyxl() ? describe : describe.skip;
const withSoffice = pythonWithOpenpyxl() && sofficePath() ? describe : describe.skip;

/** The sample saved by openpyxl with a bar chart over its data. */
const OPENPYXL_CHART = `
import os, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.load_workbook(os.environ["IN"])
ws = wb.create_sheet("Chart data")
for row in [["Site", "kWh"], ["A", 10], ["B", 20], ["C", 30]]:
    ws.append(row)
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
ws.add_chart(chart, "D2")
wb.save(os.environ["OUT"])
`;

/** The sample saved by openpyxl with two whole-column validations and one over the whole grid. */
const OPENPYXL_VALIDATIONS = `
import os, openpyxl
from openpyxl.worksheet.datavalidation import DataValidation
wb = openpyxl.load_workbook(os.environ["IN"])
ws = wb.worksheets[-1]
for sqref in ["C1:C1048576", "D1:D1048576"]:
    dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    dv.add(sqref)
    ws.add_data_validation(dv)
grid = wb.create_sheet("Grid")
grid["A1"] = "any"
dv = DataValidation(type="list", formula1='"yes,no"')
dv.add("A1:XFD1048576")
grid.add_data_validation(dv)
wb.save(os.environ["OUT"])
`;

/** The sample as an .xlsm: a VBA project part and the macro-enabled workbook content type. */
async function xlsm(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(SAMPLE);
  zip.file("xl/vbaProject.bin", Buffer.from("not really a VBA project, kept byte for byte"));
  const types = (await zip.file("[Content_Types].xml")!.async("string"))
    .replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    .replace(
      "<Default ",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
    );
  zip.file("[Content_Types].xml", types);
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
    "</Relationships>",
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const FIXTURES: [string, () => Promise<Buffer>][] = [
  ["openpyxl with a chart", async () => runPython(OPENPYXL_CHART, SAMPLE)],
  [
    "openpyxl with whole-column and whole-grid validations",
    async () => runPython(OPENPYXL_VALIDATIONS, SAMPLE),
  ],
  [".xlsm", xlsm],
];

/** The generated sheets as the ExcelJS-based writer wrote them (a blank workbook, the same models). */
async function legacyOutput(models: Parameters<LegacyHost["write"]>[0]): Promise<Buffer> {
  const host = LegacyHost.blank("legacy.xlsx");
  await host.write(models, {
    at: NOW,
    host: "xlsx",
    sections: [],
    language: "both",
    valuesOnly: false,
    sheets: models.map((m) => m.name),
    sourceNames: [],
  });
  return host.toBuffer();
}

async function checkWorkbook(input: Buffer, label: string): Promise<void> {
  const run1 = await generateRun(input, label);
  expect(await untouchedEntriesIdentical(input, run1.output)).toEqual([]);

  // The generated sheets equal the previous writer's, cell by cell.
  const names = run1.sheets.map((s) => s.name);
  const ours = openpyxlDump(run1.output, names);
  const before = openpyxlDump(await legacyOutput(run1.sheets), names);
  for (const name of names) expect([name, ours.worksheets[name]]).toEqual([name, before.worksheets[name]]);
  const ourNames = JSON.stringify(ours.names);
  for (const n of before.names) expect([ourNames.includes(JSON.stringify(n)), n]).toEqual([true, n]);

  // Three runs in a row: styles.xml and every user part stay as they are.
  const run2 = await generateRun(run1.output, label);
  const run3 = await generateRun(run2.output, label);
  const styles = (b: Buffer): string => {
    const zip = readZip(b, "x");
    const e = zip.byName.get("xl/styles.xml")!;
    return b.subarray(e.localOffset, e.localOffset + e.localLength).toString("latin1");
  };
  expect(styles(run2.output)).toBe(styles(run1.output));
  expect(styles(run3.output)).toBe(styles(run1.output));
  expect(await untouchedEntriesIdentical(input, run3.output)).toEqual([]);
  expect(await untouchedEntriesIdentical(run1.output, run3.output)).toEqual([]);
  const history = openpyxlDump(run3.output, ["ESG_History"]).worksheets.ESG_History;
  expect(Object.keys(history.cells).filter((c) => c.startsWith("A"))).toEqual(["A1", "A2", "A3", "A4"]);
}

maybe("the package writer keeps the user's workbook", () => {
  test.each(FIXTURES)("%s", async (label, build) => {
    await checkWorkbook(await build(), `${label}.xlsx`);
  });

  test(".xlsm: the VBA project and the macro-enabled type are kept", async () => {
    const input = await xlsm();
    const { output } = await generateRun(input, "book.xlsm");
    const out = await JSZip.loadAsync(output);
    expect(await out.file("xl/vbaProject.bin")!.async("string")).toMatch(/kept byte for byte/);
    expect(await out.file("[Content_Types].xml")!.async("string")).toContain("macroEnabled.main+xml");
    expect((await XlsxHost.fromBuffer(output, "book.xlsm")).macroEnabled).toBe(true);
  });

  test("openpyxl's <sheet> elements declare xmlns:r each; new ones do too, and the chart survives", async () => {
    const input = runPython(OPENPYXL_CHART, SAMPLE);
    const { output } = await generateRun(input, "chart.xlsx");
    const workbook = await (await JSZip.loadAsync(output)).file("xl/workbook.xml")!.async("string");
    const sheets = workbook.match(/<sheet [^>]*>/g) ?? [];
    expect(sheets.length).toBeGreaterThan(10);
    for (const s of sheets) expect(s).toMatch(/xmlns:r="[^"]+".* r:id="rId\d+"/);
    const ids = sheets.map((s) => /sheetId="(\d+)"/.exec(s)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    const dump = runPython(
      `
import os, openpyxl
wb = openpyxl.load_workbook(os.environ["IN"])
open(os.environ["OUT"], "w").write(str(len(wb["Chart data"]._charts)))
`,
      output,
    );
    expect(dump.toString()).toBe("1");
    expect(identicalCount(input, output).identical).toBeGreaterThan(0);
  });
});

withSoffice("a LibreOffice-written workbook with a chart and a pivot table", () => {
  test("generate keeps the chart, pivot table, link, image and shape; LibreOffice and openpyxl open it", async () => {
    const input = await convert(Buffer.from(featuresFods()), "features.fods", "xlsx");
    const parts = [...readZip(input, "lo").byName.keys()];
    expect(parts.some((p) => p.startsWith("xl/charts/"))).toBe(true);
    expect(parts.some((p) => p.startsWith("xl/pivotTables/"))).toBe(true);
    await checkWorkbook(input, "libreoffice.xlsx");
    const { output } = await generateRun(input, "libreoffice.xlsx");
    const outParts = [...readZip(output, "out").byName.keys()];
    for (const p of parts.filter((p) =>
      /^xl\/(charts|pivotTables|pivotCache|externalLinks|drawings|media)\//.test(p),
    ))
      expect(outParts).toContain(p);
    // LibreOffice reads it back with its chart (and recalculates without complaint).
    const again = await convert(output, "generated.xlsx", "xlsx", { recalc: true });
    expect([...readZip(again, "again").byName.keys()].some((p) => p.startsWith("xl/charts/"))).toBe(true);
    expect(openpyxlDump(output).sheets).toContain("ESG_History");
  });
});
