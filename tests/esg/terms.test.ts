/**
 * One label for location-based Scope 2 (issue 11): 按地點計算, as the KPI catalogue writes it, in every
 * sheet, footnote, formula text and function description; the other rendering (按所在地計算) never.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { runEngine } from "../../src/esg/engine";
import { scope2Location } from "../../src/esg/ghg";
import { LOCATION_BASED, LOCATION_BASED_NOT_USED } from "../../src/esg/terms";
import type { ReportLang } from "../../src/esg/types";
import { seedRead } from "../support/seed-read";

const ZH = LOCATION_BASED["zh-HK"];

describe("location-based has one Chinese label", () => {
  test.each(["zh-HK", "both"] as const)(
    "the report (%s) prints 按地點計算 and never 按所在地計算",
    (language: ReportLang) => {
      const out = runEngine(seedRead(), { language, now: "2025-03-31T08:00:00.000Z" });
      const cells = out.sheets
        .flatMap((s) => s.cells.map((c) => c.value))
        .filter((v) => typeof v === "string");
      const texts = [
        ...cells,
        ...out.kpis.flatMap((k) => [k.label["zh-HK"], k.formula["zh-HK"]]),
        ...out.findings.flatMap((f) => [f.message["zh-HK"], f.hint["zh-HK"]]),
      ];
      expect(texts.filter((t) => t.includes(LOCATION_BASED_NOT_USED))).toEqual([]);
      // The label is there to be found: the D / A1 Scope 2 row and its note.
      expect(cells.filter((t) => t.includes(ZH)).length).toBeGreaterThanOrEqual(2);
    },
  );

  test("Scope 2's formula text says 按地點計算", () => {
    const r = scope2Location(1000, { grid: "South China", year: 2022 });
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(r.result.formula["zh-HK"]).toContain(ZH);
    expect(r.result.formula["zh-HK"]).not.toContain(LOCATION_BASED_NOT_USED);
    expect(r.result.formula.en).toContain(LOCATION_BASED.en);
  });

  test("the Traditional Chinese function descriptions use the same label", () => {
    const text = readFileSync(join(__dirname, "../../src/functions/locales/zh-TW.json"), "utf8");
    expect(text).not.toContain(LOCATION_BASED_NOT_USED);
    // EMISSIONS (grid: Scope 2) and SCOPE2 both describe location-based emissions.
    expect(text.split(ZH).length - 1).toBe(2);
  });
});
