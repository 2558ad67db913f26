/**
 * The custom functions through Excel's own custom-functions runtime (excel-web-16.00.js), in the built
 * shared runtime (dist/taskpane.html with functions.js), inside the stand-in Excel on the web.
 *
 * The host script is served 0, 300 or 1,000 ms late: office.js loads it asynchronously, and the
 * deferred functions.js may run before it (office-js-protocol.md, "Custom functions and script order").
 * In every case all the functions of dist/functions.json must be associated, and Excel's invocation
 * must reach them: the stand-in sends an invocation as the host does — a `richApiMessage` event with
 * entries [messageCategory 1, messageType 1000, …, message [invocationId, functionName, parameterValues,
 * address, flags]] (CustomFunctionProxy._handleMessage / _batchInvocationEntries, excel-web-16.00.debug.js
 * ≈ 62600) — and reads the results the runtime sends back with `SetInvocationResults` on the
 * Microsoft.ExcelServices.CustomFunctions service (≈ 62988).
 *
 * Issue 12 fixed src/functions/runtime.ts (it bound a no-op `associate` when `CustomFunctions.Error` was
 * missing at load, i.e. when functions.js ran before the host script: 0 of 11 associated at 300 and
 * 1,000 ms, and in some runs at 0 ms). Reverting that fix makes these cases fail (seen in issue 16).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser } from "playwright-core";
import { DIST, ensureBuilt, haveChromium, launch, StandIn } from "./standin/harness";
import { sampleExcel } from "./standin/workbooks";

if (!haveChromium) console.warn("real-client custom functions skipped: /usr/bin/chromium is missing.");
const maybe = haveChromium ? describe : describe.skip;

interface InvocationResult {
  id: number;
  value: unknown;
  failed?: boolean;
  errorCode?: number;
}

async function until<T>(get: () => T | undefined, timeout: number): Promise<T | undefined> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = get();
    if (v !== undefined || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An invocation entry as the host sends it (message: invocationId, functionName, parameterValues, address, flags). */
function invocation(
  id: number,
  functionName: string,
  parameterValues: unknown[],
  address: string,
): unknown[] {
  return [1, 1000, "", JSON.stringify([id, functionName, parameterValues, address, 0]), id, false];
}

maybe("custom functions on Excel's own runtime, in a stand-in Excel on the web", () => {
  let browser: Browser;
  let ids: string[];

  beforeAll(async () => {
    ensureBuilt();
    ids = (
      JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] }
    ).functions.map((f) => f.id);
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function run(delay: number): Promise<void> {
    const s = await StandIn.open(browser, { excel: await sampleExcel(), hostScriptDelayMs: delay });
    try {
      const frame = await s.paneReady();
      const associated = (await frame.evaluate(
        "Object.keys(CustomFunctions._association.mappings)",
      )) as string[];
      // The runtime told the host it is ready for custom functions.
      expect(s.host.richApi.serviceCalls.map((c) => c.method)).toContain(
        "_SetOsfControlContainerReadyForCustomFunctions",
      );
      expect(s.host.events.has("richApiMessage")).toBe(true);

      // Excel calls =ESG.INTENSITY(A1:B1, C1:D1) (a spilling range) and =ESG.UNITCONVERT(1, "MWh", "kWh").
      await s.fire("richApiMessage", {
        ArrayData: [
          invocation(1, "INTENSITY", [[[1200, 300]], [[4, 0]], null], "Sheet1!E1"),
          invocation(2, "UNITCONVERT", [[[1]], [["MWh"]], [["kWh"]]], "Sheet1!E2"),
        ],
      });
      const results = await until(() => {
        const call = s.host.richApi.serviceCalls.find((c) => c.method === "setInvocationResults");
        return call ? (call.args[0] as InvocationResult[]) : undefined;
      }, 10_000);

      expect([...associated].sort()).toEqual([...ids].sort());
      const byId = new Map((results ?? []).map((r) => [r.id, r]));
      // 1200 ÷ 4 = 300; 300 ÷ 0 is Excel's #DIV/0!, spilled beside it.
      expect(byId.get(1)).toMatchObject({ value: [[300, { type: "Error", basicValue: "#DIV/0!" }]] });
      expect(byId.get(1)?.failed).toBeUndefined();
      expect(byId.get(2)).toMatchObject({ value: [[1000]] });
      expect(s.outside).toEqual([]);
    } finally {
      await s.close();
    }
  }

  it("associates every function and answers Excel's invocations (host script on time)", () => run(0), 90_000);

  for (const delay of [300, 1000]) {
    it(
      `associates every function and answers Excel's invocations (host script ${delay} ms late)`,
      () => run(delay),
      90_000,
    );
  }
});
