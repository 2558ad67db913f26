/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { runEngine } from "../../src/esg/engine";
import { item, seedReadClean } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, danglingReferences, renderPane, SLOW } from "./pane-test-utils";

const withError = () => {
  const read = seedReadClean();
  return {
    ...read,
    names: read.names.map((n) => (n.name === "Electricity" ? item("Electricity", "Data", 5, 1, [[-5]]) : n)),
  };
};

const generateButton = () => screen.getByRole("button", { name: "Generate disclosures" });

describe("Generate view", () => {
  it("writes the chosen sections with the chosen language and mode, and lists the sheets written", async () => {
    const host = memoryHost(seedReadClean());
    await renderPane(host, "generate");
    for (const code of ["A1", "B1", "B2", "B3", "B5", "B6", "B7", "B8", "D"])
      fireEvent.click(screen.getByRole("checkbox", { name: new RegExp(`^${code} `) }));
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    fireEvent.click(screen.getByRole("radio", { name: "Values only" }));
    fireEvent.click(generateButton());
    // While working the button keeps focus: aria-disabled, not disabled.
    expect(screen.getByRole("button", { name: "Generating…" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "Generating…" })).not.toHaveAttribute("disabled");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/sheets written/), SLOW);
    const summary = document.querySelector('[data-result="done"]') as HTMLElement;
    // Focus moves to the summary; the live region said what was written.
    expect(document.activeElement).toBe(summary);
    expect(host.writes).toHaveLength(1);
    const { sheets, history } = host.writes[0];
    expect(history.sections).toEqual(["A2"]);
    expect(history.language).toBe("en");
    expect(history.valuesOnly).toBe(true);
    expect(history.acceptedErrors).toBeUndefined();
    expect(history.sheets).toEqual(sheets.map((s) => s.name));
    expect(sheets.some((s) => s.section === "A2")).toBe(true);
    expect(summary).toHaveTextContent(/sheets written/);
    for (const s of sheets) expect(summary).toHaveTextContent(s.name);
    for (const s of sheets) expect(screen.getByRole("status")).toHaveTextContent(s.name);
    expect(screen.getAllByRole("progressbar")).toHaveLength(1);
  });

  it("blocks generation on errors until they are accepted with a note, which lands in the history", async () => {
    const host = memoryHost(withError());
    const { container } = await renderPane(host, "generate");
    expect(container).toHaveTextContent("1 errors must be fixed");
    expect(generateButton()).toBeDisabled();
    fireEvent.click(screen.getByRole("checkbox", { name: /I accept these errors/ }));
    expect(generateButton()).toBeDisabled();
    fireEvent.change(screen.getByRole("textbox", { name: /Note for the history/ }), {
      target: { value: "Meter reading confirmed by site" },
    });
    expect(generateButton()).toBeEnabled();
    fireEvent.click(generateButton());
    await waitFor(() => expect(host.writes).toHaveLength(1), SLOW);
    expect(host.writes[0].history.acceptedErrors).toEqual({
      count: 1,
      note: "Meter reading confirmed by site",
    });
  });

  it("reports a failed write and says the workbook is unchanged", async () => {
    const { container } = await renderPane(
      memoryHost(seedReadClean(), { failWrite: "GeneralException" }),
      "generate",
    );
    fireEvent.click(generateButton());
    await waitFor(
      () =>
        expect(container.querySelector('[data-result="failed"]')).toHaveTextContent(
          /Generation failed; the workbook is unchanged\./,
        ),
      SLOW,
    );
    expect(container).toHaveTextContent("GeneralException");
    expect(document.activeElement).toBe(container.querySelector('[data-result="failed"]'));
    expect(screen.getByRole("status")).toHaveTextContent(/Generation failed.*GeneralException/);
  });

  // The finished view is audited by the e2e in Chromium (axe with colour contrast, after a real run), the
  // blocked one only here: the sample workbook has no errors.
  it("has no axe violations when blocked; no dangling ARIA reference, blocked or done", async () => {
    const blocked = await renderPane(memoryHost(withError()), "generate");
    expect(await axeViolations(blocked.container)).toEqual([]);
    expect(danglingReferences(blocked.container)).toEqual([]);
    blocked.unmount();
    const done = await renderPane(memoryHost(seedReadClean()), "generate");
    fireEvent.click(generateButton());
    await waitFor(() => expect(done.container.querySelector('[data-result="done"]')).not.toBeNull(), SLOW);
    expect(danglingReferences(done.container)).toEqual([]);
  });

  it("writes charts by default, and with the charts switch off the sheets exactly as without charts", async () => {
    const host = memoryHost(seedReadClean());
    await renderPane(host, "generate");
    const charts = screen.getByRole("checkbox", { name: "Charts over the tables" });
    expect(charts).toBeChecked();
    fireEvent.click(generateButton());
    await waitFor(() => expect(host.writes).toHaveLength(1), SLOW);
    expect(host.writes[0].sheets.find((s) => s.section === "B1")?.charts?.length).toBeGreaterThan(0);
    fireEvent.click(charts);
    expect(charts).not.toBeChecked();
    fireEvent.click(generateButton());
    await waitFor(() => expect(host.writes).toHaveLength(2), SLOW);
    const at = host.writes[1].history.at;
    expect(host.writes[1].sheets).toEqual(
      runEngine(seedReadClean(), { now: at, charts: false }).sheets.map((s) => expect.objectContaining(s)),
    );
    expect(host.writes[1].sheets.some((s) => "charts" in s)).toBe(false);
  });
});
