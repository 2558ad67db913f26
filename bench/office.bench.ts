/**
 * Syncs of a whole run inside Excel (read, check, compute, build, write) with the Office adapter on
 * the strict fake of the Excel JavaScript API: on the bundled sample workbook (examples/sample-esg-2024.xlsx,
 * seeded through the headless reader: tests/fakes/excel/from-xlsx.ts) and on a synthetic 200-site workbook.
 * Target: at most 3 for both. Also the largest request and response of the run (UTF-8 bytes; Excel on
 * the web refuses either over 5 MB; target for responses ≤ 4.5 MB), and the syncs of reading one name
 * the engine uses that spans a whole column (1,048,576 rows): row blocks under the response budget.
 * The sample run draws the engine's charts (issue 14); the same run with charts off gives the syncs to
 * compare, and the number of charts the fake holds after the run.
 * And the syncs of the Data view's grid picker writing one site's GridRegion cell (target 1).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { runEngine } from "../src/esg/engine";
import { createOfficeHost, writeCellValue } from "../src/workbook/office";
import { createFakeExcel, fakeExcelFromRead, type FakeExcel } from "../tests/fakes/excel";
import { fakeExcelFromXlsx } from "../tests/fakes/excel/from-xlsx";
import { syntheticRead } from "../tests/support/synthetic";

const SAMPLE = join(__dirname, "../examples/sample-esg-2024.xlsx");

async function fullRun(
  excel: FakeExcel,
  charts = true,
): Promise<{ syncs: number; releases: number; maxRequest: number; maxResponse: number; ms: number; charts: number }> {
  const started = performance.now();
  const host = createOfficeHost(excel);
  const read = await host.read();
  const result = runEngine(read, { charts });
  await host.write(result.sheets, {
    at: new Date().toISOString(),
    host: "office",
    sections: result.sheets.map((s) => s.section),
    language: result.options.language,
    valuesOnly: false,
    sheets: result.sheets.map((s) => s.name),
    sourceNames: result.sourceNames,
  });
  return {
    syncs: excel.runtime.syncs,
    releases: excel.runtime.releases,
    maxRequest: Math.max(...excel.runtime.requestBytes),
    maxResponse: Math.max(...excel.runtime.responseBytes),
    ms: performance.now() - started,
    charts: excel.workbook.sheets.reduce((n, s) => n + s.charts.length, 0),
  };
}

/** Syncs and largest response of reading a workbook whose Electricity name is a whole column. */
async function wholeColumnRead(): Promise<{ syncs: number; maxResponse: number; ms: number }> {
  const excel = createFakeExcel({
    sheets: [{ name: "Data", rows: Array.from({ length: 5000 }, (_, r) => [r * 1.5]) }],
    names: [{ name: "Electricity", refersTo: "Data!$A:$A" }],
  });
  const started = performance.now();
  await createOfficeHost(excel).read();
  return {
    syncs: excel.runtime.syncs,
    maxResponse: Math.max(...excel.runtime.responseBytes),
    ms: performance.now() - started,
  };
}

/** Syncs of writing one cell (the grid picker's write), on the sample workbook's fake. */
async function oneCellWrite(excel: FakeExcel): Promise<number> {
  const before = excel.runtime.syncs;
  await writeCellValue(excel, "'ESG Data 數據'!B1", "South China");
  return excel.runtime.syncs - before;
}

export async function run(): Promise<Record<string, number>> {
  const sample = await fullRun(
    await fakeExcelFromXlsx(readFileSync(SAMPLE), { label: "sample-esg-2024.xlsx" }),
  );
  const bare = await fullRun(
    await fakeExcelFromXlsx(readFileSync(SAMPLE), { label: "sample-esg-2024.xlsx" }),
    false,
  );
  const sites = await fullRun(fakeExcelFromRead(syntheticRead(200)));
  const column = await wholeColumnRead();
  const write = await oneCellWrite(
    await fakeExcelFromXlsx(readFileSync(SAMPLE), { label: "sample-esg-2024.xlsx" }),
  );
  return {
    syncs_full_run_sample: sample.syncs,
    // Charts (issue 14) are drawn in the sheets' batch: the same syncs as with --no-charts.
    syncs_full_run_sample_no_charts: bare.syncs,
    office_charts_full_run_sample: sample.charts,
    syncs_full_run_200_sites: sites.syncs,
    // Requests office.js would send after Excel.run to release ranges still tracked (counted in the syncs).
    syncs_full_run_200_sites_releases: sites.releases,
    office_max_request_bytes_200_sites: sites.maxRequest,
    office_max_response_bytes_200_sites: sites.maxResponse,
    syncs_read_one_whole_column_name: column.syncs,
    office_max_response_bytes_whole_column: column.maxResponse,
    office_read_whole_column_on_fake_ms: Math.round(column.ms),
    office_full_run_on_fake_200_sites_ms: Math.round(sites.ms),
    syncs_write_one_cell: write,
  };
}
