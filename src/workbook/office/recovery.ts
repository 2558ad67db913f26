/**
 * After a failed write. Excel does not roll back a failed batch: the commands before the failing one
 * stay applied. The write is ordered so that everything up to the first deletion of a replaced sheet
 * is reversible (new sheets are added under temporary names, replaced sheets only renamed), so:
 *   - if no replaced sheet was deleted yet, roll back: delete the sheets this write added (new ids that
 *     carry a temporary name or a marker) and give the renamed sheets their names back;
 *   - once a replaced sheet is gone the new sheets are already in place: roll forward, deleting the
 *     remaining replaced sheets and appending the history row.
 * Two syncs: one to see the workbook as the failure left it, one to repair it.
 */
import type { XRequestContext, XWorksheet } from "./excel-api";
import { GENERATED_MARKER_NAME, HISTORY_MARKER_NAME, sameName } from "./markers";
import type { SheetState } from "./read";
import { appendHistory } from "./write-steps";

export interface RecoveryPlan {
  readonly tempPrefix: string;
  readonly before: readonly SheetState[];
  /** Ids of the generated sheets this write replaces. */
  readonly replacedIds: readonly string[];
  readonly historyRow: readonly (string | boolean)[];
}

export type RecoveryOutcome = "rolled-back" | "rolled-forward";

function carriesMarker(sheet: XWorksheet): boolean {
  return sheet.names.items.some((n) => sameName(n.name, GENERATED_MARKER_NAME) || sameName(n.name, HISTORY_MARKER_NAME));
}

export async function recover(context: XRequestContext, plan: RecoveryPlan): Promise<RecoveryOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/names/items/name");
  await context.sync();
  const current = worksheets.items;
  const currentIds = new Set(current.map((s) => s.id));
  const committed = plan.replacedIds.some((id) => !currentIds.has(id));
  if (committed) {
    for (const s of current) if (plan.replacedIds.includes(s.id)) s.delete();
    const history = current.find((s) => s.names.items.some((n) => sameName(n.name, HISTORY_MARKER_NAME)));
    if (history) appendHistory(history, plan.historyRow);
    await context.sync();
    return "rolled-forward";
  }
  const beforeById = new Map(plan.before.map((s) => [s.id, s]));
  for (const s of current) {
    if (!beforeById.has(s.id) && (s.name.startsWith(plan.tempPrefix) || carriesMarker(s))) s.delete();
  }
  for (const s of current) {
    const was = beforeById.get(s.id);
    if (was && s.name !== was.name) s.name = was.name;
  }
  await context.sync();
  return "rolled-back";
}
