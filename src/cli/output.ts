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

/**
 * Control characters a terminal would act on (ESC starting a colour or cursor sequence, BEL, C1
 * controls, DEL), shown as \xNN instead: workbook text, `_x001B_` in a shared string included, must
 * not drive the user's terminal. Line breaks and tabs stay.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const forStream = (stream: NodeJS.WriteStream, text: string): string => (stream.isTTY ? escapeControls(text) : text);

export function print(text: string): void {
  process.stdout.write(forStream(process.stdout, text) + "\n");
}

export function warn(text: string): void {
  process.stderr.write(forStream(process.stderr, text) + "\n");
}

/** A cell value as a short text for a table. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object")
    return v.kind === "error" ? v.code : v.kind === "date" ? v.iso : `=${v.formula} (not calculated)`;
  return String(v);
}

/**
 * Values of a name as one short line: "1 | 2 | 3", rows separated by " ; ". Built only up to `max`
 * characters (a table cuts it shorter still): joining all of a 5,000,000-cell name first doubled the
 * memory `esg names` took.
 */
export function valuesText(values: readonly (readonly CellValue[])[] | null, max = 200): string {
  if (!values) return "";
  let out = "";
  for (let r = 0; r < values.length; r++) {
    if (r > 0) out += " ; ";
    for (let c = 0; c < values[r].length; c++) {
      if (c > 0) out += " | ";
      out += cellText(values[r][c]);
      if (out.length > max) return out.slice(0, max) + "…";
    }
  }
  return out;
}
