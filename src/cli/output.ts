/**
 * How the command line talks: machine output (--json) on stdout only, human text on stdout, and
 * diagnostics as one line on stderr.
 */
import type { CellValue } from "../esg/types";

/**
 * A reader that stops early (esg check book.xlsx | head) is not an error: on EPIPE the process ends
 * quietly with the exit code it already has (0 unless set), instead of an unhandled 'error' event.
 */
export function endQuietlyOnEpipe(stream: NodeJS.EventEmitter, exit: (code: number) => void): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    const code = process.exitCode;
    exit(typeof code === "number" ? code : 0);
  });
}

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
