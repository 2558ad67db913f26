/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { seedRead } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, click, getByRole, renderPane, typeInto } from "./render";

describe("Settings view", () => {
  it("changes the options the next generation runs with", async () => {
    const host = memoryHost(seedRead());
    const { container } = await renderPane(host, "settings");
    await typeInto(container.querySelector('input[type="text"]') as HTMLInputElement, "10");
    await click(getByRole(container, "radio", /closing headcount/));
    await click(getByRole(container, "radio", /Split of the trained/));
    await click(getByRole(container, "tab", /^Generate/));
    await click(getByRole(container, "button", "Generate disclosures"));
    expect(host.writes).toHaveLength(1);
  });

  it("switches the whole pane between English and Traditional Chinese", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "settings");
    expect(container.querySelector("h2")?.textContent).toBe("Settings");
    await click(getByRole(container, "button", "中文"));
    expect(container.querySelector("h2")?.textContent).toBe("設定");
    expect(getByRole(container, "tab", /^數據/)).toBeInTheDocument();
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "settings");
    expect(await axeViolations(container)).toEqual([]);
  });
});
