/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { seedRead } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, renderPane } from "./pane-test-utils";

describe("KPIs view", () => {
  it("shows each KPI with value, unit, prior, change and formula in words", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "kpis");
    const rows = [...container.querySelectorAll("[data-kpi]")];
    expect(rows.length).toBeGreaterThan(10);
    const electricity = rows.find(
      (r) => /A2\.1/.test(r.textContent ?? "") && /kWh/.test(r.textContent ?? ""),
    ) as HTMLElement;
    expect(electricity).toBeDefined();
    expect([...electricity.querySelectorAll("dt")].map((d) => d.textContent)).toEqual([
      "Value",
      "Prior year",
      "Change",
      "Formula",
    ]);
    expect(electricity.textContent).toMatch(/÷|\//);
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "kpis");
    expect(await axeViolations(container)).toEqual([]);
  });
});
