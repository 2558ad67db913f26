/**
 * A small cursor-based writer for one disclosure sheet: title block, table headings, header rows,
 * label rows and footnotes, laid out for the chosen language. With both languages the label of a row
 * takes two columns (Chinese, then English) and the headings of value columns hold both on two lines.
 * It records where each KPI result lands so the content index can point at the cell.
 */
import { columnLetters as columnLetter } from "../../sheet-ref";
import { languagesOf, say } from "./labels";
import { STYLE, STYLES, sheetFont, tabColor, type StyleKey } from "./styles";
import { placeCharts } from "./charts/layout";
import { planChart, type ChartRequest, type PlannedChart } from "./charts/plan";
import type {
  AreaModel,
  Bilingual,
  CellModel,
  ChartModel,
  Lang,
  MergeModel,
  ReportLang,
  SheetModel,
} from "../types";

/** Excel's limits (Excel specifications and limits): row height 409 points, column width 255 characters. */
export const MAX_ROW_HEIGHT = 409;
export const MAX_COLUMN_WIDTH = 255;

/** Where a KPI result was written. */
export interface Placement {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export type Placements = Map<string, Placement[]>;

/** A cell to write, before it has a position. */
export interface CellSpec {
  readonly value: string | number | boolean | null;
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style?: StyleKey;
  /** The KPI result id this cell shows (recorded for the content index when it holds a figure). */
  readonly result?: string;
}

const LABEL_WIDTH: Readonly<Record<Lang, { alone: number; paired: number }>> = {
  "zh-HK": { alone: 30, paired: 24 },
  en: { alone: 40, paired: 34 },
};

export class SheetWriter {
  private readonly cells: CellModel[] = [];
  /** The first cell written at each position (row × 16,384 + column): lookups stay linear in a long table. */
  private readonly cellAt = new Map<number, CellModel>();
  private readonly merges: MergeModel[] = [];
  private frozenRows = 0;
  private readonly planned: PlannedChart[] = [];
  private readonly charts: ChartModel[] = [];
  /** Next row to write (0-based). */
  row = 0;
  readonly langs: readonly Lang[];

  constructor(
    readonly name: string,
    readonly section: string,
    readonly lang: ReportLang,
    /** Widths of the value columns after the label column(s), in characters. */
    private readonly valueWidths: readonly number[],
    private readonly placements: Placements,
    /** Widths of all columns, for a sheet whose columns are not "labels, then values" (the content index). */
    private readonly allColumns?: readonly number[],
  ) {
    this.langs = languagesOf(lang);
  }

  /** Number of label columns: one per language. */
  get labelColumns(): number {
    return this.langs.length;
  }

  /** Total width of the tables in columns. */
  get width(): number {
    return this.allColumns ? this.allColumns.length : this.labelColumns + this.valueWidths.length;
  }

  /** Writes one cell. Every string is literal text (`text: true`): labels and workbook text alike. */
  put(row: number, col: number, spec: CellSpec): void {
    const isText = typeof spec.value === "string" && spec.formula === undefined;
    const cell: CellModel = {
      row,
      col,
      value: spec.value,
      ...(spec.formula !== undefined ? { formula: spec.formula } : {}),
      ...(spec.numberFormat !== undefined ? { numberFormat: spec.numberFormat } : {}),
      ...(spec.style !== undefined ? { style: spec.style } : {}),
      ...(isText ? { text: true } : {}),
    };
    this.cells.push(cell);
    const at = row * 16384 + col;
    if (!this.cellAt.has(at)) this.cellAt.set(at, cell);
    if (spec.result !== undefined && spec.value !== null && typeof spec.value === "number") {
      const list = this.placements.get(spec.result) ?? [];
      list.push({ sheet: this.name, row, col });
      this.placements.set(spec.result, list);
    }
  }

  /** The sheet title, one merged row per language. */
  title(text: Bilingual): void {
    for (const l of this.langs) {
      this.put(this.row, 0, { value: text[l], style: STYLE.title });
      this.merge(this.row, 0, this.row, this.width - 1);
      this.row++;
    }
  }

  /**
   * A note in the sheet's languages, broken into rows no wider than the tables (wrapping is done here,
   * not by the host: row heights of wrapped or merged cells are not fitted everywhere, and a long
   * unbroken line would stretch the printed page far past the tables).
   */
  line(text: Bilingual, style: StyleKey = STYLE.note): void {
    const width = this.columnWidths().reduce((a, b) => a + b, 0);
    for (const l of this.langs) {
      for (const part of breakLines(text[l], width)) this.put(this.row++, 0, { value: part, style });
    }
  }

  private columnWidths(): readonly number[] {
    const labelWidths = this.langs.map((l) =>
      this.langs.length > 1 ? LABEL_WIDTH[l].paired : LABEL_WIDTH[l].alone,
    );
    return (this.allColumns ?? [...labelWidths, ...this.valueWidths]).map((w) =>
      Math.min(w, MAX_COLUMN_WIDTH),
    );
  }

