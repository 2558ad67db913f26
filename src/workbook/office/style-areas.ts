/**
 * Cells of equal style grouped into rectangles, so formats are applied per area and not per cell
 * (docs/excel/performance.md: "operate on block ranges, not single cells").
 */
import type { CellModel } from "../../esg/types";
import type { Area as Rect } from "../../sheet-ref";

export interface StyleArea {
  readonly style: string;
  readonly rect: Rect;
}

/** Horizontal runs per row, then runs with the same columns in consecutive rows joined into one rectangle. */
export function styleAreas(cells: readonly CellModel[]): StyleArea[] {
  const byStyle = new Map<string, Map<number, number[]>>();
  for (const c of cells) {
    if (c.style === undefined) continue;
    let rows = byStyle.get(c.style);
    if (!rows) byStyle.set(c.style, (rows = new Map()));
    let cols = rows.get(c.row);
    if (!cols) rows.set(c.row, (cols = []));
    cols.push(c.col);
  }
  const out: StyleArea[] = [];
  for (const [style, rows] of byStyle) {
    const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
    const rowKeys = [...rows.keys()].sort((a, b) => a - b);
    for (const r of rowKeys) {
      const cols = [...new Set(rows.get(r))].sort((a, b) => a - b);
      const seen = new Set<string>();
      let start = cols[0];
      for (let i = 1; i <= cols.length; i++) {
        if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
        const key = `${start}:${cols[i - 1]}`;
        const prev = open.get(key);
        if (prev && prev.bottom === r - 1) prev.bottom = r;
        else {
          if (prev) out.push({ style, rect: { ...prev } });
          open.set(key, { top: r, bottom: r, left: start, right: cols[i - 1] });
        }
        seen.add(key);
        start = cols[i];
      }
      for (const [key, rect] of open) {
        if (!seen.has(key) && rect.bottom < r) {
          out.push({ style, rect: { ...rect } });
          open.delete(key);
        }
      }
    }
    for (const rect of open.values()) out.push({ style, rect: { ...rect } });
  }
  return out;
}
