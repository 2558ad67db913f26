/** The ribbon commands and the action registry the task pane registers into. */
import {
  ACTION_IDS,
  isPending,
  onActionError,
  registerAction,
  requestAction,
} from "../../src/commands/actions";
import { associateCommands, runCommand, type OfficeForCommands } from "../../src/commands/commands";

function fakeOffice(show: () => Promise<void> = () => Promise.resolve()) {
  const associated = new Map<string, (event: any) => void>();
  const office: OfficeForCommands = {
    actions: { associate: (id, fn) => void associated.set(id, fn) },
    addin: { showAsTaskpane: jest.fn(show) },
  };
  return { office, associated };
}

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
    associateCommands(office);
    expect([...associated.keys()].sort()).toEqual([...ACTION_IDS].sort());
  });

  it("opens the task pane, requests the action and completes the event", async () => {
    const { office, associated } = fakeOffice();
    associateCommands(office);
    const handler = jest.fn();
    const off = registerAction("generateDisclosures", handler);
    const event = { completed: jest.fn() };
    associated.get("generateDisclosures")!(event);
    await flush();
    expect(office.addin.showAsTaskpane).toHaveBeenCalled();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    off();
  });

  it("still requests the action and completes when the pane cannot be shown", async () => {
    const { office } = fakeOffice(() => Promise.reject(new Error("no pane")));
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const event = { completed: jest.fn() };
    await runCommand(office, "checkData", event);
    expect(isPending("checkData")).toBe(true);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    registerAction("checkData", () => undefined)();
  });
});
