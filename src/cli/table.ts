/**
 * Plain-text tables for the terminal. Chinese characters take two columns on a terminal (Unicode
 * East Asian Width "W"/"F", UAX #11), so widths count them twice.
 */

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
}

function pad(text: string, width: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

export interface Column {
  readonly header: string;
  readonly max?: number;
  readonly right?: boolean;
}

/** Render rows under a header, columns padded to their widest cell (capped at `max`). */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((r) => r.map((c, i) => truncate(c.replace(/\s+/g, " "), columns[i].max ?? 60)));
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => pad(c, widths[i], columns[i].right ?? false))
      .join("  ")
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    line(widths.map((w) => "─".repeat(w))),
    ...cells.map(line),
  ].join("\n");
}
