import fc from "fast-check";
import { breakLines, displayWidth } from "../../src/esg/disclosures/layout";

describe("footnote lines", () => {
  it("keeps a short note whole", () => {
    expect(breakLines("Intensities are per tonne of product.", 80)).toEqual([
      "Intensities are per tonne of product.",
    ]);
  });

  it("breaks English at spaces and Chinese between characters, counting CJK as two columns", () => {
    expect(breakLines("aaa bbb ccc ddd", 10)).toEqual(["aaa bbb", "ccc ddd"]);
    const zh = "密度以每噸產品計算（具名範圍 Production）。".repeat(3);
    for (const line of breakLines(zh, 20)) expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  it("never starts a line with closing punctuation or ends one with an opening bracket", () => {
    const zh =
      "範圍1（直接）排放按中國溫室氣體核算指南計算，另加集團填報的工業過程二氧化碳。「因子」見附註［1］。".repeat(
        4,
      );
    for (const width of [10, 11, 12, 13, 17, 20, 31]) {
      const lines = breakLines(zh, width);
      for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、；：）」］]/);
      for (const l of lines.slice(0, -1)) expect(l).not.toMatch(/[（「［]$/);
      expect(lines.join("")).toBe(zh);
    }
    expect(
      breakLines("Scope 2 (location-based): purchased electricity.", 12).some((l) => /^[.):]/.test(l)),
    ).toBe(false);
  });

  it("never loses a character and never exceeds the width", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", " ", "密", "度", "，", "x", "1"), maxLength: 300 }),
        fc.integer({ min: 10, max: 120 }),
        (text, width) => {
          const lines = breakLines(text, width);
          for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(Math.max(10, width));
          expect(lines.join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
        },
      ),
    );
  });
});
