/**
 * Rewrite the workbook part for a new sheet list and names, splicing only <sheets>, <definedNames> and
 * the bookViews' activeTab/firstSheet into the part as written (ECMA-376 Part 1 §18.2.27 CT_Workbook).
 * Kept <sheet> and <definedName> elements are copied character for character; a new <sheet> uses the
 * relationships prefix the part declares, or declares xmlns:r on itself (as openpyxl does).
 */
import { WorkbookError } from "./errors";
import type { NameToWrite } from "./names";
import { applySplices, attributeOf, setAttribute, startTagEnd, type Splice } from "./splice";
import type { RawSheet, WorkbookPart } from "./workbookPart";
import { RELATIONSHIPS_NS } from "./worksheetXml";
import { attrs, escapeText, rootPrefix } from "./xml";

const STRICT_RELATIONSHIPS_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export type SheetEntry =
  | { readonly kind: "kept"; readonly raw: RawSheet }
  | {
      readonly kind: "new";
      readonly name: string;
      readonly sheetId: string;
      readonly rid: string;
      readonly hidden: boolean;
    };

/** Elements after which <definedNames> may come (CT_Workbook sequence). */
const BEFORE_NAMES = new Set(["sheets", "functionGroups", "externalReferences"]);

function sheetXml(entry: Extract<SheetEntry, { kind: "new" }>, part: WorkbookPart, prefix: string): string {
  const rPrefix = Object.entries(part.namespaces).find(
    ([p, uri]) => p !== "" && (uri === RELATIONSHIPS_NS || uri === STRICT_RELATIONSHIPS_NS),
  )?.[0];
  const a = attrs({ name: entry.name, sheetId: entry.sheetId, state: entry.hidden ? "hidden" : undefined });
  return rPrefix
    ? `<${prefix}sheet${a} ${rPrefix}:id="${entry.rid}"/>`
    : `<${prefix}sheet xmlns:r="${RELATIONSHIPS_NS}"${a} r:id="${entry.rid}"/>`;
}

function nameXml(
  n: NameToWrite,
  index: ReadonlyMap<string, number>,
  part: WorkbookPart,
  prefix: string,
): string {
  const at = n.scopeSheet !== null ? index.get(n.scopeSheet) : undefined;
  if (n.scopeSheet !== null && at === undefined)
    throw new WorkbookError(
      "write-failed",
      `the written workbook lost sheet "${n.scopeSheet}" that a name belongs to`,
    );
  if (n.kind === "kept") {
    const raw = part.xml.slice(n.raw.span.start, n.raw.span.end);
    if (at === undefined || at === n.raw.localSheetId) return raw;
    const end = startTagEnd(raw, 0);
    return setAttribute(raw.slice(0, end), "localSheetId", String(at)) + raw.slice(end);
  }
  const a = attrs({ name: n.name, hidden: n.hidden ? 1 : undefined, localSheetId: at });
  return `<${prefix}definedName${a}>${escapeText(n.text)}</${prefix}definedName>`;
}

export function rewriteWorkbookXml(
  part: WorkbookPart,
  sheets: readonly SheetEntry[],
  names: readonly NameToWrite[],
): string {
  const { xml } = part;
  const prefix = rootPrefix(part.rootName);
  const splices: Splice[] = [];
  const index = new Map(sheets.map((s, i) => [s.kind === "kept" ? s.raw.name : s.name, i]));

  // <sheets>: its start tag as written, then the sheets in their new order.
  const sheetsOpen = xml.slice(part.sheetsSpan.start, startTagEnd(xml, part.sheetsSpan.start));
  const sheetItems = sheets.map((s) =>
    s.kind === "kept" ? xml.slice(s.raw.span.start, s.raw.span.end) : sheetXml(s, part, prefix),
  );
  splices.push({
    start: part.sheetsSpan.start,
    end: part.sheetsSpan.end,
    text: `${sheetsOpen.replace(/\s*\/>$/, ">")}${sheetItems.join("")}</${prefix}sheets>`,
  });

  const nameItems = names.map((n) => nameXml(n, index, part, prefix)).join("");
  if (part.definedNamesSpan) {
    const open = xml.slice(part.definedNamesSpan.start, startTagEnd(xml, part.definedNamesSpan.start));
    splices.push({
      start: part.definedNamesSpan.start,
      end: part.definedNamesSpan.end,
      text: nameItems ? `${open.replace(/\s*\/>$/, ">")}${nameItems}</${prefix}definedNames>` : "",
    });
  } else if (nameItems) {
    let at = part.sheetsSpan.end;
    for (const c of part.children) if (BEFORE_NAMES.has(c.local)) at = Math.max(at, c.end);
    splices.push({ start: at, end: at, text: `<${prefix}definedNames>${nameItems}</${prefix}definedNames>` });
  }

  // Keep the active and first tab inside the workbook (bookViews, §18.2.30).
  for (const v of part.views) {
    let tag = xml.slice(v.start, v.startEnd);
    for (const attr of ["activeTab", "firstSheet"]) {
      const value = attributeOf(tag, attr);
      if (value !== undefined && Number(value) >= sheets.length) tag = setAttribute(tag, attr, "0");
    }
    if (tag !== xml.slice(v.start, v.startEnd)) splices.push({ start: v.start, end: v.startEnd, text: tag });
  }
  return applySplices(xml, splices);
}
