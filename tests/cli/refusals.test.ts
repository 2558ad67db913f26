/**
 * The command line refuses what it cannot mean in one line with exit 2, before reading anything; errors
 * name the user's path, never a temporary file; a reader that goes away (| head) ends it quietly.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EventEmitter } from "events";
import { endQuietlyOnEpipe } from "../../src/cli/output";
import { buildXlsx } from "../workbook/fixtures";
import { ROOT, runChild, runInProcess, runIntoClosedPipe } from "./run";

const SAMPLE = join(ROOT, "examples", "sample-esg-2024.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "esg-refuse-"));

function oneLine(r: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
}

describe("generate refuses, in one line and exit 2", () => {
  const input = join(tmp, "main.xlsx");
  beforeAll(() => copyFileSync(SAMPLE, input));

  test("unknown sections", async () => {
    oneLine(
      await runInProcess(["generate", input, "--sections", "X9,A1"]),
      /^esg: unknown section X9 .*known: A1, A2/,
    );
    oneLine(await runInProcess(["generate", input, "--sections", "B4"]), /unknown section B4/);
    expect(existsSync(join(tmp, "main-disclosures.xlsx"))).toBe(false);
  });

  test("--in-place with --out", async () => {
    const before = readFileSync(input);
    oneLine(
      await runInProcess(["generate", input, "--in-place", "--out", join(tmp, "x.xlsx")]),
      /--in-place .* --out/,
    );
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(existsSync(join(tmp, "x.xlsx"))).toBe(false);
  });

  test("an output that is the input through a symbolic link, or through ..", async () => {
    const link = join(tmp, "link.xlsx");
    symlinkSync(input, link);
    const before = readFileSync(input);
    oneLine(await runInProcess(["generate", link, "--out", input]), /is the input file .*--in-place/);
    oneLine(await runInProcess(["generate", input, "--out", link]), /is the input file/);
    oneLine(
      await runInProcess(["generate", input, "--out", join(tmp, "sub", "..", "main.xlsx")]),
      /is the input file/,
    );
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("an output name without .xlsx or .xlsm", async () => {
    oneLine(await runInProcess(["generate", input, "--out", join(tmp, "o.txt")]), /must end in \.xlsx/);
    oneLine(await runInProcess(["template", "--out", join(tmp, "t.csv")]), /must end in \.xlsx/);
    expect(existsSync(join(tmp, "o.txt"))).toBe(false);
  });

  test("an .xlsm output for a workbook without macros, and an .xlsx one for a workbook with them", async () => {
    oneLine(
      await runInProcess(["generate", input, "--out", join(tmp, "o.xlsm")]),
      /must end in \.xlsx.* holds no macros/,
    );
  });

  test("a folder that cannot be written: the message names the user's path, not a temporary file", async () => {
    const blocker = join(tmp, "a-file");
    writeFileSync(blocker, "not a folder");
    const out = join(blocker, "nested", "o.xlsx");
    const r = await runInProcess(["generate", input, "--out", out]);
    oneLine(r, /^esg: could not write .*a-file\/nested\/o\.xlsx: /);
    expect(r.stderr).not.toMatch(/\.tmp|internal error/);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the process", () => {
  test("--version", () => {
    const r = runChild(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version,
    );
  });

  test("a reader that has gone away (| head, | true) ends esg quietly with its usual exit code", async () => {
    // Enough names that the output is far larger than a pipe's buffer.
    const names = Array.from({ length: 4000 }, (_, i) => ({
      name: `Name_${i}`,
      scope: null,
      refersTo: `D!$A$${i + 1}`,
    }));
    const file = join(tmp, "many.xlsx");
    writeFileSync(file, await buildXlsx({ sheets: [{ name: "D", cells: { A1: 1 } }], names }));
    const r = runIntoClosedPipe(["names", file]);
    expect(r).toEqual({ code: 0, stderr: "" });
  });

  test("check | true on a workbook with errors: quiet, and still exit 1 (its usual code)", async () => {
    // 1,500 unusable ESG_Factors rows: an error finding each, far more output than a pipe holds.
    const header = ["id", "value", "unit", "gas", "kind", "key", "source", "published", "data year", "geography", "series"];
    const cells: Record<string, string | number> = Object.fromEntries(header.map((h, i) => [`${String.fromCharCode(65 + i)}1`, h]));
    for (let r = 2; r <= 1500; r++) Object.assign(cells, { [`A${r}`]: `bad${r}`, [`B${r}`]: "not a number" });
    const file = join(tmp, "errors.xlsx");
    writeFileSync(
      file,
      await buildXlsx({
        sheets: [{ name: "D", cells: { B2: 1 } }, { name: "ESG_Config", cells }],
        names: [
          { name: "Electricity", scope: null, refersTo: "D!$B$2" },
          { name: "ESG_Factors", scope: null, refersTo: "ESG_Config!$A$1:$K$1500" },
        ],
      }),
    );
    expect(runChild(["check", file]).stdout.length).toBeGreaterThan(1 << 20);
    expect(runIntoClosedPipe(["check", file])).toEqual({ code: 1, stderr: "" });
    expect(runIntoClosedPipe(["check", "--json", file])).toEqual({ code: 1, stderr: "" });
  }, 60_000);

  test("check prints each finding's hint, wrapped to the width (100 columns in a pipe)", () => {
    const r = runChild(["check", join(ROOT, "examples", "synthetic-sites.xlsx")]);
    expect(r.stdout).toMatch(/\n {4}hint: /);
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe("EPIPE", () => {
  test("an EPIPE on stdout ends the process with its exit code, anything else is still an error", () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    endQuietlyOnEpipe(stream, (code) => exits.push(code));
    stream.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    expect(exits).toEqual([0]);
    expect(() => stream.emit("error", Object.assign(new Error("boom"), { code: "EIO" }))).toThrow("boom");
  });
});
