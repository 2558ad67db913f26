/**
 * openpyxl for the tests (skipped when no python3 has it): build fixtures the way openpyxl writes them,
 * and dump what openpyxl sees in a workbook (xlsx-dump.py) to compare two writers cell by cell.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

let found: string | null | undefined;

/** A python3 that imports openpyxl, or null. */
export function pythonWithOpenpyxl(): string | null {
  if (found !== undefined) return found;
  found = null;
  for (const exe of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(exe, ["-c", "import openpyxl"], { encoding: "utf8" });
    if (r.status === 0) {
      found = exe;
      break;
    }
  }
  return found;
}

/** Run a python script with `input` at $IN; returns the bytes it wrote to $OUT. */
export function runPython(script: string, input?: Buffer): Buffer {
  const py = pythonWithOpenpyxl();
  if (!py) throw new Error("no python3 with openpyxl");
  const dir = mkdtempSync(join(tmpdir(), "py-"));
  try {
    const inPath = join(dir, "in.xlsx");
    const outPath = join(dir, "out.xlsx");
    if (input) writeFileSync(inPath, input);
    writeFileSync(join(dir, "script.py"), script);
    execFileSync(py, [join(dir, "script.py")], {
      env: { ...process.env, IN: inPath, OUT: outPath },
      stdio: "pipe",
    });
    return readFileSync(outPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Dump {
  readonly sheets: string[];
  readonly names: unknown[];
  readonly worksheets: Record<string, { cells: Record<string, unknown>; [k: string]: unknown }>;
}

/** What openpyxl sees (xlsx-dump.py), for the given sheets (all when none). */
export function openpyxlDump(buffer: Buffer, sheets: readonly string[] = []): Dump {
  const py = pythonWithOpenpyxl();
  if (!py) throw new Error("no python3 with openpyxl");
  const dir = mkdtempSync(join(tmpdir(), "dump-"));
  try {
    const path = join(dir, "book.xlsx");
    writeFileSync(path, buffer);
    const out = execFileSync(py, [join(__dirname, "xlsx-dump.py"), path, ...sheets], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      // openpyxl warns about extensions it drops on reading; the dump does not need them.
      stdio: ["ignore", "pipe", "pipe"],
    });
    return JSON.parse(out) as Dump;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
