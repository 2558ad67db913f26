import { excel, errorOf, FakeExcelError } from "./setup";
import * as F from "../../src/functions/functions";

const close = (x: unknown, y: number, digits = 9) => {
  expect(typeof x).toBe("number");
  expect(x as number).toBeCloseTo(y, digits);
};

describe("ESG.INTENSITY", () => {
  it("divides the seed's electricity by its production (29,843,800 kWh ÷ 12,613 t)", () => {
    const r = excel(F.intensity, [[29843800]], [[12613]]);
    close(r, 2366.1143264885436);
    expect((r as number).toFixed(1)).toBe("2366.1");
  });

  it("applies a scale, and treats an omitted scale (null) as 1", () => {
    close(excel(F.intensity, [[5]], [[2]], [[1000]]), 2500);
    close(excel(F.intensity, [[5]], [[2]], null), 2.5);
    close(excel(F.intensity, [[5]], [[2]], undefined), 2.5);
  });

  it("spills one result per cell for equal shapes", () => {
    expect(
      excel(
        F.intensity,
        [
          [10, 20],
          [30, 40],
        ],
        [
          [2, 4],
          [5, 8],
        ],
      ),
    ).toEqual([
      [5, 5],
      [6, 5],
    ]);
  });

  it("broadcasts a single cell over a range, and a column against a row to a matrix", () => {
    expect(excel(F.intensity, [[10], [20], [30]], [[10]])).toEqual([[1], [2], [3]]);
    expect(excel(F.intensity, [[10], [20]], [[1, 2, 5]])).toEqual([
      [10, 5, 2],
      [20, 10, 4],
    ]);
  });

  it("gives #VALUE! for ranges that do not fit together", () => {
    const r = excel(F.intensity, [[1, 2, 3]], [[1, 2]]);
    expect(r).toEqual({ error: "#VALUE!", message: expect.stringContaining("same size") });
    expect(errorOf(excel(F.intensity, [[1], [2]], [[1], [2], [3]]))).toBe("#VALUE!");
  });

  it("gives #DIV/0! for a zero or blank denominator, in the failing cells only", () => {
    expect(excel(F.intensity, [[1]], [[0]])).toEqual({ error: "#DIV/0!" });
    // Excel passes an empty cell inside a range as 0 (desktop) or null (web): both read as 0.
    const r = excel(F.intensity, [[1], [2], [3]], [[1], [0], [null]]) as any[][];
    expect(r[0][0]).toBe(1);
    expect(errorOf(r[1][0])).toBe("#DIV/0!");
    expect(errorOf(r[2][0])).toBe("#DIV/0!");
  });

  it("gives #VALUE! with a message for text and TRUE/FALSE, and reads number-like text", () => {
    expect(excel(F.intensity, [["abc"]], [[2]])).toEqual({
      error: "#VALUE!",
      message: "amount: text where a number is expected",
    });
    expect(excel(F.intensity, [[true]], [[2]])).toEqual({
      error: "#VALUE!",
      message: "amount: TRUE/FALSE where a number is expected",
    });
    expect(errorOf(excel(F.intensity, [[""]], [[2]]))).toBe("#VALUE!");
    close(excel(F.intensity, [["29,843,800"]], [[" 12613 "]]), 2366.1143264885436);
  });

  it("passes an error cell through as that error", () => {
    expect(errorOf(excel(F.intensity, [[new FakeExcelError("#N/A")]], [[2]]))).toBe("#N/A");
    const r = excel(F.intensity, [[4], [new FakeExcelError("#DIV/0!")]], [[2]]) as any[][];
    expect(r[0][0]).toBe(2);
    expect(errorOf(r[1][0])).toBe("#DIV/0!");
    // #REF! cannot be returned by a custom function: it becomes #VALUE! naming the input error.
    expect(excel(F.intensity, [[new FakeExcelError("#REF!")]], [[2]])).toEqual({
      error: "#VALUE!",
      message: "an input cell holds #REF!",
    });
  });

  it("gives #NUM! for infinities and NaN, and #VALUE! for a missing or malformed argument", () => {
    expect(errorOf(excel(F.intensity, [[Infinity]], [[2]]))).toBe("#NUM!");
    expect(errorOf(excel(F.intensity, [[NaN]], [[2]]))).toBe("#NUM!");
    expect(errorOf(excel(F.intensity, null, [[2]]))).toBe("#VALUE!");
    expect(errorOf(excel(F.intensity, [[1, 2], [3]], [[2]]))).toBe("#VALUE!");
    expect(errorOf(excel(F.intensity, [], [[2]]))).toBe("#VALUE!");
    expect(errorOf(excel(F.intensity, [[{ some: "entity" }]], [[2]]))).toBe("#VALUE!");
  });

  it("accepts plain scalars as well as 1 × 1 ranges", () => {
    close(excel(F.intensity as any, 10, 4), 2.5);
  });
});