  /** A table heading: bold, both languages on one line when side by side. */
  heading(text: Bilingual): void {
    this.put(this.row++, 0, { value: say(text, this.lang, " "), style: STYLE.heading });
  }

  /** A header row: the label heading in each label column, then the value headings. */
  header(labelHead: Bilingual, heads: readonly Bilingual[]): void {
    this.langs.forEach((l, i) => this.put(this.row, i, { value: labelHead[l], style: STYLE.header }));
    heads.forEach((h, i) =>
      this.put(this.row, this.labelColumns + i, {
        value: h.en === h["zh-HK"] ? h.en : say(h, this.lang),
        style: STYLE.header,
      }),
    );
    this.row++;
  }

  /**
   * A table row: the label in each label column, then the value cells. A label that reads the same in
   * both languages is written once, merged across the label columns.
   */
  tableRow(label: Bilingual, values: readonly CellSpec[], total = false): number {
    const r = this.row++;
    const style = total ? STYLE.total : STYLE.label;
    if (this.langs.length > 1 && label.en === label["zh-HK"]) {
      // A workbook's own label with no dictionary translation: written once across the label columns.
      this.langs.forEach((_, i) => this.put(r, i, { value: i === 0 ? label.en : null, style }));
      this.merge(r, 0, r, this.langs.length - 1);
    } else this.langs.forEach((l, i) => this.put(r, i, { value: label[l], style }));
    values.forEach((v, i) => {
      const style = v.style ?? (total ? STYLE.totalValue : STYLE.value);
      this.put(r, this.labelColumns + i, {
        ...v,
        style: total && style === STYLE.value ? STYLE.totalValue : style,
      });
    });
    return r;
  }

  /** A sub-heading row inside a table (e.g. "By gender"): bold label, empty bordered value cells. */
  groupRow(label: Bilingual, valueColumns: number): void {
    const r = this.row++;
    this.langs.forEach((l, i) => this.put(r, i, { value: label[l], style: STYLE.group }));
    for (let i = 0; i < valueColumns; i++)
      this.put(r, this.labelColumns + i, { value: null, style: STYLE.group });
  }

  /** The cells of an area when every one holds a number (no "–", no blank), else null. */
  numbersIn(area: AreaModel): CellModel[] | null {
    const out: CellModel[] = [];
    for (let row = area.top; row <= area.bottom; row++)
      for (let col = area.left; col <= area.right; col++) {
        const cell = this.cellAt.get(row * 16384 + col);
        if (typeof cell?.value !== "number" || !Number.isFinite(cell.value)) return null;
        out.push(cell);
      }
    return out;
  }

  /** Asks for a chart over a table written so far; kept only when its data is complete (charts/plan.ts). */
  chart(request: ChartRequest): void {
    const planned = planChart(request, this.lang, (a) => this.numbersIn(a));
    if (planned) this.planned.push(planned);
  }

  /** Places the charts asked for at the cursor, below the tables and within their columns. */
  placeCharts(): void {
    if (this.planned.length === 0) return;
    const { charts, rows } = placeCharts(this.planned, this.row, this.fittedWidths());
    this.charts.push(...charts);
    this.planned.length = 0;
    this.row += rows;
  }

  blank(count = 1): void {
    this.row += count;
  }

  /** Freezes the rows written so far (the title block) so they stay in view. */
  freezeHere(): void {
    this.frozenRows = this.row;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (right > left || bottom > top) this.merges.push({ top, left, bottom, right });
  }

  /**
   * Column widths with each value column wide enough for its short texts on one line (a unit such as
   * "噸二氧化碳當量 (t CO2e)", a status word): a short text wrapped in a narrow column prints as a
   * broken word or a bracket on a line of its own. Longer texts (over 30 columns) still wrap.
   */
  /** Merges by row, built once per call: a cell looks only at its own row's merges (linear in cells and merges). */
  private mergesByRow(): Map<number, MergeModel[]> {
    const byRow = new Map<number, MergeModel[]>();
    for (const x of this.merges)
      for (let r = x.top; r <= x.bottom; r++) {
        const list = byRow.get(r);
        if (list) list.push(x);
        else byRow.set(r, [x]);
      }
    return byRow;
  }
  private fittedWidths(): number[] {
    const widths = [...this.columnWidths()];
    if (this.allColumns) return widths;
    const byRow = this.mergesByRow();
    const merged = (row: number, col: number) =>
      byRow.get(row)?.some((m) => m.left <= col && col <= m.right) ?? false;
    for (const cell of this.cells) {
      if (cell.col < this.labelColumns || typeof cell.value !== "string" || cell.style !== STYLE.text)
        continue;
      if (merged(cell.row, cell.col)) continue;
      const need = Math.max(...cell.value.split("\n").map(displayWidth)) + 2;
      if (need <= 32 && need > (widths[cell.col] ?? 0)) widths[cell.col] = need;
    }
    return widths;
  }

  /** A1 address of a cell of this sheet, e.g. "C12". */
  static address(row: number, col: number): string {
    return `${columnLetter(col)}${row + 1}`;
  }

