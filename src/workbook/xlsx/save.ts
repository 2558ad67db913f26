/**
 * Write a workbook file whole or not at all: to a temporary file in the target's folder, flushed to
 * disk, then renamed over the target and the folder flushed (rename is atomic within a file system,
 * POSIX rename(2)). A symbolic link is written through to the file it points at; a replaced file keeps
 * its permissions, and its owner where the system allows. The temporary file is removed on failure and
 * on SIGINT/SIGTERM, and after a SIGKILL by the next run that takes the lock over. Messages name the
 * user's path, never the temporary file.
 */
import { randomBytes } from "crypto";
import { promises as fs, readFileSync, rmSync } from "fs";
import { hostname } from "os";
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
  ENOENT: "a part of the path does not exist and cannot be made",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long",
  EEXIST: "a file of that name appeared meanwhile",
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? "system error"} (${code})` : e instanceof Error ? e.message : String(e);
}

/** Links followed before a chain is taken as a loop (Linux's limit for a path, path_resolution(7)). */
const MAX_LINKS = 40;

/**
 * The real path a write to `path` lands on: through symbolic links, or the real folder of a new file.
 * A dangling link names the file to create (its text read relative to the link's folder, symlink(7)),
 * so a write makes the link resolve instead of replacing it; when that file's folder does not exist,
 * the write is refused rather than the folder made.
 */
export async function realTarget(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    const named = await danglingLinkTarget(path);
    try {
      return join(await fs.realpath(dirname(named ?? resolve(path))), basename(named ?? path));
    } catch {
      if (named !== null)
        throw new WorkbookError("write-failed", `could not write ${path}: it is a symbolic link to ${named}, whose folder does not exist`);
      return resolve(path);
    }
  }
}

/** The path a dangling symbolic link (or a chain of them) finally names, or null when `path` is no link. */
async function danglingLinkTarget(path: string): Promise<string | null> {
  let at = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const isLink = await fs.lstat(at).then(
      (st) => st.isSymbolicLink(),
      () => false,
    );
    if (!isLink) return hops === 0 ? null : at;
    // Relative to the folder the link really is in (the folder may itself be reached through a link).
    at = resolve(await fs.realpath(dirname(at)), await fs.readlink(at));
  }
  throw new WorkbookError("write-failed", `could not write ${path}: its symbolic links form a loop (ELOOP)`);
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
 * When a process started, as the kernel counts it (proc(5): field 22 of /proc/<pid>/stat, clock ticks
 * since boot), or null where there is no /proc (macOS, Windows: the process id alone is judged there).
 * A process id reused by a later process comes with another start time.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2 (the command name) may hold spaces and parentheses: count the fields after its last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** The writer a lock file names: "pid start host" (start "-" where unknown; a bare pid from older runs). */
interface Holder {
  readonly pid: number;
  readonly start: string | null;
  readonly host: string | null;
}

function parseHolder(text: string): Holder | null {
  const [pid, start, host] = text.trim().split(" ");
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0) return null;
  return { pid: n, start: start && start !== "-" ? start : null, host: host || null };
}

/** Whether the writer a lock names is still running; "unknown" when it ran on another host. */
function holderState(h: Holder): "running" | "gone" | "unknown" {
  if (h.host !== null && h.host !== hostname()) return "unknown";
  const now = h.start === null ? null : processStart(h.pid);
  // This very process (another output of the same run): held. An earlier process with our id: gone.
  if (h.pid === process.pid) return now !== null && now === h.start ? "running" : "gone";
  if (!alive(h.pid)) return "gone";
  return now !== null && now !== h.start ? "gone" : "running";
}

/**
 * An exclusive lock on an output for the whole run (read, build, write): a lock file beside the real
 * target, created with O_EXCL (atomic on local file systems), naming the writer's process id, its start
 * time and the host. Node has no flock(2), and the npm lock packages need a native build (fs-ext) or
 * judge a lock stale by its age while a long synchronous run cannot refresh it (proper-lockfile), so the
 * writer is judged instead: a second run writing the same file fails in one line while the first is
 * running; a lock whose writer is gone (crashed, killed with SIGKILL, or its process id now another
 * process's) is taken over at once. Returns the release, which the signal handlers also run.
 */
export async function lockOutput(path: string): Promise<() => Promise<void>> {
  const target = await realTarget(path);
  const lock = join(dirname(target), `.${basename(target)}.esg-lock`);
  const me = `${process.pid} ${processStart(process.pid) ?? "-"} ${hostname()}`;
  installCleanup();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await createWithContent(lock, me);
      return async () => {
        pending.delete(lock);
        await fs.rm(lock, { force: true });
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // No folder yet, not a folder, not writable: the save says so in its own words, naming the path.
      if (code !== "EEXIST") return async () => undefined;
      const seen = await fs.readFile(lock, "utf8").catch(() => "");
      const holder = parseHolder(seen);
      const state = holder ? holderState(holder) : "gone";
      if (holder && state === "running")
        throw new WorkbookError(
          "write-failed",
          `${path} is being written by another esg run (process ${holder.pid}); try again when it has finished`,
        );
      if (holder && state === "unknown")
        throw new WorkbookError(
          "write-failed",
          `${path} is being written by an esg run on ${holder.host} (process ${holder.pid}); if none is, remove ${lock}`,
        );
      await takeOver(lock, seen);
      if (holder) await removeLeftovers(target, holder.pid);
    }
  }
  throw new WorkbookError("write-failed", `could not lock ${path}: the lock file keeps reappearing`);
}

/**
 * Create `lock` holding `content`, or fail with EEXIST. The content is written to a file of its own and
 * hard-linked into place (link(2) never replaces), so no other run ever reads a lock without its
 * writer; where hard links are not supported, the lock is created with O_EXCL and then written.
 */
async function createWithContent(lock: string, content: string): Promise<void> {
  const mine = `${lock}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  pending.add(mine);
  try {
    await fs.writeFile(mine, content, { mode: 0o644, flag: "wx" });
    try {
      await fs.link(mine, lock);
      pending.add(lock); // in the same turn as the link, so a signal from here on removes it
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
    }
    const fh = await fs.open(lock, "wx", 0o644);
    pending.add(lock);
    await fh.writeFile(content);
    await fh.close();
  } finally {
    await fs.rm(mine, { force: true }).catch(() => undefined);
    pending.delete(mine);
  }
}