describe("ESG.TURNOVER", () => {
  it("uses the average headcount by default", () => {
    close(excel(F.turnover, [[1234]], [[12000]], [[12613]], null), 1234 / ((12000 + 12613) / 2));
  });
  it("uses the closing headcount with method closing, in English or Chinese", () => {
    close(excel(F.turnover, [[1234]], [[12000]], [[12613]], [["closing"]]), 1234 / 12613);
    close(excel(F.turnover, [[1234]], [[12000]], [[12613]], [["Closing "]]), 1234 / 12613);
    close(excel(F.turnover, [[1234]], [[12000]], [[12613]], [["期末"]]), 1234 / 12613);
    close(excel(F.turnover, [[1234]], [[12000]], [[12613]], [["平均"]]), 1234 / ((12000 + 12613) / 2));
  });
  it("uses the opening headcount when closing is omitted", () => {
    close(excel(F.turnover, [[120]], [[1200]], null, null), 0.1);
  });
  it("needs a closing headcount for method closing (#N/A) and rejects an unknown method (#VALUE!)", () => {
    expect(errorOf(excel(F.turnover, [[120]], [[1200]], null, [["closing"]]))).toBe("#N/A");
    expect(excel(F.turnover, [[120]], [[1200]], null, [["median"]])).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining('method must be one of "average", "closing"'),
    });
  });
  it("gives #DIV/0! for no headcount and #NUM! for negative counts", () => {
    expect(errorOf(excel(F.turnover, [[1]], [[0]], [[0]], null))).toBe("#DIV/0!");
    expect(errorOf(excel(F.turnover, [[-1]], [[10]], null, null))).toBe("#NUM!");
  });
  it("spills per group (a column of leavers against columns of headcounts)", () => {
    const r = excel(F.turnover, [[10], [20]], [[100], [100]], [[100], [300]], [["average"]]) as number[][];
    expect(r).toHaveLength(2);
    close(r[0][0], 0.1);
    close(r[1][0], 0.1);
  });
});

describe("ESG.TRAININGRATE and ESG.AVGHOURS", () => {
  it("computes the share trained and the average hours", () => {
    close(excel(F.trainingRate, [[9876]], [[12613]]), 9876 / 12613);
    close(excel(F.averageHours, [[252260]], [[12613]]), 20);
  });
  it("gives #DIV/0! for zero employees and #NUM! for negative figures", () => {
    expect(errorOf(excel(F.trainingRate, [[1]], [[0]]))).toBe("#DIV/0!");
    expect(errorOf(excel(F.averageHours, [[1]], [[0]]))).toBe("#DIV/0!");
    expect(errorOf(excel(F.trainingRate, [[-1]], [[10]]))).toBe("#NUM!");
    expect(errorOf(excel(F.averageHours, [[10]], [[-1]]))).toBe("#NUM!");
  });
  it("spills a row of groups", () => {
    expect(excel(F.averageHours, [[10, 30]], [[5, 10]])).toEqual([[2, 3]]);
  });
});

describe("ESG.UNITCONVERT", () => {
  it("converts within a dimension", () => {
    close(excel(F.unitConvert, [[29843.8]], [["MWh"]], [["kWh"]]), 29843800, 6);
    close(excel(F.unitConvert, [[1]], [["GJ"]], [["kWh"]]), 277.77777777777777, 9);
  });
  it("broadcasts units per row", () => {
    const r = excel(F.unitConvert, [[1], [1]], [["MWh"], ["GJ"]], [["kWh"]]) as number[][];
    close(r[0][0], 1000);
    close(r[1][0], 277.77777777777777);
  });
  it("gives #N/A with a message for an unknown or incompatible unit, and #VALUE! for a blank unit", () => {
    expect(excel(F.unitConvert, [[1]], [["furlong"]], [["kWh"]])).toEqual({
      error: "#N/A",
      message: expect.stringContaining("furlong"),
    });
    expect(errorOf(excel(F.unitConvert, [[1]], [["kWh"]], [["t"]]))).toBe("#N/A");
    expect(errorOf(excel(F.unitConvert, [[1]], [[0]], [["kWh"]]))).toBe("#VALUE!");
  });
});

describe("ESG.YOY", () => {
  it("gives the relative change against the prior year", () => {
    close(excel(F.yoy, [[29843800]], [[31000000]]), (29843800 - 31000000) / 31000000);
    close(excel(F.yoy, [[-5]], [[-10]]), 0.5);
  });
  it("gives #DIV/0! for a zero (or blank) prior year", () => {
    expect(errorOf(excel(F.yoy, [[5]], [[0]]))).toBe("#DIV/0!");
  });
});

describe("ESG.CHECKSUM", () => {
  it("gives 0 when the parts add up to the total, and the difference otherwise", () => {
    expect(excel(F.checksum, [[12613]], [[7000], [5613]])).toBe(0);
    expect(excel(F.checksum, [[12613]], [[7000, 5600]])).toBe(13);
    expect(excel(F.checksum, [[0.3]], [[0.1, 0.2]])).toBe(0);
  });
  it("takes parts row by row for a column of totals, and column by column for a row of totals", () => {
    expect(
      excel(
        F.checksum,
        [[10], [20]],
        [
          [4, 6],
          [5, 5],
        ],
      ),
    ).toEqual([[0], [10]]);
    expect(
      excel(
        F.checksum,
        [[10, 20]],
        [
          [4, 5],
          [6, 5],
        ],
      ),
    ).toEqual([[0, 10]]);
  });
  it("counts blank parts as 0 and passes errors in parts through", () => {
    expect(excel(F.checksum, [[10]], [[10, 0, null]])).toBe(0);
    expect(errorOf(excel(F.checksum, [[10]], [[5, new FakeExcelError("#N/A")]]))).toBe("#N/A");
    expect(errorOf(excel(F.checksum, [[10]], [[5, "five"]]))).toBe("#VALUE!");
  });
  it("gives #VALUE! when totals and parts do not line up", () => {
    expect(excel(F.checksum, [[1], [2]], [[1, 2, 3]])).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("parts must be"),
    });
    expect(errorOf(excel(F.checksum, null, [[1]]))).toBe("#VALUE!");
  });
});