  /**
   * Heights of rows whose wrapped text needs more than one line: lines × 15 pt (a 10–11 pt font's
   * line), the lines estimated from each wrapped cell's text width over its column (or merged) width.
   */
  private rowHeights(): Record<number, number> {
    const widths = this.fittedWidths();
    const mergesByRow = this.mergesByRow();
    const spanOf = (row: number, col: number): number => {
      const m = mergesByRow.get(row)?.find((x) => x.left <= col && col <= x.right);
      if (!m) return widths[col] ?? 10;
      let w = 0;
      for (let c = m.left; c <= m.right; c++) w += widths[c] ?? 10;
      return w;
    };
    const lines = new Map<number, number>();
    for (const cell of this.cells) {
      if (typeof cell.value !== "string" || !cell.style || !STYLES[cell.style as StyleKey]?.align?.wrap)
        continue;
      // A little margin: Excel's width unit is a digit of the default font, text runs slightly wider.
      const width = Math.max(1, spanOf(cell.row, cell.col) - 1);
      const n = cell.value
        .split("\n")
        .reduce((sum, part) => sum + Math.max(1, Math.ceil(displayWidth(part) / width)), 0);
      if (n > (lines.get(cell.row) ?? 1)) lines.set(cell.row, n);
    }
    return Object.fromEntries([...lines].map(([row, n]) => [row, Math.min(n * 15, MAX_ROW_HEIGHT)]));
  }

  build(orientation: "portrait" | "landscape" = "portrait"): SheetModel {
    const heights = this.rowHeights();
    return {
      name: this.name,
      section: this.section,
      language: this.lang,
      font: sheetFont(this.lang),
      columns: this.fittedWidths(),
      ...(Object.keys(heights).length ? { rowHeights: heights } : {}),
      cells: this.cells,
      merges: this.merges,
      styles: STYLES,
      freeze: { rows: this.frozenRows, columns: 0 },
      print: { paper: "A4", orientation, fitToWidth: true },
      tabColor: tabColor(this.section),
      ...(this.charts.length > 0 ? { charts: this.charts } : {}),
    };
  }
}

/**
 * Text pre-broken into lines for a wrapped cell `width` columns wide (a little narrower, for the
 * printing font): each line break placed by `breakLines`, so punctuation stays with its word — a
 * spreadsheet's own wrapping can leave "。" or "）" alone on a line.
 */
export function wrapTo(text: string, width: number): string {
  return text
    .split("\n")
    .map((part) => breakLines(part, width - 4).join("\n"))
    .join("\n");
}

/** Display width in character columns: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

// Line-breaking rules of CJK typesetting (kinsoku): closing punctuation never starts a line and
// opening brackets never end one, so "。" or "）" cannot be left on a line of its own.
const CLOSING = /^[，。、；：！？）」』］】〕》〉,.;:!?)\]%]+$/;
const OPENING = /^[（「『［【〔《〈([]+$/;

/** Tokens with closing punctuation glued to the token before it and opening brackets to the one after. */
function keepPunctuation(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let open = "";
  for (const t of tokens) {
    if (OPENING.test(t)) {
      open += t;
      continue;
    }
    if (CLOSING.test(t) && out.length > 0 && !/^\s+$/.test(out[out.length - 1]) && open === "") {
      out[out.length - 1] += t;
      continue;
    }
    if (/^\s+$/.test(t) && open !== "") {
      open += t;
      continue;
    }
    out.push(open + t);
    open = "";
  }
  if (open !== "") out.push(open);
  return out;
}

/**
 * Breaks text into lines of at most `width` display columns: at spaces where there are any, else
 * between characters (CJK text has no spaces). A line is never empty.
 */
export function breakLines(text: string, width: number): string[] {
  const max = Math.max(10, Math.floor(width));
  if (displayWidth(text) <= max) return [text];
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  // Tokens: a run of non-space, non-CJK characters (a word), a single CJK character, or spaces.
  const raw = text.match(
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/g,
  ) ?? [text];
  for (const token of keepPunctuation(raw)) {
    const w = displayWidth(token);
    if (/^\s+$/.test(token)) {
      if (line !== "" && lineWidth + w <= max) {
        line += token;
        lineWidth += w;
      }
      continue;
    }
    if (lineWidth + w > max && line.trim() !== "") {
      lines.push(line.trimEnd());
      line = "";
      lineWidth = 0;
    }
    // A word longer than a whole line is cut.
    let rest = token;
    while (displayWidth(rest) > max) {
      let cut = 0;
      let cw = 0;
      for (const ch of rest) {
        const chw = displayWidth(ch);
        if (cw + chw > max - lineWidth) break;
        cw += chw;
        cut += ch.length;
      }
      if (cut === 0) {
        lines.push(line.trimEnd());
        line = "";
        lineWidth = 0;
        continue;
      }
      lines.push((line + rest.slice(0, cut)).trimEnd());
      line = "";
      lineWidth = 0;
      rest = rest.slice(cut);
    }
    line += rest;
    lineWidth += displayWidth(rest);
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}
