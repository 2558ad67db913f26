/**
 * Shows a command's outcome to the user in an Office dialog (Office.context.ui.displayDialogAsync,
 * DialogApi 1.1): Excel add-ins have no other notification surface a ribbon command can use (the
 * NotificationMessages API is Outlook's). The dialog page (dialog.html, beside the task pane page on
 * the add-in's own origin, as displayDialogAsync requires) takes the text from its query string.
 */
import type { CommandOutcome } from "./headless";

/** The part of Office.context.ui a command uses, so tests can pass a fake. */
export interface DialogUi {
  displayDialogAsync(
    startAddress: string,
    options: { height: number; width: number; displayInIframe: boolean },
    callback: (result: DialogResult) => void,
  ): void;
}

export interface DialogResult {
  /**
   * Office.AsyncResultStatus, whose values are the strings "succeeded" and "failed" at run time
   * (excel-web-16.00.debug.js, `AsyncResultStatus = { Succeeded: "succeeded", …}`; the typings
   * declare a numeric enum).
   */
  readonly status: unknown;
  readonly error?: { readonly code: number; readonly message: string };
  readonly value?: DialogHandle;
}

export interface DialogHandle {
  close(): void;
  /** `type` is Office.EventType, "dialogMessageReceived" at run time (a numeric enum in the typings). */
  addEventHandler(type: unknown, handler: (arg: { message: string } | { error: number }) => void): void;
}

/** The dialog page's address with the outcome in its query string. */
export function dialogUrl(pageUrl: string, outcome: CommandOutcome): string {
  const url = new URL("dialog.html", pageUrl);
  url.searchParams.set("kind", outcome.kind);
  url.searchParams.set("en", outcome.en);
  url.searchParams.set("zh", outcome.zh);
  return url.toString();
}

/**
 * Opens the dialog; resolves once Office has answered. Closes it when the page says "close" (its OK
 * button). Never throws: a dialog that cannot open (another one is open, error 12007) leaves the
 * outcome in the console.
 */
export function showOutcome(ui: DialogUi, pageUrl: string, outcome: CommandOutcome): Promise<void> {
  return new Promise((resolve) => {
    try {
      // Percentages of the window; displayInIframe keeps it inside the page on the web.
      ui.displayDialogAsync(
        dialogUrl(pageUrl, outcome),
        { height: 30, width: 35, displayInIframe: true },
        (r) => {
          if (String(r.status) === "succeeded" && r.value) {
            const dialog = r.value;
            dialog.addEventHandler("dialogMessageReceived", (arg) => {
              if ("message" in arg && arg.message === "close") dialog.close();
            });
          } else {
            console.error(`ESG add-in: ${outcome.en}`, r.error);
          }
          resolve();
        },
      );
    } catch (e: unknown) {
      console.error(`ESG add-in: ${outcome.en}`, e);
      resolve();
    }
  });
}
