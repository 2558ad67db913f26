/**
 * The frame every section sheet shares: title block, a reporting-year line, generic "label | unit |
 * figure" tables, and the closing footnotes (method notes, the "–" marker, rounding, traceability and
 * the generation time).
 */
import { kpiCell, priorCell, textCell } from "../cells";
import type { BuildContext } from "../context";
import { HEAD, NOTE, SECTION_LABELS, bi, generatedAt, unitText, type SectionCode } from "../labels";
import { SheetWriter } from "../layout";
import { STYLE, amountFormat } from "../styles";
import { valueExpr } from "../../excel-refs";
import type { Bilingual, KpiResult } from "../../types";

export function startSheet(
  ctx: BuildContext,
  code: SectionCode,
  name: string,
  valueWidths: readonly number[],
  allColumns?: readonly number[],
  title: Bilingual = SECTION_LABELS[code].title,
): SheetWriter {
  const w = new SheetWriter(name, code, ctx.lang, valueWidths, ctx.placements, allColumns);
  w.title(title);
  const year = ctx.snapshot.reportingYear;
  w.line(
    year === null
      ? bi("Reporting year: not stated.", "匯報年度：未註明。")
      : bi(`Reporting year: ${year}`, `匯報年度：${year}`),
    STYLE.subtitle,
  );
  w.freezeHere();
  w.blank();
  return w;
}

export interface FigureRow {
  readonly label: Bilingual;
  readonly result: KpiResult | undefined;
  /** Number format, or a function of the value. */
  readonly format: string | ((v: number | null) => string);
  readonly total?: boolean;
}

/** Where a figure table landed: its header row, each row's position and its value columns (0-based). */
export interface FigureTablePlace {
  readonly header: number;
  /** Row of each FigureRow, in the order given. */
  readonly rows: readonly number[];
  readonly valueCol: number;
  /** The prior-year column, when the table has one. */
  readonly priorCol: number | null;
}

/** A "label | unit | figure [| prior year]" table; the prior-year column appears when any row has one. */
export function figureTable(
  ctx: BuildContext,
  w: SheetWriter,
  heading: Bilingual,
  rows: readonly FigureRow[],
): FigureTablePlace {
  w.heading(heading);
  const withPrior = rows.some((r) => r.result?.prior !== null && r.result?.prior !== undefined);
  const header = w.row;
  w.header(HEAD.item, withPrior ? [HEAD.unit, HEAD.value, HEAD.prior] : [HEAD.unit, HEAD.value]);
  const at: number[] = [];
  for (const r of rows) {
    const unit = textCell(r.result ? unitText(r.result.unit, ctx.lang) : "", STYLE.text);
    const cells = [unit, kpiCell(r.result, r.format, ctx.options.valuesOnly)];
    if (withPrior) cells.push(priorCell(r.result, r.format));
    at.push(w.tableRow(r.label, cells, r.total));
  }
  const valueCol = w.labelColumns + 1;
  return { header, rows: at, valueCol, priorCol: withPrior ? valueCol + 1 : null };
}

/**
 * The figure every intensity of the table divides by, as a live row under it (the seed report prints
 * "按2024年鎂產品產量12,613噸計算"): production, or the other denominators whose intensities are shown.
 */
export function denominatorRows(
  ctx: BuildContext,
  w: SheetWriter,
  metricIds: readonly string[],
  blanks = 0,
): void {
  const year = ctx.snapshot.reportingYear;
  for (const id of metricIds) {
    const mv = ctx.snapshot.metrics.get(id);
    if (!mv || mv.value === null) continue;
    const label = mv.metric.label;
    const formula = ctx.options.valuesOnly ? null : valueExpr(mv);
    w.tableRow(
      bi(
        `Intensities calculated on ${label.en.toLowerCase()}${year === null ? "" : ` for ${year}`}`,
        `按${year === null ? "" : `${year}年`}${label["zh-HK"]}計算密度`,
      ),
      [
        textCell(unitText(mv.metric.unit, ctx.lang)),
        {
          value: mv.value,
          numberFormat: amountFormat(mv.value),
          ...(formula ? { formula } : {}),
        },
        ...Array.from({ length: blanks }, () => ({ value: null })),
      ],
    );
  }
}

/** A line saying a table is not disclosed; the content index gives the group's reason. */
export function noFigures(w: SheetWriter, what: Bilingual): void {
  w.line(
    bi(`${what.en}: not disclosed (see the content index).`, `${what["zh-HK"]}：未有披露（見內容索引）。`),
  );
}

/** Footnotes and the generation stamp; then the finished sheet model. */
export function finishSheet(
  ctx: BuildContext,
  w: SheetWriter,
  notes: readonly Bilingual[],
  orientation: "portrait" | "landscape" = "portrait",
) {
  w.blank();
  // Charts (issue 14) go between the tables and the notes; with the no-charts option nothing moves.
  if (ctx.options.charts) w.placeCharts();
  w.heading(bi("Notes", "附註"));
  for (const n of notes) w.line(n);
  // Figures that no formula would recalculate to (a number stored as text in their inputs) are
  // written as values: each one says so here, next to the general traceability note.
  if (!ctx.options.valuesOnly) {
    const byReason = new Map<string, { reason: Bilingual; labels: Bilingual[] }>();
    for (const r of ctx.ordered) {
      if (!r.valueOnly || !ctx.placements.get(r.id)?.some((p) => p.sheet === w.name)) continue;
      const entry = byReason.get(r.valueOnly.en) ?? { reason: r.valueOnly, labels: [] };
      entry.labels.push(r.label);
      byReason.set(r.valueOnly.en, entry);
    }
    for (const { reason, labels } of byReason.values())
      w.line(
        bi(
          `${labels.map((l) => l.en).join("; ")}: ${reason.en}.`,
          `${labels.map((l) => l["zh-HK"]).join("；")}：${reason["zh-HK"]}。`,
        ),
      );
  }
  w.line(NOTE.missing);
  w.line(NOTE.rounding);
  w.line(
    ctx.options.valuesFor === "sheets-only"
      ? NOTE.traceSheetsOnly
      : ctx.options.valuesOnly
        ? NOTE.traceValues
        : NOTE.trace,
  );
  w.line(generatedAt(ctx.options.now), STYLE.stamp);
  return w.build(orientation);
}
