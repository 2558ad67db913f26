/**
 * Edit a relationships part (OPC, ECMA-376 Part 2 §9.3): drop relationships by id and add new ones,
 * leaving the others as written. New ids are "rId<n>" with n unused.
 */
import { applySplices, type Splice } from "./splice";
import { attrs, scanXml } from "./xml";

export interface NewRelationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Ids not taken by `taken`: rId<n>, n counting up from taken.size + 1. */
export function freeIds(taken: Iterable<string>, count: number): string[] {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const out: string[] = [];
  for (let n = used.size + 1; out.length < count; n++) if (!used.has(`rid${n}`)) out.push(`rId${n}`);
  return out;
}

export function editRels(
  xml: string,
  remove: ReadonlySet<string>,
  add: readonly NewRelationship[],
  label: string,
  part: string,
): string {
  if (!remove.size && !add.length) return xml;
  const splices: Splice[] = [];
  let prefix = "";
  let rootClose = -1;
  let rootSelfClosing = false;
  let rootStart = 0;
  let rootStartEnd = 0;
  scanXml(
    xml,
    {
      open: (el) => {
        if (el.depth === 0) {
          prefix = el.name.includes(":") ? el.name.slice(0, el.name.indexOf(":") + 1) : "";
          rootSelfClosing = el.selfClosing;
          rootStart = el.start;
          rootStartEnd = el.startEnd;
        }
      },
      close: (el, end) => {
        if (el.depth === 1 && el.local === "Relationship" && remove.has(el.attributes.Id ?? ""))
          splices.push({ start: el.start, end, text: "" });
        if (el.depth === 0) rootClose = xml.lastIndexOf("</", end - 1);
      },
    },
    label,
    part,
  );
  const added = add
    .map((r) => `<${prefix}Relationship${attrs({ Id: r.id, Type: r.type, Target: r.target })}/>`)
    .join("");
  if (added) {
    if (rootSelfClosing)
      splices.push({
        start: rootStart,
        end: rootStartEnd,
        text: `${xml.slice(rootStart, rootStartEnd).replace(/\s*\/>$/, ">")}${added}</${prefix}Relationships>`,
      });
    else splices.push({ start: rootClose, end: rootClose, text: added });
  }
  return applySplices(xml, splices);
}
