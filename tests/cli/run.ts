/** Run the CLI in-process (fast) or as a child process (exit codes, stderr exactly as a user sees them). */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";

export const ROOT = join(__dirname, "..", "..");

export async function runInProcess(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest
    .spyOn(process.stderr, "write")
    .mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** bin/esg.js as a child process, running the TypeScript source (ESG_FROM_SOURCE=1) so tests see this checkout. */
export function runChild(
  args: string[],
  cwd = ROOT,
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "esg.js"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ESG_FROM_SOURCE: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

/** `esg <args> | true`: the reader is gone before esg writes. esg's exit code and stderr. */
export function runIntoClosedPipe(args: string[]): { code: number; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "esg-pipe-"));
  const errFile = join(dir, "stderr");
  try {
    const esg = [process.execPath, join(ROOT, "bin", "esg.js"), ...args].map(quote).join(" ");
    const r = spawnSync("bash", ["-c", `${esg} 2>${quote(errFile)} | true; echo "\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, ESG_FROM_SOURCE: "1" },
    });
    return { code: Number(r.stdout.trim()), stderr: readFileSync(errFile, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
