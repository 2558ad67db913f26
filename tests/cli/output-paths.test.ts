/**
 * Output paths (issue 15): an existing output is replaced only with --force, a second writer of the
 * same output fails in one line, a killed run leaves neither a temporary file nor a lock, a replaced
 * file keeps its permissions and a link is written through; --json through a slow pipe arrives whole.
 */
import { spawn } from "child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { hostname, tmpdir } from "os";
import { join } from "path";
import { escapeControls } from "../../src/cli/output";
import { processStart } from "../../src/workbook/xlsx/save";
import { ROOT, runChild } from "./run";

const SAMPLE = join(ROOT, "examples", "sample-esg-2024.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "esg-paths-"));
const leftovers = (): string[] => readdirSync(tmp).filter((f) => /\.tmp$|esg-lock$/.test(f));

function oneLine(r: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
}

describe("an existing output", () => {
  test("template --out over a workbook is refused without --force, replaced with it", () => {
    const book = join(tmp, "book.xlsx");
    copyFileSync(SAMPLE, book);
    oneLine(runChild(["template", "--out", book]), /book\.xlsx already exists: add --force/);
    expect(readFileSync(book).equals(readFileSync(SAMPLE))).toBe(true);
    expect(runChild(["template", "--out", book, "--force"]).code).toBe(0);
    expect(readFileSync(book).equals(readFileSync(SAMPLE))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  test("generate --out over an existing file is refused without --force", () => {
    const out = join(tmp, "taken.xlsx");
    writeFileSync(out, "keep me");
    oneLine(runChild(["generate", SAMPLE, "--out", out]), /taken\.xlsx already exists: add --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(runChild(["generate", SAMPLE, "--out", out, "--force"]).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("the default output", () => {
  test("a plain generate does not replace its own earlier <input>-disclosures.xlsx without --force", () => {
    const book = join(tmp, "plain.xlsx");
    copyFileSync(SAMPLE, book);
    const out = join(tmp, "plain-disclosures.xlsx");
    expect(runChild(["generate", book, "--sections", "A2"]).code).toBe(0);
    const first = readFileSync(out);
    oneLine(
      runChild(["generate", book]),
      /plain-disclosures\.xlsx already exists: add --force to replace it, or --out to write elsewhere$/,
    );
    expect(readFileSync(out).equals(first)).toBe(true);
    expect(runChild(["generate", book, "--force"]).code).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  test("the demo rebuilds its own out/ file run after run; a file the user names needs --force", () => {
    const cwd = mkdtempSync(join(tmpdir(), "esg-demo-"));
    for (let run = 0; run < 2; run++) {
      const r = runChild(["demo"], cwd);
      expect([r.code, r.stderr]).toEqual([0, ""]);
      expect(r.stdout).toMatch(/wrote out\/sample-esg-2024-disclosures\.xlsx: \d+ sheets/);
    }
    const mine = join(cwd, "mine.xlsx");
    writeFileSync(mine, "keep me");
    oneLine(runChild(["demo", "--out", mine], cwd), /mine\.xlsx already exists: add --force to replace it$/);
    expect(readFileSync(mine, "utf8")).toBe("keep me");
    expect(runChild(["demo", "--out", mine, "--force"], cwd).code).toBe(0);
    rmSync(cwd, { recursive: true, force: true });
  }, 60_000);
});

describe("two writers", () => {
  test("a second run writing an output another live run holds fails in one line", () => {
    const out = join(tmp, "held.xlsx");
    // The lock of a live writer: this test process.
    writeFileSync(join(tmp, ".held.xlsx.esg-lock"), String(process.pid));
    oneLine(runChild(["generate", SAMPLE, "--out", out]), /held\.xlsx is being written by another esg run \(process \d+\)/);
    expect(existsSync(out)).toBe(false);
    rmSync(join(tmp, ".held.xlsx.esg-lock"));
  });

  test("a lock left by a run that is gone is taken over, and released", () => {
    const out = join(tmp, "stale.xlsx");
    writeFileSync(join(tmp, ".stale.xlsx.esg-lock"), "2147483646");
    expect(runChild(["generate", SAMPLE, "--out", out]).code).toBe(0);
    expect(existsSync(join(tmp, ".stale.xlsx.esg-lock"))).toBe(false);
  });

  const onLinux = processStart(process.pid) !== null ? test : test.skip;

  onLinux("a lock naming a running process by its id and start time holds; the same id with another start time is a reused id, taken over", () => {
    const out = join(tmp, "reused.xlsx");
    const lock = join(tmp, ".reused.xlsx.esg-lock");
    writeFileSync(lock, `${process.pid} ${processStart(process.pid)} ${hostname()}`);
    oneLine(runChild(["generate", SAMPLE, "--out", out]), /reused\.xlsx is being written by another esg run \(process \d+\)/);
    writeFileSync(lock, `${process.pid} 1 ${hostname()}`);
    expect(runChild(["generate", SAMPLE, "--out", out]).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  test("a lock from another host cannot be judged: one line says which lock to remove", () => {
    const out = join(tmp, "remote.xlsx");
    const lock = join(tmp, ".remote.xlsx.esg-lock");
    writeFileSync(lock, "4242 99 some-other-host");
    oneLine(
      runChild(["generate", SAMPLE, "--out", out]),
      /remote\.xlsx is being written by an esg run on some-other-host \(process 4242\); if none is, remove .*\.remote\.xlsx\.esg-lock$/,
    );
    rmSync(lock);
  });

  test("a writer killed outright (SIGKILL, no clean-up) leaves its lock; the next run takes it over", async () => {
    const out = join(tmp, "crashed.xlsx");
    const lock = join(tmp, ".crashed.xlsx.esg-lock");
    const c = spawn(process.execPath, [join(ROOT, "bin", "esg.js"), "generate", SAMPLE, "--out", out], {
      env: { ...process.env, ESG_FROM_SOURCE: "1" },
    });
    const closed = new Promise((r) => c.on("close", r));
    const t0 = Date.now();
    while (!existsSync(lock) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
    c.kill("SIGKILL");
    await closed;
    expect(existsSync(lock)).toBe(true);
    expect(readFileSync(lock, "utf8")).toMatch(new RegExp(`^${c.pid} `));
    // What a killed run may leave beside the lock (its own temporary files) is its own; the lock is judged.
    for (const f of readdirSync(tmp)) if (f.includes(`.${c.pid}.`)) rmSync(join(tmp, f));
    const next = runChild(["generate", SAMPLE, "--out", out]);
    expect([next.code, next.stderr]).toEqual([0, ""]);
    expect(existsSync(lock)).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  test("two concurrent runs: one writes, the other fails in one line or runs after it; never both silently", async () => {
    const out = join(tmp, "race.xlsx");
    const run = (): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const c = spawn(process.execPath, [join(ROOT, "bin", "esg.js"), "generate", SAMPLE, "--out", out], {
          env: { ...process.env, ESG_FROM_SOURCE: "1" },
        });
        let stderr = "";
        c.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        c.on("close", (code) => resolve({ code, stderr }));
      });
    // Twice from a free output, twice from a lock left by a run that is gone (both take it over at once).
    for (const stale of [false, false, true, true]) {
      rmSync(out, { force: true });
      if (stale) writeFileSync(join(tmp, ".race.xlsx.esg-lock"), "2147483646 1 " + hostname());
      const results = await Promise.all([run(), run()]);
      // The loser either met the lock or (starting after the winner finished) the existing output.
      expect(results.filter((r) => r.code === 0)).toHaveLength(1);
      const loser = results.find((r) => r.code !== 0)!;
      expect(loser.code).toBe(2);
      expect(loser.stderr.trim()).toMatch(/being written by another esg run|already exists: add --force/);
      expect(leftovers()).toEqual([]);
    }
  }, 120_000);
});

describe("replacing a file", () => {
  test("--in-place keeps a 0600 file's permissions", () => {
    const book = join(tmp, "private.xlsx");
    copyFileSync(SAMPLE, book);
    chmodSync(book, 0o600);
    expect(runChild(["generate", book, "--in-place"]).code).toBe(0);
    expect(statSync(book).mode & 0o777).toBe(0o600);
  });

  test("--in-place on a link writes through to its target and keeps the link", () => {
    const real = join(tmp, "real.xlsx");
    const link = join(tmp, "via-link.xlsx");
    copyFileSync(SAMPLE, real);
    symlinkSync(real, link);
    expect(runChild(["generate", link, "--in-place"]).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).equals(readFileSync(SAMPLE))).toBe(false);
  });

  test("SIGTERM mid-run leaves the input whole and no temporary file or lock", async () => {
    const book = join(tmp, "killed.xlsx");
    copyFileSync(SAMPLE, book);
    const before = readFileSync(book);
    for (const delay of [400, 900, 1500]) {
      const c = spawn(process.execPath, [join(ROOT, "bin", "esg.js"), "generate", book, "--in-place"], {
        env: { ...process.env, ESG_FROM_SOURCE: "1" },
      });
      const closed = new Promise((r) => c.on("close", r));
      await new Promise((r) => setTimeout(r, delay));
      c.kill("SIGTERM");
      await closed;
      const now = readFileSync(book);
      // Either untouched or completely replaced (a zip whose end record is in place).
      expect(now.equals(before) || now.subarray(now.length - 22, now.length - 18).toString("latin1") === "PK\x05\x06").toBe(true);
      expect(leftovers()).toEqual([]);
    }
  }, 60_000);
});

describe("output that arrives whole", () => {
  test("kpis --json through a slow pipe is complete and parseable, 20 runs of 20", async () => {
    const once = (): Promise<string> =>
      new Promise((resolve) => {
        const esg = `'${process.execPath}' '${join(ROOT, "bin", "esg.js")}' kpis --json '${join(ROOT, "examples", "synthetic-sites.xlsx")}'`;
        const c = spawn("bash", ["-c", `${esg} | (sleep 0.3; cat)`], { env: { ...process.env, ESG_FROM_SOURCE: "1" } });
        let out = "";
        c.stdout.on("data", (d: Buffer) => (out += d.toString()));
        c.on("close", () => resolve(out));
      });
    const outputs: string[] = [];
    for (let batch = 0; batch < 4; batch++) outputs.push(...(await Promise.all(Array.from({ length: 5 }, once))));
    const parsed = outputs.filter((o) => {
      try {
        JSON.parse(o);
        return true;
      } catch {
        return false;
      }
    });
    expect(parsed).toHaveLength(20);
    expect(outputs[0].length).toBeGreaterThan(65_536);
  }, 180_000);

  test("control characters in workbook text are escaped for a terminal; line breaks stay", () => {
    expect(escapeControls("\u001B[31mred\u0007 a\tb\nc\r")).toBe("\\x1B[31mred\\x07 a\tb\nc\\x0D");
    expect(escapeControls("\u009B2J")).toBe("\\x9B2J");
  });
});
