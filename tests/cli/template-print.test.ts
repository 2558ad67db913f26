/**
 * The blank template (`esg template`) as a preparer prints it: its three input sheets (instructions,
 * data, the group's content-index statements) rendered to PDF by LibreOffice and read back with
 * pdftotext (poppler). Skipped when soffice or pdftotext is not installed.
 *
 * What must hold on paper: A4 pages; every sheet one page wide (a row's first and last columns on one
 * line); no text cut — every instruction, metric label and KPI wording is in the PDF whole, and no two
 * lines of text are drawn over each other (a wrapped cell in a row too low for it spills into the next).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { disclosuresSheet, instructionsSheet, templateModels } from "../../src/cli/template/layout";
import { ruleFor } from "../../src/esg/catalog";
import { METRICS } from "../../src/esg/metrics";
import { XlsxHost } from "../../src/workbook/xlsx/host";
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

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly text: string;
}

interface Printed {
  /** Per page, as laid out (-layout): a table row's cells on one line. */
  readonly layout: string[];
  /** The whole document in drawing order (-raw): a wrapped cell's lines one after another. */
  readonly raw: string;
  readonly sizes: string[];
  /** Per page, its width and every line of text with its box (-bbox-layout). */
  readonly pages: { readonly width: number; readonly lines: Box[] }[];
}

const attr = (tag: string, name: string): number => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)?.[1]);

function pagesOf(xhtml: string): Printed["pages"] {
  return xhtml
    .split("<page ")
    .slice(1)
    .map((page) => ({
      width: attr(page.slice(0, page.indexOf(">")), "width"),
      lines: [...page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((m) => ({
        x0: attr(m[1], "xMin"),
        y0: attr(m[1], "yMin"),
        x1: attr(m[1], "xMax"),
        y1: attr(m[1], "yMax"),
        text: [...m[2].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(" "),
      })),
    }));
}

async function printTemplate(): Promise<Printed> {
  const dir = mkdtempSync(join(tmpdir(), "esg-template-print-"));
  try {
    const host = XlsxHost.blank("template.xlsx");
    await host.writeInput(templateModels());
    const pdfPath = join(dir, "template.pdf");
    writeFileSync(pdfPath, await convert(await host.toBuffer(), "template.xlsx", "pdf"));
    const text = (...args: string[]) =>
      execFileSync("pdftotext", [...args, pdfPath, "-"], { encoding: "utf8" });
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdfPath], { encoding: "utf8" });
    return {
      layout: text("-layout").split("\f"),
      raw: text("-raw"),
      sizes: [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1]),
      pages: pagesOf(text("-bbox-layout")),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squeeze = (s: string): string => s.replace(/\s+/g, "");
const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

maybe("the blank template printed through LibreOffice", () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await printTemplate();
  });

  const layoutLines = () => printed.layout.flatMap((p) => p.split("\n"));

  test("every page is A4", () => {
    expect(printed.sizes.length).toBeGreaterThan(2);
    for (const s of printed.sizes) {
      const [w, h] = s
        .split(" x ")
        .map(Number)
        .sort((a, b) => a - b);
      expect([s, Math.abs(w - 595.3) < 1 && Math.abs(h - 841.9) < 1]).toEqual([s, true]);
    }
  });

  test("no instruction is cut: each is in the PDF whole", () => {
    const raw = squeeze(printed.raw);
    const texts = instructionsSheet().cells.map((c) => String(c.value));
    expect(texts.length).toBeGreaterThan(15);
    expect(texts.filter((t) => !raw.includes(squeeze(t)))).toEqual([]);
  });

  test("the data sheet is one page wide with every label whole: a metric's Chinese label and its name share a line", () => {
    const raw = squeeze(printed.raw);
    const lines = layoutLines();
    for (const m of METRICS) {
      expect([m.id, raw.includes(squeeze(m.label.en)), raw.includes(squeeze(m.label["zh-HK"]))]).toEqual([
        m.id,
        true,
        true,
      ]);
      // Column A (the label, top-aligned) and column H (the name) of the same row on one printed line.
      const head = m.label["zh-HK"].slice(0, 2);
      const on = lines.some(
        (l) => l.trimStart().startsWith(head) && new RegExp(`\\b${m.defaultName}\\s*$`).test(l),
      );
      expect([m.id, on]).toEqual([m.id, true]);
    }
  });

  test("the content-index sheet is one page wide with every KPI's wording whole", () => {
    const raw = squeeze(printed.raw);
    const lines = layoutLines();
    const kpis = ruleFor(2024).kpis;
    expect(disclosuresSheet(2024).cells.some((c) => c.value === kpis[0].code)).toBe(true);
    for (const k of kpis) {
      expect([k.code, raw.includes(squeeze(`${k.wording["zh-HK"]} ${k.wording.en}`))]).toEqual([
        k.code,
        true,
      ]);
      // The code (column A) and the start of the wording (column H) on one printed line.
      const on = lines.some(
        (l) => l.trimStart().startsWith(`${k.code} `) && l.includes(k.wording["zh-HK"].slice(0, 4)),
      );
      expect([k.code, on]).toEqual([k.code, true]);
    }
  });

  test("no printed line is only punctuation (a bracket or 。 wrapped onto a line of its own)", () => {
    const lines = printed.raw.split("\n").filter((l) => l.trim() !== "");
    expect(lines.filter((l) => /^[\p{P}\p{S}\s]+$/u.test(l))).toEqual([]);
  });

  test("no text runs past the paper's edge (a cell's text overflowing a fitted page is cut there)", () => {
    const past = printed.pages.flatMap(({ width, lines }, p) =>
      lines
        .filter((l) => l.x1 > width)
        .map((l) => `page ${p + 1}: "${unescape(l.text)}" ends at ${l.x1} of ${width}`),
    );
    expect(past).toEqual([]);
  });

  test("no two lines of text are drawn over each other (every wrapped row is tall enough)", () => {
    const clashes: string[] = [];
    printed.pages.forEach(({ lines: page }, p) => {
      for (let i = 0; i < page.length; i++)
        for (let j = i + 1; j < page.length; j++) {
          const [a, b] = [page[i], page[j]];
          const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1;
          // Glyph boxes of neighbouring lines touch; text drawn over text has its middles close together.
          const close =
            Math.abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) < Math.min(a.y1 - a.y0, b.y1 - b.y0) / 2;
          if (across && close)
            clashes.push(`page ${p + 1}: "${unescape(a.text)}" over "${unescape(b.text)}"`);
        }
    });
    expect(clashes).toEqual([]);
  });
});