/**
 * Remove a lock whose writer is gone. It is first renamed aside (atomic: of two runs taking over, one
 * moves it); if what was moved is not the lock judged (another run took it over meanwhile), it is put
 * back where it was free (link(2) does not replace) and that run keeps it.
 */
async function takeOver(lock: string, seen: string): Promise<void> {
  const aside = `${lock}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  pending.add(aside);
  try {
    await fs.rename(lock, aside);
    if ((await fs.readFile(aside, "utf8")) !== seen) await fs.link(aside, lock).catch(() => undefined);
  } catch {
    // Gone already: another run took it over first; the next attempt meets its lock.
  } finally {
    await fs.rm(aside, { force: true });
    pending.delete(aside);
  }
}

/**
 * The temporary files a writer that is gone left beside `target`: its output (`.<name>.<pid>.<8 hex>.tmp`,
 * see saveAtomically) and its lock's (`.<name>.esg-lock.<pid>.<8 hex>.tmp`, see createWithContent). A run
 * killed outright (SIGKILL, a power cut) cannot remove its own, so the run that takes its lock over
 * does. Only that writer's files: its lock named it, and it no longer runs.
 */
async function removeLeftovers(target: string, pid: number): Promise<void> {
  const prefixes = [`.${basename(target)}.${pid}.`, `.${basename(target)}.esg-lock.${pid}.`];
  const dir = dirname(target);
  for (const f of await fs.readdir(dir).catch(() => [] as string[]))
    for (const prefix of prefixes)
      if (f.startsWith(prefix) && /^[0-9a-f]{8}\.tmp$/.test(f.slice(prefix.length)))
        await fs.rm(join(dir, f), { force: true }).catch(() => undefined);
}

/**
 * Refuse to replace an existing file unless asked (--force): a workbook is never silently overwritten.
 * `otherwise` names another way out for the message ("or --out to write elsewhere").
 */
export async function refuseExisting(
  path: string,
  force: boolean | undefined,
  otherwise?: string,
): Promise<void> {
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

/**
 * The lock on an output that is replaced only with --force: refused before the lock is taken (at once)
 * and again once it is held, since a run that held it meanwhile may have written the file. Two runs
 * started together then give one output and one refusal, never two silent writes (issue 15).
 */
export async function lockNewOutput(
  path: string,
  force: boolean | undefined,
  otherwise?: string,
): Promise<() => Promise<void>> {
  await refuseExisting(path, force, otherwise);
  const release = await lockOutput(path);
  try {
    await refuseExisting(path, force, otherwise);
  } catch (e) {
    await release();
    throw e;
  }
  return release;
}

/**
 * `dir` and any folders missing above it, one level at a time. Not fs.mkdir's `recursive`: where a
 * folder exists but cannot hold children (mkdir(2) under /proc answers ENOENT with the parent in
 * place), Node 20's recursive mkdir steps back and forth for ever at full CPU; here each missing
 * level is made once and the first refusal is final.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    // Any answer but "not there" ends the walk: a folder, or a refusal (ENOTDIR, EACCES) to report.
    const found = await fs.stat(at).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code !== "ENOENT") throw e;
        return false;
      },
    );
    if (found || dirname(at) === at) break;
    missing.unshift(at);
  }
  for (const level of missing)
    await fs.mkdir(level).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
}

export async function saveAtomically(path: string, data: Buffer): Promise<void> {
  const target = await realTarget(path);
  const dir = dirname(target);
  try {
    await makeFolder(dir);
  } catch (e) {
    throw new WorkbookError(
      "write-failed",
      `could not write ${path}: cannot create its folder, ${reason(e)}`,
    );
  }
  let mode: number | undefined;
  let owner: { readonly uid: number; readonly gid: number } | undefined;
  try {
    const st = await fs.stat(target);
    if (st.isDirectory()) throw new WorkbookError("write-failed", `could not write ${path}: it is a folder`);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
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
      // The replaced file's owner and group, where this process may give them (chown(2): root, or the
      // owner choosing one of its groups); otherwise the writer's, as for any editor's save.
      if (owner) await fh.chown(owner.uid, owner.gid).catch(() => undefined);
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
    // force ignores only ENOENT: a path through a file (ENOTDIR) must not hide the first error.
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    pending.delete(tmp);
    throw new WorkbookError("write-failed", `could not write ${path}: ${reason(e)}`);
  }
}
