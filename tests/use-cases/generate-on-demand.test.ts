/**
 * The task pane and the ribbon commands fetch the generate use case on demand (webpack chunk
 * generate.js): a fetch that fails is a failed generation that writes nothing, and the next press
 * fetches again.
 */
import { generateDisclosures } from "../../src/commands/headless";
import { loadGenerate } from "../../src/use-cases/generate-on-demand";
import { seedReadClean } from "../support/seed-read";
import { memoryHost } from "../taskpane/memory-host";

// How many of the next fetches of the chunk fail, as when the add-in's server cannot be reached.
let mockChunkFailures = 0;
jest.mock("../../src/use-cases/generate", () => {
  if (mockChunkFailures > 0) {
    mockChunkFailures -= 1;
    throw new Error("Loading chunk generate failed.");
  }
  return jest.requireActual("../../src/use-cases/generate");
});

jest.setTimeout(60_000);

const NOW = "2026-03-31T09:00:00.000Z";

describe("the generate use case on demand", () => {
  it("is the use case every front end runs", async () => {
    const { generateDisclosures: direct } = await import("../../src/use-cases/generate");
    expect(await loadGenerate()).toBe(direct);
  });

  it("reports a chunk that cannot be fetched as a failed generation, and fetches it again on the next press", async () => {
    jest.resetModules(); // the use case fetched again, as by a page that has not loaded it yet
    const host = memoryHost(seedReadClean());
    mockChunkFailures = 1;
    expect(await generateDisclosures(host.workbook, NOW)).toEqual({
      kind: "failed",
      en: "Generation failed; the workbook is as it was: Loading chunk generate failed.",
      zh: "編製失敗，活頁簿維持原狀：Loading chunk generate failed.",
    });
    expect(host.writes).toHaveLength(0);
    const again = await generateDisclosures(host.workbook, NOW);
    expect(again.kind).toBe("done");
    expect(host.writes).toHaveLength(1);
  });
});
