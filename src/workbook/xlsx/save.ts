/**
 * Write a workbook file whole or not at all: to a temporary file in the target's folder, flushed to
 * disk, then renamed over the target and the folder flushed (rename is atomic within a file system,
 * POSIX rename(2)). A symbolic link is written through to the file it points at; a replaced file keeps
 * its permissions. The temporary file is removed on failure and on SIGINT/SIGTERM. Messages name the
 * user's path, never the temporary file.
 */
import { randomBytes } from "crypto";
import { promises as fs, rmSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { WorkbookError } from "./errors";

const pending = new Set<string>();
let handlersInstalled = false;

function installCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      for (const tmp of pending) rmSync(tmp, { force: true });
      process.exit(code);
    });
  }
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long",
  EEXIST: "a file of that name appeared meanwhile",
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? "system error"} (${code})` : e instanceof Error ? e.message : String(e);
}

/** The real path a write to `path` lands on: through symbolic links, or the real folder of a new file. */
export async function realTarget(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    try {
      return join(await fs.realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An exclusive lock on an output for the whole run (read, build, write): a lock file beside the real
 * target, created with O_EXCL, holding the writer's process id. A second run writing the same file
 * fails in one line instead of silently losing one result; a lock left by a killed run (its process
 * gone) is taken over. Returns the release, which the signal handlers also run.
 */
export async function lockOutput(path: string): Promise<() => Promise<void>> {
  const target = await realTarget(path);
  const lock = join(dirname(target), `.${basename(target)}.esg-lock`);
  installCleanup();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await fs.open(lock, "wx", 0o644);
      pending.add(lock); // before any other await, so a signal from here on removes it
      await fh.writeFile(String(process.pid));
      await fh.close();
      return async () => {
        pending.delete(lock);
        await fs.rm(lock, { force: true });
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // No folder yet, not a folder, not writable: the save says so in its own words, naming the path.
      if (code !== "EEXIST") return async () => undefined;
      const holder = Number((await fs.readFile(lock, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))
        throw new WorkbookError("write-failed", `${path} is being written by another esg run (process ${holder}); try again when it has finished`);
      await fs.rm(lock, { force: true });
    }
  }
  throw new WorkbookError("write-failed", `could not lock ${path}: the lock file keeps reappearing`);
}

/**
 * Refuse to replace an existing file unless asked (--force): a workbook is never silently overwritten.
 * `otherwise` names another way out for the message ("or --out to write elsewhere").
 */
export async function refuseExisting(path: string, force: boolean | undefined, otherwise?: string): Promise<void> {
  if (force) return;
  const exists = await fs.lstat(path).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new WorkbookError(
      "write-failed",
      `${path} already exists: add --force to replace it${otherwise ? `, ${otherwise}` : ""}`,
    );
}

export async function saveAtomically(path: string, data: Buffer): Promise<void> {
  const target = await realTarget(path);
  const dir = dirname(target);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new WorkbookError(
      "write-failed",
      `could not write ${path}: cannot create its folder, ${reason(e)}`,
    );
  }
  let mode: number | undefined;
  try {
    const st = await fs.stat(target);
    if (st.isDirectory()) throw new WorkbookError("write-failed", `could not write ${path}: it is a folder`);
    mode = st.mode & 0o7777;
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
  }
  installCleanup();
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  pending.add(tmp);
  try {
    const fh = await fs.open(tmp, "wx", mode ?? 0o666);
    try {
      await fh.writeFile(data);
      if (mode !== undefined) await fh.chmod(mode);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, target);
    pending.delete(tmp);
    const dh = await fs.open(dir, "r").catch(() => null);
    if (dh) {
      await dh.sync().catch(() => undefined);
      await dh.close();
    }
  } catch (e) {
    await fs.rm(tmp, { force: true });
    pending.delete(tmp);
    throw new WorkbookError("write-failed", `could not write ${path}: ${reason(e)}`);
  }
}
