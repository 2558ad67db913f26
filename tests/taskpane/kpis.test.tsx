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

  it("groups the KPIs by aspect in catalogue order, each group collapsible", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "kpis");
    const groups = [...container.querySelectorAll("details[data-aspect]")] as HTMLDetailsElement[];
    const order = groups.map((g) => g.dataset.aspect);
    expect(order[0]).toBe("A1");
    expect(order).toEqual(["A1", "A2", "B1", "B2", "B3", "B5", "B6", "B7"]);
    expect(groups.every((g) => g.open && g.querySelector("summary"))).toBe(true);
    const a1 = groups[0].querySelectorAll("[data-kpi]");
    expect([...a1].every((r) => r.getAttribute("data-kpi")!.startsWith("A1."))).toBe(true);
  });

  it("shows factors in formulas at 5 significant digits and rates as percentages", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "kpis");
    const text = container.textContent ?? "";
    expect(text).not.toMatch(/\d\.\d{6,}/);
    const stated = container.querySelector('[data-kpi="B1.2.stated"]')!;
    expect(stated.textContent).toMatch(/7 %/);
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "kpis");
    expect(await axeViolations(container)).toEqual([]);
  });
});
