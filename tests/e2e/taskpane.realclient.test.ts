/**
 * The built task pane (dist/) on Microsoft's own office.js and excel-web-16.00.js, in headless Chromium,
 * inside the stand-in Excel-on-the-web host (tests/e2e/standin): onReady, Data → Checks → Generate on the
 * sample and on the 200-site workbook, configuration saved and read back by a fresh pane, a write that
 * fails part-way, the ribbon commands through appCommandInvoked, and a host without the optional API sets.
 *
 * What is Microsoft's here: batching, serialisation, request sizes, the load / PropertyNotLoaded /
 * isNullObject rules, tracked references, script order and Office.onReady. What is ours: the host's
 * answers, computed by the strict fake of tests/fakes/excel (the same model the JS-fake tests use).
 */
import { ensureBuilt, haveChromium, launch, StandIn } from "./standin/harness";
import { DISPATCH, requirementMatrix } from "./standin/host";
import { generate, GENERATION_FAILED, press, showView, workbookRequests } from "./standin/pane";
import { sampleExcel, sitesExcel } from "./standin/workbooks";
import type { Browser } from "playwright-core";
import type { FakeExcel } from "../fakes/excel/excel";
import { fakeCell } from "../fakes/excel/seed";
import { FIVE_MB } from "../fakes/excel/excel";
import { createOfficeHost } from "../../src/workbook/office";
import { generateDisclosures } from "../../src/use-cases/generate";

if (!haveChromium)
  console.warn("real-client e2e skipped: /usr/bin/chromium is missing (apt-get install chromium).");
const maybe = haveChromium ? describe : describe.skip;

const DATA_SHEET = "ESG Data 數據";

