/**
 * Hostile sizes (issue 15).
 * check_breakdown_100k_rows_ms: `esg check`'s engine work (snapshot, KPIs, checks) over one breakdown of
 * 100,000 rows (target ≤ 1,000); check_breakdown_20k_rows_ms beside it shows the growth is linear.
 * engine_breakdown_100k_rows_ms: the same plus the disclosure sheets (what generate builds).
 * names_1m_defined_names_ms: `esg names` (a child process) on a workbook of 1,000,000 defined names. Policy: refused in one line
 * (limits.ts, more than 200,000 names), so the figure is the time to the refusal (target ≤ 10,000) and
 * names_1m_refused is 1; names_1m_peak_rss_mb is the process's peak resident memory (target ≤ 1,024).
 * bomb_5gb_sheet_ms: `esg names` on a 5 MB file whose named sheet inflates to 5 GB (declaring 1,000
 * bytes). It is inflated and parsed as a stream and refused at the part cap (256 MB inflated), so the
 * figure is the time to the refusal; bomb_5gb_sheet_peak_rss_mb stays near an idle run's (before
 * streaming: about 330 MB, the part held whole up to the cap). bomb_5gb_refused is 1.
 * cdata_300mb_ms: `esg names` on a 1.8 MB file whose named sheet holds one 300 MB CDATA section in B2
 * (170:1, under the ratio cap). It is refused once the open section passes the stretch cap (limits.ts
 * xmlTextChars, 1 Mi characters), so the figure is the time to the refusal; cdata_300mb_peak_rss_mb
 * stays near an idle run's (without the cap: about 2.9 s and 360 MB, the section gathered up to the
 * part cap). cdata_300mb_refused is 1.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { inflateRawSync } from "zlib";
import { analyse, runEngine } from "../src/esg/engine";
import type { WorkbookRead } from "../src/esg/types";
import { readZip, writeZip, type ZipItem } from "../src/workbook/xlsx/zip";
import { SheetBuilder } from "../tests/support/seed-read";
import { deflatedCdataSheet, deflatedSheetBomb, withDeflatedPart } from "../tests/support/zip-bomb";
import { buildXlsx } from "../tests/workbook/fixtures";

function breakdown(rows: number): WorkbookRead {
  const b = new SheetBuilder("D")
    .add("Production", [[100]])
    .add("HazardousWaste", Array.from({ length: rows }, (_, i) => [`Waste ${i}`, i + 1, "recycled"]));
  return { names: b.names, sheets: [{ name: "D", visibility: "visible", generated: false }] };
}

function median(f: () => void, runs = 3): number {
  f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)]);
}

async function millionNames(): Promise<Buffer> {
  const base = await buildXlsx({ sheets: [{ name: "D", cells: { A1: 1 } }], names: [{ name: "One", scope: null, refersTo: "D!$A$1" }] });
  const zip = readZip(base, "base");
  const wbEntry = zip.byName.get("xl/workbook.xml")!;
  const wb = inflateRawSync(base.subarray(wbEntry.dataOffset, wbEntry.dataOffset + wbEntry.compressedSize)).toString("utf8");
  const many = Array.from({ length: 1_000_000 }, (_, i) => `<definedName name="N${i}">D!$A$1</definedName>`).join("");
  const items: ZipItem[] = zip.entries.filter((e) => e.name !== "xl/workbook.xml").map((entry) => ({ kind: "copy", entry }));
  items.push({ kind: "new", name: "xl/workbook.xml", data: Buffer.from(wb.replace("<definedNames>", `<definedNames>${many}`)) });
  return writeZip(base, items);
}

/** `esg names` as a user runs it, in its own process: exit code, stderr lines, elapsed ms, peak RSS MB. */
function esgNames(path: string): { code: number | null; lines: string[]; ms: number; peakMb: number } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, join(__dirname, "..", "bin", "esg.js"), "names", path], {
    encoding: "utf8",
    env: { ...process.env, ESG_FROM_SOURCE: "1" },
  });
  const lines = r.stderr.trim().split("\n");
  const [seconds, kb] = (lines[lines.length - 1] ?? "").split(" ").map(Number);
  return { code: r.status, lines, ms: Math.round(seconds * 1000), peakMb: Math.round(kb / 1024) };
}

export async function run(): Promise<Record<string, number>> {
  const r20 = breakdown(20_000);
  const r100 = breakdown(100_000);
  const check20 = median(() => analyse(r20));
  const check100 = median(() => analyse(r100));
  const engine100 = median(() => runEngine(r100), 1);

  const path = join(mkdtempSync(join(tmpdir(), "bench-names-")), "names.xlsx");
  writeFileSync(path, await millionNames());
  // The command line as a user runs it, in its own process: elapsed time and peak memory from /usr/bin/time.
  const names = esgNames(path);
  const refused = names.code === 2 && names.lines.some((l) => /more than 200,000 names; refused/.test(l)) ? 1 : 0;

  const bombPath = join(mkdtempSync(join(tmpdir(), "bench-bomb-")), "bomb.xlsx");
  const base = await buildXlsx({ sheets: [{ name: "D", cells: { B2: 1 } }], names: [{ name: "Electricity", scope: null, refersTo: "D!$B$2" }] });
  writeFileSync(bombPath, withDeflatedPart(base, "xl/worksheets/sheet1.xml", deflatedSheetBomb(5000), 1000));
  const bomb = esgNames(bombPath);
  const bombRefused = bomb.code === 2 && bomb.lines.some((l) => /inflates to more than [\d,]+ bytes; refused/.test(l)) ? 1 : 0;

  const cdataPath = join(mkdtempSync(join(tmpdir(), "bench-cdata-")), "cdata.xlsx");
  writeFileSync(cdataPath, withDeflatedPart(base, "xl/worksheets/sheet1.xml", deflatedCdataSheet(300), 1000));
  const cdata = esgNames(cdataPath);
  const cdataRefused = cdata.code === 2 && cdata.lines.some((l) => /CDATA section or tag of more than [\d,]+ characters \(cell B2\); refused/.test(l)) ? 1 : 0;
  return {
    check_breakdown_20k_rows_ms: check20,
    check_breakdown_100k_rows_ms: check100,
    check_breakdown_growth_20k_to_100k: Math.round((check100 / Math.max(1, check20)) * 10) / 10,
    engine_breakdown_100k_rows_ms: engine100,
    names_1m_defined_names_ms: names.ms,
    names_1m_refused: refused,
    names_1m_file_kb: Math.round(readFileSync(path).length / 1024),
    names_1m_peak_rss_mb: names.peakMb,
    bomb_5gb_sheet_ms: bomb.ms,
    bomb_5gb_sheet_peak_rss_mb: bomb.peakMb,
    bomb_5gb_file_kb: Math.round(readFileSync(bombPath).length / 1024),
    bomb_5gb_refused: bombRefused,
    cdata_300mb_ms: cdata.ms,
    cdata_300mb_peak_rss_mb: cdata.peakMb,
    cdata_300mb_file_kb: Math.round(readFileSync(cdataPath).length / 1024),
    cdata_300mb_refused: cdataRefused,
  };
}
