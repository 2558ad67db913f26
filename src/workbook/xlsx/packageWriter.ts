/**
 * Write a new package from the input package and a plan: the new sheet list (kept sheets, new sheets
 * that reuse a replaced sheet's part, new sheets in new parts, each with its charts), the defined names,
 * parts whose content changed (the history sheet), and the styles. Only these parts are touched: the
 * sheets' parts, the parts only a replaced or removed sheet reached (its drawing and charts, orphans.ts),
 * the new sheets' drawing and chart parts, xl/workbook.xml, its relationships, [Content_Types].xml,
 * styles, docProps/app.xml (when the sheet list changes) and xl/calcChain.xml (when a sheet with entries
 * goes). Every other zip entry is copied byte for byte, compressed bytes included.
 */
import { dropSheetTitles } from "./appProps";
import { dropCalcChainSheets } from "./calcChain";
import { CHART_TYPE, DRAWING_TYPE, editContentTypes, STYLES_TYPE, WORKSHEET_TYPE } from "./contentTypes";
import { chartRelId } from "./drawingXml";
import { WorkbookError } from "./errors";
import type { NameToWrite } from "./names";
import { orphanedParts } from "./orphans";
import { relsOf, relsPathOf, resolveTarget, type OpenPackage } from "./package";
import { editRels, EMPTY_RELS, freeIds, type NewRelationship } from "./relsPart";
import type { SheetDrawing } from "./sheetDrawing";
import { rewriteWorkbookXml, type SheetEntry } from "./workbookXml";
import type { RawSheet, WorkbookPart } from "./workbookPart";
import { RELATIONSHIPS_NS, SHEET_DRAWING_REL_ID } from "./worksheetXml";
import { entryText, writeZip, type ZipItem } from "./zip";

export const WORKSHEET_REL = `${RELATIONSHIPS_NS}/worksheet`;
export const STYLES_REL = `${RELATIONSHIPS_NS}/styles`;
export const DRAWING_REL = `${RELATIONSHIPS_NS}/drawing`;
export const CHART_REL = `${RELATIONSHIPS_NS}/chart`;
const CALC_CHAIN_SUFFIX = "/calcChain";
const EXTENDED_PROPERTIES_SUFFIX = "/extended-properties";

export type PlannedSheet =
  | { readonly kind: "kept"; readonly raw: RawSheet }
  | {
      readonly kind: "new";
      readonly name: string;
      readonly xml: string;
      readonly hidden: boolean;
      /** A replaced sheet whose part, relationship and sheet id this sheet takes over. */
      readonly reuse: RawSheet | null;
      /** The sheet's drawing and chart parts (sheetDrawing.ts), when it has charts. */
      readonly drawing?: SheetDrawing | null;
    };

export interface PackagePlan {
  readonly sheets: readonly PlannedSheet[];
  readonly names: readonly NameToWrite[];
  /** New content of kept parts (path → XML). */
  readonly changedParts: ReadonlyMap<string, string>;
  /** The styles part's new text, or null when it did not change. */
  readonly styles: { readonly path: string; readonly xml: string; readonly created: boolean } | null;
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
}

/**
 * The path of a part relative to the folder of another (for a relationship target). Outside that folder
 * it is absolute ("/xl/…"), or with `parents` relative through "..", as Excel writes a sheet's drawing
 * ("../drawings/drawing1.xml").
 */
function relativeTo(from: string, path: string, parents = false): string {
  const base = dirOf(from);
  if (path.startsWith(base)) return path.slice(base.length);
  if (!parents) return `/${path}`;
  const up = base.split("/").filter(Boolean);
  const down = path.split("/");
  let common = 0;
  while (common < up.length && common < down.length - 1 && up[common] === down[common]) common++;
  return [...up.slice(common).map(() => ".."), ...down.slice(common)].join("/");
}

