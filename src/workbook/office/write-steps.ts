/**
 * The commands of one write, as ordered steps with an estimated request size. Steps are packed into
 * as few batches as the 5 MB request limit allows (usually one). Order matters for recovery
 * (recovery.ts): guards, then building new sheets under temporary names, then reversible renames, the
 * workbook-scoped names the models define and hiding, then the deletion of replaced sheets, then the
 * history row.
 */
import type { HistoryEntry } from "../../esg/types";
import { formatArea as rectAddress } from "../../sheet-ref";
import type { XRequestContext, XWorksheet } from "./excel-api";
import type { OfficeFeatures } from "./features";
import { HISTORY_HEADER, HISTORY_WIDTHS, historyRow } from "./history";
import { GENERATED_MARKER_NAME, HISTORY_SECTION, HISTORY_SHEET_NAME, markerFormula } from "./markers";
import type { NameState, SheetState } from "./read";
import { renderCharts } from "./charts";
import { rangeAt, renderBlock, renderLayout } from "./render";
import { charsToPoints, TEXT_FORMAT, type SheetPlan } from "./sheet-plan";

/** Proxies shared by the steps of one Excel.run (valid across its syncs). */
export interface Handles {
  readonly temps: XWorksheet[];
  readonly olds: Map<number, XWorksheet>;
  history: XWorksheet | null;
}

export interface Step {
  readonly bytes: number;
  emit(context: XRequestContext, handles: Handles): void;
}

export interface WriteNames {
  temp(k: number): string;
  backup(k: number): string;
  readonly historyTemp: string;
}

/**
 * Appends one row under the used range of the history sheet, the position computed by Excel when
 * the batch runs (getUsedRange → getLastRow → getOffsetRange), so no read is needed before it.
 */
export function appendHistory(sheet: XWorksheet, row: readonly (string | boolean)[]): void {
  // Every range on the way is untracked (render.ts, rangeAt): none is used after this request.
  sheet
    .getUsedRange(true)
    .untrack()
    .getLastRow()
    .untrack()
    .getOffsetRange(1, 0)
    .untrack()
    .getCell(0, 0)
    .untrack()
    .getResizedRange(0, row.length - 1)
    .untrack().values = [[...row]];
}

/** A workbook-scoped name a model defines (SheetModel.definedNames), with the name of that name as read. */
export interface DefinedName {
  /** Index of the model whose sheet the name points into. */
  readonly sheet: number;
  readonly name: string;
  /** A1 address on that sheet, without the sheet. */
  readonly address: string;
  /** The existing workbook-scoped name of that name when the workbook was read, or null. */
  readonly before: NameState | null;
}

