/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { item, seedRead } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, click, getByRole, renderPane } from "./render";

const withNegativeElectricity = () => {
  const read = seedRead();
  return {
    ...read,
    names: read.names.map((n) => (n.name === "Electricity" ? item("Electricity", "Data", 5, 1, [[-5]]) : n)),
  };
};

describe("Checks view", () => {
  it("groups findings by severity, then KPI, with message and hint", async () => {
    const { container } = await renderPane(memoryHost(withNegativeElectricity()), "checks");
    const severities = [...container.querySelectorAll("[data-severity]")].map((e) =>
      e.getAttribute("data-severity"),
    );
    expect(severities).toEqual(["error", "warning", "info"]);
    const errors = container.querySelector('[data-severity="error"]') as HTMLElement;
    expect(errors.querySelector("h4")?.textContent).toBe("A2.1");
    expect(errors.textContent).toContain("-5 is negative");
    expect(getByRole(container, "status").textContent).toMatch(/1 errors, 2 warnings, 3 notes/);
  });

  it("selects the cell through the host when a location is clicked", async () => {
    const host = memoryHost(withNegativeElectricity());
    const { container } = await renderPane(host, "checks");
    await click(getByRole(container, "button", "Go to Data!B6"));
    expect(host.selected).toEqual(["Data!B6"]);
  });

  it("shows the messages in Traditional Chinese when Office's display language is zh-HK", async () => {
    const { container } = await renderPane(
      memoryHost(withNegativeElectricity(), { displayLanguage: "zh-HK" }),
      "checks",
    );
    expect(container.querySelector("h2")?.textContent).toBe("檢查");
    expect(container.querySelector('[data-severity="error"] h3')?.textContent).toBe("錯誤");
    expect(container.querySelector('[data-severity="error"] li')?.textContent).toMatch(/[\u4e00-\u9fff]/);
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(withNegativeElectricity()), "checks");
    expect(await axeViolations(container)).toEqual([]);
  });
});
