#!/usr/bin/python3
"""Dumps every cell of a generated workbook as openpyxl reads it: value or formula, number format and
style (font, fill, border, alignment, protection), plus merges, column widths, row heights, sheet
state, print set-up and defined names. One JSON line per item, so two dumps compare with diff.
Timestamps (when the run happened) are masked.
Used by scripts/output-diff.sh to show that a refactor leaves the generated output as it was."""
import json
import re
import sys

import openpyxl

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def style(c):
    f, a = c.font, c.alignment
    return [
        c.number_format,
        [f.name, f.sz, f.b, f.i, f.u, f.color.rgb if f.color is not None else None],
        [c.fill.fill_type, c.fill.fgColor.rgb if c.fill.fgColor is not None else None],
        [str(getattr(c.border, s).style) for s in ("left", "right", "top", "bottom")],
        [a.horizontal, a.vertical, a.wrap_text, a.indent],
    ]


def dump(path):
    wb = openpyxl.load_workbook(path)
    out = []
    for dn in sorted(wb.defined_names.definedName, key=lambda d: (d.name, d.localSheetId or -1)):
        out.append(["name", dn.name, dn.localSheetId, dn.attr_text, dn.hidden])
    for ws in wb.worksheets:
        for dn in sorted(getattr(ws, "defined_names", {}).items()) if isinstance(getattr(ws, "defined_names", None), dict) else []:
            out.append(["sheet-name", ws.title, dn[0], dn[1].attr_text])
        out.append(["sheet", ws.title, ws.sheet_state, ws.freeze_panes, sorted(str(m) for m in ws.merged_cells.ranges)])
        out.append(["print", ws.title, ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth, ws.print_area])
        for k, d in sorted(ws.column_dimensions.items()):
            out.append(["col", ws.title, k, d.width, d.hidden])
        for k, d in sorted(ws.row_dimensions.items()):
            out.append(["row", ws.title, k, d.height, d.hidden])
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                v = c.value
                if isinstance(v, str):
                    v = STAMP.sub("<time>", v)
                out.append(["cell", ws.title, c.coordinate, v if isinstance(v, (int, float, str, bool, type(None))) else str(v), style(c)])
    for item in out:
        print(json.dumps(item, ensure_ascii=False, default=str))


if __name__ == "__main__":
    dump(sys.argv[1])
