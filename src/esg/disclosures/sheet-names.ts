/**
 * Names of the generated sheets: "ESG A1 排放物 Emissions" and the like. Excel allows at most 31
 * characters, none of : \ / ? * [ ], no leading or trailing apostrophe, and names are unique without
 * regard to case.
 */
import { SECTION_LABELS, type SectionCode } from "./labels";
import type { ReportLang } from "../types";
import { FORBIDDEN_SHEET_CHARS, MAX_SHEET_NAME } from "../../sheet-ref";

export { MAX_SHEET_NAME };
const FORBIDDEN = new RegExp(FORBIDDEN_SHEET_CHARS.source, "g");

/** A valid sheet name from any text: forbidden characters become "-", trimmed to 31 characters. */
export function cleanSheetName(text: string): string {
  let s = text.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  s = s.replace(/^'+|'+$/g, "");
  s = [...s].slice(0, MAX_SHEET_NAME).join("").trim();
  return s === "" ? "ESG" : s;
}

/** The sheet name of a section in a language; with both, the English short name is dropped if it would not fit. */
export function sheetNameFor(code: SectionCode, lang: ReportLang): string {
  const { short } = SECTION_LABELS[code];
  const prefix = code === "INDEX" ? "ESG" : `ESG ${code}`;
  const candidates =
    lang === "both"
      ? [`${prefix} ${short["zh-HK"]} ${short.en}`, `${prefix} ${short["zh-HK"]}`]
      : [`${prefix} ${short[lang]}`];
  const fits = candidates.find((c) => [...c].length <= MAX_SHEET_NAME) ?? candidates[candidates.length - 1];
  return cleanSheetName(fits);
}

/** Makes names unique (case-insensitive) by appending " (2)", " (3)", … within the 31-character limit. */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = cleanSheetName(n);
    for (let i = 2; seen.has(name.toUpperCase()); i++) {
      const suffix = ` (${i})`;
      name =
        [...cleanSheetName(n)]
          .slice(0, MAX_SHEET_NAME - suffix.length)
          .join("")
          .trim() + suffix;
    }
    seen.add(name.toUpperCase());
    return name;
  });
}
