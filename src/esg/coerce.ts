/**
 * One coercion layer between what a cell holds and the number a formula needs. It never throws:
 * any cell value (number, text, boolean, blank, error, date, NaN, formula-looking text) gives a
 * number or a reason there is none, and says when it had to read text as a number.
 */
import type { CellValue } from "./types";

/**
 * How a stated figure is qualified in the report's words: "more than 89%" (超過, 逾, 以上),
 * "at least" (至少, 不少於), "about" (約, 大約, 近), "less than" (少於, 低於, 不足), "at most" (不超過, 最多).
 */
export type QualifierKind = "more-than" | "at-least" | "about" | "less-than" | "at-most";
export interface StatedQualifier {
  readonly kind: QualifierKind;
  /** The cell's text as written, quoted in findings. */
  readonly text: string;
}

export type Coerced =
  | {
      readonly kind: "number";
      readonly value: number;
      readonly fromText?: string;
      readonly percentPoints?: boolean;
      readonly qualifier?: StatedQualifier;
    }
  | { readonly kind: "blank" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "date"; readonly iso: string }
  | { readonly kind: "uncached"; readonly formula: string }
  | { readonly kind: "not-finite"; readonly value: number };

// Thousands separators (comma, thin or normal space) and an optional decimal part; an optional
// trailing percent sign. Full-width digits and commas are folded first (common in zh-HK input).
const NUMBER_TEXT = /^[+-]?(\d{1,3}([,\u00a0\u2009 ]\d{3})+|\d+)(\.\d+)?(e[+-]?\d+)?%?$/i;

function foldFullWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0c\uff0e\uff05\uff0b\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Longest words first, so 不超過 is not read as 超過 and "at least" not as a bare figure.
const QUALIFIER_WORDS: ReadonlyArray<readonly [RegExp, QualifierKind]> = [
  [/^(?:no more than|not more than|at most|up to|不超過|不多於|最多)\s*/i, "at-most"],
  [/^(?:no less than|not less than|at least|不少於|不低於|至少)\s*/i, "at-least"],
  [/^(?:more than|over|above|exceeding|超過|逾|多於|高於)\s*/i, "more-than"],
  [/^(?:less than|under|below|fewer than|少於|低於|不足)\s*/i, "less-than"],
  [/^(?:about|approximately|approx\.?|around|nearly|circa|~|約|大約|近)\s*/i, "about"],
];
const QUALIFIER_SUFFIXES: ReadonlyArray<readonly [RegExp, QualifierKind]> = [
  [/\s*(?:or more|以上)$/i, "at-least"],
  [/\s*(?:or less|以下)$/i, "at-most"],
  [/\s*(?:左右)$/, "about"],
];

/**
 * A stated figure with its qualifier ("more than 89%", "超過89%", "約7%", "89%以上"): the number and
 * the qualifier, or null when the text is not a qualified figure. "以上" / "or more" is read as "at least".
 */
export function coerceQualified(cell: CellValue | undefined, ratio = false): Coerced | null {
  if (typeof cell !== "string") return null;
  let rest = foldFullWidth(cell.trim());
  let kind: QualifierKind | null = null;
  for (const [re, k] of QUALIFIER_WORDS)
    if (re.test(rest)) {
      kind = k;
      rest = rest.replace(re, "");
      break;
    }
  if (kind === null)
    for (const [re, k] of QUALIFIER_SUFFIXES)
      if (re.test(rest)) {
        kind = k;
        rest = rest.replace(re, "");
        break;
      }
  if (kind === null) return null;
  const n = coerceNumber(rest, ratio);
  if (n.kind !== "number") return null;
  return { ...n, fromText: cell, qualifier: { kind, text: cell.trim() } };
}

/** Reads a cell as a number where one belongs. `ratio` reads "89%" and 89 as 0.89. */
export function coerceNumber(cell: CellValue | undefined, ratio = false): Coerced {
  if (cell === null || cell === undefined) return { kind: "blank" };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { kind: "not-finite", value: cell };
    if (ratio && Math.abs(cell) > 1 && Math.abs(cell) <= 100) return { kind: "number", value: cell / 100, percentPoints: true };
    return { kind: "number", value: cell };
  }
  if (typeof cell === "boolean") return { kind: "boolean", value: cell };
  if (typeof cell === "string") {
    const trimmed = foldFullWidth(cell.trim());
    if (trimmed === "") return { kind: "blank" };
    if (NUMBER_TEXT.test(trimmed)) {
      const percent = trimmed.endsWith("%");
      const n = Number(trimmed.replace(/[,\u00a0\u2009 %]/g, ""));
      if (Number.isFinite(n)) {
        if (percent) return { kind: "number", value: n / 100, fromText: cell };
        if (ratio && Math.abs(n) > 1 && Math.abs(n) <= 100) return { kind: "number", value: n / 100, fromText: cell, percentPoints: true };
        return { kind: "number", value: n, fromText: cell };
      }
    }
    return { kind: "text", text: cell };
  }
  switch (cell.kind) {
    case "error":
      return { kind: "error", code: cell.code };
    case "date":
      return { kind: "date", iso: cell.iso };
    case "uncached":
      return { kind: "uncached", formula: cell.formula };
  }
}

// What a group types where a metric does not apply to it (a fuel it does not use): English or zh-HK.
const NOT_APPLICABLE = /^(n\/?a|not applicable|不適用|不适用)$/i;

/**
 * True when a cell says the metric does not apply ("N/A", "n/a", "不適用"). Such a cell is no figure
 * and no mistake: the snapshot records it, raises no finding, and the content index shows the metric
 * as not applicable.
 */
export function isNotApplicable(cell: CellValue | undefined): boolean {
  return typeof cell === "string" && NOT_APPLICABLE.test(foldFullWidth(cell.trim()).replace(/[\s\u3000]+/g, " "));
}

/** A cell as label text (row labels, units, treatment notes); blanks and errors give "". */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  if (cell.kind === "date") return cell.iso;
  return "";
}

const PLAIN_LABEL = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** Normalises a row label for matching across sites and against the dictionary ("Under 30 " ≈ "under 30"). */
export function labelKey(label: string): string {
  // Printable ASCII words with single spaces (most labels) only need lower case: nothing to fold.
  if (PLAIN_LABEL.test(label)) return label.toLowerCase();
  return foldFullWidth(label)
    .toLowerCase()
    .replace(/[\s\u3000]+/g, " ")
    .replace(/[–—-]/g, "-")
    .trim();
}
