/**
 * What the charts cost the xlsx host (issue 14): `esg generate` in memory with the charts the engine
 * plans against the same run with charts: false, alternating, median of several runs, on the sample
 * and on the synthetic 200-site workbook; and how many chart parts the sample's output holds. Figures
 * and ratios only (no target: the generate-vs-ExcelJS ratios in cli.bench.ts carry the charts too).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { buildSyntheticSites } from "../scripts/build-sample";
import { runEngine } from "../src/esg/engine";
import { XlsxHost } from "../src/workbook/xlsx/host";
import { readZip } from "../src/workbook/xlsx/zip";

const NOW = "2025-01-01T00:00:00.000Z";

async function generate(buffer: Buffer, charts: boolean): Promise<Buffer> {
  const host = await XlsxHost.fromBuffer(buffer, "bench.xlsx");
  const result = runEngine(await host.read(), { now: NOW, charts });
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

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function compare(
  buffer: Buffer,
  runs: number,
): Promise<{ withMs: number; withoutMs: number; ratio: number }> {
  await generate(buffer, true);
  await generate(buffer, false);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(await time(() => generate(buffer, false)));
    a.push(await time(() => generate(buffer, true)));
  }
  const withMs = median(a);
  const withoutMs = median(b);
  return {
    withMs: Math.round(withMs),
    withoutMs: Math.round(withoutMs),
    ratio: Math.round((withMs / withoutMs) * 100) / 100,
  };
}

export async function run(): Promise<Record<string, number>> {
  const sample = readFileSync(join(__dirname, "..", "examples", "sample-esg-2024.xlsx"));
  const sites = await buildSyntheticSites(200, true);
  const s = await compare(sample, 9);
  const big = await compare(sites, 3);
  const parts = readZip(await generate(sample, true), "out").entries.filter((e) =>
    /^xl\/charts\/chart\d+\.xml$/.test(e.name),
  );
  return {
    xlsx_generate_sample_charts_ms: s.withMs,
    xlsx_generate_sample_no_charts_ms: s.withoutMs,
    xlsx_charts_vs_no_charts_sample: s.ratio,
    xlsx_generate_200_sites_charts_ms: big.withMs,
    xlsx_generate_200_sites_no_charts_ms: big.withoutMs,
    xlsx_charts_vs_no_charts_200_sites: big.ratio,
    xlsx_chart_parts_sample: parts.length,
  };
}