async function until(done: () => boolean, timeout: number): Promise<void> {
  const end = Date.now() + timeout;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

maybe("task pane on the real Office.js client, in a stand-in Excel on the web", () => {
  let browser: Browser;
  const sessions: StandIn[] = [];

  beforeAll(async () => {
    ensureBuilt();
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(
    excel: FakeExcel,
    options: { excelApi?: string; requirements?: Record<string, string> } = {},
  ): Promise<StandIn> {
    const s = await StandIn.open(browser, { excel, ...options });
    sessions.push(s);
    return s;
  }

  it("starts on Office.onReady as Excel on the web and reads the sample through office.js", async () => {
    const s = await open(await sampleExcel());
    const frame = await s.paneReady();
    const info = await frame.evaluate(async () => {
      const o = (
        window as unknown as {
          Office: {
            onReady(): Promise<{ host: string; platform: string }>;
            context: { requirements: { isSetSupported(s: string, v: string): boolean } };
          };
        }
      ).Office;
      const ready = await o.onReady();
      return {
        ...ready,
        excel117: o.context.requirements.isSetSupported("ExcelApi", "1.17"),
        excel118: o.context.requirements.isSetSupported("ExcelApi", "1.18"),
      };
    });
    expect(info).toMatchObject({ host: "Excel", platform: "OfficeOnline", excel117: true, excel118: false });
    expect(s.host.handshakes).toBe(1);
    // The sample's electricity ('ESG Data 數據'!C25) arrived through a ProcessQuery response.
    await frame.waitForSelector('[data-metric="electricity"]');
    expect(await frame.textContent('[data-metric="electricity"]')).toContain("29,843,800");
    // The first read is one batch: worksheets with their names nested (items/names/items/…) and the workbook's names.
    const first = s.host.received.find(
      (m) => m._actionName === "executeMethod" && JSON.stringify(m._data).includes("names/name"),
    );
    expect(first).toBeDefined();
    await s.close();
  }, 120_000);

  it("answers office.js's own Excel API: paths, nested loads, null objects, writes, tracking and error codes", async () => {
    const excel = await sampleExcel();
    const s = await open(excel);
    const frame = await s.paneReady();
    // Runs in the add-in's frame, on the real Excel.run of excel-web-16.00.js.
    const out = await frame.evaluate(async () => {
      const X = (window as unknown as { Excel: typeof Excel }).Excel;
      return X.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/names/items/name");
        const missing = sheets.getItemOrNullObject("No such sheet");
        const data = sheets.getItem("ESG Data 數據");
        const cell = data.getRange("C25");
        cell.load("values,address");
        context.trackedObjects.add(cell);
        const note = sheets.add("Probe");
        note.getRange("A1:B1").values = [["Total", "=1+2"]];
        context.workbook.names.add("ProbeTotal", note.getRange("B1"), "made by the test");
        await context.sync();
        let notLoaded = "";
        try {
          void note.name;
        } catch (e) {
          notLoaded = (e as { code: string }).code;
        }
        const total = context.workbook.names.getItem("ProbeTotal").getRangeOrNullObject();
        total.load("values");
        const constant = context.workbook.names.getItemOrNullObject("NoSuchName");
        await context.sync();
        // The tracked range, still valid in the next batch; then released (a reference the host frees).
        cell.load("values");
        await context.sync();
        const read = {
          sheets: sheets.items.map((x) => x.name),
          nestedNames: sheets.items.map((x) => x.names.items.length),
          missing: missing.isNullObject,
          cell: [cell.address, cell.values[0][0]],
          notLoaded,
          total: total.values[0][0],
          constant: constant.isNullObject,
        };
        context.trackedObjects.remove(cell);
        await context.sync();
        return read;
      });
    });
    // A RichApi error from the host becomes office.js's error with the same code.
    const code = await frame.evaluate(async () => {
      const X = (window as unknown as { Excel: typeof Excel }).Excel;
      try {
        await X.run(async (context) => {
          context.workbook.worksheets.getItem("Nope").load("name");
          await context.sync();
        });
        return "";
      } catch (e) {
        return (e as { code: string }).code;
      }
    });
    expect(code).toBe("ItemNotFound");
    expect(out.sheets).toContain("ESG Data 數據");
    expect(out.nestedNames.length).toBe(out.sheets.length);
    expect(out).toMatchObject({
      missing: true,
      cell: ["'ESG Data 數據'!C25", 29843800],
      notLoaded: "PropertyNotLoaded",
      total: 3,
      constant: true,
    });
    expect(excel.workbook.names.find((n) => n.name === "ProbeTotal")).toMatchObject({
      refersTo: "Probe!$B$1",
      comment: "made by the test",
    });
    expect(s.host.richApi.unsupported).toEqual([]);
    await until(() => s.host.richApi.liveReferences === 0, 5_000);
    expect(s.host.richApi.liveReferences).toBe(0);
    await s.close();
  }, 120_000);

  it("refuses a request or a response over 5 MB as Excel on the web does, and office.js reports the code", async () => {
    const excel = await sampleExcel();
    const s = await open(excel);
    const frame = await s.paneReady();
    const codes = await frame.evaluate(async () => {
      const X = (window as unknown as { Excel: typeof Excel }).Excel;
      const text = "x".repeat(1000);
      const rows = (n: number) => Array.from({ length: n }, () => [text, text, text]);
      const attempt = async (body: (context: Excel.RequestContext) => Promise<void>) => {
        try {
          await X.run(body);
          return "ok";
        } catch (e) {
          return (e as { code: string }).code;
        }
      };
      return {
        // ≈ 6.1 MB of values in one request.
        bigWrite: await attempt(async (context) => {
          context.workbook.worksheets.add("Big").getRange("A1:C2000").values = rows(2000);
          await context.sync();
        }),
        // Two requests of ≈ 3 MB each, then one read of all of it (≈ 6 MB in the response).
        halves: await attempt(async (context) => {
          const sheet = context.workbook.worksheets.add("Halves");
          sheet.getRange("A1:C1000").values = rows(1000);
          await context.sync();
          sheet.getRange("A1001:C2000").values = rows(1000);
          await context.sync();
        }),
        bigRead: await attempt(async (context) => {
          const range = context.workbook.worksheets.getItem("Halves").getRange("A1:C2000");
          range.load("values");
          await context.sync();
        }),
      };
    });
    expect(codes).toEqual({
      bigWrite: "RequestPayloadSizeLimitExceeded",
      halves: "ok",
      bigRead: "ResponsePayloadSizeLimitExceeded",
    });
    // Nothing of the refused request was applied.
    expect(excel.workbook.sheets.some((x) => x.name === "Big")).toBe(false);
    await s.close();
  }, 120_000);

  it("goes Data → Checks → Generate on the sample and writes the disclosure sheets", async () => {
    const excel = await sampleExcel();
    const s = await open(excel);
    const frame = await s.paneReady();
    const before = excel.workbook.sheets.map((x) => x.name);
    await showView(frame, "checks");
    expect(await frame.locator('[data-severity="warning"] li').count()).toBeGreaterThan(0);
    const written = await generate(frame);
    expect(written.length).toBeGreaterThan(3);
    const after = excel.workbook.sheets.map((x) => x.name);
    for (const name of written) expect(after).toContain(name);
    expect(after).toEqual(expect.arrayContaining([...before, "ESG_History"]));
    for (const name of written) {
      const sheet = excel.workbook.sheets.find((x) => x.name === name);
      expect(sheet?.names.some((n) => n.name === "ESG_Generated")).toBe(true);
    }
    // Live formulas went through the wire and the model calculated them.
    const formulas = excel.workbook.sheets
      .filter((x) => written.includes(x.name))
      .flatMap((x) => [...x.cells.values()])
      .filter((c) => c.formula !== null);
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((c) => c.value === null)).toEqual([]);
    // The user's data is untouched.
    expect(fakeCell(excel, DATA_SHEET, "C25")).toMatchObject({ value: 29843800, formula: null });
    expect(s.host.richApi.unsupported).toEqual([]);
    expect(s.host.richApi.exchanges.filter((e) => e.error)).toEqual([]);
    expect(s.host.richApi.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(s.host.richApi.liveReferences).toBe(0);
    // One Generate is three requests (names, ranges, write) and no release request after them.
    const wire = s.host.richApi.exchanges.filter((e) => !e.service);
    expect(wire.filter((e) => e.releaseOnly)).toEqual([]);
    // The JS fake's request sizes for the same run are office.js's within 30 % (tests/fakes/excel/runtime.ts
    // models its serialisation), so the fake's 5 MB check sees what Excel on the web would see.
    const fake = await sampleExcel();
    await generateDisclosures({
      source: createOfficeHost(fake),
      now: new Date().toISOString(),
      language: "both",
      errors: { kind: "accept", note: "Accepted in the real-client end-to-end test" },
    });
    const real = wire.slice(-3).map((e) => e.requestBytes);
    expect(fake.runtime.requestBytes).toHaveLength(3);
    fake.runtime.requestBytes.forEach((bytes, i) => {
      expect(bytes / real[i]).toBeGreaterThan(0.7);
      expect(bytes / real[i]).toBeLessThan(1.3);
    });
    await s.close();
  }, 150_000);

  // Through office.js the 200-site read was one request of ≈ 9.5 MB before range-reads.ts read the names of a
  // sheet together as the areas that hold them and budgeted requests as well as responses (Excel on the web
  // refuses either over 5 MB). One Generate is then three requests: the names, the ranges, the write.
  it(
    "generates on the 200-site workbook with every request and response under Excel on the web's 5 MB",
    async () => {
      const excel = sitesExcel(200);
      const s = await open(excel);
      const frame = await s.paneReady(60_000);
      const written = await generate(frame, 120_000);
      expect(written.length).toBeGreaterThan(3);
      for (const name of written) expect(excel.workbook.sheets.map((x) => x.name)).toContain(name);
      const wire = s.host.richApi;
      expect(wire.exchanges.filter((e) => e.error)).toEqual([]);
      expect(wire.maxRequestBytes).toBeLessThanOrEqual(4_500_000);
      expect(wire.maxResponseBytes).toBeLessThanOrEqual(4_500_000);
      expect(workbookRequests(s)).toBeGreaterThan(0);
      expect(wire.exchanges.filter((e) => e.releaseOnly)).toEqual([]);
      await s.close();
    },
    200_000,
  );

  // The sample's configuration sheet must carry the add-in's marker, or the save refuses to replace it as
  // the user's own sheet (write-checks.ts): the xlsx host's writeInput marks it (the test failed before).
  it("saves the configuration in the workbook, and a fresh pane reads it back", async () => {
    const excel = await sampleExcel();
    const s = await open(excel);
    let frame = await s.paneReady();
    await showView(frame, "settings");
    await press(frame, frame.getByRole("radio", { name: "Leavers ÷ closing headcount" }));
    await press(frame, frame.getByRole("button", { name: "Save settings" }));
    await frame.getByText("Settings saved in the workbook").waitFor({ timeout: 30_000 });
    await s.close();
    expect(excel.workbook.names.some((n) => n.name === "ESG_Settings")).toBe(true);

    const again = await open(excel);
    frame = await again.paneReady();
    await showView(frame, "settings");
    expect(await frame.getByRole("radio", { name: "Leavers ÷ closing headcount" }).isChecked()).toBe(true);
    await again.close();
  }, 150_000);

  // The N-th write operation from now fails with GeneralException inside the write batch (the fake's
  // fault switch); office.js turns the error response into a RichApi.Error and the adapter recovers.
  it.each([1, 5, 200])(
    "leaves the workbook as it was when the host fails write operation %i",
    async (n) => {
      const excel = await sampleExcel();
      const s = await open(excel);
      const frame = await s.paneReady();
      const before = JSON.stringify(excel.snapshot());
      excel.runtime.failAt(n);
      await generate(frame);
      await frame.locator('[data-result="failed"]').getByText(GENERATION_FAILED).waitFor();
      expect(s.host.richApi.exchanges.filter((e) => e.error).map((e) => e.error)).toEqual([
        "GeneralException",
      ]);
      expect(JSON.stringify(excel.snapshot())).toBe(before);
      await s.close();
    },
    150_000,
  );

  // Since issue 12 a ribbon command does its work in the shared runtime without the pane and reports it in an
  // Office dialog (src/commands/commands.ts); the pane is then told to read the workbook again and shows Checks.
  // One session per command: Office shows one dialog at a time, and this one stays until its OK is pressed.
  it.each([
    ["checkData", /error/],
    // The sample has errors and a command never accepts them: nothing is written, the dialog says why.
    ["generateDisclosures", /^Not generated: the data has \d+ error/],
  ] as const)(
    "runs the ribbon's %s sent as appCommandInvoked: shows the pane, does the work, reports it in a dialog",
    async (action, said) => {
      const excel = await sampleExcel();
      const s = await open(excel);
      const frame = await s.paneReady();
      expect(s.host.events.has("appCommandInvoked")).toBe(true);
      const id = `standin-command-${action}`;
      const completed = () =>
        s.host.methodCalls.find(
          (c) =>
            c.dispatchId === DISPATCH.appCommandInvocationCompleted &&
            (c.data as Record<string, unknown>)["0"] === id,
        );
      // displayDialogAsync on the web registers for dialogMessageReceived with the dialog's address as target.
      const dialogs = () =>
        s.host.received
          .filter((m) => m._actionName === "dialogMessageReceived")
          .map((m) => new URL((JSON.parse((m._data as { targetId: string }).targetId) as { url: string }).url));
      const before = excel.workbook.sheets.map((x) => x.name);
      // The event payload: [appCommandId, callbackName (the manifest's FunctionName), event object as JSON]
      // (OSF.DDA.Marshaling.AppCommand.AppCommandInvokedEventKeys).
      await s.fire("appCommandInvoked", [id, action, JSON.stringify({ source: { id } })]);
      // event.completed() reaches the host as appCommandInvocationCompleted [id, status 0, event].
      await until(() => completed() !== undefined, 10_000);
      expect((completed()?.data as Record<string, unknown>)["1"]).toBe(0);
      await until(() => dialogs().length > 0, 30_000);
      expect(dialogs().map((u) => u.pathname)).toEqual(["/dialog.html"]);
      expect(dialogs()[0].searchParams.get("en")).toMatch(said);
      // The pane, told by the command, read the workbook again and shows the checks.
      await frame.waitForSelector("#checks-heading", { timeout: 30_000 });
      expect(excel.workbook.sheets.map((x) => x.name)).toEqual(before);
      // Office.addin.showAsTaskpane() on the web: the AppRuntime service is asked to make the pane visible.
      expect(s.host.richApi.serviceCalls).toContainEqual({
        service: "Microsoft.AppRuntime.AppRuntimeService",
        method: "setAppRuntimeState",
        args: ["Visible"],
      });
      await s.close();
    },
    120_000,
  );

  it("degrades on a host without ExcelApi 1.7+ sets and still generates", async () => {
    const excel = await sampleExcel("1.4");
    const s = await open(excel, { requirements: requirementMatrix("1.4") });
    const frame = await s.paneReady();
    const written = await generate(frame);
    expect(written.length).toBeGreaterThan(3);
    expect(s.host.richApi.exchanges.filter((e) => e.error)).toEqual([]);
    expect(s.host.richApi.unsupported).toEqual([]);
    await s.close();
  }, 150_000);

  it("sends no request off the machine and logs no error", () => {
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.flatMap((s) => s.outside)).toEqual([]);
    expect(sessions.flatMap((s) => s.problems)).toEqual([]);
  });
});
