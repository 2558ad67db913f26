/**
 * The shared string table (xl/sharedStrings.xml, ECMA-376 Part 1 §18.4.9), read only when a cell a name
 * points at uses it. Each <si> is its plain text: runs of rich text joined, phonetic runs (<rPh>) left
 * out, and the ST_Xstring escapes _xHHHH_ decoded (§22.9.2.19), as ExcelJS 4.4.0 reads them. The part is
 * parsed as it is inflated (it can be as large as the sheets), so only the strings themselves are held.
 */
import { xmlStream, type TextSource } from "./xml";

/** Decode _xHHHH_ escapes (upper-case hex, as ExcelJS 4.4.0 does). */
export function decodeXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** Only the runs of text (<t>) of an <si> carry its text (§18.4.12). */
const SI_TEXT: ReadonlySet<string> = new Set(["t"]);

export async function parseSharedStrings(source: TextSource, label: string, part: string): Promise<string[]> {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const parser = xmlStream(
    {
      textIn: SI_TEXT,
      open: (el) => {
        if (el.local === "si") current = [];
        else if (el.local === "rPh") phonetic++;
        else if (el.local === "t" && phonetic === 0) inText = true;
      },
      text: (t) => {
        if (inText && current) current.push(decodeXstring(t));
      },
      where: () => (current ? `string ${out.length + 1} of the table` : undefined),
      close: (el) => {
        if (el.local === "si") {
          out.push((current ?? []).join(""));
          current = null;
        } else if (el.local === "rPh") phonetic--;
        else if (el.local === "t") inText = false;
      },
    },
    label,
    part,
  );
  await source((text) => parser.write(text));
  parser.close();
  return out;
}
