/**
 * Errors of the custom functions as values. A cell that cannot be computed holds a `CellFault` (an
 * Excel error code and a message) until the result is handed to Excel, where it becomes a
 * `CustomFunctions.Error` (see runtime.ts). Every message the functions show is written here.
 */
import type { CalcError } from "../esg/formulas";

/** The error values a custom function may return (docs/excel/custom-functions-errors.md; #REF! and #NAME? are input-only). */
export type ErrorCode = "#DIV/0!" | "#VALUE!" | "#N/A" | "#NUM!" | "#NULL!";

/** Error codes Excel can pass in (an error cell in a range); they propagate unchanged where valid as output. */
const INPUT_CODES: ReadonlySet<string> = new Set([
  "#DIV/0!",
  "#VALUE!",
  "#N/A",
  "#NUM!",
  "#NULL!",
  "#REF!",
  "#NAME?",
]);

export class CellFault {
  /** Lets a fault stand among an engine's `Calc` results, which carry `ok` too. */
  readonly ok = false;
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

export const MESSAGES = {
  notNumber: (param: string) => `${param}: text where a number is expected`,
  logical: (param: string) => `${param}: TRUE/FALSE where a number is expected`,
  emptyText: (param: string) => `${param}: empty text where a number is expected`,
  notFinite: (param: string) => `${param}: not a finite number`,
  notText: (param: string) => `${param}: a value that is not text or a number`,
  required: (param: string) => `${param} is required`,
  shape: "ranges must have the same size, or be a single cell, a row or a column",
  ragged: (param: string) => `${param}: not a rectangular range`,
  empty: (param: string) => `${param}: an empty range`,
  choice: (param: string, choices: readonly string[]) =>
    `${param} must be one of ${choices.map((c) => `"${c}"`).join(", ")}`,
  partsShape: "parts must be one cell per total, a row per total in a column, or a column per total in a row",
  inputError: (code: string) => `an input cell holds ${code}`,
} as const;

const CALC_CODES: Readonly<Record<CalcError, ErrorCode>> = {
  div0: "#DIV/0!",
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
};

/** The Excel error for an engine error kind. */
export function codeOf(error: CalcError): ErrorCode {
  return CALC_CODES[error];
}

/**
 * An error that arrived as an input value: a `CustomFunctions.Error` (or anything shaped like one,
 * with an Excel error code in `code`), or null when `value` is not an error. #REF! and #NAME? cannot
 * be returned by a custom function, so they come back as #VALUE! with the original code in the message.
 */
export function inputFault(value: object): CellFault | null {
  const code: unknown = (value as { code?: unknown }).code;
  if (typeof code !== "string" || !INPUT_CODES.has(code)) return null;
  if (code === "#REF!" || code === "#NAME?") return new CellFault("#VALUE!", MESSAGES.inputError(code));
  return new CellFault(code as ErrorCode, MESSAGES.inputError(code));
}
