/**
 * Driving the built task pane inside the stand-in, as a user does: Data → Checks → Generate.
 * Shared by the real-client e2e tests and bench/realclient.bench.ts.
 */
import type { Frame, Locator } from "playwright-core";
import type { StandIn } from "./harness";

/**
 * Clicks an element of the add-in's frame with the mouse at its centre. (Under jest, playwright's own
 * click on an element inside this cross-origin frame stalls after scrolling, before its hit-target check;
 * the same click from a plain Node script goes through. A real mouse click at the element is what a user does.)
 */
export async function press(frame: Frame, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error("stand-in: the element to click is not visible");
  await frame.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Opens a view by its tab and waits for its heading. */
export async function showView(
  frame: Frame,
  view: "data" | "checks" | "kpis" | "generate" | "settings",
): Promise<void> {
  await press(frame, frame.locator(`#tab-${view}`));
  await frame.waitForSelector(`#${view}-heading`);
}

/** The Generate view's failure title (src/taskpane/i18n.ts, en). */
export const GENERATION_FAILED = "Generation failed; the workbook is unchanged.";

/** On the Generate view: accepts blocking errors with a note if asked, generates, returns the sheets listed as written. */
export async function generate(frame: Frame, timeout = 90_000): Promise<string[]> {
  await showView(frame, "generate");
  const accept = frame.getByRole("checkbox", { name: /I accept these errors/ });
  if ((await accept.count()) > 0) {
    await press(frame, accept);
    await frame.locator("textarea").fill("Accepted in the real-client end-to-end test");
  }
  await press(frame, frame.getByRole("button", { name: "Generate disclosures" }));
  // The result summary (issue 17): a "done" MessageBar listing the sheets, or a "failed" one. The live
  // region repeats the outcome as plain text, so the failure text is looked for inside the summary only.
  await frame
    .locator('[data-result="done"] li')
    .or(frame.locator('[data-result="failed"]'))
    .first()
    .waitFor({ timeout });
  return frame.locator('[data-result="done"] li').allTextContents();
}

/** Workbook round trips (RichApi requests that reach the workbook, not office.js's internal services) so far. */
export function workbookRequests(standIn: StandIn): number {
  return standIn.host.richApi.exchanges.filter((e) => !e.service).length;
}
