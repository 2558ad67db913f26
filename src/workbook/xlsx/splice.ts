/** Edit a text by replacing spans, leaving every other character as it was. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applySplices(text: string, splices: readonly Splice[]): string {
  if (!splices.length) return text;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let from = 0;
  for (const s of sorted) {
    if (s.start < from) throw new Error("overlapping edits of one part");
    out += text.slice(from, s.start) + s.text;
    from = s.end;
  }
  return out + text.slice(from);
}

/** Index just past the ">" that ends the start tag beginning at `start` (quotes may hold ">"). */
export function startTagEnd(text: string, start: number): number {
  let quote = "";
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  return text.length;
}

/** Set (or add) an attribute in a start tag, keeping the rest of the tag as written. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** The value of an attribute in a start tag as written (undecoded), or undefined. */
export function attributeOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}
