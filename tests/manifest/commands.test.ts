/** The ribbon commands and the action registry the task pane registers into. */
import {
  ACTION_IDS,
  isPending,
  notifyAction,
  onActionError,
  registerAction,
  requestAction,
} from "../../src/commands/actions";
import {
  associateCommands,
  runCommand,
  type CommandEnvironment,
  type OfficeForCommands,
} from "../../src/commands/commands";
import { dialogUrl, type DialogResult } from "../../src/commands/report";
import { createOfficeHost } from "../../src/workbook/office";
import { createFakeExcel, type FakeExcel } from "../fakes/excel";

/** A workbook whose one figure is fine (no errors) or negative (an error the engine refuses to publish). */
function workbook(electricity: number): FakeExcel {
  return createFakeExcel({
    sheets: [{ name: "Data", cells: { A1: electricity } }],
    names: [{ name: "Electricity", refersTo: "Data!$A$1" }],
  });
}

function fakeOffice(options: { show?: () => Promise<void>; dialog?: (url: string) => DialogResult } = {}) {
  const associated = new Map<string, (event: any) => void>();
  const dialogs: string[] = [];
  const office: OfficeForCommands = {
    actions: { associate: (id, fn) => void associated.set(id, fn) },
    addin: { showAsTaskpane: jest.fn(options.show ?? (() => Promise.resolve())) },
    context: {
      ui: {
        displayDialogAsync: (url, _options, callback) => {
          dialogs.push(url);
          const close = jest.fn();
          callback(
            options.dialog
              ? options.dialog(url)
              : { status: "succeeded", value: { close, addEventHandler: () => undefined } },
          );
        },
      },
    },
  };
  return { office, associated, dialogs };
}

function env(excel: FakeExcel): CommandEnvironment {
  return {
    workbook: () => createOfficeHost(excel),
    pageUrl: "https://esg.example.com/addin/taskpane.html?_host_Info=Excel",
    now: () => "2025-03-31T00:00:00.000Z",
  };
}

