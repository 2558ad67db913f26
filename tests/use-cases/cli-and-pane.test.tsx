/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/*
 * The command line and the task pane run the one generate use case: from the same workbook, at the same
 * time, with the same choices, they write the same workbook, cell by cell.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { act, renderHook, waitFor } from "@testing-library/react";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { generate } from "../../src/cli/commands/generate";
import { examplesDir } from "../../src/cli/commands/demo";
import { usePane } from "../../src/taskpane/usePane";
import type { PaneHost } from "../../src/taskpane/host";
import * as useCase from "../../src/use-cases/generate";
import { XlsxHost } from "../../src/workbook/xlsx/host";

const NOW = "2026-03-31T09:30:00.000Z";
const SAMPLE = join(examplesDir(), "sample-esg-2024.xlsx");

/** Every cell of every sheet (value or formula with its cached result, number format), and the defined names. */
async function dump(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`sheet ${ws.name} ${ws.state}`);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) =>
        out.push(`${ws.name}!${c.address} ${JSON.stringify(c.value)} ${c.numFmt ?? ""}`),
      ),
    );
  });
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  out.push(/<definedNames>.*<\/definedNames>/s.exec(part)?.[0] ?? "no names");
  return out;
}

describe("one generate use case for every front end", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "esg-cli-pane-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => jest.useRealTimers());

  it("the command line and the pane write the same workbook from the same input", async () => {
    const runs = jest.spyOn(useCase, "generateDisclosures");
    const fromCli = join(dir, "cli.xlsx");
    await generate(SAMPLE, { out: fromCli, now: NOW, json: true });

    // The pane on the same file through the xlsx host, its clock at the same time (only Date is faked).
    jest.useFakeTimers({
      now: new Date(NOW),
      doNotFake: [
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
        "setImmediate",
        "clearImmediate",
        "nextTick",
        "queueMicrotask",
        "hrtime",
        "performance",
        "requestAnimationFrame",
        "cancelAnimationFrame",
        "requestIdleCallback",
        "cancelIdleCallback",
      ],
    });
    const workbook = await XlsxHost.open(SAMPLE);
    const host: PaneHost = {
      workbook,
      displayLanguage: "en-US",
      theme: "light",
      selectCell: async () => undefined,
    };
    const { result } = renderHook(() => usePane({ host, initialTab: "generate" }));
    await waitFor(() => expect(result.current.read).not.toBeNull());
    expect(result.current.canGenerate).toBe(true);
    await act(() => result.current.actions.generate());
    expect(result.current.phase.kind).toBe("done");
    const fromPane = join(dir, "pane.xlsx");
    await workbook.save(fromPane);

    expect(runs).toHaveBeenCalledTimes(2);
    const [cli, pane] = await Promise.all([dump(fromCli), dump(fromPane)]);
    expect(cli.length).toBeGreaterThan(1000);
    expect(pane).toEqual(cli);
  });
});
