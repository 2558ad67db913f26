/**
 * Native Excel expressions that read a metric from its named ranges, so generated tables hold live
 * formulas (DESIGN.md: tables stay live without the add-in). They mirror snapshot/ exactly: the
 * same cell, the same unit multiplier, the same consolidation of site sheets. An expression that
 * would read a cell the engine read differently (a number stored as text, which SUM skips; a ratio in
 * percentage points) is null: the figure is then written as its value, never as a formula whose
 * recalculated result would differ from the cached one.
 */
import { isValidDefinedName, quoteSheet } from "../sheet-ref";
import { findRow, type Instance, type MetricValue } from "./snapshot";

/**
 * Only a name Excel itself would accept (src/sheet-ref: characters, 255 at most, not a cell) and that
 * the workbook defines as a plain range is copied into a formula: a name defined as HYPERLINK(…) or
 * _xlfn.WEBSERVICE(…), or a crafted name that is not a name, would make the generated table live
 * with someone else's expression (issue 15). Anything else gets its value written instead.
 */
export function isReferable(inst: Instance): boolean {
  return inst.item.status === "ok" && isValidDefinedName(inst.item.name);
}

function nameRef(inst: Instance): string {
  return inst.site === null ? inst.item.name : `${quoteSheet(inst.site)}!${inst.item.name}`;
}

const isOneCell = (inst: Instance): boolean => inst.item.values?.length === 1 && inst.item.values[0]?.length === 1;

function withUnit(expr: string, multiplier: number): string {
  return multiplier === 1 ? expr : `${expr}*${formatConstant(multiplier)}`;
}

/** A number as formula text, exact to 15 significant digits. */
export function formatConstant(x: number): string {
  return String(Number(x.toPrecision(15)));
}

const referable = new WeakMap<MetricValue, readonly Instance[]>();

/**
 * The instances a formula reads, or none when one of them cannot be named in a formula. Judged once per
 * metric: every row of a long breakdown asks (issue 15, linear in size).
 */
function instances(mv: MetricValue): readonly Instance[] {
  let hit = referable.get(mv);
  if (!hit) {
    const all = mv.consolidated === "group" && mv.group ? [mv.group] : mv.consolidated === "sites" ? mv.sites : [];
    hit = all.every(isReferable) ? all : [];
    referable.set(mv, hit);
  }
  return hit;
}

/** Σ of the parts' expressions; null when there are none or any part cannot be a formula. */
function sumOf(parts: readonly (string | null)[]): string | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return parts.length === 1 ? parts[0] : `(${parts.join("+")})`;
}

/** True when a formula over cell (row, col) of the instance (0-based) would not give the engine's figure. */
const coercedAt = (inst: Instance, row: number, col: number): boolean => inst.coerced.size > 0 && inst.coerced.has(`${row},${col}`);

/** One instance's reporting-year figure (a site's, for per-site factors such as its grid). */
export function siteValueExpr(inst: Instance): string | null {
  if (!isReferable(inst)) return null;
  if (coercedAt(inst, 0, 0)) return null;
  return withUnit(isOneCell(inst) ? nameRef(inst) : `INDEX(${nameRef(inst)},1,1)`, inst.multiplier);
}

/** The metric's reporting-year figure (single layout) or the total of its rows (rows layout). */
export function valueExpr(mv: MetricValue): string | null {
  const parts = instances(mv).map((inst) => {
    if (mv.metric.layout === "rows")
      return inst.rows.some((r) => coercedAt(inst, r.index, 1)) ? null : withUnit(`SUM(INDEX(${nameRef(inst)},0,2))`, inst.multiplier);
    return siteValueExpr(inst);
  });
  return sumOf(parts);
}

/** Prior year `y` (0 = the year before) of a single-layout metric. */
export function priorExpr(mv: MetricValue, y: number): string | null {
  if (mv.metric.layout !== "single") return null;
  return sumOf(instances(mv).map((inst) => (coercedAt(inst, 0, 1 + y) ? null : withUnit(`INDEX(${nameRef(inst)},1,${2 + y})`, inst.multiplier))));
}

const indexPrefixes = new WeakMap<Instance, string>();

/** "INDEX(name," for an instance, built once: every row of a long breakdown starts its formula with it. */
function indexPrefix(inst: Instance): string {
  let hit = indexPrefixes.get(inst);
  if (hit === undefined) {
    hit = `INDEX(${nameRef(inst)},`;
    indexPrefixes.set(inst, hit);
  }
  return hit;
}

/** One row's figure of a rows-layout metric, matched by label key in each instance; `column` 2 is the figure. */
export function rowExpr(mv: MetricValue, key: string, column = 2): string | null {
  if (mv.metric.layout !== "rows") return null;
  const insts = instances(mv);
  // One instance (the group's range, or one site's): its row's expression as it is, no list.
  if (insts.length === 1) return instanceRowExpr(insts[0], key, column) ?? null;
  const parts: (string | null)[] = [];
  for (const inst of insts) {
    const part = instanceRowExpr(inst, key, column);
    if (part !== undefined) parts.push(part);
  }
  return sumOf(parts);
}

/** The row's cell in one instance: its expression, null when a formula cannot read it, undefined when the instance has no such row. */
function instanceRowExpr(inst: Instance, key: string, column: number): string | null | undefined {
  // The row's place inside the named range, as the snapshot read it (blank rows keep their place).
  const row = findRow(inst.rows, key);
  if (!row || row.index < 0) return undefined;
  return coercedAt(inst, row.index, column - 1) ? null : withUnit(indexPrefix(inst) + `${row.index + 1},${column})`, inst.multiplier);
}
