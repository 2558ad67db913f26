/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readStatements } from "../../src/esg/disclosures/statements";
import { seedRead } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, renderPane } from "./pane-test-utils";

describe("Content index statements (ESG_Disclosures) in the Settings view", () => {
  it("saves a KPI's status, reason and report reference in the workbook; the next pane reads them back", async () => {
    const host = memoryHost(seedRead());
    const first = await renderPane(host, "settings");
    const editor = within(screen.getByRole("region", { name: "Content index statements" }));
    fireEvent.change(editor.getByRole("combobox", { name: "KPI" }), { target: { value: "B2.2" } });
    fireEvent.change(editor.getByRole("combobox", { name: "Status" }), { target: { value: "explain" } });
    fireEvent.change(editor.getByRole("textbox", { name: "Reason (English)" }), {
      target: { value: "Lost days were not recorded in 2024." },
    });
    fireEvent.change(editor.getByRole("textbox", { name: "Reason (Chinese)" }), {
      target: { value: "2024年未有記錄損失工作日數。" },
    });
    fireEvent.click(editor.getByRole("button", { name: "Save statements" }));
    expect(await screen.findByText(/Statements saved in the workbook/)).toBeInTheDocument();
    await waitFor(() => expect(host.writes).toHaveLength(1));
    const [{ sheets, history }] = host.writes;
    expect(history.sections).toEqual(["CONFIG"]);
    const row = sheets[0].cells.find((c) => c.value === "B2.2")!.row;
    expect(sheets[0].cells.filter((c) => c.row === row).map((c) => c.value)).toEqual([
      "B2.2",
      "explain",
      "Lost days were not recorded in 2024.",
      "2024年未有記錄損失工作日數。",
      "",
      "",
    ]);
    const saved = readStatements(await host.workbook.read()).statements.get("B2.2");
    expect(saved?.reason?.en).toBe("Lost days were not recorded in 2024.");
    first.unmount();
    await renderPane(host, "settings");
    const again = within(screen.getByRole("region", { name: "Content index statements" }));
    fireEvent.change(again.getByRole("combobox", { name: "KPI" }), { target: { value: "B2.2" } });
    expect(again.getByRole("textbox", { name: "Reason (English)" })).toHaveValue(
      "Lost days were not recorded in 2024.",
    );
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(seedRead()), "settings");
    expect(await axeViolations(container)).toEqual([]);
  });
});
