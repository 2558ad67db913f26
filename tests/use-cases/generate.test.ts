import type { HistoryEntry, SheetModel, WorkbookRead } from "../../src/esg/types";
import { generateDisclosures, type GenerateStep } from "../../src/use-cases/generate";
import type { WorkbookHost } from "../../src/workbook/types";
import { item, seedReadClean } from "../support/seed-read";

const NOW = "2026-03-31T09:30:00.000Z";

/** A host over a fixed read that records its writes. */
function recordingHost(read: WorkbookRead, kind: WorkbookHost["kind"] = "office") {
  const writes: { sheets: readonly SheetModel[]; history: HistoryEntry }[] = [];
  const host: WorkbookHost = {
    kind,
    read: async () => read,
    write: async (sheets, history) => {
      writes.push({ sheets, history });
      return { written: sheets.map((s) => s.name), replaced: [] };
    },
  };
  return { host, writes };
}

/** The seed figures with a negative electricity figure: one error. */
const withError = (): WorkbookRead => {
  const read = seedReadClean();
  return {
    ...read,
    names: read.names.map((n) => (n.name === "Electricity" ? item("Electricity", "Data", 5, 1, [[-5]]) : n)),
  };
};

describe("generate use case", () => {
  it("reads, computes, records and writes, in that order, with the options given", async () => {
    const { host, writes } = recordingHost(seedReadClean());
    const steps: GenerateStep[] = [];
    const outcome = await generateDisclosures({
      source: host,
      now: NOW,
      sections: ["A2", "B1"],
      language: "en",
      errors: { kind: "block" },
      onStep: (s) => void steps.push(s),
    });
    expect(steps).toEqual(["reading", "computing", "recording", "writing"]);
    expect(outcome.kind).toBe("written");
    expect(writes).toHaveLength(1);
    const { history, sheets } = writes[0];
    expect(history).toMatchObject({
      at: NOW,
      host: "office",
      sections: ["A2", "B1"],
      language: "en",
      valuesOnly: false,
    });
    expect(history.acceptedErrors).toBeUndefined();
    expect(history.sheets).toEqual(sheets.map((s) => s.name));
    expect(history.sourceNames).toContain("Electricity");
  });

  it("stops before writing when errors are found and the gate blocks", async () => {
    const { host, writes } = recordingHost(withError());
    const steps: GenerateStep[] = [];
    const outcome = await generateDisclosures({
      source: host,
      now: NOW,
      errors: { kind: "block" },
      onStep: (s) => void steps.push(s),
    });
    expect(outcome.kind).toBe("blocked");
    expect(outcome.errors).toBe(1);
    expect(steps).toEqual(["reading", "computing"]);
    expect(writes).toHaveLength(0);
  });

  it("writes accepted errors with their note into the history, to the target when there is one", async () => {
    const source = recordingHost(withError(), "office");
    const target = recordingHost(seedReadClean(), "xlsx");
    let valuesOnly: boolean | null = null;
    const outcome = await generateDisclosures({
      source: source.host,
      target: target.host,
      now: NOW,
      valuesOnly: true,
      errors: { kind: "accept", note: "Meter reading confirmed" },
      beforeWrite: (run) => (valuesOnly = run.options.valuesOnly),
    });
    expect(outcome.kind).toBe("written");
    expect(valuesOnly).toBe(true);
    expect(source.writes).toHaveLength(0);
    expect(target.writes[0].history).toMatchObject({
      host: "xlsx",
      valuesOnly: true,
      acceptedErrors: { count: 1, note: "Meter reading confirmed" },
    });
  });
});
