/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { seedRead, seedReadClean } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, renderPane, SLOW } from "./pane-test-utils";

describe("Settings view", () => {
  it("changes the options the next generation runs with", async () => {
    const host = memoryHost(seedReadClean());
    await renderPane(host, "settings");
    fireEvent.change(screen.getByRole("textbox", { name: /Year-on-year tolerance/ }), {
      target: { value: "10" },
    });
    fireEvent.click(screen.getByRole("radio", { name: /closing headcount/ }));
    fireEvent.click(screen.getByRole("radio", { name: /Split of the trained/ }));
    fireEvent.click(screen.getByRole("tab", { name: /^Generate/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Generate disclosures" }, SLOW));
    await waitFor(() => expect(host.writes).toHaveLength(1), SLOW);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/sheets written/), SLOW);
  });

  it("saves the settings in the workbook; the next pane reads them back", async () => {
    const host = memoryHost(seedReadClean());
    const first = await renderPane(host, "settings");
    fireEvent.click(screen.getByRole("radio", { name: /closing headcount/ }));
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText(/Settings saved in the workbook/, {}, SLOW)).toBeInTheDocument();
    expect(host.writes).toHaveLength(1);
    const [{ sheets, history }] = host.writes;
    expect(history.sections).toEqual(["CONFIG"]);
    const cells = sheets[0].cells;
    const row = cells.find((c) => c.value === "turnoverMethod")?.row;
    expect(cells.find((c) => c.row === row && c.col === 1)?.value).toBe("closing");
    first.unmount();
    await renderPane(host, "settings");
    expect(screen.getByRole("radio", { name: /closing headcount/ })).toBeChecked();
  });

  it("names the grid factor series in words, not by their ids", async () => {
    await renderPane(memoryHost(seedRead()), "settings");
    const options = screen.getAllByRole("option").map((o) => o.textContent ?? "");
    expect(options).toContain("China MEE/NBS grid factors (statistics)");
    expect(options.some((o) => /^cn-/.test(o))).toBe(false);
  });

  it("switches the whole pane between English and Traditional Chinese", async () => {
    await renderPane(memoryHost(seedReadClean()), "settings");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Settings");
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("設定");
    expect(screen.getByRole("tab", { name: /^數據/ })).toBeInTheDocument();
  });

  it("has no axe violations (with the saved message shown)", async () => {
    const { container } = await renderPane(memoryHost(seedReadClean()), "settings");
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/Settings saved in the workbook/, {}, SLOW);
    expect(await axeViolations(container)).toEqual([]);
  });
});
