/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * The Data view's grid picker (issue 10) on the second group (tests/support/second-group.ts), through the
 * Office adapter over the fake Excel: a site whose GridRegion names no grid gets a labelled list of the
 * accepted grids; choosing one writes that one cell (one sync), the pane reads the workbook again and
 * the finding is gone. (The fixture is built with ExcelJS, whose uuid dependency needs Node's export
 * conditions rather than jsdom's browser ones.)
 */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import type { CellValue, WorkbookRead } from "../../src/esg/types";
import { createOfficeHost } from "../../src/workbook/office";
import type { WorkbookHost } from "../../src/workbook/types";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { fakeCell, fakeExcelFromRead, type FakeExcel } from "../fakes/excel";
import { buildSecondGroup, HAMI, HONG_KONG, SHENZHEN, UNKNOWN_GRID } from "../support/second-group";
import { memoryHost } from "./memory-host";
import { danglingReferences, renderPane, SLOW } from "./pane-test-utils";

let read: WorkbookRead;
beforeAll(async () => {
  read = await (await XlsxHost.fromBuffer(await buildSecondGroup(), "second-group.xlsx")).read();
}, 30_000);

const HAMI_CELL = `'${HAMI}'!B4`;

/** The pane's host over the fake seeded from `r`, with the syncs each writeCell took. */
function officePane(r: WorkbookRead, lang = "en-US") {
  const excel: FakeExcel = fakeExcelFromRead(r);
  const office = createOfficeHost(excel);
  const writeSyncs: number[] = [];
  const workbook: WorkbookHost = {
    kind: office.kind,
    read: () => office.read(),
    write: (sheets, history) => office.write(sheets, history),
    async writeCell(location, value) {
      const before = excel.runtime.syncs;
      await office.writeCell!(location, value);
      writeSyncs.push(excel.runtime.syncs - before);
    },
  };
  return { excel, writeSyncs, host: { ...memoryHost(r, { displayLanguage: lang }), workbook } };
}

function withGrid(r: WorkbookRead, scope: string, values: CellValue[][]): WorkbookRead {
  return {
    ...r,
    names: r.names.map((n) => (n.name === "GridRegion" && n.scope === scope ? { ...n, values } : n)),
  };
}

const card = (location: string): HTMLElement | null =>
  document.querySelector(`[data-grid-fix="${location.replace(/"/g, '\\"')}"]`);

describe("Data view: grid picker", () => {
  it("writes the chosen grid into the site's GridRegion cell in one sync; the pane reads again and the finding is gone", async () => {
    const { excel, writeSyncs, host } = officePane(read);
    const { container } = await renderPane(host, "data");
    const hami = card(HAMI_CELL)!;
    expect(hami).toHaveTextContent(`"${UNKNOWN_GRID}" is not a power grid or power company`);
    expect(hami).toHaveTextContent(`Now: "${UNKNOWN_GRID}"`);
    // Recognised grids ("South", "CLP Power") get no picker.
    expect(card(`'${SHENZHEN}'!B6`)).toBeNull();
    expect(card(`'${HONG_KONG}'!B4`)).toBeNull();

    const write = within(hami).getByRole("button", { name: "Write to B4" });
    expect(write).toHaveAttribute("aria-disabled", "true");
    const picker = within(hami).getByRole("combobox", {
      name: `Power grid for ${HAMI} (cell B4)`,
    }) as HTMLSelectElement;
    // Grouped: grids, Hong Kong's power companies, provinces; every accepted value is there.
    expect([...picker.querySelectorAll("optgroup")].map((g) => g.label)).toEqual([
      "Regional grids and the national average",
      "Hong Kong power companies",
      "Mainland provinces (read as their regional grid)",
    ]);
    expect(picker.querySelectorAll("optgroup option")).toHaveLength(8 + 2 + 31);
    const northwest = [...picker.options].find((o) => o.text === "Northwest China / 西北")!;
    fireEvent.change(picker, { target: { value: northwest.value } });
    expect(picker).toHaveValue("Northwest China");
    expect(write).not.toHaveAttribute("aria-disabled", "true");

    fireEvent.click(write);
    expect(
      await screen.findByText(`"Northwest China" written to ${HAMI_CELL}; the checks ran again.`, {}, SLOW),
    ).toBeInTheDocument();
    expect(writeSyncs).toEqual([1]);
    expect(fakeCell(excel, HAMI, "B4")?.value).toBe("Northwest China");
    expect(card(HAMI_CELL)).toBeNull();
    // Focus moves to the outcome, not to the page, once the card has gone.
    expect(document.activeElement).toContainElement(screen.getByText(/written to/));
    // The Checks view no longer has the finding.
    fireEvent.click(document.getElementById("tab-checks")!);
    await screen.findByText(/errors, .* warnings/);
    expect(container).not.toHaveTextContent(UNKNOWN_GRID);
    expect(danglingReferences(container)).toEqual([]);
  });

  it("offers the picker for a blank cell and for 'Hong Kong' without its power company, labelled in Chinese", async () => {
    const r = withGrid(withGrid(read, SHENZHEN, [[null]]), HONG_KONG, [["香港"]]);
    const { excel, host } = officePane(r, "zh-HK");
    await renderPane(host, "data");
    const shenzhen = card(`'${SHENZHEN}'!B6`)!;
    expect(shenzhen).toHaveTextContent("現為：空白（採用全國平均）");
    expect(card(`'${HONG_KONG}'!B4`)).toHaveTextContent("現為：「香港」");
    expect(card(HAMI_CELL)).not.toBeNull();

    const hk = card(`'${HONG_KONG}'!B4`)!;
    const picker = within(hk).getByRole("combobox", { name: `${HONG_KONG}的電網（儲存格 B4）` });
    fireEvent.change(picker, { target: { value: "CLP Power Hong Kong" } });
    fireEvent.click(within(hk).getByRole("button", { name: "寫入 B4" }));
    expect(await screen.findByText(/已將「CLP Power Hong Kong」寫入/, {}, SLOW)).toBeInTheDocument();
    expect(fakeCell(excel, HONG_KONG, "B4")?.value).toBe("CLP Power Hong Kong");
    expect(card(`'${HONG_KONG}'!B4`)).toBeNull();
    expect(card(`'${SHENZHEN}'!B6`)).not.toBeNull();
  });

  it("says so when the write fails, and the finding stays", async () => {
    const { host } = officePane(read);
    const failing = {
      ...host,
      workbook: { ...host.workbook, writeCell: () => Promise.reject(new Error("sheet is protected")) },
    };
    await renderPane(failing, "data");
    const hami = card(HAMI_CELL)!;
    fireEvent.change(within(hami).getByRole("combobox"), { target: { value: "National" } });
    fireEvent.click(within(hami).getByRole("button", { name: "Write to B4" }));
    expect(
      await screen.findByText("Writing failed; the cell is unchanged. (sheet is protected)", {}, SLOW),
    ).toBeInTheDocument();
    expect(card(HAMI_CELL)).not.toBeNull();
  });

  it("is not offered by a host that cannot write a cell", async () => {
    await renderPane(memoryHost(read), "data");
    expect(document.querySelector("[data-grid-fixes]")).toBeNull();
  });
});