export function writePackage(
  pkg: OpenPackage,
  part: WorkbookPart,
  plan: PackagePlan,
  now = new Date(),
): Buffer {
  const { label, zip } = pkg;
  const out = new Map<string, string>(plan.changedParts);
  const deleted = new Set<string>();
  const takenPaths = new Set([...zip.byName.keys()].map((n) => n.toLowerCase()));
  const removeRels = new Set<string>();
  const addRels: NewRelationship[] = [];
  const addTypes = new Map<string, string>();
  const removeTypes = new Set<string>();
  const relIds = freeIds(
    part.rels.map((r) => r.id),
    plan.sheets.filter((s) => s.kind === "new" && !s.reuse).length + 1,
  );
  let nextSheetId = Math.max(0, ...part.sheets.map((s) => Number(s.sheetId) || 0)) + 1;
  let nextPart = 1;
  const freshPath = (): string => {
    const dir = `${dirOf(part.path)}worksheets/`;
    while (takenPaths.has(`${dir}sheet${nextPart}.xml`.toLowerCase())) nextPart++;
    const path = `${dir}sheet${nextPart}.xml`;
    takenPaths.add(path.toLowerCase());
    return path;
  };

  const kept = new Set(plan.sheets.filter((s) => s.kind === "kept").map((s) => (s as { raw: RawSheet }).raw));
  const reused = new Set(plan.sheets.flatMap((s) => (s.kind === "new" && s.reuse ? [s.reuse] : [])));
  /** Sheet ids whose calculation chain entries go. */
  const goneIds = new Set<string>();

  // Sheets neither kept nor reused are removed with their parts.
  for (const raw of part.sheets) {
    if (kept.has(raw) || reused.has(raw)) continue;
    goneIds.add(raw.sheetId);
    removeRels.add(raw.rid);
    if (raw.path) {
      deleted.add(raw.path);
      removeTypes.add(raw.path);
      if (zip.byName.has(relsPathOf(raw.path))) deleted.add(relsPathOf(raw.path));
    }
  }
  // A replaced sheet's relationships go with it (the new sheet brings its own), and so do the parts
  // only they reached: its drawing and charts (orphans.ts).
  const going: string[] = [];
  for (const raw of part.sheets)
    if (!kept.has(raw) && raw.path) {
      going.push(raw.path);
      if (zip.byName.has(relsPathOf(raw.path))) deleted.add(relsPathOf(raw.path));
    }
  const sheetParts = new Set(part.sheets.flatMap((s) => (s.path ? [s.path] : [])));
  for (const orphan of orphanedParts(pkg, going, sheetParts)) {
    deleted.add(orphan);
    removeTypes.add(orphan);
    if (zip.byName.has(relsPathOf(orphan))) deleted.add(relsPathOf(orphan));
  }
  /** Write a part (new, or in place of one that goes). */
  const put = (path: string, text: string): void => {
    out.set(path, text);
    deleted.delete(path);
  };
  // Drawing and chart parts take the first free numbers, counting parts that go as free, so a run over
  // its own output writes the same part names again (a reused name's content type is dropped and added
  // again, editContentTypes).
  const usedNames = new Set(
    [...zip.byName.keys()].filter((n) => !deleted.has(n)).map((n) => n.toLowerCase()),
  );
  const numbered = (folder: string, stem: string): string => {
    const dir = `${dirOf(part.path)}${folder}/`;
    for (let n = 1; ; n++) {
      const path = `${dir}${stem}${n}.xml`;
      if (usedNames.has(path.toLowerCase()) || out.has(path)) continue;
      usedNames.add(path.toLowerCase());
      return path;
    }
  };
  const writeDrawing = (sheetPath: string, drawing: SheetDrawing): void => {
    const drawingPath = numbered("drawings", "drawing");
    const chartRels = drawing.charts.map((xml, i) => {
      const chartPath = numbered("charts", "chart");
      put(chartPath, xml);
      addTypes.set(chartPath, CHART_TYPE);
      return { id: chartRelId(i), type: CHART_REL, target: relativeTo(drawingPath, chartPath, true) };
    });
    put(drawingPath, drawing.drawing);
    addTypes.set(drawingPath, DRAWING_TYPE);
    put(relsPathOf(drawingPath), editRels(EMPTY_RELS, new Set(), chartRels, label, relsPathOf(drawingPath)));
    const sheetRel = {
      id: SHEET_DRAWING_REL_ID,
      type: DRAWING_REL,
      target: relativeTo(sheetPath, drawingPath, true),
    };
    put(relsPathOf(sheetPath), editRels(EMPTY_RELS, new Set(), [sheetRel], label, relsPathOf(sheetPath)));
  };

  const entries: SheetEntry[] = plan.sheets.map((s) => {
    if (s.kind === "kept") return { kind: "kept", raw: s.raw };
    if (s.reuse?.path) {
      put(s.reuse.path, s.xml);
      if (s.drawing) writeDrawing(s.reuse.path, s.drawing);
      goneIds.add(s.reuse.sheetId);
      return { kind: "new", name: s.name, sheetId: s.reuse.sheetId, rid: s.reuse.rid, hidden: s.hidden };
    }
    const path = freshPath();
    const rid = relIds.shift()!;
    put(path, s.xml);
    if (s.drawing) writeDrawing(path, s.drawing);
    addRels.push({ id: rid, type: WORKSHEET_REL, target: relativeTo(part.path, path) });
    addTypes.set(path, WORKSHEET_TYPE);
    return { kind: "new", name: s.name, sheetId: String(nextSheetId++), rid, hidden: s.hidden };
  });

  if (plan.styles) {
    out.set(plan.styles.path, plan.styles.xml);
    if (plan.styles.created) {
      addRels.push({
        id: relIds.shift()!,
        type: STYLES_REL,
        target: relativeTo(part.path, plan.styles.path),
      });
      addTypes.set(plan.styles.path, STYLES_TYPE);
    }
  }

  // The calculation chain loses the entries of sheets that went; an empty chain goes altogether.
  const calcRel = part.rels.find((r) => r.type.endsWith(CALC_CHAIN_SUFFIX) && !r.external);
  if (calcRel && goneIds.size) {
    const path = resolveTarget(part.path, calcRel.target);
    const xml = entryText(zip, path, label);
    if (xml !== null) {
      const chain = dropCalcChainSheets(xml, goneIds, label, path);
      if (chain.remaining === 0) {
        deleted.add(path);
        removeTypes.add(path);
        removeRels.add(calcRel.id);
      } else if (chain.xml !== xml) out.set(path, chain.xml);
    }
  }

  out.set(part.path, rewriteWorkbookXml(part, entries, plan.names));
  const relsPath = relsPathOf(part.path);
  const relsXml = entryText(zip, relsPath, label) ?? EMPTY_RELS;
  out.set(relsPath, editRels(relsXml, removeRels, addRels, label, relsPath));
  const types = entryText(zip, "[Content_Types].xml", label) ?? "";
  const newTypes = editContentTypes(types, removeTypes, addTypes, label);
  if (newTypes !== types) out.set("[Content_Types].xml", newTypes);

  // Sheet titles in docProps/app.xml go when the list of sheets changed.
  const namesBefore = part.sheets.map((s) => s.name).join("\u0000");
  const namesAfter = entries.map((e) => (e.kind === "kept" ? e.raw.name : e.name)).join("\u0000");
  if (namesBefore !== namesAfter) {
    const appRel = relsOf(pkg, "").find((r) => r.type.endsWith(EXTENDED_PROPERTIES_SUFFIX));
    const appPath = appRel ? resolveTarget("", appRel.target) : null;
    const app = appPath ? entryText(zip, appPath, label) : null;
    if (appPath && app !== null) {
      const edited = dropSheetTitles(app, label, appPath);
      if (edited !== app) out.set(appPath, edited);
    }
  }

  for (const path of deleted) out.delete(path);
  const items: ZipItem[] = [];
  for (const e of zip.entries) {
    if (deleted.has(e.name)) continue;
    const text = out.get(e.name);
    if (text === undefined) items.push({ kind: "copy", entry: e });
    else {
      items.push({ kind: "new", name: e.name, data: Buffer.from(text, "utf8") });
      out.delete(e.name);
    }
  }
  for (const [name, text] of out) items.push({ kind: "new", name, data: Buffer.from(text, "utf8") });
  if (!entries.length)
    throw new WorkbookError("write-failed", `${label}: a workbook needs at least one sheet`);
  return writeZip(zip.buffer, items, now);
}
