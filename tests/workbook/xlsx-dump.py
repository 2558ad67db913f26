"""Dump what openpyxl sees in a workbook as JSON, for comparing two writers cell by cell.

Usage: python3 xlsx-dump.py book.xlsx [sheet ...]   (no sheets: every worksheet)
Values, formulas, number formats, fonts, fills, borders, alignment, merges, frozen panes, column
widths, row heights, sheet state, page set-up, tab colour, and every defined name.
"""
import json
import sys

import openpyxl


def color(c):
    if c is None:
        return None
    if c.type == "rgb":
        return c.rgb
    return f"{c.type}:{c.value}"


def style(cell):
    f = cell.font
    b = cell.border
    a = cell.alignment
    fill = cell.fill
    return {
        "font": [f.name, float(f.sz) if f.sz else None, bool(f.b), bool(f.i), color(f.color) if f.color is not None and f.color.type == "rgb" else None],
        "fill": [fill.fill_type, color(fill.fgColor) if fill.fill_type else None],
        "border": [s.style for s in (b.left, b.right, b.top, b.bottom)],
        "align": [a.horizontal, a.vertical, bool(a.wrap_text), a.indent or 0],
        "numFmt": cell.number_format,
    }


def widths(ws):
    """Width per column letter; a <col> element may span several columns (min..max)."""
    out = {}
    for dim in ws.column_dimensions.values():
        if not dim.customWidth or dim.min is None:
            continue
        for i in range(dim.min, dim.max + 1):
            out[openpyxl.utils.get_column_letter(i)] = dim.width
    return dict(sorted(out.items()))


def dump(path, sheets):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "names": [], "worksheets": {}}
    if hasattr(wb.defined_names, "definedName"):  # openpyxl 3.0: one list, scope by localSheetId
        for dn in wb.defined_names.definedName:
            scope = wb.sheetnames[dn.localSheetId] if dn.localSheetId is not None else None
            out["names"].append([dn.name, scope, dn.attr_text, bool(dn.hidden)])
    else:  # openpyxl 3.1: sheet-scoped names live on the sheets
        for name, dn in wb.defined_names.items():
            out["names"].append([name, None, dn.attr_text, bool(dn.hidden)])
        for ws in wb.worksheets:
            for name, dn in ws.defined_names.items():
                out["names"].append([name, ws.title, dn.attr_text, bool(dn.hidden)])
    out["names"].sort(key=lambda n: (n[0], n[1] or ""))
    for ws in wb.worksheets:
        if sheets and ws.title not in sheets:
            continue
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                v = c.value
                if hasattr(v, "text"):  # ArrayFormula
                    v = v.text
                cells[c.coordinate] = [v if not hasattr(v, "isoformat") else v.isoformat(), style(c)]
        ps = ws.page_setup
        out["worksheets"][ws.title] = {
            "state": ws.sheet_state,
            "cells": cells,
            "merges": sorted(str(m) for m in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "widths": widths(ws),
            "heights": {k: v.height for k, v in sorted(ws.row_dimensions.items()) if v.customHeight},
            "page": [ps.orientation, str(ps.paperSize), ps.fitToWidth, ps.fitToHeight, bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)],
            "tab": color(ws.sheet_properties.tabColor),
        }
    return out


if __name__ == "__main__":
    print(json.dumps(dump(sys.argv[1], sys.argv[2:]), default=str, sort_keys=True))
