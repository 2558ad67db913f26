/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { NamedItem, WorkbookRead } from "../../src/esg/types";
import { createOfficeHost } from "../../src/workbook/office";
import { fakeExcelFromRead } from "../fakes/excel";
import { item, seedRead, seedReadClean } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { danglingReferences, renderPane, SLOW } from "./pane-test-utils";

/** The seed workbook with electricity kept under the group's own name, not the default one. */
function ownNames(): WorkbookRead {
  const read = seedReadClean();
  const names: NamedItem[] = read.names.map((n) =>
    n.name === "Electricity" ? item("Elec_Purchased_kWh", "Data", 5, 1, [[1000]]) : n,
  );
  return { ...read, names };
}

const row = (container: HTMLElement, metric: string): HTMLElement =>
  container.querySelector(`[data-metric="${metric}"]`) as HTMLElement;

describe("Data view", () => {
  it("marks an absent optional metric (an intensity denominator such as Revenue) optional, not missing", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "data");
    expect(row(container, "revenue")).toHaveTextContent("Optional");
    expect(row(container, "revenue")).not.toHaveTextContent("Missing");
  });

  it("lists every metric with its named range, value, unit and status", async () => {
    const { container } = await renderPane(memoryHost(seedReadClean()), "data");
    const electricity = row(container, "electricity");
    expect(within(electricity).getByRole("combobox")).toHaveAccessibleName(
      "Named range for Purchased electricity",
    );
    expect(electricity).toHaveTextContent("29,843,800");
    expect(electricity).toHaveTextContent("kWh");
    expect(electricity).toHaveTextContent("OK");
  });

  it("suggests the group's own name first and saves the mapping in the workbook (history section CONFIG)", async () => {
    const host = memoryHost(ownNames());
    const first = await renderPane(host, "data");
    expect(row(first.container, "electricity")).toHaveTextContent("Missing");
    const select = within(row(first.container, "electricity")).getByRole("combobox") as HTMLSelectElement;
    const suggested = select.querySelector("optgroup") as HTMLOptGroupElement;
    expect(suggested.label).toBe("Suggested");
    expect(suggested.querySelector("option")?.value).toBe("Elec_Purchased_kWh");
    fireEvent.change(select, { target: { value: "Elec_Purchased_kWh" } });
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    expect(await screen.findByText(/Mapping saved in the workbook/, {}, SLOW)).toBeInTheDocument();
    expect(host.writes).toHaveLength(1);
    const [{ sheets, history }] = host.writes;
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([["ESG_Config", true]]);
    expect(history).toMatchObject({ sections: ["CONFIG"], sheets: ["ESG_Config"] });
    expect(sheets[0].cells.some((c) => c.value === "Elec_Purchased_kWh")).toBe(true);
    expect(row(first.container, "electricity")).toHaveTextContent("1,000");
    expect(first.container).not.toHaveTextContent(/this session/);

    // The next time the pane opens, the mapping comes back from the workbook.
    first.unmount();
    const again = await renderPane(host, "data");
    expect(within(row(again.container, "electricity")).getByRole("combobox")).toHaveValue(
      "Elec_Purchased_kWh",
    );
    expect(row(again.container, "electricity")).toHaveTextContent("1,000");
  });

  it("saves through the Office adapter: a hidden ESG_Config sheet and ESG_Mapping the next pane reads back", async () => {
    const excel = fakeExcelFromRead(ownNames());
    const host = { ...memoryHost(seedReadClean()), workbook: createOfficeHost(excel) };
    const first = await renderPane(host, "data");
    fireEvent.change(within(row(first.container, "electricity")).getByRole("combobox"), {
      target: { value: "Elec_Purchased_kWh" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    expect(await screen.findByText(/Mapping saved in the workbook/, {}, SLOW)).toBeInTheDocument();
    expect(excel.workbook.sheets.find((s) => s.name === "ESG_Config")?.visibility).toBe("Hidden");
    expect(excel.workbook.names.find((n) => n.name === "ESG_Mapping")?.refersTo).toBe("ESG_Config!$A$4:$B$4");
    first.unmount();
    const again = await renderPane({ ...host, workbook: createOfficeHost(excel) }, "data");
    expect(within(row(again.container, "electricity")).getByRole("combobox")).toHaveValue(
      "Elec_Purchased_kWh",
    );
  });

  it("says so when the mapping could not be saved", async () => {
    await renderPane(memoryHost(seedReadClean(), { failWrite: "disk full" }), "data");
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    expect(
      await screen.findByText("Saving failed; the workbook is unchanged. (disk full)", {}, SLOW),
    ).toBeInTheDocument();
  });

  // axe over this view (~40 cards, 1,500 options) took 53 s in jsdom: it runs in the e2e instead, in
  // Chromium with colour contrast (tests/e2e/audit.ts). Here, what jsdom checks cheaply:
  it("labels every name picker and points every aria-labelledby at an element (with the saved message shown)", async () => {
    const { container } = await renderPane(memoryHost(seedReadClean()), "data");
    fireEvent.click(screen.getByRole("button", { name: "Save mapping" }));
    await waitFor(() => expect(screen.getByText(/Mapping saved in the workbook/)).toBeInTheDocument(), SLOW);
    const pickers = within(container).getAllByRole("combobox");
    expect(pickers.length).toBeGreaterThan(30);
    for (const p of pickers) expect(p).toHaveAccessibleName(/^Named range for ./);
    expect(danglingReferences(container)).toEqual([]);
  });
});
