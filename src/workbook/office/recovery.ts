/**
 * After a failed write. Excel does not roll back a failed batch: the commands before the failing one
 * stay applied. The write is ordered so that everything up to the first deletion of a replaced sheet
 * is reversible (new sheets are added under temporary names, replaced sheets only renamed), so:
 *   - if no replaced sheet was deleted yet, roll back: delete the sheets this write added (new ids that
 *     carry a temporary name or a marker), give the renamed sheets their names back, delete the
 *     workbook-scoped names this write added (those that point into a sheet it added) and re-add the
 *     names of those names as read that it had deleted;
 *   - once a replaced sheet is gone the new sheets are already in place: roll forward, deleting the
 *     remaining replaced sheets and appending the history row (the names were defined before the first
 *     deletion, so they are in place).
 * Two syncs: one to see the workbook as the failure left it, one to repair it.
 */
import { splitSheetRef } from "../../sheet-ref";
import type { XRequestContext, XWorksheet } from "./excel-api";
import { GENERATED_MARKER_NAME, HISTORY_MARKER_NAME, isHistoryMarker, sameName } from "./markers";
import type { NameState, SheetState } from "./read";
import { appendHistory } from "./write-steps";

export interface RecoveryPlan {
  readonly tempPrefix: string;
  readonly before: readonly SheetState[];
  /** Ids of the generated sheets this write replaces. */
  readonly replacedIds: readonly string[];
  readonly historyRow: readonly (string | boolean)[];
  /** The workbook-scoped names the write defines, each with its state when the workbook was read (null: there was none). */
  readonly names?: readonly { readonly name: string; readonly before: NameState | null }[];
}

export type RecoveryOutcome = "rolled-back" | "rolled-forward";

function carriesMarker(sheet: XWorksheet): boolean {
  return sheet.names.items.some((n) => sameName(n.name, GENERATED_MARKER_NAME) || sameName(n.name, HISTORY_MARKER_NAME));
}

export async function recover(context: XRequestContext, plan: RecoveryPlan): Promise<RecoveryOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/visibility,items/names/items/name,items/names/items/value");
  // Each name the write defines, as it is now: the failed batch may have stopped before or after deleting
  // or adding it. isNullObject comes with this sync; for a range name, `value` is its address, which
  // tells whether it points into a sheet this write added.
  const names = (plan.names ?? []).map((n) => {
    const now = context.workbook.names.getItemOrNullObject(n.name);
    now.load("type,value");
    return { ...n, now };
  });
  await context.sync();
  const current = worksheets.items;
  const currentIds = new Set(current.map((s) => s.id));
  const committed = plan.replacedIds.some((id) => !currentIds.has(id));
  if (committed) {
    for (const s of current) {
      if (!plan.replacedIds.includes(s.id)) continue;
      // A VeryHidden sheet cannot be deleted (see write-steps.ts).
      if (s.visibility === "VeryHidden") s.visibility = "Hidden";
      s.delete();
    }
    const history = current.find((s) => s.names.items.some((n) => isHistoryMarker(n.name, n.value)));
    if (history) appendHistory(history, plan.historyRow);
    await context.sync();
    return "rolled-forward";
  }
  const beforeById = new Map(plan.before.map((s) => [s.id, s]));
  const added = current.filter((s) => !beforeById.has(s.id) && (s.name.startsWith(plan.tempPrefix) || carriesMarker(s)));
  for (const s of added) s.delete();
  for (const s of current) {
    const was = beforeById.get(s.id);
    if (was && s.name !== was.name) s.name = was.name;
    // A replaced VeryHidden sheet the write had made Hidden to delete it.
    if (was?.visibility === "veryHidden" && s.visibility !== "VeryHidden") s.visibility = "VeryHidden";
  }
  const addedNames = new Set(added.map((s) => s.name.toLocaleUpperCase()));
  for (const n of names) {
    const exists = !n.now.isNullObject;
    const sheet = exists && n.now.type === "Range" ? splitSheetRef(String(n.now.value).replace(/^=/, ""))?.sheet : undefined;
    const ours = sheet !== undefined && addedNames.has(sheet.toLocaleUpperCase());
    // Not this write's (the name as read, or one defined by someone else since): left as it is.
    if (exists && !ours) continue;
    if (ours) n.now.delete();
    // The write deleted the name as read: add it back, after the renames back so that its formula
    // names its sheet as that sheet is named again.
    if (n.before) {
      const item = context.workbook.names.add(n.before.name, `=${n.before.refersTo}`, n.before.comment || undefined);
      if (!n.before.visible) item.visible = false;
    }
  }
  await context.sync();
  return "rolled-back";
}
