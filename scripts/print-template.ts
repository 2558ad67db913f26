/**
 * `npx tsx scripts/print-template.ts`: the blank input template (`esg template`) printed to PDF by
 * LibreOffice, and the first page of each of its sheets saved as docs/print/template-<sheet>.png
 * (pdftoppm, poppler-utils), so a reader sees how the instructions, the data sheet and the content-index
 * statements print. Needs soffice, pdftotext and pdftoppm on the PATH.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import { templateModels } from "../src/cli/template/layout";
import { XlsxHost } from "../src/workbook/xlsx/host";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "docs", "print");

/** Each sheet's title as it prints, to find its first page. */
const SHEETS: ReadonlyArray<[string, RegExp]> = [
  ["instructions", /How to use this workbook/],
  ["data", /ESG data 環境、社會及管治數據/],
  ["disclosures", /Content index: the group's statements/],
];

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "esg-template-pages-"));
  try {
    const host = XlsxHost.blank("template.xlsx");
    await host.writeInput(templateModels());
    const xlsx = join(work, "template.xlsx");
    writeFileSync(xlsx, await host.toBuffer());
    // A private profile: a LibreOffice already running elsewhere would otherwise take the job over.
    const profile = `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`;
    execFileSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", work, xlsx], {
      stdio: "ignore",
    });
    const pdf = join(work, "template.pdf");
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    mkdirSync(OUT, { recursive: true });
    for (const [sheet, title] of SHEETS) {
      const page = pages.findIndex((p) => title.test(p)) + 1;
      if (page === 0) throw new Error(`no page for the ${sheet} sheet`);
      const prefix = join(work, sheet);
      execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(page), "-l", String(page), pdf, prefix]);
      const made = readdirSync(work).find((f) => f.startsWith(`${sheet}-`) && f.endsWith(".png"));
      if (!made) throw new Error(`pdftoppm wrote nothing for ${sheet}`);
      renameSync(join(work, made), join(OUT, `template-${sheet}.png`));
      process.stdout.write(`docs/print/template-${sheet}.png (page ${page})\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
