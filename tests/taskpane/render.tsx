/**
 * A small harness over react-dom and React's act: @testing-library/react is installed but its peer,
 * @testing-library/dom, is not, so rendering and the few queries the tests need are done here.
 */
import * as React from "react";

// Fluent's context selector requires "scheduler", which npm left nested under react-dom only.
jest.mock(
  "scheduler",
  () =>
    jest.requireActual(
      require("path").join(__dirname, "../../node_modules/react-dom/node_modules/scheduler/index.js"),
    ),
  { virtual: true },
);

import { createRoot, type Root } from "react-dom/client";
import axe from "axe-core";
import { Pane } from "../../src/taskpane/Pane";
import type { TabValue } from "../../src/taskpane/Pane.types";
import type { MemoryHost } from "./memory-host";

// jsdom has no ResizeObserver (Fluent's MessageBar observes its width to reflow).
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  readonly container: HTMLElement;
  readonly root: Root;
  unmount(): void;
}

const mounted: Rendered[] = [];
afterEach(() => {
  while (mounted.length > 0) mounted.pop()?.unmount();
});

/** Lets pending promises and effects run inside act. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) {
    await React.act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Renders the pane on a view and waits for the workbook to be read. */
export async function renderPane(host: MemoryHost, tab: TabValue = "data"): Promise<Rendered> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  await React.act(async () => {
    root.render(<Pane host={host} initialTab={tab} />);
  });
  await flush();
  const r: Rendered = {
    container,
    root,
    unmount: () => {
      if (!container.isConnected) return;
      React.act(() => root.unmount());
      container.remove();
    },
  };
  mounted.push(r);
  return r;
}

export async function click(el: Element): Promise<void> {
  await React.act(async () => {
    (el as HTMLElement).click();
  });
  await flush();
}

/** Sets an input's or textarea's value the way React notices, then fires input/change. */
export async function typeInto(el: Element, value: string): Promise<void> {
  const proto =
    el instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : el instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
  await React.act(async () => {
    setter?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  });
  await flush();
}

/** The elements of a role (explicit or the native one for buttons, tabs, checkboxes, radios) whose text or label matches. */
export function byRole(container: HTMLElement, role: string, name?: RegExp | string): HTMLElement[] {
  const native: Record<string, string> = {
    button: "button, [role=button]",
    tab: "[role=tab]",
    checkbox: "input[type=checkbox]",
    radio: "input[type=radio]",
    combobox: "select, [role=combobox]",
    textbox: "textarea, input[type=text]",
    progressbar: "[role=progressbar]",
    heading: "h1, h2, h3, h4",
  };
  const all = [...container.querySelectorAll<HTMLElement>(native[role] ?? `[role=${role}]`)];
  if (name === undefined) return all;
  const nameOf = (el: HTMLElement): string => {
    const label = el.getAttribute("aria-label");
    if (label) return label;
    const labelled = el.getAttribute("aria-labelledby");
    if (labelled)
      return labelled
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
    if (el.id) {
      const l = container.querySelector(`label[for="${el.id}"]`);
      if (l) return l.textContent ?? "";
    }
    return el.textContent ?? "";
  };
  return all.filter((el) => (typeof name === "string" ? nameOf(el).trim() === name : name.test(nameOf(el))));
}

export function getByRole(container: HTMLElement, role: string, name?: RegExp | string): HTMLElement {
  const found = byRole(container, role, name);
  if (found.length === 0)
    throw new Error(`no ${role} named ${String(name)} in:\n${container.textContent?.slice(0, 500)}`);
  return found[0];
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
