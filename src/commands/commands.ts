/**
 * Ribbon commands, run in the shared runtime (manifest: <FunctionFile resid="Taskpane.Url"/>, actions
 * of xsi:type ExecuteFunction). A button press asks Office to show the task pane, carries out the
 * action itself (headless.ts) and shows its outcome in a dialog (report.ts): since 23 February 2026
 * Office ignores showAsTaskpane for add-ins published in the Microsoft Marketplace
 * (docs/develop/show-hide-add-in.md), so neither the work nor its result may depend on the pane. A
 * mounted pane is then told to read the workbook again (its "checkData" handler), so it shows the
 * same state. Office.actions.associate and Office.addin.showAsTaskpane need SharedRuntime 1.1, which
 * the manifest requires; the dialog needs DialogApi 1.1.
 */
import { createOfficeHost, realExcelEntry } from "../workbook/office";
import type { WorkbookHost } from "../workbook/types";
import { ACTION_IDS, notifyAction, type ActionId } from "./actions";
import { checkData, generateDisclosures, type CommandOutcome } from "./headless";
import { showOutcome, type DialogUi } from "./report";

/** The minimum of Office.js a command needs, so tests can pass a fake. */
export interface OfficeForCommands {
  readonly actions: {
    associate(actionId: string, action: (event: Office.AddinCommands.Event) => void): void;
  };
  readonly addin: { showAsTaskpane(): Promise<void> };
  readonly context: { readonly ui: DialogUi };
}

/** Where a command gets its workbook, the page's address (for the dialog's) and the time. */
export interface CommandEnvironment {
  workbook(): WorkbookHost;
  readonly pageUrl: string;
  now(): string;
}

const ACTIONS: Readonly<Record<ActionId, (host: WorkbookHost, now: string) => Promise<CommandOutcome>>> = {
  checkData: (host) => checkData(host),
  generateDisclosures: (host, now) => generateDisclosures(host, now),
};

/** Actions running now: a second press while one runs does nothing. */
const running = new Set<ActionId>();

/**
 * What a button press does. Office is told the command is done as soon as the work has started (a
 * long generation must not hold the ribbon command open; the shared runtime lives on). Resolves with
 * the outcome shown, or null when the action was already running.
 */
export async function runCommand(
  office: OfficeForCommands,
  id: ActionId,
  event: Pick<Office.AddinCommands.Event, "completed">,
  env: CommandEnvironment,
): Promise<CommandOutcome | null> {
  if (running.has(id)) {
    event.completed();
    return null;
  }
  running.add(id);
  try {
    const shown = office.addin.showAsTaskpane().catch((e: unknown) => {
      // Ignored for Marketplace add-ins, or no pane on this platform: the dialog reports the result.
      console.error("ESG add-in: could not show the task pane", e);
    });
    const work = ACTIONS[id](env.workbook(), env.now());
    // Without completed() Office keeps the command spinning and may time it out.
    event.completed();
    const [, outcome] = await Promise.all([shown, work]);
    await showOutcome(office.context.ui, env.pageUrl, outcome);
    notifyAction("checkData");
    return outcome;
  } finally {
    running.delete(id);
  }
}

/** Associates every ribbon action id (the manifest's <FunctionName>s) with its command. */
export function associateCommands(office: OfficeForCommands, env: CommandEnvironment): void {
  for (const id of ACTION_IDS)
    office.actions.associate(id, (event) => void runCommand(office, id, event, env));
}

// In the add-in, Office.js is on the page; elsewhere (tests, a page opened outside Office) it is not.
if (typeof Office !== "undefined") {
  void Office.onReady(() =>
    associateCommands(Office, {
      workbook: () => createOfficeHost(realExcelEntry()),
      pageUrl: window.location.href,
      now: () => new Date().toISOString(),
    }),
  );
}
