/**
 * Which cells lie in any of the rectangles a sheet's names cover, asked cell by cell as a worksheet is
 * scanned. Testing every rectangle for every cell cost cells × names: 80,000 one-cell names over an
 * 80,000-row sheet took 15 s (issue 15: names in time linear in their count). Here a sweep over the
 * rows keeps the rectangles that span the current row as coverage counts per column in a Fenwick tree
 * (range add, point query: O(log 16,384) each), so a cell costs a lookup and each rectangle enters and
 * leaves once while rows ascend, as Excel writes them (ECMA-376 Part 1 §18.3.1.73: rows in order).
 * A row met out of order moves the sweep back, crossing only the rectangles between the two rows.
 */

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Excel's last column (XFD). */
const COLUMNS = 16_384;

export class RectIndex {
  private readonly byTop: Rect[];
  private readonly byBottom: Rect[];
  /** byTop[0..entered) have top ≤ row; byBottom[0..left) have bottom < row. */
  private entered = 0;
  private left = 0;
  private row = 0;
  /** Rectangles spanning the current row. */
  private spanning = 0;
  private readonly tree = new Int32Array(COLUMNS + 2);

  constructor(rects: readonly Rect[]) {
    this.byTop = [...rects].sort((a, b) => a.top - b.top);
    this.byBottom = [...rects].sort((a, b) => a.bottom - b.bottom);
  }

  /** Whether the cell at `row`, `col` (1-based) lies in a rectangle. */
  has(row: number, col: number): boolean {
    this.moveTo(row);
    if (this.spanning === 0 || col < 1 || col > COLUMNS) return false;
    let sum = 0;
    for (let i = col; i > 0; i -= i & -i) sum += this.tree[i];
    return sum > 0;
  }

  private moveTo(row: number): void {
    const { byTop, byBottom } = this;
    if (row >= this.row) {
      while (this.entered < byTop.length && byTop[this.entered].top <= row)
        this.cover(byTop[this.entered++], 1);
      while (this.left < byBottom.length && byBottom[this.left].bottom < row)
        this.cover(byBottom[this.left++], -1);
    } else {
      while (this.left > 0 && byBottom[this.left - 1].bottom >= row) this.cover(byBottom[--this.left], 1);
      while (this.entered > 0 && byTop[this.entered - 1].top > row) this.cover(byTop[--this.entered], -1);
    }
    this.row = row;
  }

  /** Add `by` to the coverage of the rectangle's columns. */
  private cover(r: Rect, by: number): void {
    this.spanning += by;
    const left = Math.max(1, r.left);
    const right = Math.min(COLUMNS, r.right);
    if (left > right) return;
    for (let i = left; i <= COLUMNS + 1; i += i & -i) this.tree[i] += by;
    for (let i = right + 1; i <= COLUMNS + 1; i += i & -i) this.tree[i] -= by;
  }
}
