/**
 * The rectangle index of the cell scan (src/workbook/xlsx/rectIndex.ts) answers as testing every
 * rectangle would, for rows in order and out of it.
 */
import fc from "fast-check";
import { RectIndex, type Rect } from "../../src/workbook/xlsx/rectIndex";

const inAny = (rects: readonly Rect[], row: number, col: number): boolean =>
  rects.some((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right);

const rect = fc
  .tuple(
    fc.integer({ min: 1, max: 40 }),
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 1, max: 16_384 }),
    fc.integer({ min: 0, max: 20 }),
  )
  .map(([top, height, left, width]): Rect => ({
    top,
    bottom: top + height,
    left,
    right: Math.min(16_384, left + width),
  }));
const cell = fc.tuple(
  fc.integer({ min: 1, max: 55 }),
  fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 16_340, max: 16_384 })),
);

describe("RectIndex", () => {
  test("cells asked in row order, as a worksheet lists them: the same answers as testing every rectangle", () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 30 }), fc.array(cell, { maxLength: 200 }), (rects, cells) => {
        const index = new RectIndex(rects);
        const sorted = [...cells].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        for (const [row, col] of sorted) expect(index.has(row, col)).toBe(inAny(rects, row, col));
      }),
      { numRuns: 300 },
    );
  });

  test("rows out of order (a hostile part): still the same answers", () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 30 }), fc.array(cell, { maxLength: 200 }), (rects, cells) => {
        const index = new RectIndex(rects);
        for (const [row, col] of cells) expect(index.has(row, col)).toBe(inAny(rects, row, col));
      }),
      { numRuns: 300 },
    );
  });

  test("a rectangle over the last column, and none at all", () => {
    const index = new RectIndex([{ top: 1, bottom: 1_048_576, left: 16_384, right: 16_384 }]);
    expect([index.has(1, 16_384), index.has(1_048_576, 16_384), index.has(5, 16_383)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(new RectIndex([]).has(1, 1)).toBe(false);
  });
});
