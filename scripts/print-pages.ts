/**
 * `npx tsx scripts/print-pages.ts`: the demo's disclosure sheets (both languages, generated sheets only,
 * with their charts) printed to PDF by LibreOffice, and the first page of each section saved as
 * docs/print/<section>.png (pdftoppm, poppler-utils) so a reader sees the printed report without running
 * anything.
 * Needs soffice, pdftotext and pdftoppm on the PATH.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, renameSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import { generate } from "../src/cli/commands/generate";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "docs", "print");

/** Section titles as the sheets print them (labels.ts), to find each section's first page. */
const SECTIONS: ReadonlyArray<[string, RegExp]> = [
  ["A1", /層面A1：/],
  ["A2", /層面A2：/],
  ["B1", /層面B1：/],
  ["B2", /層面B2：/],
  ["B3", /層面B3：/],
  ["B5", /層面B5：/],
  ["B6", /層面B6：/],
  ["B7", /層面B7：/],
  ["B8", /層面B8：/],
  ["D", /D部分：/],
  ["INDEX", /香港聯交所《.*》內容索引/],
];

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "esg-pages-"));
  try {
    const xlsx = join(work, "demo.xlsx");
    await generate(join(ROOT, "examples", "sample-esg-2024.xlsx"), {
      out: xlsx,
      lang: "both",
      sheetsOnly: true,
      json: true,
      now: "2025-03-31T08:00:00.000Z",
    });
    // A profile of its own, so a LibreOffice already running (or another run) does not take the job.
    const profile = pathToFileURL(join(work, "profile")).href;
    execFileSync(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, xlsx],
      { stdio: "ignore" },
    );
    const pdf = join(work, "demo.pdf");
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    mkdirSync(OUT, { recursive: true });
    for (const [section, title] of SECTIONS) {
      const page = pages.findIndex((p) => title.test(p)) + 1;
      if (page === 0) throw new Error(`no page for section ${section}`);
      const prefix = join(work, section);
      execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(page), "-l", String(page), pdf, prefix]);
      const made = readdirSync(work).find((f) => f.startsWith(`${section}-`) && f.endsWith(".png"));
      if (!made) throw new Error(`pdftoppm wrote nothing for ${section}`);
      renameSync(join(work, made), join(OUT, `${section}.png`));
      process.stdout.write(`docs/print/${section}.png (page ${page})\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
