/**
 * Read the workbook part (xl/workbook.xml, ECMA-376 Part 1 §18.2) in one streaming pass: the sheets in
 * tab order with their visibility and part paths, every <definedName> decoded once (name, scope, hidden,
 * comment, refers-to) with the span of its element in the part so the writer can copy it byte for byte,
 * the date system (workbookPr date1904) and where <sheets> and <definedNames> sit.
 */
import { limits } from "./limits";
import type { SheetVisibility } from "../../esg/types";
import { WorkbookError } from "./errors";
import { relsOf, resolveTarget, type OpenPackage, type Relationship } from "./package";
import { entryText } from "./zip";
import { scanXml } from "./xml";

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

/** A byte-exact slice of the part: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RawSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Path of the sheet's part in the package, or null when the relationship is missing. */
  readonly path: string | null;
  readonly kind: SheetKind;
  readonly sheetId: string;
  /** The relationship id (r:id). */
  readonly rid: string;
  readonly span: Span;
}

export interface RawDefinedName {
  readonly name: string;
  /** 0-based index into the sheets (the localSheetId attribute), or null for workbook scope. */
  readonly localSheetId: number | null;
  readonly hidden: boolean;
  readonly comment?: string;
  /** The refers-to text, decoded. */
  readonly text: string;
  /** The element as written in the part. */
  readonly span: Span;
}

export interface WorkbookPart {
  readonly path: string;
  readonly xml: string;
  /** Qualified name of the root element ("workbook" or "x:workbook"). */
  readonly rootName: string;
  /** Namespace declarations on the root (prefix → URI; "" for the default namespace). */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly sheets: readonly RawSheet[];
  readonly names: readonly RawDefinedName[];
  readonly date1904: boolean;
  /** The <sheets> element, and <definedNames> when present. */
  readonly sheetsSpan: Span;
  readonly definedNamesSpan: Span | null;
  readonly rels: readonly Relationship[];
  /** The root's children in order (local name and span), to insert an element where the schema wants it. */
  readonly children: readonly (Span & { readonly local: string })[];
  /** The <workbookView> elements (bookViews) with their start tags' spans. */
  readonly views: readonly (Span & { readonly startEnd: number })[];
}

/** Most defined names read (a workbook of a million names is refused in one line, not a heap crash). */
export const MAX_DEFINED_NAMES = limits.definedNames();

const SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: "worksheet",
  chartsheet: "chartsheet",
  dialogsheet: "dialogsheet",
  xlMacrosheet: "macrosheet",
  xlIntlMacrosheet: "macrosheet",
};

/** An attribute by local name, ignoring its namespace prefix (r:id is written with other prefixes too). */
function prefixedAttr(a: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [k, v] of Object.entries(a)) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

export function readWorkbookPart(pkg: OpenPackage): WorkbookPart {
  const { label } = pkg;
  const xml = entryText(pkg.zip, pkg.workbookPath, label) ?? "";
  const rels = relsOf(pkg, pkg.workbookPath);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sheets: RawSheet[] = [];
  const names: RawDefinedName[] = [];
  let rootName = "";
  let namespaces: Record<string, string> = {};
  let date1904 = false;
  let sheetsSpan: Span | null = null;
  let definedNamesSpan: Span | null = null;
  let nameText: string[] | null = null;
  const children: (Span & { local: string })[] = [];
  const views: (Span & { startEnd: number })[] = [];
  scanXml(
    xml,
    {
      open: (el) => {
        if (el.depth === 0) {
          rootName = el.name;
          namespaces = Object.fromEntries(
            Object.entries(el.attributes)
              .filter(([k]) => k === "xmlns" || k.startsWith("xmlns:"))
              .map(([k, v]) => [k === "xmlns" ? "" : k.slice(6), v]),
          );
          return;
        }
        if (el.depth !== 1 && el.depth !== 2) return;
        if (el.local === "workbookView" && el.depth === 2)
          views.push({ start: el.start, end: el.startEnd, startEnd: el.startEnd });
        if (el.local === "workbookPr" && el.depth === 1) {
          const v = el.attributes.date1904;
          date1904 = v === "1" || v === "true";
        } else if (el.local === "definedName" && el.depth === 2) {
          if (names.length >= MAX_DEFINED_NAMES)
            throw new WorkbookError(
              "damaged",
              `${label} defines more than ${MAX_DEFINED_NAMES.toLocaleString("en")} names; refused`,
            );
          nameText = [];
        }
      },
      text: (t) => {
        if (nameText) nameText.push(t);
      },
      close: (el, end) => {
        if (el.depth === 1) children.push({ local: el.local, start: el.start, end });
        if (el.depth === 1 && el.local === "sheets") sheetsSpan = { start: el.start, end };
        else if (el.depth === 1 && el.local === "definedNames") definedNamesSpan = { start: el.start, end };
        else if (el.depth === 2 && el.local === "sheet") {
          const a = el.attributes;
          const rid = prefixedAttr(a, "id") ?? "";
          const rel = relById.get(rid);
          const type = rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "";
          sheets.push({
            name: a.name ?? "",
            visibility: a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible",
            path: rel && !rel.external && rel.target ? resolveTarget(pkg.workbookPath, rel.target) : null,
            kind: SHEET_KINDS[type] ?? "unknown",
            sheetId: a.sheetId ?? "",
            rid,
            span: { start: el.start, end },
          });
        } else if (el.depth === 2 && el.local === "definedName" && nameText) {
          const a = el.attributes;
          const local = a.localSheetId !== undefined ? Number(a.localSheetId) : null;
          names.push({
            name: a.name ?? "",
            localSheetId: local !== null && Number.isInteger(local) && local >= 0 ? local : null,
            hidden: a.hidden === "1" || a.hidden === "true",
            ...(a.comment !== undefined ? { comment: a.comment } : {}),
            text: nameText.join(""),
            span: { start: el.start, end },
          });
          nameText = null;
        }
      },
    },
    label,
    pkg.workbookPath,
  );
  if (!/^(\w+:)?workbook$/.test(rootName))
    throw new WorkbookError("damaged", `${label} is damaged: ${pkg.workbookPath} has no <workbook> element`);
  return {
    path: pkg.workbookPath,
    xml,
    rootName,
    namespaces,
    sheets,
    names,
    date1904,
    sheetsSpan: sheetsSpan ?? { start: -1, end: -1 },
    definedNamesSpan,
    rels,
    children,
    views,
  };
}
