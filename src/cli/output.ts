/**
 * How the command line talks: machine output (--json) on stdout only, human text on stdout, and
 * diagnostics as one line on stderr.
 */
import type { CellValue } from "../esg/types";

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

export function print(text: string): void {
  process.stdout.write(text + "\n");
}

export function warn(text: string): void {
  process.stderr.write(text + "\n");
}

/** A cell value as a short text for a table. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object")
    return v.kind === "error" ? v.code : v.kind === "date" ? v.iso : `=${v.formula} (not calculated)`;
  return String(v);
}

/** Values of a name as one short line: "1 | 2 | 3", rows separated by " ; ". */
export function valuesText(values: readonly (readonly CellValue[])[] | null): string {
  if (!values) return "";
  return values.map((r) => r.map(cellText).join(" | ")).join(" ; ");
}