/** The English text a dialog URL carries. */
const shownText = (url: string): string => new URL(url).searchParams.get("en") ?? "";

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("action registry", () => {
  it("runs a registered handler at once, and stops after unregistering", () => {
    const handler = jest.fn();
    const off = registerAction("checkData", handler);
    expect(requestAction("checkData")).toBe("ran");
    expect(handler).toHaveBeenCalledTimes(1);
    off();
    expect(requestAction("checkData")).toBe("queued");
    expect(handler).toHaveBeenCalledTimes(1);
    // the queued request runs when the pane registers again, once however often the button was pressed
    requestAction("checkData");
    const next = jest.fn();
    const off2 = registerAction("checkData", next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(isPending("checkData")).toBe(false);
    off2();
  });

  it("keeps a request made before the pane mounts and runs it when the handler arrives", () => {
    expect(requestAction("generateDisclosures")).toBe("queued");
    expect(isPending("generateDisclosures")).toBe(true);
    const handler = jest.fn();
    const off = registerAction("generateDisclosures", handler);
    expect(handler).toHaveBeenCalledTimes(1);
    off();
  });

  it("reports a handler's error or rejection instead of throwing", async () => {
    const report = jest.fn();
    onActionError(report);
    const off1 = registerAction("checkData", () => {
      throw new Error("boom");
    });
    expect(() => requestAction("checkData")).not.toThrow();
    off1();
    const off2 = registerAction("checkData", () => Promise.reject(new Error("later")));
    requestAction("checkData");
    await flush();
    off2();
    expect(report.mock.calls.map(([id, e]) => [id, (e as Error).message])).toEqual([
      ["checkData", "boom"],
      ["checkData", "later"],
    ]);
  });

  it("shares one registry across bundles through the global object", () => {
    const g = globalThis as any;
    expect(g.__esgDisclosureAddinActions.handlers).toBeInstanceOf(Map);
  });
});

describe("ribbon commands", () => {
  it("associates every action id the manifest's buttons name", () => {
    const { office, associated } = fakeOffice();
    associateCommands(office, env(workbook(5)));
    expect([...associated.keys()].sort()).toEqual([...ACTION_IDS].sort());
  });

  it("checks the data without the pane and shows the result in a dialog on the add-in's origin", async () => {
    // showAsTaskpane resolves but shows nothing (Marketplace add-ins since 23 February 2026).
    const { office, dialogs } = fakeOffice();
    const event = { completed: jest.fn() };
    const outcome = await runCommand(office, "checkData", event, env(workbook(-5)));
    expect(office.addin.showAsTaskpane).toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(outcome?.kind).toBe("attention");
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0]);
    expect(url.origin + url.pathname).toBe("https://esg.example.com/addin/dialog.html");
    expect(shownText(dialogs[0])).toMatch(/^Checked: 1 error\(s\)/);
    expect(url.searchParams.get("zh")).toMatch(/^已檢查：1 項錯誤/);
  });

  it("generates the disclosures without the pane and reports the sheets written", async () => {
    const excel = workbook(5);
    const { office, dialogs } = fakeOffice({ show: () => Promise.reject(new Error("no pane")) });
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const outcome = await runCommand(office, "generateDisclosures", { completed: jest.fn() }, env(excel));
    spy.mockRestore();
    expect(outcome?.kind).toBe("done");
    expect(shownText(dialogs[0])).toMatch(/^Generated \d+ sheet\(s\), 0 replaced: /);
    expect(excel.workbook.sheets.length).toBeGreaterThan(2);
  });

  it("writes nothing while the data has errors, and says how to go on", async () => {
    const excel = workbook(-5);
    const before = excel.snapshot();
    const { office, dialogs } = fakeOffice();
    const outcome = await runCommand(office, "generateDisclosures", { completed: jest.fn() }, env(excel));
    expect(outcome?.kind).toBe("attention");
    expect(shownText(dialogs[0])).toMatch(/Not generated: the data has 1 error\(s\)\. Open the ESG pane/);
    expect(excel.snapshot()).toEqual(before);
  });

  it("reports a failed read as a failure, never throws, and completes the event", async () => {
    const excel = workbook(5);
    excel.runtime.apiVersion = "1.3"; // below the adapter's minimum: the read is refused
    const { office, dialogs } = fakeOffice();
    const event = { completed: jest.fn() };
    const outcome = await runCommand(office, "checkData", event, env(excel));
    expect(outcome?.kind).toBe("failed");
    expect(shownText(dialogs[0])).toMatch(/^The check failed: /);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("tells a mounted pane to read the workbook again, and queues nothing when there is none", async () => {
    const { office } = fakeOffice();
    await runCommand(office, "generateDisclosures", { completed: jest.fn() }, env(workbook(5)));
    expect(isPending("checkData")).toBe(false);
    const refresh = jest.fn();
    const off = registerAction("checkData", refresh);
    await runCommand(office, "generateDisclosures", { completed: jest.fn() }, env(workbook(5)));
    expect(refresh).toHaveBeenCalledTimes(1);
    off();
  });

  it("ignores a second press while the action runs", async () => {
    const { office, dialogs } = fakeOffice();
    const e = env(workbook(5));
    const second = { completed: jest.fn() };
    const [first, again] = await Promise.all([
      runCommand(office, "checkData", { completed: jest.fn() }, e),
      runCommand(office, "checkData", second, e),
    ]);
    expect(first?.kind).toBe("done");
    expect(again).toBeNull();
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toHaveLength(1);
  });

  it("survives a dialog that cannot open (another one is open: 12007), leaving the outcome in the console", async () => {
    const { office } = fakeOffice({
      dialog: () => ({
        status: "failed",
        error: { code: 12007, message: "A dialog box is already opened." },
      }),
    });
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(
      runCommand(office, "checkData", { completed: jest.fn() }, env(workbook(5))),
    ).resolves.toMatchObject({
      kind: "done",
    });
    expect(spy.mock.calls[0][0]).toMatch(/^ESG add-in: Checked:/);
    spy.mockRestore();
  });

  it("puts the outcome in the dialog page's query string, both languages", () => {
    const url = dialogUrl("https://localhost:3000/taskpane.html", { kind: "done", en: "A & B", zh: "甲 乙" });
    expect(url).toBe("https://localhost:3000/dialog.html?kind=done&en=A+%26+B&zh=%E7%94%B2+%E4%B9%99");
  });
});

describe("notifyAction", () => {
  it("runs a registered handler and never queues", () => {
    expect(notifyAction("generateDisclosures")).toBe(false);
    expect(isPending("generateDisclosures")).toBe(false);
    const h = jest.fn();
    const off = registerAction("generateDisclosures", h);
    expect(notifyAction("generateDisclosures")).toBe(true);
    expect(h).toHaveBeenCalledTimes(1);
    off();
  });
});