export function writeSteps(
  plans: readonly SheetPlan[],
  replaced: readonly (SheetState | null)[],
  historySheet: SheetState | null,
  history: HistoryEntry,
  names: WriteNames,
  features: OfficeFeatures,
  definedNames: readonly DefinedName[] = [],
): { first: Step[]; build: Step[]; commit: Step } {
  const first: Step[] = [];
  // Guards: a replaced sheet must still exist and still carry the marker (the workbook may have changed
  // since it was read). A load on a missing item fails the batch here, before anything has changed.
  first.push({
    bytes: 200 + replaced.length * 200,
    emit(context, h) {
      replaced.forEach((old, k) => {
        if (!old) return;
        const sheet = context.workbook.worksheets.getItem(old.name);
        sheet.names.getItem(GENERATED_MARKER_NAME).load("name");
        h.olds.set(k, sheet);
      });
      if (historySheet) {
        const sheet = context.workbook.worksheets.getItem(historySheet.name);
        sheet.names.getItem(historySheet.historyMarker ?? GENERATED_MARKER_NAME).load("name");
        h.history = sheet;
      }
    },
  });
  const build: Step[] = [];
  plans.forEach((plan, k) => {
    build.push({
      bytes: 300,
      emit(context, h) {
        h.temps[k] = context.workbook.worksheets.add(names.temp(k));
      },
    });
    for (const block of plan.blocks) {
      build.push({ bytes: block.bytes + 300, emit: (_c, h) => renderBlock(h.temps[k], plan, block) });
    }
    build.push({
      bytes: plan.layoutBytes,
      emit(_c, h) {
        const sheet = h.temps[k];
        renderLayout(sheet, plan, features);
        // Charts in the same batch as their sheet: they go with it when a later run replaces it.
        renderCharts(sheet, plan.model, features);
        const marker = sheet.names.add(GENERATED_MARKER_NAME, markerFormula(plan.model.section));
        marker.visible = false;
      },
    });
  });
  // A new history sheet is added after the report sheets, so it sits last, as the xlsx host puts it.
  if (!historySheet) {
    build.push({
      bytes: 1500,
      emit(context, h) {
        const sheet = context.workbook.worksheets.add(names.historyTemp);
        const marker = sheet.names.add(GENERATED_MARKER_NAME, markerFormula(HISTORY_SECTION));
        marker.visible = false;
        const header = rangeAt(sheet, 
          rectAddress({ top: 0, left: 0, bottom: 0, right: HISTORY_HEADER.length - 1 }),
        );
        header.numberFormat = [HISTORY_HEADER.map(() => TEXT_FORMAT)];
        header.values = [[...HISTORY_HEADER]];
        header.format.font.bold = true;
        HISTORY_WIDTHS.forEach((w, c) => {
          rangeAt(sheet, rectAddress({ top: 0, left: c, bottom: 0, right: c })).format.columnWidth =
            charsToPoints(w);
        });
        h.history = sheet;
      },
    });
  }
  const row = historyRow(history);
  const commit: Step = {
    bytes: 1000 + plans.length * 300 + definedNames.length * 400 + JSON.stringify(row).length,
    emit(context, h) {
      // 1. Reversible: replaced sheets step aside under temporary names…
      const olds = [...h.olds.entries()].sort(
        (a, b) => (replaced[a[0]]?.position ?? 0) - (replaced[b[0]]?.position ?? 0),
      );
      for (const [k, sheet] of olds) sheet.name = names.backup(k);
      // …and the new sheets take their names and places. Moving new sheet i (from the end) to
      // position p_i + i puts it just before the i-th replaced sheet, which is then deleted.
      olds.forEach(([k], i) => {
        h.temps[k].name = plans[k].model.name;
        h.temps[k].position = (replaced[k]?.position ?? 0) + i;
      });
      plans.forEach((plan, k) => {
        if (!replaced[k]) h.temps[k].name = plan.model.name;
      });
      if (!historySheet && h.history) {
        h.history.name = HISTORY_SHEET_NAME;
        // Hidden like the xlsx host's (history.ts): the log never prints with the report.
        h.history.visibility = "Hidden";
      }
      // Workbook-scoped names into the new sheets, now that they are in place. A name of that name is
      // deleted first (add fails with ItemAlreadyExists otherwise). Whether it exists is what read()
      // loaded from workbook.names: isNullObject of getItemOrNullObject is known only after a sync
      // (OfficeExtension.ClientObject.isNullObject), and this write has one. If the workbook changed
      // since, getItem (the name is gone) or add (it is back) fails the batch here, before the commit
      // point, and the write is rolled back (recovery.ts restores the names, with getItemOrNullObject).
      for (const d of definedNames) {
        if (d.before) context.workbook.names.getItem(d.before.name).delete();
        // NamedItemCollection.add takes "the formula or the range that the name will refer to"
        // (ExcelApi 1.4); a Range spares quoting the sheet name.
        context.workbook.names.add(d.name, rangeAt(h.temps[d.sheet], d.address));
      }
      // Hidden once in place (Worksheet.visibility is writable from ExcelApi 1.2); a hidden sheet is
      // still renamed, moved and deleted like any other.
      plans.forEach((plan, k) => {
        if (plan.model.hidden) h.temps[k].visibility = "Hidden";
      });
      // suspendApiCalculationUntilNextSync leaves re-calculation to the add-in ("it is the developer's
      // responsibility to re-calc the workbook": Application reference).
      if (features.suspendCalculation) context.application.calculate("Recalculate");
      // A VeryHidden sheet cannot be deleted (Worksheet.delete: "the delete operation will fail with an
      // InvalidOperation exception", @types/office-js): such a replaced sheet is made Hidden first,
      // still before the commit point (recovery.ts gives it back its visibility).
      for (const [k, sheet] of olds) if (replaced[k]?.visibility === "veryHidden") sheet.visibility = "Hidden";
      // 2. The commit point: from the first deletion on, recovery completes the write instead of undoing it.
      for (const [, sheet] of olds) sheet.delete();
      if (h.history) appendHistory(h.history, row);
    },
  };
  return { first, build, commit };
}

/** Packs steps into batches under the byte budget, keeping their order; a step larger than the budget gets a batch of its own. */
export function packBatches(steps: readonly Step[], budget: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
