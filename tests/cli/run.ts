/** Run the CLI in-process (fast) or as a child process (exit codes, stderr exactly as a user sees them). */
import { spawnSync } from "child_process";
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

export function runChild(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "esg.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
