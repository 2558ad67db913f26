/**
 * `esg generate` against the floor it cannot beat: a plain ExcelJS read and write of the same file.
 * Both run side by side in one process, alternating, median of several runs; on the sample and on a
 * synthetic 200-site workbook (10,000+ sheet-scoped names). Target: ratio ≤ 1.3. Peak memory in MB.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { buildSyntheticSites } from "../scripts/build-sample";
import { runEngine } from "../src/esg/engine";
import { XlsxHost } from "../src/workbook/xlsx/host";

const NOW = "2025-01-01T00:00:00.000Z";

/** What `esg generate` does, minus the file system. */
async function generate(buffer: Buffer): Promise<Buffer> {
  const host = await XlsxHost.fromBuffer(buffer, "bench.xlsx");
  const result = runEngine(await host.read(), { now: NOW });
  await host.write(result.sheets, {
    at: NOW,
    host: "xlsx",
    sections: result.options.sections,
    language: result.options.language,
    valuesOnly: false,
    sheets: result.sheets.map((s) => s.name),
    sourceNames: result.sourceNames,
  });
  return host.toBuffer();
}

async function floor(buffer: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The ratio (floor = read and write the input) and, for context, generate over a plain ExcelJS
 * read and write of its own output: the disclosure sheets are new content the input floor never writes.
 */
async function ratio(
  buffer: Buffer,
  runs: number,
): Promise<{ ratio: number; outputRatio: number; generateMs: number; floorMs: number }> {
  const output = await generate(buffer);
  await floor(buffer);
  const g: number[] = [];
  const f: number[] = [];
  const o: number[] = [];
  for (let i = 0; i < runs; i++) {
    f.push(await time(() => floor(buffer)));
    g.push(await time(() => generate(buffer)));
    o.push(await time(() => floor(output)));
  }
  const generateMs = median(g);
  const floorMs = median(f);
  return {
    ratio: round2(generateMs / floorMs),
    outputRatio: round2(generateMs / median(o)),
    generateMs: Math.round(generateMs),
    floorMs: Math.round(floorMs),
  };
}

export async function run(): Promise<Record<string, number>> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const sample = readFileSync(join(__dirname, "..", "examples", "sample-esg-2024.xlsx"));
    const sites = await buildSyntheticSites(200, true);
    const names = (await (await XlsxHost.fromBuffer(sites, "sites")).read()).names.length;
    const s = await ratio(sample, 9);
    const big = await ratio(sites, 3);
    return {
      cli_generate_vs_exceljs_floor_sample: s.ratio,
      cli_generate_vs_exceljs_output_floor_sample: s.outputRatio,
      cli_generate_sample_ms: s.generateMs,
      cli_exceljs_floor_sample_ms: s.floorMs,
      cli_generate_vs_exceljs_floor_200_sites: big.ratio,
      cli_generate_vs_exceljs_output_floor_200_sites: big.outputRatio,
      cli_generate_200_sites_ms: big.generateMs,
      cli_exceljs_floor_200_sites_ms: big.floorMs,
      cli_200_sites_names: names,
      cli_peak_rss_mb: Math.round(peak / 1e6),
    };
  } finally {
    clearInterval(sampler);
  }
}
