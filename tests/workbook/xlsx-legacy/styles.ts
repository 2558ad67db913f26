/**
 * Turn the sheet model's neutral styles into ExcelJS styles. Colours are RRGGBB in the model and ARGB
 * in ExcelJS (ECMA-376 Part 1, §18.8.19 rgb: alpha first).
 */
import type { Alignment, Borders, BorderStyle, Fill, Font, Style } from "exceljs";
import type { BorderWeight, CellStyle, SheetModel } from "../../../src/esg/types";

export function argb(rgb: string): string {
  const hex = rgb.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, "0")}`;
}

const BORDER: Record<BorderWeight, BorderStyle> = { thin: "thin", medium: "medium", double: "double" };

function font(sheet: SheetModel, style: CellStyle | undefined): Partial<Font> {
  const f = style?.font;
  return {
    name: sheet.font.name,
    size: f?.size ?? sheet.font.size,
    ...(f?.bold ? { bold: true } : {}),
    ...(f?.italic ? { italic: true } : {}),
    ...(f?.color ? { color: { argb: argb(f.color) } } : {}),
  };
}

function fill(style: CellStyle | undefined): Fill | undefined {
  if (!style?.fill) return undefined;
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
}

function border(style: CellStyle | undefined): Partial<Borders> | undefined {
  const b = style?.border;
  if (!b) return undefined;
  const out: Partial<Borders> = {};
  if (b.top) out.top = { style: BORDER[b.top] };
  if (b.bottom) out.bottom = { style: BORDER[b.bottom] };
  if (b.left) out.left = { style: BORDER[b.left] };
  if (b.right) out.right = { style: BORDER[b.right] };
  return out;
}

function alignment(style: CellStyle | undefined): Partial<Alignment> | undefined {
  const a = style?.align;
  if (!a) return undefined;
  const vertical = a.vertical === "center" ? "middle" : a.vertical;
  return {
    ...(a.horizontal ? { horizontal: a.horizontal } : {}),
    ...(vertical ? { vertical } : {}),
    ...(a.wrap ? { wrapText: true } : {}),
    ...(a.indent ? { indent: a.indent } : {}),
  };
}

/**
 * One ExcelJS style per (style key, number format) pair, built once per sheet: ExcelJS shares a style
 * object between the cells it is assigned to only if it is the same object, and the styles part stays small.
 */
export class StyleCache {
  private readonly cache = new Map<string, Partial<Style>>();
  constructor(private readonly sheet: SheetModel) {}

  get(key: string | undefined, numberFormat: string | undefined): Partial<Style> {
    const id = `${key ?? ""}\u0000${numberFormat ?? ""}`;
    let s = this.cache.get(id);
    if (!s) {
      const style = key ? this.sheet.styles[key] : undefined;
      const f = fill(style);
      const b = border(style);
      const a = alignment(style);
      s = {
        font: font(this.sheet, style),
        ...(f ? { fill: f } : {}),
        ...(b ? { border: b } : {}),
        ...(a ? { alignment: a } : {}),
        ...(numberFormat ? { numFmt: numberFormat } : {}),
      };
      this.cache.set(id, s);
    }
    return s;
  }
}
