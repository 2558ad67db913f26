/**
 * The drawing part of a sheet's charts (xl/drawings/drawingN.xml, SpreadsheetML drawing, ECMA-376 Part 1
 * §20.5): one xdr:twoCellAnchor per chart, from the model's top-left cell to the cell just past its
 * bottom-right corner (so the chart moves and sizes with its cells), holding a graphic frame that points
 * at the chart part through the drawing's relationship rId<n> (n = the chart's position, from 1). The
 * frame is named with the chart's id and described with its title: Excel shows both in the Selection
 * pane and reads the description as the chart's alternative text.
 */
import type { ChartModel } from "../../esg/types";
import { CHART_NS, DRAWINGML_NS } from "./chartXml";
import { attrs } from "./xml";
import { RELATIONSHIPS_NS } from "./worksheetXml";

export const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** The relationship id of the i-th chart (0-based) in its drawing's relationships. */
export function chartRelId(i: number): string {
  return `rId${i + 1}`;
}

function marker(tag: "from" | "to", at: { readonly row: number; readonly col: number }): string {
  return (
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

export function drawingXml(charts: readonly ChartModel[]): string {
  const anchors = charts
    .map(
      (chart, i) =>
        `<xdr:twoCellAnchor>${marker("from", chart.anchor.from)}${marker("to", chart.anchor.to)}` +
        `<xdr:graphicFrame macro="">` +
        // cNvPr ids are unique within the drawing (§20.1.2.2.8); 1 is left to the drawing itself.
        `<xdr:nvGraphicFramePr><xdr:cNvPr${attrs({ id: i + 2, name: chart.id, descr: chart.title })}/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="${chartRelId(i)}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${RELATIONSHIPS_NS}">${anchors}</xdr:wsDr>`
  );
}
