/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import type { NamedItem } from "../../src/esg/types";
import { item, seedRead } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, click, getByRole, renderPane, typeInto } from "./render";

describe("Data view", () => {
  it("lists every metric with its named range, value, unit and status", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "data");
    const row = container.querySelector('[data-metric="electricity"]') as HTMLElement;
    expect(row).not.toBeNull();
    expect(row.querySelector("select")).toHaveAccessibleName("Named range for Purchased electricity");
    expect(row.textContent).toContain("29,843,800");
    expect(row.textContent).toContain("kWh");
    expect(row.textContent).toContain("OK");
  });

  it("suggests the group's own name first and uses it once the mapping is saved", async () => {
    const read = seedRead();
    // The group keeps electricity under its own name, not the default one.
    const names: NamedItem[] = read.names.map((n) =>
      n.name === "Electricity" ? { ...item("Elec_Purchased_kWh", "Data", 5, 1, [[1000]]) } : n,
    );
    const { container } = await renderPane(memoryHost({ ...read, names }), "data");
    const row = () => container.querySelector('[data-metric="electricity"]') as HTMLElement;
    expect(row().textContent).toContain("Missing");
    const select = row().querySelector("select") as HTMLSelectElement;
    const suggested = select.querySelector("optgroup") as HTMLOptGroupElement;
    expect(suggested.label).toBe("Suggested");
    expect(suggested.querySelector("option")?.value).toBe("Elec_Purchased_kWh");
    await typeInto(select, "Elec_Purchased_kWh");
    await click(getByRole(container, "button", "Save mapping"));
    expect(row().textContent).toContain("1,000");
    expect(container.textContent).toContain("Mapping kept for this session");
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "data");
    expect(await axeViolations(container)).toEqual([]);
  });
});
