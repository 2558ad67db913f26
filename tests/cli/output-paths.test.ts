/**
 * Output paths (issue 15): an existing output is replaced only with --force, a second writer of the
 * same output fails in one line, a killed run leaves neither a temporary file nor a lock, a replaced
 * file keeps its permissions and a link is written through; --json through a slow pipe arrives whole.
 */
import { spawn, spawnSync } from "child_process";
import { randomBytes } from "crypto";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "fs";
import { hostname, tmpdir } from "os";
import { join, relative } from "path";
import { escapeControls } from "../../src/cli/output";
import { processStart } from "../../src/workbook/xlsx/save";
import { readZip, writeZip } from "../../src/workbook/xlsx/zip";
import { expectWithin, ROOT, runMeasured, type Measured } from "./run";

const SAMPLE = join(ROOT, "examples", "sample-esg-2024.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "esg-paths-"));
/** esg as a child, every run held to the bound issue 15 sets (seconds, a few hundred MB of peak memory). */
function runChild(args: string[], cwd = ROOT): Measured {
  const r = runMeasured(args, { cwd });
  expectWithin(r, 30, 400);
  return r;
}
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
    // What the killed run left beside its lock (its temporary files) goes with the lock it held.
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

  test("--out through a dangling link with --force creates the file it names (relative to the link's folder); the link then resolves", () => {
    const folder = join(tmp, "dangling-target");
    mkdirSync(folder);
    const link = join(tmp, "dangling.xlsx");
    symlinkSync(join("dangling-target", "made.xlsx"), link);
    oneLine(runChild(["generate", SAMPLE, "--out", link]), /dangling\.xlsx already exists: add --force/);
    const r = runChild(["generate", SAMPLE, "--out", link, "--force"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("dangling-target", "made.xlsx"));
    expect(readZip(readFileSync(link), "made.xlsx").byName.has("xl/workbook.xml")).toBe(true);
    expect(readdirSync(folder)).toEqual(["made.xlsx"]);
    expect(leftovers()).toEqual([]);
  });

  test("--out through a dangling link whose target's folder does not exist, or through a loop of links: one line, nothing made", () => {
    const link = join(tmp, "nowhere.xlsx");
    symlinkSync(join("no-such-folder", "made.xlsx"), link);
    const r = runChild(["generate", SAMPLE, "--out", link, "--force"]);
    oneLine(r, /^esg: could not write .*nowhere\.xlsx: it is a symbolic link to .*no-such-folder\/made\.xlsx, whose folder does not exist$/);
    expect(readlinkSync(link)).toBe(join("no-such-folder", "made.xlsx"));
    expect(existsSync(join(tmp, "no-such-folder"))).toBe(false);
    // Links that name each other end nowhere: one line too.
    symlinkSync("loop-b.xlsx", join(tmp, "loop-a.xlsx"));
    symlinkSync("loop-a.xlsx", join(tmp, "loop-b.xlsx"));
    oneLine(runChild(["generate", SAMPLE, "--out", join(tmp, "loop-a.xlsx"), "--force"]), /loop-a\.xlsx: its symbolic links form a loop \(ELOOP\)$/);
    expect(readlinkSync(join(tmp, "loop-a.xlsx"))).toBe("loop-b.xlsx");
    expect(leftovers()).toEqual([]);
  });

  test("--in-place on a file with another hard link is refused in one line (the link would keep the old workbook); --force replaces it", () => {
    const book = join(tmp, "linked-twice.xlsx");
    const other = join(tmp, "other-name.xlsx");
    copyFileSync(SAMPLE, book);
    linkSync(book, other);
    const refused = runChild(["generate", book, "--in-place"]);
    oneLine(refused, /^esg: .*linked-twice\.xlsx has 2 hard links: --in-place would write a new file under this name only, the other link would keep the old workbook; add --force to do so anyway, or --out to write a copy$/);
    expect(statSync(book).nlink).toBe(2);
    expect(readFileSync(book).equals(readFileSync(SAMPLE))).toBe(true);
    const forced = runChild(["generate", book, "--in-place", "--force"]);
    expect([forced.code, forced.stderr]).toEqual([0, ""]);
    expect(readFileSync(book).equals(readFileSync(SAMPLE))).toBe(false);
    expect(readFileSync(other).equals(readFileSync(SAMPLE))).toBe(true);
    expect(leftovers()).toEqual([]);
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

describe("paths resolved to the file they land on", () => {
  test("an output that is the input through a linked folder or /proc/self/cwd is refused; --in-place through a linked folder writes the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "esg-real-"));
    const real = join(dir, "book.xlsx");
    copyFileSync(SAMPLE, real);
    const linked = join(tmp, "linked-folder");
    symlinkSync(dir, linked);
    const before = readFileSync(real);
    // /proc/self/cwd is the running esg's own folder (ROOT, where runMeasured starts it); spelled out,
    // not path.join'ed (which would fold its ".." lexically).
    const viaProc = `/proc/self/cwd/${relative(ROOT, real)}`;
    expect(viaProc).toMatch(/^\/proc\/self\/cwd\/\.\.\//);
    for (const [input, out] of [
      [join(linked, "book.xlsx"), real],
      [real, join(linked, "book.xlsx")],
      [real, viaProc],
      [viaProc, `${linked}/sub/../book.xlsx`],
    ]) {
      const r = runMeasured(["generate", input, "--out", out, "--force"]);
      oneLine(r, /is the input file .*: use --in-place to replace it$/);
      expectWithin(r, 15, 300);
    }
    expect(readFileSync(real).equals(before)).toBe(true);
    const r = runMeasured(["generate", join(linked, "book.xlsx"), "--in-place"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expectWithin(r, 30, 400);
    expect(lstatSync(linked).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).equals(before)).toBe(false);
    expect(readdirSync(dir)).toEqual(["book.xlsx"]);
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  test("an output under a folder that exists but cannot hold one (/proc), or under a file: one line, at once", () => {
    const blocker = join(tmp, "plain-file");
    writeFileSync(blocker, "not a folder");
    for (const [out, reason] of [
      // Node's recursive mkdir spun here for ever at full CPU (mkdir under /proc answers ENOENT).
      ["/proc/esg-no-such-folder/deeper/o.xlsx", /cannot create its folder, a part of the path does not exist and cannot be made \(ENOENT\)$/],
      ["/proc/o.xlsx", /a part of the path does not exist and cannot be made \(ENOENT\)$/],
      [join(blocker, "o.xlsx"), /a part of the path is not a folder \(ENOTDIR\)$/],
      [join(blocker, "deeper", "o.xlsx"), /cannot create its folder, a part of the path is not a folder \(ENOTDIR\)$/],
    ] as const) {
      const r = runMeasured(["generate", SAMPLE, "--out", out], { limitS: 20 });
      oneLine(r, new RegExp(`^esg: could not write ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${reason.source}`));
      expectWithin(r, 15, 300);
    }
    expect(leftovers()).toEqual([]);
  }, 120_000);

  test("--in-place keeps a read-only (0444) file read-only", () => {
    const book = join(tmp, "read-only.xlsx");
    copyFileSync(SAMPLE, book);
    chmodSync(book, 0o444);
    const before = readFileSync(book);
    const r = runMeasured(["generate", book, "--in-place"]);
    // A user who may not write the file is refused by the system; whoever may (its owner through the
    // folder, root) gets the file replaced with its mode kept.
    if (r.code === 0) {
      expect(readFileSync(book).equals(before)).toBe(false);
      expect(statSync(book).mode & 0o777).toBe(0o444);
    } else {
      oneLine(r, /could not write .*read-only\.xlsx: permission denied/);
      expect(readFileSync(book).equals(before)).toBe(true);
    }
    expectWithin(r, 30, 400);
    expect(leftovers()).toEqual([]);
  });

  const asRoot = process.getuid?.() === 0 ? test : test.skip;

  asRoot("--in-place keeps the replaced file's owner and group (run as root, who may give them)", () => {
    const book = join(tmp, "owned.xlsx");
    copyFileSync(SAMPLE, book);
    chownSync(book, 4321, 5432);
    chmodSync(book, 0o640);
    const r = runMeasured(["generate", book, "--in-place"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const st = statSync(book);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([4321, 5432, 0o640]);
  });
});

/** The sample with 40 MB of incompressible bytes beside it, so writing the output takes a while. */
function largeWorkbook(path: string): void {
  const zip = readZip(readFileSync(SAMPLE), "sample");
  writeFileSync(
    path,
    writeZip(zip.buffer, [...zip.entries.map((entry) => ({ kind: "copy" as const, entry })), { kind: "new", name: "xl/media/filler.bin", data: randomBytes(40 << 20) }]),
  );
}

/**
 * Run `generate <book> --in-place` and send `signal` the moment its temporary output appears beside the
 * book (inotify through fs.watch): a kill in the middle of writing, not before or after it.
 */
function killWhileWriting(book: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemp: boolean }> {
  const dir = join(book, "..");
  const name = book.slice(dir.length + 1);
  const isTemp = (f: string): boolean => f.startsWith(`.${name}.`) && /^\d+\.[0-9a-f]{8}\.tmp$/.test(f.slice(name.length + 2));
  return new Promise((resolve) => {
    let sawTemp = false;
    const c = spawn(process.execPath, [join(ROOT, "bin", "esg.js"), "generate", book, "--in-place"], {
      env: { ...process.env, ESG_FROM_SOURCE: "1" },
      stdio: "ignore",
    });
    const watcher = watch(dir, (_, f) => {
      if (!sawTemp && f && isTemp(String(f))) {
        sawTemp = true;
        c.kill(signal);
      }
    });
    c.on("exit", (code, sig) => {
      watcher.close();
      resolve({ code, signal: sig, sawTemp });
    });
  });
}

describe("a run killed while it writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "esg-kill-"));
  const book = join(dir, "large.xlsx");
  let original: Buffer;
  beforeAll(() => {
    largeWorkbook(book);
    original = readFileSync(book);
  });
  const whole = (b: Buffer): boolean => b.equals(original) || b.subarray(b.length - 22, b.length - 18).toString("latin1") === "PK\x05\x06";

  test.each(["SIGTERM", "SIGINT"] as const)("%s while the temporary output is being written: the input whole, no temporary file or lock left", async (signal) => {
    // A kill can still arrive after the rename on a loaded machine: try until one lands mid-write.
    let landed = false;
    for (let attempt = 0; attempt < 4 && !landed; attempt++) {
      writeFileSync(book, original);
      const r = await killWhileWriting(book, signal);
      expect(r.sawTemp).toBe(true);
      // 143 / 130: the handler ran (128 + the signal), removing what was pending.
      landed = r.code === (signal === "SIGTERM" ? 143 : 130);
      if (!landed) expect(r.code).toBe(0);
      expect(whole(readFileSync(book))).toBe(true);
      expect(readdirSync(dir)).toEqual(["large.xlsx"]);
    }
    expect(landed).toBe(true);
  }, 120_000);

  test("SIGKILL while writing: the input whole; the next run takes the lock over and removes the temporary file left", async () => {
    writeFileSync(book, original);
    const r = await killWhileWriting(book, "SIGKILL");
    expect([r.sawTemp, r.signal]).toEqual([true, "SIGKILL"]);
    expect(whole(readFileSync(book))).toBe(true);
    const left = readdirSync(dir).filter((f) => f !== "large.xlsx");
    expect(left).toHaveLength(2);
    expect(left).toEqual(expect.arrayContaining([".large.xlsx.esg-lock", expect.stringMatching(/^\.large\.xlsx\.\d+\.[0-9a-f]{8}\.tmp$/)]));
    const next = runMeasured(["generate", book, "--in-place"]);
    expect([next.code, next.stderr]).toEqual([0, ""]);
    expectWithin(next, 30, 600);
    expect(readdirSync(dir)).toEqual(["large.xlsx"]);
  }, 120_000);
});

const withStrace = spawnSync("strace", ["-V"]).status === 0 ? test : test.skip;

describe("flushed to disk", () => {
  withStrace("the temporary file is fsync'ed before the rename, and its folder after it (system calls traced)", () => {
    const out = join(tmp, "flushed.xlsx");
    const trace = join(tmp, "flushed.strace");
    const r = spawnSync(
      "strace",
      ["-f", "-e", "trace=openat,fsync,fdatasync,rename,renameat,renameat2", "-o", trace, process.execPath, join(ROOT, "bin", "esg.js"), "generate", SAMPLE, "--out", out],
      { encoding: "utf8", timeout: 60_000, env: { ...process.env, ESG_FROM_SOURCE: "1" } },
    );
    expect(r.status).toBe(0);
    const lines = readFileSync(trace, "utf8").split("\n");
    rmSync(trace);
    const at = (re: RegExp, from = 0): number => lines.findIndex((l, i) => i >= from && re.test(l));
    const quoted = (p: string): string => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const opened = at(new RegExp(`openat\\(AT_FDCWD, "${quoted(tmp)}/\\.flushed\\.xlsx\\.\\d+\\.[0-9a-f]{8}\\.tmp", .*O_CREAT.* = (\\d+)`));
    expect(opened).toBeGreaterThanOrEqual(0);
    const fd = /= (\d+)$/.exec(lines[opened])![1];
    const fileSync = at(new RegExp(`f(data)?sync\\(${fd}\\b`), opened);
    const renamed = at(new RegExp(`rename(at2?)?\\(.*\\.flushed\\.xlsx\\.\\d+\\.[0-9a-f]{8}\\.tmp", .*flushed\\.xlsx"`), opened);
    const dirOpened = at(new RegExp(`openat\\(AT_FDCWD, "${quoted(tmp)}", O_RDONLY.* = (\\d+)`), renamed);
    expect([fileSync > opened, renamed > fileSync, dirOpened > renamed]).toEqual([true, true, true]);
    const dirFd = /= (\d+)$/.exec(lines[dirOpened])![1];
    expect(at(new RegExp(`f(data)?sync\\(${dirFd}\\b`), dirOpened)).toBeGreaterThan(dirOpened);
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
