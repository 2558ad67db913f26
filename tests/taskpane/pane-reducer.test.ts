import {
  initialPaneModel,
  paneReducer,
  type PaneEvent,
  type PaneModel,
} from "../../src/taskpane/pane-reducer";
import { seedRead } from "../support/seed-read";

const run = (events: PaneEvent[], start: PaneModel = initialPaneModel("en", "data")): PaneModel =>
  events.reduce(paneReducer, start);

describe("pane reducer", () => {
  it("a saved part's edits become the workbook's; the other part's edits stay", () => {
    const s = run([
      { type: "draft-name", metricId: "electricity", name: "Power" },
      { type: "settings", patch: { yoyTolerance: 0.5 } },
      { type: "config-saving", part: "mapping" },
      { type: "config-written", part: "mapping" },
      { type: "config-saved", part: "mapping" },
    ]);
    expect(s.draftMapping).toEqual({});
    expect(s.settings).toEqual({ yoyTolerance: 0.5 });
    expect(s.configSave).toEqual({ kind: "saved", part: "mapping" });
  });

  it("an edit after a save makes the save status idle again", () => {
    const s = run([
      { type: "config-saved", part: "settings" },
      { type: "settings", patch: { gridYear: 2022 } },
    ]);
    expect(s.configSave).toEqual({ kind: "idle" });
  });

  it("a blocked run shows the fresh read and leaves the phase idle; a done run keeps its result", () => {
    const read = seedRead();
    const blocked = run([
      { type: "generate-progress", progress: 0.35 },
      { type: "generate-blocked", read },
    ]);
    expect(blocked.phase).toEqual({ kind: "idle" });
    expect(blocked.read).toBe(read);
    const done = run([{ type: "generate-done", result: { written: ["A"], replaced: [] }, read }]);
    expect(done.phase).toEqual({ kind: "done", result: { written: ["A"], replaced: [] } });
  });

  it("only a requested read clears a load error", () => {
    const read = seedRead();
    const failed = run([{ type: "load-failed", message: "no sheet" }]);
    expect(paneReducer(failed, { type: "read", read }).loadError).toBe("no sheet");
    expect(paneReducer(failed, { type: "loaded", read }).loadError).toBeNull();
  });

  it("switches language and view", () => {
    const s = run([{ type: "toggle-lang" }, { type: "tab", tab: "kpis" }]);
    expect([s.lang, s.tab]).toEqual(["zh-HK", "kpis"]);
  });
});
