/**
 * The command line's figures (targets in README.md):
 * - `esg generate` in memory against the floor it is measured by: a plain ExcelJS read and write of the
 *   same file, side by side in one process, alternating, median of several runs; on the sample and on a
 *   synthetic 200-site workbook (10,000+ sheet-scoped names). Targets: ≤ 1.3 (sample), ≤ 0.7 (200 sites).
 * - The compiled `esg generate` as a process on the sample plus a 1,000,000-row sheet no name points
 *   into: wall time and peak memory (targets ≤ 2,000 ms, ≤ 300 MB).
 * - The compiled `esg names` on a two-name workbook with two whole-column data validations (≤ 500 ms).
 * - The compiled `esg --help`, whole process (≤ 300 ms).
 * dist/cli is built first when it is missing or older than the sources.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildSyntheticSites } from "../scripts/build-sample";
import { runEngine } from "../src/esg/engine";
import { XlsxHost } from "../src/workbook/xlsx/host";
import { readZip } from "../src/workbook/xlsx/zip";

const NOW = "2025-01-01T00:00:00.000Z";
const ROOT = join(__dirname, "..");
const COMPILED = join(ROOT, "dist", "cli", "main.js");

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

async function ratio(
  buffer: Buffer,
  runs: number,
): Promise<{ ratio: number; generateMs: number; floorMs: number }> {
  await generate(buffer);
  await floor(buffer);
  const g: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < runs; i++) {
    f.push(await time(() => floor(buffer)));
    g.push(await time(() => generate(buffer)));
  }
  return {
    ratio: round2(median(g) / median(f)),
    generateMs: Math.round(median(g)),
    floorMs: Math.round(median(f)),
  };
}

/** Build dist/cli when it is missing or older than a source file of the command line. */
function ensureCompiled(): void {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  if (existsSync(COMPILED) && statSync(COMPILED).mtimeMs >= newest(join(ROOT, "src"))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

/** Run the compiled CLI as its own process: wall time and peak resident memory (MB). */
function runCli(args: string[]): { ms: number; peakMb: number; code: number | null } {
  const probe = `const { main } = require(${JSON.stringify(COMPILED)});
main(${JSON.stringify(args)}).then((code) => {
  process.stderr.write("MAXRSS " + process.resourceUsage().maxRSS + "\\n");
  process.exit(code);
});`;
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", probe], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const kb = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0);
  if (r.status !== 0 && r.status !== 1) throw new Error(`esg ${args.join(" ")} failed: ${r.stderr}`);
  return { ms, peakMb: Math.round(kb / 1024), code: r.status };
}

/** The sample with a sheet of 1,000,000 rows that no name points into. */
async function millionRows(sample: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(sample);
  const rows: string[] = [];
  for (let r = 1; r <= 1_000_000; r++)
    rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r * 0.5}</v></c></row>`);
  zip.file(
    "xl/worksheets/big.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const id = Math.max(...[...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  zip.file(
    "xl/workbook.xml",
    wb.replace("</sheets>", `<sheet name="Raw log" sheetId="${id}" r:id="rIdBig"/></sheets>`),
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/big.xml"/></Relationships>',
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/big.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

/** Two names, and two data validations each over a whole column (A:A, B:B). */
async function wholeColumnValidations(): Promise<Buffer> {
  const host = XlsxHost.blank("validations.xlsx");
  await host.writeInput([
    {
      name: "Data",
      section: "INPUT",
      language: "en",
      font: { name: "Calibri", size: 11 },
      columns: [12, 12],
      cells: [
        { row: 0, col: 0, value: 29843800 },
        { row: 0, col: 1, value: 12613 },
      ],
      merges: [],
      styles: {},
      print: { paper: "A4", orientation: "portrait", fitToWidth: false },
      definedNames: [
        { name: "Electricity", address: "A1" },
        { name: "Production", address: "B1" },
      ],
    },
  ]);
  const zip = await JSZip.loadAsync(await host.toBuffer());
  const path = Object.keys(zip.files).find((p) => p.startsWith("xl/worksheets/sheet"))!;
  const xml = await zip.file(path)!.async("string");
  const dv =
    '<dataValidations count="2">' +
    '<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" sqref="A:A"><formula1>0</formula1></dataValidation>' +
    '<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" sqref="B:B"><formula1>0</formula1></dataValidation>' +
    "</dataValidations>";
  zip.file(path, xml.replace("<pageMargins", `${dv}<pageMargins`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export async function run(): Promise<Record<string, number>> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const dir = mkdtempSync(join(tmpdir(), "esg-bench-"));
  try {
    const sample = readFileSync(join(ROOT, "examples", "sample-esg-2024.xlsx"));
    const sites = await buildSyntheticSites(200, true);
    const names = (await (await XlsxHost.fromBuffer(sites, "sites")).read()).names.length;
    const s = await ratio(sample, 9);
    const big = await ratio(sites, 3);
    const sitesOut = await generate(sites);
    const inEntries = readZip(sites, "in").entries;
    const outZip = readZip(sitesOut, "out");
    const identical = inEntries.filter((e) => {
      const o = outZip.byName.get(e.name);
      return (
        o !== undefined &&
        sites
          .subarray(e.localOffset, e.localOffset + e.localLength)
          .equals(sitesOut.subarray(o.localOffset, o.localOffset + o.localLength))
      );
    }).length;
    clearInterval(sampler);

    ensureCompiled();
    const millionFile = join(dir, "million.xlsx");
    writeFileSync(millionFile, await millionRows(sample));
    const million = runCli(["generate", millionFile, "--out", join(dir, "million-out.xlsx")]);

    const dvFile = join(dir, "validations.xlsx");
    writeFileSync(dvFile, await wholeColumnValidations());
    const dvRuns = [0, 1, 2, 3, 4].map(() => runCli(["names", dvFile]).ms);

    // Node's own start-up on this machine, for context (the --help figure includes it).
    const bare: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"]);
      bare.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const help: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [join(ROOT, "bin", "esg.js"), "--help"], { encoding: "utf8" });
      help.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (r.status !== 0) throw new Error(`esg --help failed: ${r.stderr}`);
    }
    return {
      cli_generate_vs_exceljs_floor_sample: s.ratio,
      cli_generate_sample_ms: s.generateMs,
      cli_exceljs_floor_sample_ms: s.floorMs,
      cli_generate_vs_exceljs_floor_200_sites: big.ratio,
      cli_generate_200_sites_ms: big.generateMs,
      cli_exceljs_floor_200_sites_ms: big.floorMs,
      cli_200_sites_names: names,
      cli_200_sites_parts_identical: identical,
      cli_200_sites_parts: inEntries.length,
      cli_peak_rss_mb: Math.round(peak / 1e6),
      cli_generate_1m_rows_ms: Math.round(million.ms),
      cli_generate_1m_rows_peak_mb: million.peakMb,
      cli_names_whole_column_validations_ms: Math.round(median(dvRuns)),
      cli_startup_help_ms: Math.round(median(help)),
      cli_node_startup_ms: Math.round(median(bare)),
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}
