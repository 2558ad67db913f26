/** The committed example workbooks are what scripts/build-sample.ts builds, and the demo holds the seed figures. */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { buildSample, buildSyntheticSites, EXAMPLES } from "../../scripts/build-sample";
import { runEngine } from "../../src/esg/engine";
import { XlsxHost } from "../../src/workbook/xlsx/host";

async function content(buffer: Buffer): Promise<unknown> {
  const host = await XlsxHost.fromBuffer(buffer, "x");
  const read = await host.read();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => cells.push([c.address, c.value, c.numFmt, c.style.font?.name, c.style.fill])),
    );
    return { name: ws.name, state: ws.state, cells, merges: ws.model.merges };
  });
  return { names: read.names, sheets };
}

test("examples/sample-esg-2024.xlsx is what the script builds", async () => {
  expect(await content(await buildSample())).toEqual(
    await content(readFileSync(join(EXAMPLES, "sample-esg-2024.xlsx"))),
  );
});

test("the sample's configuration sheet is the add-in's (marked), the data sheets the user's", async () => {
  // Unmarked, the pane's "Save settings" refused to replace ESG_Config as a user's sheet (issue 16).
  const read = await (await XlsxHost.fromBuffer(readFileSync(join(EXAMPLES, "sample-esg-2024.xlsx")), "s")).read();
  expect(read.sheets.map((s) => [s.name, s.generated])).toEqual([
    ["Instructions 說明", false],
    ["ESG Data 數據", false],
    ["ESG_Config", true],
  ]);
});

test("examples/synthetic-sites.xlsx is what the script builds, with sheet-scoped site names", async () => {
  const committed = readFileSync(join(EXAMPLES, "synthetic-sites.xlsx"));
  expect(await content(await buildSyntheticSites())).toEqual(await content(committed));
  const read = await (await XlsxHost.fromBuffer(committed, "s")).read();
  const electricity = read.names.filter((n) => n.name === "Electricity");
  expect(electricity.length).toBe(3);
  expect(electricity.every((n) => n.scope !== null && n.scope.includes("synthetic"))).toBe(true);
});

test("the demo output holds the seed figures, intensities as live formulas over the names", async () => {
  const host = await XlsxHost.fromBuffer(readFileSync(join(EXAMPLES, "sample-esg-2024.xlsx")), "sample");
  const result = runEngine(await host.read(), { now: "2025-01-01T00:00:00.000Z" });
  await host.write(result.sheets, {
    at: "2025-01-01T00:00:00.000Z",
    host: "xlsx",
    sections: [],
    language: "both",
    valuesOnly: false,
    sheets: [],
    sourceNames: [],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ExcelJS.Buffer);
  const numbers: number[] = [];
  const formulas: string[] = [];
  for (const ws of wb.worksheets.filter((w) => w.name.startsWith("ESG "))) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        if (typeof v === "number") numbers.push(v);
        if (v !== null && typeof v === "object" && "formula" in v) {
          formulas.push((v as { formula: string }).formula);
          const r = (v as { result?: unknown }).result;
          if (typeof r === "number") numbers.push(r);
        }
      }),
    );
  }
  const seed = [
    12613, 3.6, 490.8, 62445, 720, 192, 30, 29843800, 205, 24221, 144825, 3, 341, 71, 270, 46, 210, 85, 338,
    32, 296, 192, 2368, 6, 8, 0.17,
  ];
  for (const v of seed) expect([v, numbers.some((n) => Math.abs(n - v) < 1e-9)]).toEqual([v, true]);
  const intensity = (num: number) => numbers.some((n) => Math.abs(n - num) < 0.05);
  expect(intensity(29843800 / 12613)).toBe(true);
  expect(intensity(144825 / 12613)).toBe(true);
  expect(formulas.some((f) => /Electricity/.test(f) && /Production/.test(f))).toBe(true);
  expect(formulas.some((f) => /Water/.test(f) && /Production/.test(f))).toBe(true);
});

test("the demo flags Scope 1 as incomplete: the seed is a magnesium producer with no process emissions", async () => {
  const host = await XlsxHost.fromBuffer(readFileSync(join(EXAMPLES, "sample-esg-2024.xlsx")), "sample");
  const result = runEngine(await host.read(), { now: "2025-01-01T00:00:00.000Z" });
  expect(result.options.industry).toBe("magnesium-pidgeon");
  const f = result.findings.find((x) => x.rule === "process.missing");
  expect(f?.severity).toBe("error");
  expect(result.kpis.find((k) => k.id === "A1.2.scope1.process")?.reason?.en).toMatch(/Scope 1 is incomplete/);
});
