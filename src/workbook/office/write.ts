/**
 * Writing sheet models: all of them in one Excel.run with delayForCellEdit (the one-click action waits
 * for a user who is editing a cell instead of failing: docs/excel/excel-add-ins-delay-in-cell-edit.md),
 * in one sync unless the estimated request would pass the 5 MB limit of Excel on the web, in which
 * case the steps are split over as few syncs as fit. New sheets are built beside the old ones and
 * swapped in, with the workbook-scoped names they define; a failure is repaired by recovery.ts so the
 * workbook (sheets and those names) is left as it was.
 */
import type { HistoryEntry, SheetModel } from "../../esg/types";
import type { WriteResult } from "../types";
import { OfficeHostError, officeErrorCode } from "./errors";
import type { ExcelEntry } from "./excel-api";
import type { OfficeFeatures } from "./features";
import { historyRow } from "./history";
import { sameName } from "./markers";
import type { NameState, SheetState } from "./read";
import { recover, type RecoveryOutcome } from "./recovery";
import { planSheet } from "./sheet-plan";
import { checkModels } from "./write-checks";
import { packBatches, writeSteps, type DefinedName, type Handles } from "./write-steps";

export interface WriteOptions {
  /** Estimated request bytes per sync (Excel on the web refuses requests over 5 MB). */
  readonly payloadBudget: number;
  /** Source of the random part of temporary sheet names. */
  readonly token: () => string;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = {
  payloadBudget: 4_500_000,
  token: () => Math.random().toString(36).slice(2, 8),
};

export interface WriteOutcome {
  readonly result: WriteResult;
  readonly syncs: number;
  readonly recovery: RecoveryOutcome | null;
}

/** The workbook as the last read() saw it. */
export interface WorkbookState {
  readonly sheets: readonly SheetState[];
  /** Workbook-scoped names only. */
  readonly names: readonly NameState[];
}

export async function writeModels(
  entry: ExcelEntry,
  features: OfficeFeatures,
  state: WorkbookState,
  models: readonly SheetModel[],
  history: HistoryEntry,
  options: WriteOptions = DEFAULT_WRITE_OPTIONS,
): Promise<WriteOutcome> {
  const before = state.sheets;
  const replaced = checkModels(models, before);
  // The workbook-scoped names the models define, each with the existing name of that name as read
  // (if any): the write deletes it before adding its own, and a rollback gives it back.
  const definedNames: DefinedName[] = models.flatMap((m, k) =>
    (m.definedNames ?? []).map((d) => ({
      sheet: k,
      name: d.name,
      address: d.address,
      before: state.names.find((n) => sameName(n.name, d.name)) ?? null,
    })),
  );
  let token = options.token();
  while (before.some((s) => s.name.startsWith(`ESG~${token}~`))) token = options.token();
  const prefix = `ESG~${token}~`;
  const names = { temp: (k: number) => `${prefix}${k}`, backup: (k: number) => `${prefix}b${k}`, historyTemp: `${prefix}h` };
  const plans = models.map((m) => planSheet(m, options.payloadBudget / 2));
  const historySheet = before.find((s) => s.history) ?? null;
  const steps = writeSteps(plans, replaced, historySheet, history, names, features, definedNames);
  const batches = packBatches([...steps.first, ...steps.build, steps.commit], options.payloadBudget);
  const result: WriteResult = {
    written: models.map((m) => m.name),
    replaced: replaced.filter((s): s is SheetState => s !== null).map((s) => s.name),
  };

  let syncs = 0;
  try {
    await entry.run({ delayForCellEdit: true }, async (context) => {
      const handles: Handles = { temps: [], olds: new Map(), history: null };
      for (const batch of batches) {
        // Once per batch, never per command (docs: repeated calls make the window flicker).
        if (features.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
        if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
        for (const step of batch) step.emit(context, handles);
        // More than one batch only when one request would pass the 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        syncs++;
      }
    });
    return { result, syncs, recovery: null };
  } catch (error: unknown) {
    if (error instanceof OfficeHostError) throw error;
    const code = officeErrorCode(error);
    const cause = code ?? (error instanceof Error ? error.message : String(error));
    let outcome: RecoveryOutcome;
    try {
      outcome = await entry.run({ delayForCellEdit: true }, (context) =>
        recover(context, {
          tempPrefix: prefix,
          before,
          replacedIds: replaced.filter((s): s is SheetState => s !== null).map((s) => s.id),
          historyRow: historyRow(history),
          names: definedNames.map((d) => ({ name: d.name, before: d.before })),
        }),
      );
    } catch (again: unknown) {
      throw new OfficeHostError(
        "RecoveryFailed",
        `Writing the sheets failed (${cause}) and the workbook could not be restored (${
          officeErrorCode(again) ?? "unknown error"
        }); check for sheets named ${prefix}…`,
        code,
      );
    }
    if (outcome === "rolled-forward") return { result, syncs, recovery: outcome };
    throw new OfficeHostError(
      "WriteFailed",
      `Writing the sheets failed (${cause}); the workbook was left as it was.`,
      code,
    );
  }
}

