/**
 * Both hosts refuse, before anything is written, a defined name Excel refuses (src/sheet-ref
 * definedNameProblem): a model defining "A1" used to be saved by the xlsx host and refused by the
 * Office host.
 */
import type { SheetModel } from "../../src/esg/types";
import { createOfficeHost } from "../../src/workbook/office";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { createFakeExcel } from "../fakes/excel";
import { contractHistory, contractSheet } from "./contract";

const withName = (name: string): SheetModel => ({
  ...contractSheet(),
  definedNames: [{ name, address: "B2" }],
});

describe("a defined name Excel refuses", () => {
  it.each(["A1", "R1C1", "RC", "TRUE"])(
    "%s is refused by both hosts, and nothing is written",
    async (name) => {
      const xlsx = XlsxHost.blank();
      await expect(xlsx.write([withName(name)], contractHistory("2026-01-01T00:00:00Z", []))).rejects.toThrow(
        new RegExp(`defines name "${name}", which must not`),
      );
      expect((await xlsx.read()).sheets).toEqual([]);

      const excel = createFakeExcel({ sheets: [{ name: "Data", cells: { A1: 1 } }] });
      const office = createOfficeHost(excel);
      await expect(
        office.write([withName(name)], contractHistory("2026-01-01T00:00:00Z", [])),
      ).rejects.toMatchObject({
        code: "InvalidName",
      });
      expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
    },
  );

  it("a valid name is written by both", async () => {
    const xlsx = XlsxHost.blank();
    await xlsx.write([withName("Rate_2024")], contractHistory("2026-01-01T00:00:00Z", []));
    expect((await xlsx.read()).names.map((n) => `${n.name}=${n.refersTo}`)).toContain(
      "Rate_2024='ESG A2 Test'!$B$2",
    );

    const excel = createFakeExcel({ sheets: [{ name: "Data", cells: { A1: 1 } }] });
    await createOfficeHost(excel).write([withName("Rate_2024")], contractHistory("2026-01-01T00:00:00Z", []));
    expect(excel.workbook.names.map((n) => `${n.name}=${n.refersTo}`)).toContain(
      "Rate_2024='ESG A2 Test'!$B$2",
    );
  });
});
