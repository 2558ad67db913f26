/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import type { NamedItem } from "../../src/esg/types";
import { item, seedRead } from "../support/seed-read";
import { createOfficeHost } from "../../src/workbook/office";
import { fakeExcelFromRead } from "../fakes/excel";
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

  it("suggests the group's own name first and saves the mapping in the workbook (history section CONFIG)", async () => {
    const read = seedRead();
    // The group keeps electricity under its own name, not the default one.
    const names: NamedItem[] = read.names.map((n) =>
      n.name === "Electricity" ? { ...item("Elec_Purchased_kWh", "Data", 5, 1, [[1000]]) } : n,
    );
    const host = memoryHost({ ...read, names });
    const { container } = await renderPane(host, "data");
    const row = () => container.querySelector('[data-metric="electricity"]') as HTMLElement;
    expect(row().textContent).toContain("Missing");
    const select = row().querySelector("select") as HTMLSelectElement;
    const suggested = select.querySelector("optgroup") as HTMLOptGroupElement;
    expect(suggested.label).toBe("Suggested");
    expect(suggested.querySelector("option")?.value).toBe("Elec_Purchased_kWh");
    await typeInto(select, "Elec_Purchased_kWh");
    await click(getByRole(container, "button", "Save mapping"));
    expect(host.writes).toHaveLength(1);
    const [{ sheets, history }] = host.writes;
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([["ESG_Config", true]]);
    expect(history).toMatchObject({ sections: ["CONFIG"], sheets: ["ESG_Config"] });
    expect(sheets[0].cells.some((c) => c.value === "Elec_Purchased_kWh")).toBe(true);
    expect(row().textContent).toContain("1,000");
    expect(container.textContent).toContain("Mapping saved in the workbook");
    expect(container.textContent).not.toMatch(/this session/);

    // The next time the pane opens, the mapping comes back from the workbook.
    const again = await renderPane(host, "data");
    const select2 = again.container.querySelector('[data-metric="electricity"] select') as HTMLSelectElement;
    expect(select2.value).toBe("Elec_Purchased_kWh");
    expect(again.container.querySelector('[data-metric="electricity"]')?.textContent).toContain("1,000");
  });

  it("saves through the Office adapter: a hidden ESG_Config sheet and ESG_Mapping the next pane reads back", async () => {
    const read = seedRead();
    const names: NamedItem[] = read.names.map((n) =>
      n.name === "Electricity" ? { ...item("Elec_Purchased_kWh", "Data", 5, 1, [[1000]]) } : n,
    );
    const excel = fakeExcelFromRead({ ...read, names });
    const host = { ...memoryHost(read), workbook: createOfficeHost(excel) };
    const { container } = await renderPane(host, "data");
    await typeInto(
      container.querySelector('[data-metric="electricity"] select') as HTMLSelectElement,
      "Elec_Purchased_kWh",
    );
    await click(getByRole(container, "button", "Save mapping"));
    expect(excel.workbook.sheets.find((s) => s.name === "ESG_Config")?.visibility).toBe("Hidden");
    expect(excel.workbook.names.find((n) => n.name === "ESG_Mapping")?.refersTo).toBe("ESG_Config!$A$4:$B$4");
    const again = await renderPane({ ...host, workbook: createOfficeHost(excel) }, "data");
    expect(
      (again.container.querySelector('[data-metric="electricity"] select') as HTMLSelectElement).value,
    ).toBe("Elec_Purchased_kWh");
  });

  it("says so when the mapping could not be saved", async () => {
    const { container } = await renderPane(memoryHost(seedRead(), { failWrite: "disk full" }), "data");
    await click(getByRole(container, "button", "Save mapping"));
    expect(container.textContent).toContain("Saving failed; the workbook is unchanged. (disk full)");
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "data");
    expect(await axeViolations(container)).toEqual([]);
  });
});
