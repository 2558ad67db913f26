/**
 * Drop the calculation chain entries (xl/calcChain.xml, ECMA-376 Part 1 §18.6) of sheets that were
 * replaced or removed. An entry's i attribute is the sheet id; an entry without one is on the sheet of
 * the entry before it (§18.6.1). Excel rebuilds the chain for the new sheets when it calculates.
 */
import { applySplices, setAttribute, type Splice } from "./splice";
import { scanXml } from "./xml";

/** The part without the entries of those sheets, and how many entries remain. */
export function dropCalcChainSheets(
  xml: string,
  sheetIds: ReadonlySet<string>,
  label: string,
  part: string,
): { xml: string; remaining: number } {
  const splices: Splice[] = [];
  let current = "";
  let remaining = 0;
  let dropNext = false;
  let lastKept = "";
  const pending: { start: number; startEnd: number; explicit: boolean }[] = [];
  scanXml(
    xml,
    {
      open: (el) => {
        if (el.depth !== 1 || el.local !== "c") return;
        const i = el.attributes.i;
        if (i !== undefined) current = i;
        dropNext = sheetIds.has(current);
        pending.push({ start: el.start, startEnd: el.startEnd, explicit: i !== undefined });
      },
      close: (el, end) => {
        if (el.depth !== 1 || el.local !== "c") return;
        const p = pending.pop()!;
        if (dropNext) {
          splices.push({ start: p.start, end, text: "" });
          return;
        }
        remaining++;
        // An entry that relied on a dropped entry's sheet id gets its own.
        if (!p.explicit && current !== lastKept)
          splices.push({
            start: p.start,
            end: p.startEnd,
            text: setAttribute(xml.slice(p.start, p.startEnd), "i", current),
          });
        lastKept = current;
      },
    },
    label,
    part,
  );
  return { xml: applySplices(xml, splices), remaining };
}
