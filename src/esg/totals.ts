/**
 * The one rule for every figure the engine presents as a total (energy, Scope 1, Scope 2, Scope 1
 * and 2, waste, headcount, a breakdown's total, the sum of site sheets, and any intensity over
 * them): a total is complete or absent. In any year, the reporting year or a prior one, it is the
 * sum of the same parts, and as soon as one part has no figure the total has none either; the
 * parts missing are named with their cells so a finding can point at them (checks/,
 * "total.incomplete"). Nothing here is ever a sum of "the parts that happen to be there".
 */
import type { Bilingual } from "./types";

/** -1 is the reporting year; 0 the year before, 1 the year before that. */
export type YearIndex = -1 | 0 | 1;

/** A part of a total that has no figure in some year: what it is and where its figure belongs. */
export interface MissingPart {
  readonly label: Bilingual;
  /** "Sheet!B2" of the empty (or unusable) cell, or null when the part is not a cell (e.g. a factor). */
  readonly location: string | null;
  /** Why the part has no figure, when it is not simply an empty cell (e.g. "no NCV for this fuel"). */
  readonly why?: Bilingual;
}

/** A figure that is the sum of parts, each of which may itself be a total. */
export interface Total {
  readonly label: Bilingual;
  /** The figure in year y: the sum of every part, or null when any part has none. */
  value(y: YearIndex): number | null;
  /** The leaf parts without a figure in year y (empty exactly when `value(y)` is a number, or when there are no parts). */
  missing(y: YearIndex): readonly MissingPart[];
  /** True when at least one leaf part has a figure in year y (a prior year that nobody entered is simply absent). */
  present(y: YearIndex): boolean;
  /** A native Excel formula for the reporting-year figure, or null when it cannot be one. */
  readonly excel: string | null;
  /** Number of leaf parts: a "total" of one cell is that cell, whose blank the snapshot already reports. */
  readonly size: number;
}

/** Σ of figures that must all be present: null when the list is empty or any figure is missing. */
export function completeSum(xs: readonly (number | null | undefined)[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) {
    if (x === null || x === undefined) return null;
    s += x;
  }
  // Removes the binary noise of a float sum so totals compare exactly with their published figures.
  return Number(s.toPrecision(15));
}

/** One cell-backed part: its figure and cell in each year. */
export function leaf(
  label: Bilingual,
  figure: (y: YearIndex) => { readonly value: number | null; readonly location: string | null } | undefined,
  excel: string | null,
  why?: Bilingual,
): Total {
  return {
    label,
    value: (y) => figure(y)?.value ?? null,
    missing: (y) => {
      const f = figure(y);
      return f?.value === null || f === undefined
        ? [{ label, location: f?.location ?? null, ...(why ? { why } : {}) }]
        : [];
    },
    present: (y) => (figure(y)?.value ?? null) !== null,
    excel,
    size: 1,
  };
}

/** A part that can never have a figure (e.g. a fuel with no conversion factor): it makes every total over it absent. */
export function unavailable(
  label: Bilingual,
  location: string | null,
  why: Bilingual,
  presentIn: (y: YearIndex) => boolean,
): Total {
  return {
    label,
    value: () => null,
    missing: () => [{ label, location, why }],
    present: presentIn,
    excel: null,
    size: 1,
  };
}

/** The complete sum of `parts`; its formula is the sum of theirs (or `excel` when given). */
export function sumOf(label: Bilingual, parts: readonly Total[], excel?: string | null): Total {
  const joined =
    parts.length > 0 && parts.every((p) => p.excel !== null) ? parts.map((p) => p.excel).join("+") : null;
  return {
    label,
    value: (y) => completeSum(parts.map((p) => p.value(y))),
    missing: (y) => (parts.every((p) => p.value(y) !== null) ? [] : parts.flatMap((p) => p.missing(y))),
    present: (y) => parts.some((p) => p.present(y)),
    excel: excel !== undefined ? excel : joined === null ? null : parts.length === 1 ? joined : `(${joined})`,
    size: parts.reduce((n, p) => n + p.size, 0),
  };
}

/**
 * A total whose figure is already known from a cheaper path (the snapshot's consolidated figure, itself a
 * complete sum of the same cells), with its parts built only when a part is asked about: a 200-site
 * workbook then builds no part objects for the totals that are complete.
 */
export function lazyTotal(
  label: Bilingual,
  value: (y: YearIndex) => number | null,
  buildParts: () => readonly Total[],
  excel: string | null,
  size: number,
  /** Whether some part has a figure in year y, answered without the parts (a 100,000-row breakdown). */
  anyPresent?: (y: YearIndex) => boolean,
): Total {
  let parts: readonly Total[] | null = null;
  const get = () => (parts ??= buildParts());
  return {
    label,
    value,
    missing: (y) => (value(y) !== null ? [] : get().flatMap((p) => p.missing(y))),
    present: (y) => value(y) !== null || (anyPresent ? anyPresent(y) : get().some((p) => p.present(y))),
    excel,
    size,
  };
}

/** A total times a constant factor (a unit conversion, an emission factor); same parts, same completeness. */
export function scaled(t: Total, k: number, excel: string | null, label: Bilingual = t.label): Total {
  return {
    label,
    value: (y) => {
      const v = t.value(y);
      return v === null ? null : v * k;
    },
    missing: (y) => t.missing(y),
    present: (y) => t.present(y),
    excel,
    size: t.size,
  };
}

/** What a KPI total lacks: the reporting year's missing parts, and each prior year's where that year has some figures. */
export function incompleteYears(
  t: Total,
  priorYears: readonly YearIndex[] = [0],
): Array<{ year: YearIndex; parts: readonly MissingPart[] }> {
  const out: Array<{ year: YearIndex; parts: readonly MissingPart[] }> = [];
  if (t.size <= 1) return out;
  const now = t.value(-1) === null ? t.missing(-1) : [];
  if (now.length > 0) out.push({ year: -1, parts: now });
  for (const y of priorYears) {
    if (t.value(y) !== null || !t.present(y)) continue;
    const m = t.missing(y);
    if (m.length > 0) out.push({ year: y, parts: m });
  }
  return out;
}
