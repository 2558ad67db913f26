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

  it("saves the settings in the workbook; the next pane reads them back", async () => {
    const host = memoryHost(seedRead());
    const { container } = await renderPane(host, "settings");
    await click(getByRole(container, "radio", /closing headcount/));
    await click(getByRole(container, "button", "Save settings"));
    expect(host.writes).toHaveLength(1);
    const [{ sheets, history }] = host.writes;
    expect(history.sections).toEqual(["CONFIG"]);
    const cells = sheets[0].cells;
    const row = cells.find((c) => c.value === "turnoverMethod")?.row;
    expect(cells.find((c) => c.row === row && c.col === 1)?.value).toBe("closing");
    expect(container.textContent).toContain("Settings saved in the workbook");
    const again = await renderPane(host, "settings");
    expect(getByRole(again.container, "radio", /closing headcount/)).toBeChecked();
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
