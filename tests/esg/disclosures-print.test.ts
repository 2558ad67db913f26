/**
 * The generated report as a reader gets it: the demo (the seed sample) and the multi-site example
 * generated in zh-HK only and in both languages, printed to PDF by LibreOffice and turned back into
 * text with pdftotext (poppler). Skipped when soffice or pdftotext is not installed.
 *
 * What must hold on paper: no "confirm" / "approximate" / "secondary" wording, no setting id and no
 * English sentence in the zh-HK-only report; no line that is only punctuation; the history log does not
 * print; every sheet one page wide on A4 (a table row's first and last columns on the same line).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generate } from "../../src/cli/commands/generate";
import { convert, sofficePath } from "../workbook/soffice";

function hasPdfToText(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const maybe = sofficePath() && hasPdfToText() ? describe : describe.skip;
jest.setTimeout(300_000);

const EXAMPLES = join(__dirname, "..", "..", "examples");
const CAVEAT = /confirm|approximate|secondary|appears to use/i;
const SETTING_IDS =
  /cn-mee-nbs|cn-guideline|cn-ets|share-of-category|split-of-trained|trainingReading|turnoverMethod|gridSeries|fuelMethod|ipcc-2006|ipcc-ar6/;
/** Four English words in a row: a sentence, not a unit ("kg CO2/kWh") or a name ("ESG A1"). */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){3,}/;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s]+$/u;

interface Printed {
  readonly pages: string[];
  readonly sizes: string[];
}

/** Generates the disclosures of `example` in `lang`, prints them to PDF and reads the pages back. */
async function printed(example: string, lang: "zh-HK" | "both", sheetsOnly = true): Promise<Printed> {
  const dir = mkdtempSync(join(tmpdir(), "esg-print-"));
  try {
    const out = join(dir, "out.xlsx");
    // The generated sheets only (--sheets-only): the report, not the group's input sheets.
    await generate(join(EXAMPLES, example), {
      out,
      lang,
      now: "2025-03-31T08:00:00.000Z",
      json: true,
      sheetsOnly,
    });
    const pdf = await convert(readFileSync(out), "out.xlsx", "pdf");
    const pdfPath = join(dir, "out.pdf");
    writeFileSync(pdfPath, pdf);
    const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdfPath], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1]);
    return { pages: text.split("\f").filter((p) => p.trim() !== ""), sizes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (p: Printed) => p.pages.flatMap((page) => page.split("\n")).filter((l) => l.trim() !== "");

maybe.each([
  ["the demo (seed sample)", "sample-esg-2024.xlsx"],
  ["the multi-site example", "synthetic-sites.xlsx"],
])("%s printed through LibreOffice", (_, example) => {
  let zh: Printed;
  let both: Printed;
  let whole: Printed;
  beforeAll(async () => {
    zh = await printed(example, "zh-HK");
    both = await printed(example, "both");
    // The whole workbook, input sheets and the generation history included.
    whole = await printed(example, "both", false);
  });

  test("no caveat wording or setting id on paper, in either language choice", () => {
    for (const l of [...lines(zh), ...lines(both)]) {
      expect(l).not.toMatch(CAVEAT);
      expect(l).not.toMatch(SETTING_IDS);
    }
  });

  test("the zh-HK-only report prints no English sentence", () => {
    expect(lines(zh).filter((l) => ENGLISH_SENTENCE.test(l))).toEqual([]);
  });

  test("no line is only punctuation", () => {
    expect([...lines(zh), ...lines(both)].filter((l) => PUNCTUATION_ONLY.test(l.trim()))).toEqual([]);
  });

  test("the generation history does not print with the workbook", () => {
    const text = lines(whole).join("\n");
    expect(text).toContain("How to use this workbook"); // the input sheets print…
    expect(text).not.toMatch(/source names|2025-03-31T08:00:00\.000Z\s+xlsx/i); // …the history log does not
  });

  test("every page is A4 and every sheet one page wide: a row's label and its status or figure share a line", () => {
    for (const s of [...zh.sizes, ...both.sizes]) {
      const [w, h] = s
        .split(" x ")
        .map(Number)
        .sort((a, b) => a - b);
      expect(Math.abs(w - 595.3)).toBeLessThan(1);
      expect(Math.abs(h - 841.9)).toBeLessThan(1);
    }
    const statuses = /已披露|部分披露|不適用|解釋|描述/;
    const codeLines = lines(zh).filter((l) => /^\s*(A[1-4]|B[1-8])\.\d\b/.test(l));
    expect(codeLines.length).toBeGreaterThan(20);
    for (const l of codeLines) expect(l).toMatch(statuses);
    const total = lines(zh).find((l) => l.includes("範圍1及2排放總量"));
    // The seed's Scope 1 lacks its process emissions (magnesium, Pidgeon process): the total is absent, not partial.
    if (total) expect(total).toMatch(example === "sample-esg-2024.xlsx" ? /–\s*$/ : /\d,\d{3}/);
  });
});
