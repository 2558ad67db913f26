/**
 * Which cell styles show a date: the number format of each cell format (cellXfs, ECMA-376 Part 1
 * §18.8.10) from the styles part's <numFmts> or the built-in table (§18.8.30), judged the way ExcelJS
 * 4.4.0 judges it (utils.isDateFmt), so a cell reads as a date exactly when it did before.
 */
import { scanXml } from "./xml";

/** Built-in number formats ExcelJS 4.4.0 knows (lib/xlsx/defaultnumformats.js, en-US). */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format shows a date or time when, outside quotes and brackets, it has y m d h s or b (ExcelJS's test). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** Per cell format index, whether it shows a date. */
export function dateStyles(xml: string, label: string, part: string): boolean[] {
  const codes = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  scanXml(
    xml,
    {
      open: (el) => {
        if (el.local === "numFmt" && el.depth === 2) {
          // ExcelJS drops the backslash of escaped characters before it judges the format.
          codes.set(Number(el.attributes.numFmtId), (el.attributes.formatCode ?? "").replace(/\\(.)/g, "$1"));
        } else if (el.local === "cellXfs") inCellXfs = true;
        else if (inCellXfs && el.local === "xf") ids.push(Number(el.attributes.numFmtId ?? 0));
      },
      close: (el) => {
        if (el.local === "cellXfs") inCellXfs = false;
      },
    },
    label,
    part,
  );
  return ids.map((id) => id !== 0 && isDateFormat(codes.get(id) ?? BUILTIN_FORMATS[id]));
}
