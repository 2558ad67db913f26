/**
 * What the component tests share on top of @testing-library/react: rendering the pane on a view once
 * the workbook is read, and axe. (Jest resolves Fluent's `scheduler` through jest.config.js.)
 */
import * as React from "react";
import { configure, render, waitFor, type RenderResult } from "@testing-library/react";
import axe from "axe-core";
import { Pane } from "../../src/taskpane/Pane";
import type { TabValue } from "../../src/taskpane/Pane.types";
import type { PaneHost } from "../../src/taskpane/host";

// findBy*/waitFor give up after 1 s by default; a save or a generation re-analyses the workbook, which
// takes several seconds on 2 busy cores (measured ~4 s at load 16). Wait longer rather than fail.
configure({ asyncUtilTimeout: 15000 });

// jsdom has no ResizeObserver (Fluent's MessageBar observes its width to reflow).
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

/** A generation reads, computes and writes the whole workbook: on a busy CI machine that takes seconds. */
export const SLOW = { timeout: 20_000 };

/** Renders the pane on a view and waits until the workbook is read and the view is shown. */
export async function renderPane(host: PaneHost, tab: TabValue = "data"): Promise<RenderResult> {
  const result = render(<Pane host={host} initialTab={tab} />);
  await waitFor(() => {
    if (!result.container.querySelector(`#${tab}-heading`))
      throw new Error(`the ${tab} view is not shown yet`);
  }, SLOW);
  return result;
}

/**
 * axe-core on the container, WCAG 2.1 A and AA rules (colour contrast needs layout, which jsdom has not: the
 * e2e checks it, and every view, in Chromium).
 */
export async function axeViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    rules: { "color-contrast": { enabled: false } },
    resultTypes: ["violations"],
  });
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .slice(0, 2)
        .map((n) => n.html.slice(0, 160))
        .join(" | ")}`,
  );
}

/** aria-labelledby, aria-describedby and aria-controls that name an id not in the document. */
export function danglingReferences(container: HTMLElement): string[] {
  return ["aria-labelledby", "aria-describedby", "aria-controls"].flatMap((attr) =>
    [...container.querySelectorAll(`[${attr}]`)].flatMap((el) =>
      (el.getAttribute(attr) ?? "")
        .split(/\s+/)
        .filter((id) => id !== "" && document.getElementById(id) === null)
        .map((id) => `${el.tagName.toLowerCase()} ${attr}="${id}"`),
    ),
  );
}
