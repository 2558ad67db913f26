/**
 * The charts on paper (issue 14): LibreOffice opens the xlsx host's output and prints each section with
 * its charts to PDF. What must hold: every page A4; the charts do not widen a sheet (fit-to-width would
 * then print it smaller: the sheet's title keeps its printed size and place, with and without charts);
 * each chart's title prints in both languages on its section's pages; the hand-made sheet takes the pages
 * its rows need; saved again by LibreOffice, the charts keep their types, titles and references. Skipped
 * without soffice and pdftotext (poppler-utils).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { ChartModel, SheetModel } from "../../src/esg/types";
import { asChartModel, readSheetCharts } from "../support/xlsx-chart-reader";
import { generateDisclosures } from "../../src/use-cases/generate";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { CHART_SHEET, CHARTS, chartSheet, writeSheets } from "./chart-fixtures";
import { convert, sofficePath } from "./soffice";

function hasPoppler(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const maybe = sofficePath() && hasPoppler() ? describe : describe.skip;
jest.setTimeout(300_000);

interface Word {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

interface PrintedPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
  readonly text: string;
}

/** The PDF LibreOffice prints from a workbook, page by page with its words and their boxes (pdftotext -bbox). */
async function print(book: Buffer): Promise<PrintedPage[]> {
  const dir = mkdtempSync(join(tmpdir(), "esg-chart-print-"));
  try {
    const pdf = join(dir, "out.pdf");
    writeFileSync(pdf, await convert(book, "out.xlsx", "pdf"));
    const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const decode = (t: string) =>
      t
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&");
    return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => {
      const words = [
        ...p[3].matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((w) => ({
        text: decode(w[4]),
        x: Number(w[1]),
        y: Number(w[2]),
        height: Number(w[3]) - Number(w[2]),
      }));
      return { width: Number(p[1]), height: Number(p[2]), words, text: words.map((w) => w.text).join("") };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A title's lines with their spaces taken out, as they can be found in a page's run of words. */
const titleLines = (title: string) => title.split("\n").map((l) => l.replace(/\s+/g, ""));

const A4 = (p: PrintedPage) =>
  [Math.round(p.width), Math.round(p.height)].sort((a, b) => a - b).join("x") === "595x842";

maybe("the hand-made chart sheet printed through LibreOffice", () => {
  let withCharts: PrintedPage[];
  let without: PrintedPage[];
  beforeAll(async () => {
    withCharts = await print(await writeSheets([chartSheet()]));
    without = await print(await writeSheets([chartSheet(null)]));
  });

  test("the pages its rows need: 91 rows of 15 pt, 1,365 pt, on A4 portrait's 734 pt (0.75 in margins) is 2 pages", () => {
    // The last chart ends at row 91 (chart-fixtures: 12 + 4 × 16 + 15); the sheet is 72 characters wide, less
    // than the page, so fit-to-width prints it at 100 %.
    expect(withCharts.map(A4)).toEqual([true, true]);
    expect(without).toHaveLength(1);
    expect(withCharts.every((p) => p.width < p.height)).toBe(true);
  });

  test("the charts do not widen the sheet: the table prints at the same size and place", () => {
    const first = (pages: PrintedPage[]) => pages[0].words[0];
    expect(first(withCharts)).toEqual(first(without));
  });

  test("each chart's title prints in both languages", () => {
    const text = withCharts.map((p) => p.text).join("");
    for (const chart of CHARTS) for (const line of titleLines(chart.title)) expect(text).toContain(line);
  });
});

maybe("LibreOffice reads the charts as written", () => {
  test("saved again by LibreOffice, each chart keeps its type, bilingual title and the cells it draws", async () => {
    const resaved = await convert(await writeSheets([chartSheet()]), "out.xlsx", "xlsx");
    // Through the model form, which holds only when every reference lies on the sheet itself.
    const gist = (c: ChartModel | string) =>
      typeof c === "string"
        ? c
        : {
            kind: c.kind,
            title: c.title,
            categories: c.categories,
            series: c.series.map((x) => [x.name, x.values]),
          };
    const read = readSheetCharts(resaved, CHART_SHEET).map((c) => asChartModel(c, CHART_SHEET));
    expect(read.map(gist)).toEqual(CHARTS.map(gist));
  });
});

/** The demo's disclosure sheets only (as --sheets-only writes them), with or without charts. */
async function demo(charts: boolean): Promise<{ book: Buffer; sheets: readonly SheetModel[] }> {
  const source = await XlsxHost.fromBuffer(
    readFileSync(join(__dirname, "..", "..", "examples", "sample-esg-2024.xlsx")),
    "sample.xlsx",
  );
  const target = XlsxHost.blank("demo.xlsx");
  const outcome = await generateDisclosures({
    source,
    target,
    now: "2025-03-31T08:00:00.000Z",
    language: "both",
    errors: { kind: "accept", note: "test" },
    beforeWrite: (run) => target.setOptions({ valuesOnly: run.options.valuesOnly }),
    options: { valuesFor: "sheets-only", charts },
  });
  if (outcome.kind !== "written") throw new Error("blocked");
  return { book: await target.toBuffer(), sheets: outcome.run.sheets };
}

maybe("the demo's sections printed with their charts", () => {
  let sheets: readonly SheetModel[];
  let withCharts: PrintedPage[];
  let without: PrintedPage[];
  beforeAll(async () => {
    const a = await demo(true);
    sheets = a.sheets;
    withCharts = await print(a.book);
    without = await print((await demo(false)).book);
  });

  /** The first page of each section: where its title (the first words of its sheet) is the first word. */
  const sectionStarts = (pages: PrintedPage[]) =>
    sheets.map((s) => {
      const title = String(s.cells.find((c) => c.row === 0 && c.col === 0)?.value ?? "").split(/\s/)[0];
      return pages.findIndex((p) => p.words[0]?.text === title);
    });

  test("every page is A4; each section starts with its title at the same size and place, charts or not", () => {
    expect(withCharts.every(A4)).toBe(true);
    const a = sectionStarts(withCharts);
    const b = sectionStarts(without);
    expect(a.every((i) => i >= 0) && b.every((i) => i >= 0)).toBe(true);
    for (let i = 0; i < sheets.length; i++) {
      expect([sheets[i].name, withCharts[a[i]].width, withCharts[a[i]].words[0]]).toEqual([
        sheets[i].name,
        without[b[i]].width,
        without[b[i]].words[0],
      ]);
    }
  });

  test("each chart's title prints in both languages on its section's pages", () => {
    const starts = sectionStarts(withCharts);
    const charted = sheets.filter((s) => s.charts?.length);
    expect(charted.length).toBeGreaterThan(0);
    sheets.forEach((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : withCharts.length;
      const text = withCharts
        .slice(starts[i], end)
        .map((p) => p.text)
        .join("");
      for (const chart of s.charts ?? [])
        for (const line of titleLines(chart.title))
          expect([s.name, text.includes(line)]).toEqual([s.name, true]);
    });
  });
});
