/**
 * Notes fit to print: each language's notes in that language, one numbered reference list per sheet
 * (publisher, document, year, table), no internal caveat or setting id — those reach the preparer as
 * info findings — and no note repeated on a sheet.
 */
import { runEngine } from "../../src/esg/engine";
import type { ReportLang, SheetModel } from "../../src/esg/types";
import { seedRead } from "../support/seed-read";

const CAVEAT = /confirm|approximate|secondary|appears to use|not confirmed/i;
const SETTING_IDS =
  /cn-mee-nbs|cn-guideline|share-of-category|split-of-trained|trainingReading|turnoverMethod|gridSeries|ipcc-2006|ipcc-ar6/;
/** Four English words in a row: a sentence, not a unit symbol ("kg CO2/kWh") or a code ("IPCC 2006"). */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){3,}/;

function notesOf(sheet: SheetModel): string[] {
  const head = sheet.cells.find((c) => c.value === "附註" || c.value === "Notes" || c.value === "附註 Notes");
  if (!head) return [];
  return sheet.cells
    .filter((c) => c.row > head.row && c.col === 0 && typeof c.value === "string")
    .map((c) => String(c.value));
}

const run = (language: ReportLang) => runEngine(seedRead(), { language, now: "2025-03-31T08:00:00.000Z" });

describe("notes fit to print", () => {
  test.each(["zh-HK", "en", "both"] as const)("no caveat, setting id or repeated note (%s)", (language) => {
    for (const s of run(language).sheets) {
      const notes = notesOf(s);
      for (const n of notes) {
        expect(n).not.toMatch(CAVEAT);
        expect(n).not.toMatch(SETTING_IDS);
      }
      const whole = notes.filter((n) => n.length > 20);
      expect(new Set(whole).size).toBe(whole.length);
    }
  });

  test("the zh-HK sheets print no English sentence anywhere (notes, titles, tables)", () => {
    const { sheets } = run("zh-HK");
    for (const s of sheets)
      for (const c of s.cells)
        if (typeof c.value === "string")
          expect([s.name, c.value]).not.toEqual([s.name, expect.stringMatching(ENGLISH_SENTENCE)]);
  });

  test("one numbered reference list per sheet: publisher, document, year, table", () => {
    const { sheets } = run("en");
    const a1 = sheets.find((s) => s.section === "A1")!;
    const refs = notesOf(a1).filter((n) => /^\[\d+\]/.test(n));
    expect(refs.map((r) => r.slice(0, 3))).toEqual(["[1]", "[2]"]);
    const text = notesOf(a1).join(" ");
    expect(text).toMatch(/\[2\] Ministry of Ecology and Environment and National Bureau of Statistics/);
    expect(text).toMatch(/Announcement\s+No\.\s+\d+\s+of\s+20\d\d/);
    const a2 = sheets.find((s) => s.section === "A2")!;
    expect(
      notesOf(a2)
        .filter((n) => /^\[\d+\]/.test(n))
        .map((r) => r.slice(0, 3)),
    ).toEqual(["[1]"]);
  });

  test("what the notes leave out reaches the preparer as info findings", () => {
    const { findings } = run("both");
    const provenance = findings.filter((f) => f.rule === "notes.provenance");
    expect(provenance.length).toBeGreaterThan(0);
    expect(provenance.every((f) => f.severity === "info")).toBe(true);
    expect(provenance.some((f) => /secondary|confirm/i.test(f.message.en))).toBe(true);
  });
});

describe("readable figures in the tables", () => {
  test("A1 and A2 state what every intensity divides by, as a live cell", () => {
    const { sheets } = run("zh-HK");
    for (const section of ["A1", "A2"]) {
      const s = sheets.find((x) => x.section === section)!;
      const label = s.cells.find((c) => c.value === "按2024年產量計算密度")!;
      expect(label).toBeDefined();
      const figure = s.cells.find((c) => c.row === label.row && c.formula === "Production");
      expect(figure?.value).toBe(12613);
      expect(figure?.numberFormat).toBe("#,##0");
    }
  });

  test("no non-zero figure is formatted to show as zero", () => {
    const read = seedRead();
    const { sheets } = runEngine(read, { language: "en" });
    for (const c of sheets.flatMap((s) => s.cells)) {
      if (typeof c.value !== "number" || c.value === 0 || !c.numberFormat) continue;
      const decimals = /\.(0+)/.exec(c.numberFormat)?.[1].length ?? 0;
      const shown = c.numberFormat.endsWith("%") ? c.value * 100 : c.value;
      expect(Math.round(Math.abs(shown) * 10 ** decimals)).toBeGreaterThan(0);
    }
  });
});
