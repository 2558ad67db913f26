/**
 * Ribbon commands, run in the shared runtime (manifest: <FunctionFile resid="Taskpane.Url"/>, actions
 * of xsi:type ExecuteFunction). Each button opens the task pane and requests its action from the
 * registry in actions.ts, where the pane's handler carries it out. Office.actions.associate and
 * Office.addin.showAsTaskpane need SharedRuntime 1.1, which the manifest requires.
 */
import { ACTION_IDS, requestAction, type ActionId } from "./actions";

/** The minimum of Office.js a command needs, so tests can pass a fake. */
export interface OfficeForCommands {
  readonly actions: {
    associate(actionId: string, action: (event: Office.AddinCommands.Event) => void): void;
  };
  readonly addin: { showAsTaskpane(): Promise<void> };
}

/** What a button press does: show the pane, request the action, and always tell Office the command is done. */
export async function runCommand(
  office: OfficeForCommands,
  id: ActionId,
  event: Pick<Office.AddinCommands.Event, "completed">,
): Promise<void> {
  try {
    await office.addin.showAsTaskpane();
  } catch (e: unknown) {
    // The action still runs: the pane may already be open, or open later and take the queued request.
    console.error("ESG add-in: could not show the task pane", e);
  }
  requestAction(id);
  // Without completed() Office keeps the command spinning and may time it out.
  event.completed();
}

/** Associates every ribbon action id (the manifest's <FunctionName>s) with its command. */
export function associateCommands(office: OfficeForCommands): void {
  for (const id of ACTION_IDS) office.actions.associate(id, (event) => void runCommand(office, id, event));
}

// In the add-in, Office.js is on the page; elsewhere (tests, a page opened outside Office) it is not.
if (typeof Office !== "undefined") {
  Office.onReady(() => associateCommands(Office));
}
