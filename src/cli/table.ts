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

/**
 * Break text into lines of at most `width` terminal columns, at spaces where there are any (Chinese
 * text has none: it breaks between characters).
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let lineWidth = 0;
    for (const token of paragraph.split(/(\s+)/)) {
      if (!token) continue;
      const w = displayWidth(token);
      if (/^\s+$/.test(token)) {
        if (lineWidth > 0 && lineWidth + 1 <= width) {
          line += " ";
          lineWidth += 1;
        }
        continue;
      }
      if (lineWidth + w <= width) {
        line += token;
        lineWidth += w;
        continue;
      }
      if (lineWidth > 0 && w <= width) {
        out.push(line.trimEnd());
        line = token;
        lineWidth = w;
        continue;
      }
      // A word wider than the line (or CJK text): break it by character.
      for (const ch of token) {
        const cw = displayWidth(ch);
        if (lineWidth + cw > width && lineWidth > 0) {
          out.push(line.trimEnd());
          line = "";
          lineWidth = 0;
        }
        line += ch;
        lineWidth += cw;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}
