import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { namesText } from "../../src/cli/commands/names";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { buildXlsx, CONTRACT_FIXTURE } from "../workbook/fixtures";
import { ROOT, runChild, runInProcess } from "./run";

const SAMPLE = join(ROOT, "examples", "sample-esg-2024.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "esg-cli-"));

describe("esg names", () => {
  test("--json prints exactly the issue's shape", async () => {
    const file = join(tmp, "fixture.xlsx");
    writeFileSync(file, await buildXlsx(CONTRACT_FIXTURE));
    const r = await runInProcess(["names", file, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as { names: Record<string, unknown>[] };
    for (const n of json.names)
      expect(Object.keys(n)).toEqual(["name", "scope", "refersTo", "status", "sheet", "address", "values"]);
    expect(json.names.filter((n) => n.name === "Headcount").map((n) => n.scope)).toEqual([
      "Site A",
      "Site B",
      null,
    ]);
    expect(json.names.find((n) => n.name === "Union")).toMatchObject({ status: "multi-area", values: null });
  });

  test("a human table", async () => {
    const r = await runInProcess(["names", SAMPLE]);
    expect(r.stdout).toMatch(/^name\s+scope\s+status\s+refers to\s+values/);
    expect(r.stdout).toMatch(/Electricity\s+\(workbook\)\s+ok/);
  });

  test("a note saying why a name was not read is printed whole, wrapped to the width, and marked in its row", async () => {
    const missing = "Emissions by site and by reporting year (old layout)";
    const file = join(tmp, "long-note.xlsx");
    writeFileSync(
      file,
      await buildXlsx({
        sheets: [{ name: "Data", cells: { A1: 1 } }],
        names: [
          { name: "Old", scope: null, refersTo: `'${missing}'!$A$1` },
          { name: "One", scope: null, refersTo: "Data!$A$1" },
        ],
      }),
    );
    const note = `sheet "${missing}" does not exist`;
    const joined = (text: string): string => text.replace(/\n {3,}/g, " ");
    // Piped (jest's stdout is no terminal): 100 columns.
    const r = await runInProcess(["names", file]);
    expect(r.stdout).toMatch(/^Old\s+\(workbook\)\s+broken\s+.*\(note 1\)$/m);
    expect(r.stdout).toMatch(/^One\s+\(workbook\)\s+ok\s+Data!\$A\$1\s+1$/m);
    expect(joined(r.stdout)).toContain(`notes:\n  1. Old: ${note}`);
    // On a terminal of 40 columns: the same note, wrapped, no line wider than the terminal.
    const narrow = namesText(await (await XlsxHost.open(file)).read(), 40);
    expect(joined(narrow)).toContain(`1. Old: ${note}`);
    const notes = narrow.slice(narrow.indexOf("notes:")).split("\n");
    expect(notes.length).toBeGreaterThan(2);
    for (const line of notes) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe("esg check and kpis", () => {
  test("check --json shape; exit 1 on the sample: Scope 1 lacks the process emissions, and women's share of the trained exceeds the headcounts", async () => {
    const r = await runInProcess(["check", SAMPLE, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings)
      expect(Object.keys(f)).toEqual(["rule", "severity", "metric", "kpi", "location", "message", "hint"]);
    // Women at 17% of the 328 trained imply more men trained than the 270 male employees.
    expect(json.findings.some((f) => f.rule === "ratio.implied-count")).toBe(true);
    expect(json.findings.filter((f) => f.severity === "error").map((f) => f.rule).sort()).toEqual(["process.missing", "ratio.implied-count"]);
  });

  test("check exits 1 when it finds errors", async () => {
    const file = join(tmp, "bad.xlsx");
    writeFileSync(
      file,
      await buildXlsx({
        sheets: [{ name: "D", cells: { A1: "x", B1: -5, B2: "lots" } }],
        names: [
          { name: "Electricity", scope: null, refersTo: "D!$B$2" },
          { name: "Production", scope: null, refersTo: "#REF!" },
        ],
      }),
    );
    const r = await runInProcess(["check", file, "--json"]);
    const json = JSON.parse(r.stdout) as { findings: { severity: string }[] };
    expect(json.findings.some((f) => f.severity === "error")).toBe(true);
    expect(r.code).toBe(1);
  });

  test("kpis --json holds the published intensities", async () => {
    const r = await runInProcess(["kpis", SAMPLE, "--json"]);
    const { kpis } = JSON.parse(r.stdout) as { kpis: { id: string; value: number | null }[] };
    const electricity = kpis.find(
      (k) => k.id.startsWith("A2.1") && k.id.includes("electricity") && k.id.includes("intensity"),
    );
    expect(electricity?.value).toBeCloseTo(2366.1, 1);
  });
});

describe("esg generate", () => {
  test("writes <input>-disclosures.xlsx and never touches the input", async () => {
    const input = join(tmp, "book.xlsx");
    copyFileSync(SAMPLE, input);
    const before = readFileSync(input);
    const r = await runInProcess(["generate", input, "--lang", "en", "--sections", "A2,B1"]);
    expect(r.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    const out = join(tmp, "book-disclosures.xlsx");
    expect(existsSync(out)).toBe(true);
    const read = await (await XlsxHost.open(out)).read();
    // The sample's configuration sheet (the add-in's, marked), A2, B1, index, history.
    expect(read.sheets.filter((s) => s.generated).map((s) => s.name)).toHaveLength(5);
  });

  test("--out equal to the input is refused; --in-place replaces it", async () => {
    const input = join(tmp, "inplace.xlsx");
    copyFileSync(SAMPLE, input);
    expect((await runInProcess(["generate", input, "--out", input])).code).toBe(2);
    expect((await runInProcess(["generate", input, "--in-place", "--values-only"])).code).toBe(0);
    const read = await (await XlsxHost.open(input)).read();
    expect(read.sheets.some((s) => s.generated)).toBe(true);
  });

  test("--sheets-only writes just the generated sheets", async () => {
    const out = join(tmp, "only.xlsx");
    const r = await runInProcess(["generate", SAMPLE, "--sheets-only", "--out", out]);
    expect(r.code).toBe(0);
    const read = await (await XlsxHost.open(out)).read();
    expect(read.sheets.every((s) => s.generated)).toBe(true);
  });
});

describe("bad input: one line on stderr, exit 2, no stack trace", () => {
  const cases: [string, string | (() => Promise<string>), RegExp][] = [
    ["missing", join(tmp, "nope.xlsx"), /no such file/],
    [
      "not a zip",
      async () => (writeFileSync(join(tmp, "a.xlsx"), "hello"), join(tmp, "a.xlsx")),
      /not an \.xlsx workbook/,
    ],
    [
      "encrypted",
      async () => {
        const f = join(tmp, "enc.xlsx");
        writeFileSync(
          f,
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(512),
            Buffer.from("EncryptionInfo", "utf16le"),
          ]),
        );
        return f;
      },
      /password-protected/,
    ],
    [
      "damaged",
      async () => (
        writeFileSync(join(tmp, "d.xlsx"), readFileSync(SAMPLE).subarray(0, 3000)),
        join(tmp, "d.xlsx")
      ),
      /damaged/,
    ],
  ];
  test.each(cases)("%s", async (_label, file, message) => {
    const path = typeof file === "string" ? file : await file();
    for (const command of ["names", "check", "kpis", "generate"]) {
      const r = await runInProcess([command, path]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  test("as a process: exit code 2 and one line, also for a usage mistake", () => {
    const r = runChild(["names", join(tmp, "nope.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^esg: .*no such file$/)]);
    expect(r.stdout).toBe("");
    expect(runChild(["frobnicate"]).code).toBe(2);
  });
});

describe("esg template and demo", () => {
  test("template holds every default name, readable by check", async () => {
    const out = join(tmp, "template.xlsx");
    expect((await runInProcess(["template", "--out", out])).code).toBe(0);
    const read = await (await XlsxHost.open(out)).read();
    const { METRICS } = await import("../../src/esg/metrics");
    const names = new Set(read.names.map((n) => n.name));
    for (const m of METRICS) expect(names.has(m.defaultName)).toBe(true);
    expect(read.sheets.map((s) => s.name)).toEqual([
      "Instructions 說明",
      "ESG Data 數據",
      "Disclosures 披露說明",
    ]);
    expect(names.has("ESG_Disclosures")).toBe(true);
    expect(read.sheets.some((s) => s.generated)).toBe(false);
  });

  test("demo writes out/sample-esg-2024-disclosures.xlsx and a summary", async () => {
    const out = join(tmp, "demo.xlsx");
    const r = await runInProcess(["demo", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ errors, \d+ warnings, \d+ notes/);
    expect(r.stdout).toMatch(/wrote .*demo\.xlsx: 11 sheets/);
  });
});
