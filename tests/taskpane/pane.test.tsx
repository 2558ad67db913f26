/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { requestAction } from "../../src/commands/actions";
import { seedReadClean } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { renderPane, SLOW } from "./pane-test-utils";

/** Text of every style rule on the page (Fluent writes its theme's CSS variables there). */
const styleText = (): string =>
  [...document.querySelectorAll("style")]
    .map(
      (s) => (s.sheet ? [...s.sheet.cssRules].map((r) => r.cssText).join("\n") : "") + (s.textContent ?? ""),
    )
    .join("\n");

describe("Pane", () => {
  it("runs the ribbon's Check data in the pane: shows Checks after reading again", async () => {
    const host = memoryHost(seedReadClean());
    let reads = 0;
    const read = host.workbook.read.bind(host.workbook);
    Object.assign(host.workbook, { read: () => ((reads += 1), read()) });
    const { container } = await renderPane(host, "data");
    const before = reads;
    // The ribbon calls from outside React: act() lets the state updates it starts settle.
    act(() => requestAction("checkData"));
    await waitFor(() => expect(container.querySelector("#checks-heading")).not.toBeNull(), SLOW);
    expect(screen.getByRole("tab", { name: /^Checks/ })).toHaveAttribute("aria-selected", "true");
    expect(reads).toBe(before + 1);
  });

  it("runs the ribbon's Generate disclosures in the pane", async () => {
    const host = memoryHost(seedReadClean());
    const { container } = await renderPane(host, "data");
    act(() => requestAction("generateDisclosures"));
    await waitFor(() => expect(host.writes).toHaveLength(1), SLOW);
    expect(container.querySelector("#generate-heading")).not.toBeNull();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/sheets written/), SLOW);
  });

  it("follows Office's theme", async () => {
    await renderPane(memoryHost(seedReadClean(), { theme: "dark" }), "settings");
    expect(styleText()).toContain(webDarkTheme.colorNeutralBackground1);
    expect(styleText()).not.toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1};`);
  });

  it("links each tab to its panel and keeps the tabs in reading order", async () => {
    const { container } = await renderPane(memoryHost(seedReadClean()), "data");
    const panel = container.querySelector('[role="tabpanel"]') as HTMLElement;
    expect(panel).toHaveAttribute("aria-labelledby", "tab-data");
    expect(screen.getByRole("tab", { name: /^Data/ })).toHaveAttribute("aria-controls", "panel-data");
    // The other panels are not in the page, so their tabs point at none.
    expect(screen.getByRole("tab", { name: /^Checks/ })).not.toHaveAttribute("aria-controls");
    const tabs = [...container.querySelectorAll('[role="tab"]')].map((t) => t.id);
    expect(tabs).toEqual(["tab-data", "tab-checks", "tab-kpis", "tab-generate", "tab-settings"]);
    expect(container.querySelector('[role="tablist"]')).not.toBeNull();
  });
});
