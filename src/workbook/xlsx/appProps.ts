/**
 * Keep docProps/app.xml (extended properties, ECMA-376 Part 1 §22.2) consistent with the sheets: its
 * HeadingPairs and TitlesOfParts list the sheet names under headings in the writer's language
 * ("Worksheets", "工作表", …), which a tool cannot rebuild reliably. Both are optional (§22.2.2.8,
 * §22.2.2.26) and Excel rewrites them on save, so when the sheet list changes they are removed rather
 * than left stale. Nothing else in the part changes.
 */
import { applySplices, type Splice } from "./splice";
import { scanXml } from "./xml";

export function dropSheetTitles(xml: string, label: string, part: string): string {
  const splices: Splice[] = [];
  scanXml(
    xml,
    {
      close: (el, end) => {
        if (el.depth === 1 && (el.local === "HeadingPairs" || el.local === "TitlesOfParts"))
          splices.push({ start: el.start, end, text: "" });
      },
    },
    label,
    part,
  );
  return applySplices(xml, splices);
}
