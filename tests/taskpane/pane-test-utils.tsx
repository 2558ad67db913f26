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

/** Renders the pane on a view and waits until the workbook is read and the view is shown. */
export async function renderPane(host: PaneHost, tab: TabValue = "data"): Promise<RenderResult> {
  const result = render(<Pane host={host} initialTab={tab} />);
  await waitFor(() => {
    if (!result.container.querySelector(`#${tab}-heading`))
      throw new Error(`the ${tab} view is not shown yet`);
  });
  return result;
}

/** axe-core on the container; colour contrast needs layout, which jsdom has not. */
export async function axeViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, {
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
