/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { item, seedRead } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, renderPane, SLOW } from "./pane-test-utils";

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
    expect(errors.querySelector("h4")).toHaveTextContent("A2.1");
    expect(errors).toHaveTextContent("-5 is negative");
    expect(screen.getByRole("status")).toHaveTextContent(/2 errors, 2 warnings, 7 notes/); // the negative electricity and the totals it leaves incomplete; no GridRegion: a warning; a newer grid factor: a note
  });

  it("selects the cell through the host when a location is clicked", async () => {
    const host = memoryHost(withNegativeElectricity());
    await renderPane(host, "checks");
    fireEvent.click(screen.getByRole("button", { name: "Go to Data!B6" }));
    await waitFor(() => expect(host.selected).toEqual(["Data!B6"]), SLOW);
  });

  it("shows the messages in Traditional Chinese when Office's display language is zh-HK", async () => {
    const { container } = await renderPane(
      memoryHost(withNegativeElectricity(), { displayLanguage: "zh-HK" }),
      "checks",
    );
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("檢查");
    expect(container.querySelector('[data-severity="error"] h3')).toHaveTextContent("錯誤");
    expect(container.querySelector('[data-severity="error"] li')?.textContent).toMatch(/[\u4e00-\u9fff]/);
  });

  it("has no axe violations", async () => {
    const { container } = await renderPane(memoryHost(withNegativeElectricity()), "checks");
    expect(await axeViolations(container)).toEqual([]);
  });
});
