/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { item, seedRead } from "../support/seed-read";
import { memoryHost } from "./memory-host";
import { axeViolations, byRole, click, getByRole, renderPane, typeInto } from "./render";

const withError = () => {
  const read = seedRead();
  return {
    ...read,
    names: read.names.map((n) => (n.name === "Electricity" ? item("Electricity", "Data", 5, 1, [[-5]]) : n)),
  };
};

describe("Generate view", () => {
  it("writes the chosen sections with the chosen language and mode, and lists the sheets written", async () => {
    const host = memoryHost(seedRead());
    const { container } = await renderPane(host, "generate");
    for (const code of ["A1", "B1", "B2", "B3", "B5", "B6", "B7", "B8", "D"])
      await click(getByRole(container, "checkbox", new RegExp(`^${code} `)));
    await click(getByRole(container, "radio", "English"));
    await click(getByRole(container, "radio", "Values only"));
    await click(getByRole(container, "button", "Generate disclosures"));
    expect(host.writes).toHaveLength(1);
    const { sheets, history } = host.writes[0];
    expect(history.sections).toEqual(["A2"]);
    expect(history.language).toBe("en");
    expect(history.valuesOnly).toBe(true);
    expect(history.acceptedErrors).toBeUndefined();
    expect(history.sheets).toEqual(sheets.map((s) => s.name));
    expect(sheets.some((s) => s.section === "A2")).toBe(true);
    const summary = getByRole(container, "status");
    expect(summary.textContent).toMatch(/sheets written/);
    for (const s of sheets) expect(summary.textContent).toContain(s.name);
    expect(byRole(container, "progressbar")).toHaveLength(1);
  });

  it("blocks generation on errors until they are accepted with a note, which lands in the history", async () => {
    const host = memoryHost(withError());
    const { container } = await renderPane(host, "generate");
    const button = () => getByRole(container, "button", "Generate disclosures");
    expect(container.textContent).toContain("1 errors must be fixed");
    expect(button()).toBeDisabled();
    await click(getByRole(container, "checkbox", /I accept these errors/));
    expect(button()).toBeDisabled();
    await typeInto(
      container.querySelector("textarea") as HTMLTextAreaElement,
      "Meter reading confirmed by site",
    );
    expect(button()).toBeEnabled();
    await click(button());
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].history.acceptedErrors).toEqual({
      count: 1,
      note: "Meter reading confirmed by site",
    });
  });

  it("reports a failed write and says the workbook is unchanged", async () => {
    const host = memoryHost(seedRead(), { failWrite: "GeneralException" });
    const { container } = await renderPane(host, "generate");
    await click(getByRole(container, "button", "Generate disclosures"));
    expect(container.textContent).toContain("Generation failed; the workbook is unchanged.");
    expect(container.textContent).toContain("GeneralException");
  });

  it("has no axe violations, blocked or done", async () => {
    const blocked = await renderPane(memoryHost(withError()), "generate");
    expect(await axeViolations(blocked.container)).toEqual([]);
    blocked.unmount();
    const done = await renderPane(memoryHost(seedRead()), "generate");
    await click(getByRole(done.container, "button", "Generate disclosures"));
    expect(await axeViolations(done.container)).toEqual([]);
  });
});
