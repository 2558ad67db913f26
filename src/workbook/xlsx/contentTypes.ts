/**
 * Edit [Content_Types].xml (OPC, ECMA-376 Part 2 §10.1.2.2): add an Override for each new part and drop
 * those of removed parts, leaving the rest as written.
 */
import { applySplices, type Splice } from "./splice";
import { attrs, scanXml } from "./xml";

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export function editContentTypes(
  xml: string,
  removeParts: ReadonlySet<string>,
  addParts: ReadonlyMap<string, string>,
  label: string,
): string {
  const splices: Splice[] = [];
  const present = new Set<string>();
  const removing = new Set([...removeParts].map((p) => `/${p}`.toLowerCase()));
  let prefix = "";
  let rootClose = -1;
  scanXml(
    xml,
    {
      open: (el) => {
        if (el.depth === 0) prefix = el.name.includes(":") ? el.name.slice(0, el.name.indexOf(":") + 1) : "";
      },
      close: (el, end) => {
        if (el.depth === 1 && el.local === "Override") {
          const name = (el.attributes.PartName ?? "").toLowerCase();
          if (removing.has(name)) splices.push({ start: el.start, end, text: "" });
          else present.add(name);
        }
        if (el.depth === 0) rootClose = xml.lastIndexOf("</", end - 1);
      },
    },
    label,
    "[Content_Types].xml",
  );
  const added = [...addParts]
    .filter(([part]) => !present.has(`/${part}`.toLowerCase()))
    .map(([part, type]) => `<${prefix}Override${attrs({ PartName: `/${part}`, ContentType: type })}/>`)
    .join("");
  if (added) splices.push({ start: rootClose, end: rootClose, text: added });
  return applySplices(xml, splices);
}
