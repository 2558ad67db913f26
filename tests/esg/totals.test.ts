/** The one total rule (src/esg/totals.ts) and the reading of qualified statements (coerce.ts). */
import { coerceQualified } from "../../src/esg/coerce";
import {
  completeSum,
  incompleteYears,
  leaf,
  scaled,
  sumOf,
  unavailable,
  type YearIndex,
} from "../../src/esg/totals";

const B = (en: string) => ({ en, "zh-HK": en });
/** A cell-backed part with a figure per year (index 0 = reporting year, then prior years). */
const part = (name: string, figures: readonly (number | null)[], excel: string | null = name) =>
  leaf(B(name), (y: YearIndex) => ({ value: figures[y + 1] ?? null, location: `S!${name}${y + 2}` }), excel);

describe("completeSum", () => {
  it("is the sum when every figure is there, and null as soon as one is missing", () => {
    expect(completeSum([1, 2, 3])).toBe(6);
    expect(completeSum([1, null, 3])).toBeNull();
    expect(completeSum([1, undefined])).toBeNull();
    expect(completeSum([])).toBeNull();
  });

  it("removes float noise so 0.1 + 0.2 is 0.3", () => {
    expect(completeSum([0.1, 0.2])).toBe(0.3);
  });
});

describe("sumOf", () => {
  const electricity = part("E", [100, 90]);
  const coal = part("C", [50, null]);
  const total = sumOf(B("energy"), [electricity, coal]);

  it("uses the same parts every year: a prior year with one part missing has no total, never the other part alone", () => {
    expect(total.value(-1)).toBe(150);
    expect(total.value(0)).toBeNull();
    expect(total.missing(0)).toEqual([{ label: B("C"), location: "S!C2" }]);
    expect(total.present(0)).toBe(true);
    expect(total.value(1)).toBeNull();
    expect(total.present(1)).toBe(false);
  });

  it("reports the reporting year and the prior years that have some figures, not years nobody entered", () => {
    expect(incompleteYears(total, [0, 1])).toEqual([
      { year: 0, parts: [{ label: B("C"), location: "S!C2" }] },
    ]);
  });

  it("joins the parts' formulas, and has none when a part has none", () => {
    expect(total.excel).toBe("(E+C)");
    expect(sumOf(B("x"), [electricity, part("T", [1], null)]).excel).toBeNull();
    expect(sumOf(B("x"), [electricity]).excel).toBe("E");
  });

  it("nests: a total of totals lists the leaf parts missing", () => {
    const outer = sumOf(B("all"), [total, scaled(part("G", [null, 3]), 2, "G*2")]);
    expect(outer.value(-1)).toBeNull();
    expect(outer.missing(-1).map((m) => m.location)).toEqual(["S!G1"]);
    expect(outer.size).toBe(3);
  });

  it("treats a part that cannot be converted as missing in the years it has figures", () => {
    const fuel = part("F", [10]);
    const t = sumOf(B("energy"), [electricity, unavailable(B("F"), "S!F1", B(" (no NCV)"), fuel.present)]);
    expect(t.value(-1)).toBeNull();
    expect(t.missing(-1)).toEqual([{ label: B("F"), location: "S!F1", why: B(" (no NCV)") }]);
  });

  it("does not call a one-cell figure a total (its blank is the snapshot's finding)", () => {
    expect(incompleteYears(sumOf(B("h"), [part("H", [null])]))).toEqual([]);
  });
});

describe("coerceQualified", () => {
  it.each([
    ["more than 89%", "more-than", 0.89],
    ["超過89%", "more-than", 0.89],
    ["逾 89%", "more-than", 0.89],
    ["at least 90%", "at-least", 0.9],
    ["89%以上", "at-least", 0.89],
    ["約7%", "about", 0.07],
    ["about 7%", "about", 0.07],
    ["少於5%", "less-than", 0.05],
    ["不超過5%", "at-most", 0.05],
    ["超過８９％", "more-than", 0.89],
  ])("%s → %s %s", (text, kind, value) => {
    const c = coerceQualified(text, true);
    expect(c).toMatchObject({ kind: "number", qualifier: { kind, text } });
    expect(c?.kind === "number" && c.value).toBeCloseTo(value, 12);
  });

  it("reads a number after a qualifier without a percent sign as a figure (hours)", () => {
    expect(coerceQualified("more than 8", false)).toMatchObject({
      kind: "number",
      value: 8,
      qualifier: { kind: "more-than" },
    });
  });

  it("is null for a plain figure or text that is no statement", () => {
    expect(coerceQualified("89%", true)).toBeNull();
    expect(coerceQualified("more than enough", true)).toBeNull();
    expect(coerceQualified(0.89, true)).toBeNull();
  });
});
