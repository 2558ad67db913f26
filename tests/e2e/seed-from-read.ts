/** Turns a WorkbookRead (what a host read) into a seed for the fake Excel: the cells under each name, and the names. */
import type { CellValue, WorkbookRead } from "../../src/esg/types";
import { cellAddress, parseArea } from "../../src/sheet-ref";
import type { SeedName, SeedSheet, WorkbookSeed } from "../fakes/excel";

type Scalar = number | string | boolean | null | { error: string };

function scalar(v: CellValue): Scalar {
  if (v === null || typeof v !== "object") return v;
  if (v.kind === "error") return { error: v.code };
  if (v.kind === "date") return v.iso;
  return null;
}

export function seedFromRead(read: WorkbookRead): WorkbookSeed {
  const sheets = new Map<string, SeedSheet>();
  for (const s of read.sheets) sheets.set(s.name, { name: s.name, cells: {}, names: [] });
  const names: SeedName[] = [];
  for (const n of read.names) {
    const name: SeedName = { name: n.name, refersTo: n.refersTo, visible: !n.hidden };
    if (n.scope) sheets.get(n.scope)?.names?.push(name);
    else names.push(name);
    if (n.status !== "ok" || !n.sheet || !n.address || !n.values) continue;
    const rect = parseArea(n.address);
    const sheet = sheets.get(n.sheet);
    if (!rect || !sheet?.cells) continue;
    n.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const s = scalar(v);
        if (s !== null) sheet.cells![cellAddress(rect.top + r, rect.left + c)] = s;
      }),
    );
  }
  return { sheets: [...sheets.values()], names };
}
